package dev.steward.governance.schedule;

import java.util.Objects;

/**
 * How a run ended.
 *
 * @param status success, failure or skipped
 * @param message a one-line summary a person can read (counts, the error)
 */
public record JobOutcome(Status status, String message) {

  /** How a run ended. */
  public enum Status {
    /** The run did its work. */
    SUCCEEDED,
    /** The run failed; the message says why. */
    FAILED,
    /** The run was due but did not start (it would have overlapped the previous run). */
    SKIPPED
  }

  /** Checks the arguments. */
  public JobOutcome {
    Objects.requireNonNull(status, "status");
    message = message == null ? "" : message;
  }

  /**
   * A successful outcome.
   *
   * @param message a one-line summary
   * @return the outcome
   */
  public static JobOutcome succeeded(String message) {
    return new JobOutcome(Status.SUCCEEDED, message);
  }

  /**
   * A failed outcome.
   *
   * @param message what went wrong
   * @return the outcome
   */
  public static JobOutcome failed(String message) {
    return new JobOutcome(Status.FAILED, message);
  }
}
