package dev.steward.governance.backup;

import java.time.Instant;
import java.util.Objects;

/**
 * One backup as the service lists it.
 *
 * @param name the backup's name or id
 * @param state the normalised state
 * @param status the service's own status text (e.g. {@code PartiallySucceeded}, {@code Automatic})
 * @param sizeInBytes the size, or null when not reported
 * @param created when it started, or null when not reported
 * @param finished when it completed, or null while running or when not reported
 */
public record BackupRecord(
    String name,
    BackupState state,
    String status,
    Long sizeInBytes,
    Instant created,
    Instant finished) {

  /** Checks the required values. */
  public BackupRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    status = status == null ? "" : status;
  }

  /**
   * When the backup is usable from: finished, else created.
   *
   * @return the time, or null when neither is known
   */
  public Instant completedOrCreated() {
    return finished != null ? finished : created;
  }
}
