package dev.steward.purview.implementation;

import dev.steward.purview.PurviewClientMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * {@link ClientMetrics} on a Micrometer registry. The only class of the client that names a
 * Micrometer type at run time; it is loaded only when the builder was given a registry.
 */
public final class MicrometerClientMetrics implements ClientMetrics {
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofSeconds(120)
  };

  private final MeterRegistry registry;
  private final Timer rateLimitWaits;

  /**
   * Creates the recorder.
   *
   * @param registry where the meters go
   */
  public MicrometerClientMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "meterRegistry");
    this.rateLimitWaits =
        Timer.builder(PurviewClientMeters.RATE_LIMIT_WAITS)
            .description("Waits for a token of the client-side Purview rate limit")
            .register(registry);
  }

  @Override
  public void request(String path, String method, int status, Duration duration) {
    Timer.builder(PurviewClientMeters.REQUESTS)
        .description("Purview Data Map requests, retries included")
        .tag(PurviewClientMeters.TAG_OPERATION, RouteTemplates.operation(path))
        .tag(PurviewClientMeters.TAG_METHOD, method)
        .tag(PurviewClientMeters.TAG_STATUS, status(status))
        .tag(PurviewClientMeters.TAG_OUTCOME, outcome(status))
        // Twelve fixed buckets, enough for a p95 by histogram_quantile; Micrometer's default
        // percentile histogram would publish about 70 per series.
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry)
        .record(duration);
  }

  @Override
  public void retry(String path, String method, int status) {
    Counter.builder(PurviewClientMeters.RETRIES)
        .description("Purview requests retried")
        .tag(PurviewClientMeters.TAG_OPERATION, RouteTemplates.operation(path))
        .tag(PurviewClientMeters.TAG_METHOD, method)
        .tag(PurviewClientMeters.TAG_REASON, status(status))
        .register(registry)
        .increment();
  }

  @Override
  public void throttled(String path, int status) {
    Counter.builder(PurviewClientMeters.THROTTLED)
        .description("Purview responses that asked the client to slow down (429, 503)")
        .tag(PurviewClientMeters.TAG_OPERATION, RouteTemplates.operation(path))
        .tag(PurviewClientMeters.TAG_STATUS, status(status))
        .register(registry)
        .increment();
  }

  @Override
  public void rateLimitWait(Duration wait) {
    rateLimitWaits.record(wait);
  }

  private static String status(int status) {
    return status < 0 ? PurviewClientMeters.IO_ERROR : Integer.toString(status);
  }

  private static String outcome(int status) {
    if (status < 100) {
      return "UNKNOWN";
    } else if (status < 200) {
      return "INFORMATIONAL";
    } else if (status < 300) {
      return "SUCCESS";
    } else if (status < 400) {
      return "REDIRECTION";
    } else if (status < 500) {
      return "CLIENT_ERROR";
    }
    return status < 600 ? "SERVER_ERROR" : "UNKNOWN";
  }
}
