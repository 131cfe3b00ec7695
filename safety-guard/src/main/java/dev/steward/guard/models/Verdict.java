package dev.steward.guard.models;

/** The three answers of the guard, in increasing severity. */
public enum Verdict {
  /** Go ahead. */
  ALLOW,
  /** Go ahead only with a typed confirmation naming the target (or a matching override). */
  REQUIRE_CONFIRMATION,
  /** Do not go ahead. Hard prohibitions are never lifted by a confirmation. */
  PROHIBIT;

  /**
   * The more severe of two verdicts.
   *
   * @param other the other verdict
   * @return the more severe one
   */
  public Verdict max(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
