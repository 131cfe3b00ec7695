package dev.steward.governance.arm;

import java.time.Duration;
import java.util.Objects;

/**
 * How the client reacts to ARM's remaining-quota headers ({@code
 * x-ms-ratelimit-remaining-subscription-reads}, {@code -writes}, {@code -deletes}, their {@code
 * -global-} and {@code tenant} forms). The client remembers the lowest remaining value per
 * subscription and category (reads: GET/HEAD; deletes: DELETE; writes: the rest). Before the next
 * request of that category it waits {@code exhaustedDelay} when the value is 0 or less (then
 * forgets it, so the next response tells the truth again), and {@code slowDownDelay} when it is
 * below {@code lowWatermark}. A 429 is still retried by the retry policy with its {@code
 * Retry-After}.
 *
 * @param lowWatermark below this many remaining requests the client slows down; 0 disables
 * @param slowDownDelay the pause before each request while below the watermark
 * @param exhaustedDelay the pause when the quota is used up
 */
public record ArmThrottleOptions(
    int lowWatermark, Duration slowDownDelay, Duration exhaustedDelay) {

  /** Validates the values. */
  public ArmThrottleOptions {
    if (lowWatermark < 0) {
      throw new IllegalArgumentException("lowWatermark must be 0 or more, was " + lowWatermark);
    }
    Objects.requireNonNull(slowDownDelay, "slowDownDelay");
    Objects.requireNonNull(exhaustedDelay, "exhaustedDelay");
    if (slowDownDelay.isNegative() || exhaustedDelay.isNegative()) {
      throw new IllegalArgumentException("throttle delays must not be negative");
    }
  }

  /**
   * The defaults: slow down by 1 s per request below 25 remaining, wait 20 s when none remain.
   *
   * @return the defaults
   */
  public static ArmThrottleOptions defaults() {
    return new ArmThrottleOptions(25, Duration.ofSeconds(1), Duration.ofSeconds(20));
  }

  /**
   * Ignore the remaining-quota headers (429s are still retried).
   *
   * @return options that never wait
   */
  public static ArmThrottleOptions none() {
    return new ArmThrottleOptions(0, Duration.ZERO, Duration.ZERO);
  }
}
