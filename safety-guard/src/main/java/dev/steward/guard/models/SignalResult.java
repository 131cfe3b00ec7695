package dev.steward.guard.models;

import java.util.Objects;

/**
 * What one test-data signal found.
 *
 * @param signal the signal's name, for example {@code test-user-share}
 * @param contribution how much it adds to the confidence, from 0.0 to its weight
 * @param explanation what it saw, for a person; never a user's identifier or any other secret
 */
public record SignalResult(String signal, double contribution, String explanation) {

  /**
   * Checks the fields.
   *
   * @param signal the signal's name
   * @param contribution its contribution
   * @param explanation what it saw
   */
  public SignalResult {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(explanation, "explanation");
    if (!(contribution >= 0.0) || Double.isInfinite(contribution)) {
      throw new IllegalArgumentException("a contribution is a finite number >= 0: " + contribution);
    }
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%s +%.2f: %s", signal, contribution, explanation);
  }
}
