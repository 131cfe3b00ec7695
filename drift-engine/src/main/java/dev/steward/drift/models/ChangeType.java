package dev.steward.drift.models;

/** What happened at a drift's path between the baseline and the current snapshot. */
public enum ChangeType {
  /** Present now, absent in the baseline. */
  ADDED,
  /** Present in the baseline, absent now. */
  REMOVED,
  /** Present in both, with different values. */
  MODIFIED
}
