package dev.steward.governance.backup;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of {@link ArmBackupVerifier#verify(String)}.
 *
 * @param resourceId the resource
 * @param passed true only when the latest successful backup is restorable and younger than {@code
 *     maxAge}
 * @param reason why, in one sentence
 * @param maxAge the allowed age
 * @param status the status read, or null when it could not be read
 */
public record BackupVerification(
    String resourceId, boolean passed, String reason, Duration maxAge, BackupStatus status) {

  /** Checks the values. */
  public BackupVerification {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(maxAge, "maxAge");
  }
}
