package dev.steward.purview;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries: up to {@code maxAttempts} attempts (the first one included), exponential
 * backoff with full jitter ({@code random(0, min(maxDelay, baseDelay * 2^retry))}), and never
 * beyond {@code maxElapsed} in total. A delay the service asks for ({@code Retry-After} in seconds
 * or as an HTTP date, {@code retry-after-ms}, {@code x-ms-retry-after-ms}) replaces the computed
 * one.
 *
 * <p>Retried: HTTP 408, 429, 500, 502, 503, 504, and connection failures (refused, reset, a body
 * cut short), for every method. The defaults are 5 attempts, 800 ms base, 30 s cap and 2 minutes in
 * total.
 *
 * @param maxAttempts attempts including the first, at least 1
 * @param baseDelay the first backoff ceiling
 * @param maxDelay the largest computed backoff
 * @param maxElapsed the total time budget, measured from the first attempt
 */
public record PurviewRetryOptions(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxElapsed) {

  /** Validates the values. */
  public PurviewRetryOptions {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxElapsed, "maxElapsed");
    if (baseDelay.isNegative() || maxDelay.isNegative() || maxElapsed.isNegative()) {
      throw new IllegalArgumentException("retry delays must not be negative");
    }
  }

  /**
   * The defaults: 5 attempts, 800 ms base, 30 s cap, 2 minutes in total.
   *
   * @return the defaults
   */
  public static PurviewRetryOptions defaults() {
    return new PurviewRetryOptions(
        5, Duration.ofMillis(800), Duration.ofSeconds(30), Duration.ofMinutes(2));
  }

  /**
   * No retries at all.
   *
   * @return options with one attempt
   */
  public static PurviewRetryOptions none() {
    return new PurviewRetryOptions(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /**
   * A copy with another attempt count.
   *
   * @param value attempts including the first
   * @return the copy
   */
  public PurviewRetryOptions withMaxAttempts(int value) {
    return new PurviewRetryOptions(value, baseDelay, maxDelay, maxElapsed);
  }

  /**
   * A copy with other backoff bounds.
   *
   * @param base the first backoff ceiling
   * @param max the largest computed backoff
   * @return the copy
   */
  public PurviewRetryOptions withBackoff(Duration base, Duration max) {
    return new PurviewRetryOptions(maxAttempts, base, max, maxElapsed);
  }

  /**
   * A copy with another total time budget.
   *
   * @param value the budget
   * @return the copy
   */
  public PurviewRetryOptions withMaxElapsed(Duration value) {
    return new PurviewRetryOptions(maxAttempts, baseDelay, maxDelay, value);
  }
}
