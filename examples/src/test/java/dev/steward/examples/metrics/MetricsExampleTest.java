package dev.steward.examples.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.purview.emulator.PurviewEmulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics example against the emulator's demo estate. */
class MetricsExampleTest {
  @TempDir Path dir;

  @Test
  void everyComponentRecordsIntoTheOneRegistry() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      MetricsExample.run(
          emulator, registry, dir, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    assertThat(Files.readAllLines(dir.resolve("sql-tables.jsonl"))).isNotEmpty();
    assertThat(registry.get("steward.purview.throttled").tag("status", "429").counter().count())
        .isEqualTo(2);
    assertThat(registry.get("steward.purview.retries").tag("reason", "429").counter().count())
        .isEqualTo(2);
    assertThat(
            registry
                .get("steward.purview.requests")
                .tags("operation", "search.query", "status", "200")
                .timer()
                .count())
        .isPositive();
    assertThat(registry.get("steward.extraction.runs").tag("outcome", "success").timer().count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("steward.extraction.assets")
                .tag("type", "azure_sql_table")
                .counter()
                .count())
        .isPositive();
    assertThat(
            registry
                .get("steward.scheduler.job.runs")
                .tags("job.type", "extract-sql-tables", "outcome", "SUCCEEDED")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(registry.get("steward.scheduler.job.interval").gauge().value()).isEqualTo(3600);
    assertThat(registry.get("steward.quality.datasets").tag("status", "WRITTEN").counter().count())
        .isPositive();
    assertThat(
            registry
                .get("steward.quality.webhook.events")
                .tags("result", "accepted", "status", "200")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.get("steward.drift.current").gauges()).isNotEmpty();
    assertThat(registry.get("steward.guard.decisions").counters()).hasSize(2);

    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out.lines()).hasSize(12).allMatch(line -> line.startsWith("steward."));
  }
}
