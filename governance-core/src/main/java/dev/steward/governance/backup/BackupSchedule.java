package dev.steward.governance.backup;

import java.time.Duration;
import java.util.Objects;

/**
 * How often backups are taken.
 *
 * @param enabled whether scheduled backups are on
 * @param interval the interval between backups (e.g. 1 day), or null when unknown
 * @param startHourUtc the hour of day (UTC) backups start, or null when the service chooses
 * @param managedByService true when the service schedules backups itself (PostgreSQL, SQL)
 * @param description a one-line human description
 */
public record BackupSchedule(
    boolean enabled,
    Duration interval,
    Integer startHourUtc,
    boolean managedByService,
    String description) {

  /** Checks the values. */
  public BackupSchedule {
    Objects.requireNonNull(description, "description");
    if (startHourUtc != null && (startHourUtc < 0 || startHourUtc > 23)) {
      throw new IllegalArgumentException("startHourUtc must be 0-23, was " + startHourUtc);
    }
  }
}
