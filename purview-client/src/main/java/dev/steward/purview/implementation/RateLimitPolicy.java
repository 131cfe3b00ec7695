package dev.steward.purview.implementation;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import dev.steward.purview.Sleeper;
import java.time.Clock;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * A client-side token bucket: {@code opsPerSecond} tokens a second, a burst of one second's worth.
 * Every attempt (retries included) takes a token, so a sync job stays inside the account's budget
 * (Purview: 25 operations per second per capacity unit) instead of living on 429s. Callers that
 * find the bucket empty reserve the next token and wait for it through the {@link Sleeper}.
 */
public final class RateLimitPolicy implements HttpPipelinePolicy {
  private final double ratePerNano;
  private final double capacity;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ClientMetrics metrics;
  private double tokens;
  private long lastNanos;

  /**
   * Creates the bucket, full.
   *
   * @param opsPerSecond sustained rate, greater than 0
   * @param clock time source
   * @param sleeper how to wait
   */
  public RateLimitPolicy(double opsPerSecond, Clock clock, Sleeper sleeper) {
    this(opsPerSecond, clock, sleeper, ClientMetrics.NONE);
  }

  /**
   * Creates the bucket, full, reporting every wait.
   *
   * @param opsPerSecond sustained rate, greater than 0
   * @param clock time source
   * @param sleeper how to wait
   * @param metrics where to report waits
   */
  public RateLimitPolicy(double opsPerSecond, Clock clock, Sleeper sleeper, ClientMetrics metrics) {
    if (!(opsPerSecond > 0) || Double.isInfinite(opsPerSecond)) {
      throw new IllegalArgumentException(
          "rateLimit must be a positive number, was " + opsPerSecond);
    }
    this.ratePerNano = opsPerSecond / 1e9;
    this.capacity = Math.max(1.0, opsPerSecond);
    this.clock = clock;
    this.sleeper = sleeper;
    this.metrics = metrics;
    this.tokens = capacity;
    this.lastNanos = nanos();
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    return Mono.error(
        new UnsupportedOperationException("Steward's Purview pipeline is synchronous"));
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    Duration wait = reserve();
    if (!wait.isZero()) {
      metrics.rateLimitWait(wait);
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the Purview rate limit", e);
      }
    }
    return next.processSync();
  }

  /**
   * Takes a token, going into debt when the bucket is empty.
   *
   * @return how long the caller must wait before sending
   */
  synchronized Duration reserve() {
    long now = nanos();
    tokens = Math.min(capacity, tokens + (now - lastNanos) * ratePerNano);
    lastNanos = now;
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) Math.ceil(-tokens / ratePerNano));
  }

  private long nanos() {
    java.time.Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
