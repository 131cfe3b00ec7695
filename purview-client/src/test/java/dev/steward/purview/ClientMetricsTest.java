package dev.steward.purview;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClientMetricsTest extends WireMockSupport {
  static final String ENTITY =
      "{\"entity\":{\"typeName\":\"azure_sql_table\",\"guid\":\"g1\",\"attributes\":{\"qualifiedName\":\"q\"}}}";
  static final String PATH = "/datamap/api/atlas/v2/entity/guid/g1?api-version=2023-09-01";

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void aRequestIsTimedByRouteTemplateMethodStatusAndOutcome() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(ENTITY)));
    server.stubFor(
        get(urlEqualTo(
                "/datamap/api/atlas/v2/entity/guid/00000000-dead-beef?api-version=2023-09-01"))
            .willReturn(okJson(ENTITY)));
    PurviewDataMapClient client = builder().meterRegistry(registry).buildClient();

    client.entities().get("g1");
    client.entities().get("00000000-dead-beef");

    Timer timer =
        registry
            .get("steward.purview.requests")
            .tags("operation", "entity.guid", "method", "GET", "status", "200")
            .tag("outcome", "SUCCESS")
            .timer();
    assertThat(timer.count()).isEqualTo(2);
    // One series for both guids: the guid never becomes a tag value.
    assertThat(registry.find("steward.purview.requests").timers()).hasSize(1);
    assertThat(registry.find("steward.purview.retries").counters()).isEmpty();
  }

  @Test
  void throttledResponsesAndRetriesAreCountedAndTheTimerIncludesTheWait() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("busy"));
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs("busy")
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2"))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo(PATH)).inScenario("s").whenScenarioStateIs("ok").willReturn(okJson(ENTITY)));

    builder().meterRegistry(registry).buildClient().entities().get("g1");

    assertThat(counter("steward.purview.throttled", "operation", "entity.guid", "status", "429"))
        .isEqualTo(1);
    assertThat(counter("steward.purview.throttled", "operation", "entity.guid", "status", "503"))
        .isEqualTo(1);
    assertThat(
            counter(
                "steward.purview.retries",
                "operation",
                "entity.guid",
                "method",
                "GET",
                "reason",
                "429"))
        .isEqualTo(1);
    assertThat(
            counter(
                "steward.purview.retries",
                "operation",
                "entity.guid",
                "method",
                "GET",
                "reason",
                "503"))
        .isEqualTo(1);
    Timer timer = registry.get("steward.purview.requests").tag("status", "200").timer();
    assertThat(timer.count()).isEqualTo(1);
    // The fake clock moves only when the client sleeps: 7 s + 2 s.
    assertThat(timer.totalTime(TimeUnit.SECONDS)).isEqualTo(9.0);
  }

  @Test
  void aFinalErrorAndAConnectionFailureAreTimedWithTheirStatus() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404)));
    server.stubFor(
        get(urlEqualTo("/datamap/api/atlas/v2/types/typedefs?api-version=2023-09-01"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    PurviewDataMapClient client =
        builder()
            .meterRegistry(registry)
            .retry(PurviewRetryOptions.defaults().withMaxAttempts(2))
            .buildClient();

    assertThatThrownBy(() -> client.entities().get("g1"))
        .isInstanceOf(EntityNotFoundException.class);
    assertThatThrownBy(() -> client.typeDefinitions().list())
        .isInstanceOf(java.io.UncheckedIOException.class);

    assertThat(
            registry
                .get("steward.purview.requests")
                .tags("operation", "entity.guid", "status", "404", "outcome", "CLIENT_ERROR")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("steward.purview.requests")
                .tags("operation", "types.typedefs", "method", "GET", "status", "IO_ERROR")
                .tag("outcome", "UNKNOWN")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            counter("steward.purview.retries", "operation", "types.typedefs", "reason", "IO_ERROR"))
        .isEqualTo(1);
  }

  @Test
  void rateLimitWaitsAreTimed() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(ENTITY)));
    PurviewDataMapClient client = builder().meterRegistry(registry).rateLimit(2).buildClient();

    for (int i = 0; i < 5; i++) {
      client.entities().get("g1");
    }

    Timer waits = registry.get("steward.purview.rate.limit.waits").timer();
    assertThat(waits.count()).isEqualTo(3);
    assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500.0);
  }

  @Test
  void everyMeterNameIsDeclaredInPurviewClientMeters() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(ENTITY)));
    builder().meterRegistry(registry).rateLimit(1).buildClient().entities().get("g1");

    List<String> names =
        registry.getMeters().stream()
            .map(Meter::getId)
            .map(Meter.Id::getName)
            // SimpleMeterRegistry shows the timer's latency buckets as "<name>.histogram" gauges.
            .filter(name -> !name.endsWith(".histogram"))
            .distinct()
            .sorted()
            .collect(Collectors.toList());
    assertThat(names)
        .containsExactly(PurviewClientMeters.RATE_LIMIT_WAITS, PurviewClientMeters.REQUESTS);
  }

  private double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }
}
