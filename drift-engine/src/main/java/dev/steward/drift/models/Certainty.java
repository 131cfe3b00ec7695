package dev.steward.drift.models;

/** How sure the engine is that a drift is real. */
public enum Certainty {
  /** Both values were literal and compared. */
  CERTAIN,
  /**
   * A default or write-only value is involved: one side is absent where the service may apply a
   * default, or a value could not be compared.
   */
  POSSIBLE
}
