package dev.steward.guard;

import dev.steward.guard.models.BackupInfo;
import dev.steward.guard.models.Target;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link BackupVerifier} that knows the backups recorded in it, for tests and examples. */
public final class InMemoryBackupVerifier implements BackupVerifier {

  private final Map<String, BackupInfo> latest = new ConcurrentHashMap<>();

  /** An empty verifier: no target has a backup. */
  public InMemoryBackupVerifier() {}

  /**
   * Records a completed, restorable backup; the latest by completion time wins.
   *
   * @param target the target's name
   * @param completedAt when it completed
   * @param reference a backup id or name
   * @return this verifier
   */
  public InMemoryBackupVerifier record(String target, Instant completedAt, String reference) {
    BackupInfo backup = new BackupInfo(target, completedAt, reference);
    latest.merge(
        target,
        backup,
        (old, recorded) -> recorded.completedAt().isAfter(old.completedAt()) ? recorded : old);
    return this;
  }

  /**
   * Forgets every backup of a target.
   *
   * @param target the target's name
   */
  public void forget(String target) {
    latest.remove(target);
  }

  @Override
  public Optional<BackupInfo> latestRestorableBackup(Target target) {
    return Optional.ofNullable(latest.get(target.name()));
  }
}
