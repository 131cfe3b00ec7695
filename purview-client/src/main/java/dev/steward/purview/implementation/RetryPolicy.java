package dev.steward.purview.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import dev.steward.purview.PurviewRetryOptions;
import dev.steward.purview.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Retries with exponential backoff and full jitter, honouring the service's retry-after headers;
 * every delay goes through the injected {@link Sleeper} and every time reading through the injected
 * {@link Clock}. Synchronous only (the client is synchronous).
 */
public final class RetryPolicy implements HttpPipelinePolicy {
  private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);
  private static final Set<Integer> RETRIABLE = Set.of(408, 429, 500, 502, 503, 504);
  private static final HttpHeaderName X_MS_RETRY_AFTER_MS =
      HttpHeaderName.fromString("x-ms-retry-after-ms");
  private static final HttpHeaderName RETRY_AFTER_MS = HttpHeaderName.fromString("retry-after-ms");

  private final String service;
  private final PurviewRetryOptions options;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final ClientMetrics metrics;

  /**
   * Creates the policy.
   *
   * @param options attempts and delays
   * @param clock time source
   * @param sleeper how to wait
   * @param jitter uniform values in [0, 1)
   */
  public RetryPolicy(
      PurviewRetryOptions options, Clock clock, Sleeper sleeper, DoubleSupplier jitter) {
    this("Purview", options, clock, sleeper, jitter, ClientMetrics.NONE);
  }

  /**
   * Creates the policy, reporting retries and throttled responses.
   *
   * @param options attempts and delays
   * @param clock time source
   * @param sleeper how to wait
   * @param jitter uniform values in [0, 1)
   * @param metrics where to report retries and 429/503 answers
   */
  public RetryPolicy(
      PurviewRetryOptions options,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier jitter,
      ClientMetrics metrics) {
    this("Purview", options, clock, sleeper, jitter, metrics);
  }

  /**
   * Creates the policy for another service (the name appears in logs and errors).
   *
   * @param service the service name, e.g. {@code "Azure Resource Manager"}
   * @param options attempts and delays
   * @param clock time source
   * @param sleeper how to wait
   * @param jitter uniform values in [0, 1)
   */
  public RetryPolicy(
      String service,
      PurviewRetryOptions options,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier jitter) {
    this(service, options, clock, sleeper, jitter, ClientMetrics.NONE);
  }

  /**
   * Creates the policy for a service, reporting retries and throttled responses.
   *
   * @param service the service name, e.g. {@code "Azure Resource Manager"}
   * @param options attempts and delays
   * @param clock time source
   * @param sleeper how to wait
   * @param jitter uniform values in [0, 1)
   * @param metrics where to report retries and 429/503 answers
   */
  public RetryPolicy(
      String service,
      PurviewRetryOptions options,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier jitter,
      ClientMetrics metrics) {
    this.service = service;
    this.options = options;
    this.clock = clock;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.metrics = metrics;
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_CALL;
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    return Mono.error(
        new UnsupportedOperationException("Steward's " + service + " pipeline is synchronous"));
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    long start = clock.millis();
    int attempt = 0;
    while (true) {
      attempt++;
      BufferedResponse response = null;
      IOException failure = null;
      try {
        response = BufferedResponse.read(next.clone().processSync());
      } catch (RuntimeException e) {
        failure = ioCause(e);
        if (failure == null
            || failure instanceof InterruptedIOException
                && Thread.currentThread().isInterrupted()) {
          throw e;
        }
      }
      String path = context.getHttpRequest().getUrl().getPath();
      int status = response == null ? -1 : response.getStatusCode();
      if (status == 429 || status == 503) {
        metrics.throttled(path, status);
      }
      if (response != null && !RETRIABLE.contains(response.getStatusCode())) {
        return response.withRetryOutcome(attempt, false, null);
      }
      Duration asked = response == null ? null : retryAfter(response.getHeaders());
      Duration delay = asked != null ? asked : backoff(attempt);
      long elapsed = clock.millis() - start;
      boolean more =
          attempt < options.maxAttempts()
              && elapsed + delay.toMillis() <= options.maxElapsed().toMillis();
      String what = context.getHttpRequest().getHttpMethod() + " " + path;
      if (!more) {
        if (response != null) {
          return response.withRetryOutcome(attempt, true, asked);
        }
        throw new UncheckedIOException(
            service
                + " "
                + what
                + " failed after "
                + attempt
                + " attempt(s) in "
                + elapsed
                + " ms: "
                + failure,
            failure);
      }
      LOG.debug(
          "{} {} {}; retry {} of {} in {} ms{}",
          service,
          what,
          response == null ? "failed: " + failure : "answered HTTP " + response.getStatusCode(),
          attempt,
          options.maxAttempts() - 1,
          delay.toMillis(),
          asked != null ? " (as the service asked)" : "");
      metrics.retry(path, context.getHttpRequest().getHttpMethod().name(), status);
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "Interrupted while waiting to retry " + service + " " + what, e);
      }
    }
  }

  /** Full jitter: uniform in [0, min(maxDelay, baseDelay * 2^(attempt-1))]. */
  Duration backoff(int attempt) {
    long base = options.baseDelay().toMillis();
    long cap = options.maxDelay().toMillis();
    long ceiling =
        attempt - 1 >= 62 || base << (attempt - 1) >>> (attempt - 1) != base
            ? cap
            : Math.min(cap, base << (attempt - 1));
    return Duration.ofMillis((long) (jitter.getAsDouble() * ceiling));
  }

  /**
   * The delay the service asked for: {@code x-ms-retry-after-ms}, then {@code retry-after-ms}, then
   * {@code Retry-After} (delta seconds or an HTTP date).
   */
  Duration retryAfter(HttpHeaders headers) {
    return parseRetryAfter(headers, clock);
  }

  /**
   * The delay a response asks for: {@code x-ms-retry-after-ms}, then {@code retry-after-ms}, then
   * {@code Retry-After} (delta seconds or an RFC 1123 HTTP date, measured against {@code clock}).
   *
   * @param headers the response headers
   * @param clock the time source for HTTP dates
   * @return the delay, or null when none is given or the value cannot be read
   */
  public static Duration parseRetryAfter(HttpHeaders headers, Clock clock) {
    Duration ms = millis(headers.getValue(X_MS_RETRY_AFTER_MS));
    if (ms == null) {
      ms = millis(headers.getValue(RETRY_AFTER_MS));
    }
    if (ms != null) {
      return ms;
    }
    String value = headers.getValue(HttpHeaderName.RETRY_AFTER);
    if (value == null || value.isBlank()) {
      return null;
    }
    value = value.trim();
    try {
      double seconds = Double.parseDouble(value);
      return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        long delta = at.toInstant().toEpochMilli() - clock.millis();
        return Duration.ofMillis(Math.max(0, delta));
      } catch (DateTimeParseException notDate) {
        return null;
      }
    }
  }

  private static Duration millis(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double ms = Double.parseDouble(value.trim());
      return ms < 0 ? null : Duration.ofMillis((long) ms);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
