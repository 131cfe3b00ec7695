package dev.steward.governance.backup;

/**
 * The backups of a resource cannot be trusted (none successful, only failed or in-progress ones,
 * not restorable). The production guard turns it into a PROHIBIT decision whose message carries
 * this reason.
 */
public class BackupVerificationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the reason, naming the resource
   */
  public BackupVerificationException(String message) {
    super(message);
  }
}
