package dev.steward.guard;

import dev.steward.guard.models.Decision;

/**
 * Prohibited because the target has no recent restorable backup (none known, too old, or the
 * backups could not be checked).
 */
public class BackupRequiredException extends OperationProhibitedException {

  private static final long serialVersionUID = 1L;

  /**
   * Wraps a {@code PROHIBIT} decision whose only prohibiting check is the backup.
   *
   * @param decision the decision
   */
  public BackupRequiredException(Decision decision) {
    super(decision);
  }
}
