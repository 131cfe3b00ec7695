package dev.steward.governance.health;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link CompositeHealthCheck#check()}: every check's result, in the order the
 * checks were added, and the overall status (the worst of them; {@link HealthStatus#UP} with no
 * checks).
 *
 * @param status the overall status
 * @param checkedAt when the checks started
 * @param checks one result per check
 */
public record HealthReport(HealthStatus status, Instant checkedAt, List<HealthCheckResult> checks) {

  /** Checks and copies the arguments. */
  public HealthReport {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(checkedAt, "checkedAt");
    checks = List.copyOf(checks);
  }

  /**
   * A report whose status is the worst of the checks'.
   *
   * @param checkedAt when the checks started
   * @param checks the results
   * @return the report
   */
  public static HealthReport of(Instant checkedAt, List<HealthCheckResult> checks) {
    HealthStatus status = HealthStatus.UP;
    for (HealthCheckResult result : checks) {
      status = status.worst(result.status());
    }
    return new HealthReport(status, checkedAt, checks);
  }

  /**
   * One check's result.
   *
   * @param name the check's name
   * @return its result, if a check has that name
   */
  public Optional<HealthCheckResult> check(String name) {
    return checks.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
