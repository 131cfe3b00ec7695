package dev.steward.examples.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.steward.purview.emulator.PurviewEmulator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboard and the Prometheus alert rules must only name metrics that Steward really
 * exposes: every {@code steward_*} name in their PromQL must appear in a Prometheus scrape taken
 * after the metrics example exercised every component.
 */
class DashboardTest {
  private static final Pattern METRIC = Pattern.compile("\\bsteward_[a-z0-9_]+\\b");
  private static String scrape;
  private static Set<String> exposed;

  @BeforeAll
  static void exercise(@TempDir Path dir) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      MetricsExample.run(
          emulator, registry, dir, new java.io.PrintStream(new java.io.ByteArrayOutputStream()));
    }
    scrape = registry.scrape();
    exposed =
        scrape
            .lines()
            .filter(line -> !line.startsWith("#") && !line.isBlank())
            .map(line -> line.split("[{ ]", 2)[0])
            .collect(Collectors.toCollection(TreeSet::new));
  }

  static JsonNode read(String resource, ObjectMapper mapper) throws IOException {
    try (InputStream in = DashboardTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return mapper.readTree(in);
    }
  }

  static List<String> expressions(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("expr") && e.getValue().isTextual()) {
                  out.add(e.getValue().asText());
                } else {
                  out.addAll(expressions(e.getValue()));
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> out.addAll(expressions(n)));
    }
    return out;
  }

  static Set<String> metrics(List<String> expressions) {
    Set<String> names = new TreeSet<>();
    for (String expr : expressions) {
      Matcher m = METRIC.matcher(expr);
      while (m.find()) {
        names.add(m.group());
      }
    }
    return names;
  }

  @Test
  void everyDashboardMetricIsExposed() throws IOException {
    JsonNode dashboard = read("/grafana/steward-dashboard.json", new ObjectMapper());
    assertThat(dashboard.at("/__inputs/0/name").asText()).isEqualTo("DS_PROMETHEUS");
    List<String> exprs = expressions(dashboard);
    Set<String> used = metrics(exprs);

    // A panel for each group.
    for (String group :
        List.of("purview", "extraction", "quality", "drift", "guard", "scheduler")) {
      assertThat(used).as(group).anyMatch(n -> n.startsWith("steward_" + group + "_"));
    }
    assertThat(used).isNotEmpty();
    assertThat(exposed).containsAll(used);
    dashboard
        .path("panels")
        .forEach(
            panel -> {
              if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText())
                    .as(panel.path("title").asText())
                    .isEqualTo("${DS_PROMETHEUS}");
              }
            });
  }

  @Test
  void everyAlertMetricIsExposed() throws IOException {
    JsonNode rules = read("/grafana/steward-alerts.yaml", new ObjectMapper(new YAMLFactory()));
    List<String> exprs = expressions(rules);
    Set<String> used = metrics(exprs);

    assertThat(exprs).hasSize(rules.at("/groups/0/rules").size());
    assertThat(used)
        .contains(
            "steward_drift_current",
            "steward_scheduler_job_last_success_seconds",
            "steward_scheduler_job_interval_seconds");
    assertThat(exposed).containsAll(used);
  }

  @Test
  void theScrapeStaysSmall() {
    // Low-cardinality tags and twelve latency buckets: after a full example run the scrape holds
    // a few hundred samples, whatever the guids involved.
    long samples = scrape.lines().filter(l -> l.startsWith("steward_")).count();
    long buckets =
        scrape.lines().filter(l -> l.startsWith("steward_purview_requests_seconds_bucket")).count();
    System.out.printf(
        "scrape: %d steward samples, %d of them request-latency buckets%n", samples, buckets);
    assertThat(samples).isLessThan(500);
    assertThat(scrape).doesNotContainPattern("operation=\"[^\"]*[0-9a-f]{8}-[0-9a-f]{4}");
  }

  @Test
  void tagsBecomeTheLabelsTheQueriesUse() {
    assertThat(scrape)
        .contains("steward_scheduler_job_interval_seconds{job_id=\"hourly-sql-tables\"")
        .containsPattern("steward_drift_current\\{resource_type=\"[^\"]+\",severity=\"CRITICAL\"")
        .contains("steward_purview_requests_seconds_bucket{");
  }
}
