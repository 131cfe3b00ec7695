package dev.steward.guard.models;

import java.util.Objects;

/**
 * One finding behind a decision: which check, what it found (naming the environment, the target and
 * the operation) and the way out.
 *
 * @param check the check that found it
 * @param verdict the verdict this finding calls for on its own
 * @param message what was found, for a person
 * @param wayOut what a person can do about it; empty when nothing is needed
 * @param overridable whether a single-use override naming the operation kind and target lifts it
 */
public record Reason(
    Check check, Verdict verdict, String message, String wayOut, boolean overridable) {

  /**
   * Checks the fields.
   *
   * @param check the check
   * @param verdict the verdict
   * @param message what was found
   * @param wayOut the way out
   * @param overridable whether an override lifts it
   */
  public Reason {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(wayOut, "wayOut");
  }

  /**
   * A finding that no override lifts.
   *
   * @param check the check
   * @param verdict the verdict
   * @param message what was found
   * @param wayOut the way out
   * @return the reason
   */
  public static Reason of(Check check, Verdict verdict, String message, String wayOut) {
    return new Reason(check, verdict, message, wayOut, false);
  }

  @Override
  public String toString() {
    return "[" + check.label() + "] " + message + (wayOut.isEmpty() ? "" : ". Way out: " + wayOut);
  }
}
