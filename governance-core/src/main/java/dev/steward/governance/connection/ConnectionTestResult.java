package dev.steward.governance.connection;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link ConnectionTester#test}: one entry per step, in order.
 *
 * @param connection the connection's name
 * @param steps the steps
 */
public record ConnectionTestResult(String connection, List<Step> steps) {

  /** Copies the steps. */
  public ConnectionTestResult {
    steps = List.copyOf(steps);
  }

  /**
   * Whether every step passed (skipped steps count as passed only when nothing failed).
   *
   * @return true when no step failed
   */
  public boolean ok() {
    return steps.stream().noneMatch(s -> s.status() == Status.FAILED);
  }

  /** A step's outcome. */
  public enum Status {
    /** The step passed. */
    OK,
    /** The step failed; its diagnosis says what to do. */
    FAILED,
    /** The step did not run (not applicable, or an earlier step failed). */
    SKIPPED
  }

  /**
   * One step.
   *
   * @param name what was checked: {@code dns}, {@code tls}, {@code token}, {@code authorization},
   *     {@code data-map}
   * @param status the outcome
   * @param duration how long it took
   * @param detail what was seen (addresses, TLS version, token expiry, counts, the error)
   * @param diagnosis on failure, what a person should do; empty otherwise
   */
  public record Step(
      String name, Status status, Duration duration, String detail, String diagnosis) {}
}
