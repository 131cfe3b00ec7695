package dev.steward.governance.health;

import java.time.Duration;
import java.util.Objects;

/**
 * One check's outcome in a {@link HealthReport}.
 *
 * @param name the check's name
 * @param status what it found
 * @param latency how long it took (the timeout, for a check that timed out)
 * @param detail one line a person can act on, never a secret
 */
public record HealthCheckResult(String name, HealthStatus status, Duration latency, String detail) {

  /** Checks the arguments. */
  public HealthCheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(latency, "latency");
    detail = Health.oneLine(detail);
  }
}
