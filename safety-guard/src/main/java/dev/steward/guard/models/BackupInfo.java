package dev.steward.guard.models;

import java.time.Instant;
import java.util.Objects;

/**
 * A restorable backup of a target, as a {@code BackupVerifier} knows it.
 *
 * @param target the target's name
 * @param completedAt when the backup completed
 * @param reference where or what it is (a backup id, a blob name); never a secret such as a SAS
 *     token
 */
public record BackupInfo(String target, Instant completedAt, String reference) {

  /**
   * Checks the fields.
   *
   * @param target the target's name
   * @param completedAt when it completed
   * @param reference where or what it is
   */
  public BackupInfo {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(completedAt, "completedAt");
    Objects.requireNonNull(reference, "reference");
  }
}
