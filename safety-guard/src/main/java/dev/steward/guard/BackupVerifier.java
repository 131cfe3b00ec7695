package dev.steward.guard;

import dev.steward.guard.models.BackupInfo;
import dev.steward.guard.models.Target;
import java.util.Optional;

/**
 * Tells the guard about a target's latest restorable backup. Azure adapters (App Service backups,
 * Azure Database point-in-time restore, Recovery Services vaults) live in other modules; {@link
 * InMemoryBackupVerifier} serves tests and examples.
 *
 * <p>The guard asks only when an operation on a protected target requires a backup. No backup, a
 * backup older than the allowed age (24 hours by default), an exception or no answer within the
 * check timeout all end in {@link dev.steward.guard.models.Verdict#PROHIBIT}.
 */
@FunctionalInterface
public interface BackupVerifier {

  /**
   * Finds the latest backup of {@code target} that can be restored.
   *
   * @param target the target
   * @return the backup, or empty when none is known
   * @throws Exception when the backups cannot be checked; the guard then prohibits the operation
   */
  Optional<BackupInfo> latestRestorableBackup(Target target) throws Exception;
}
