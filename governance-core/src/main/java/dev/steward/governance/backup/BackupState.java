package dev.steward.governance.backup;

import java.util.Locale;

/** The state of one backup, normalised across services. */
public enum BackupState {
  /** Completed and usable. */
  SUCCEEDED,
  /** Failed, timed out or only partially succeeded: not to be relied on. */
  FAILED,
  /** Created or running. */
  IN_PROGRESS,
  /** Skipped by the service (e.g. nothing changed). */
  SKIPPED,
  /** Deleted or being deleted: no longer restorable. */
  DELETED,
  /** A status this version does not know. */
  UNKNOWN;

  /**
   * Maps an App Service {@code BackupItemStatus}.
   *
   * @param status e.g. {@code Succeeded}, {@code InProgress}, {@code PartiallySucceeded}
   * @return the state
   */
  public static BackupState ofWebApp(String status) {
    if (status == null) {
      return UNKNOWN;
    }
    switch (status.toLowerCase(Locale.ROOT)) {
      case "succeeded":
        return SUCCEEDED;
      case "failed":
      case "timedout":
      case "partiallysucceeded":
      case "deletefailed":
        return FAILED;
      case "inprogress":
      case "created":
        return IN_PROGRESS;
      case "skipped":
        return SKIPPED;
      case "deleted":
      case "deleteinprogress":
        return DELETED;
      default:
        return UNKNOWN;
    }
  }
}
