package dev.steward.guard.models;

/** How an allowed decision came to be allowed. */
public enum Grant {
  /** Allowed by the rules, or not allowed at all. */
  NONE,
  /** A typed confirmation naming the target satisfied {@link Verdict#REQUIRE_CONFIRMATION}. */
  CONFIRMED,
  /** A single-use override naming the operation kind and target lifted the requirement. */
  OVERRIDDEN
}
