package dev.steward.governance.backup;

import java.util.Objects;

/**
 * One change a {@link BackupPlan} would make. Values that are secrets (SAS tokens) never appear
 * here: they are built when the plan is applied and shown masked.
 *
 * @param resource the resource id that changes
 * @param what what changes, e.g. {@code backupSchedule.retentionPeriodInDays}
 * @param from the current value, or {@code (none)}
 * @param to the desired value
 */
public record PlannedChange(String resource, String what, String from, String to) {

  /** Checks the values. */
  public PlannedChange {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(what, "what");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  @Override
  public String toString() {
    return what + ": " + from + " -> " + to;
  }
}
