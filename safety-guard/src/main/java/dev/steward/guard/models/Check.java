package dev.steward.guard.models;

import java.util.Locale;

/** The check a {@link Reason} comes from. */
public enum Check {
  /** Detecting the environment this process runs in. */
  ENVIRONMENT,
  /** A policy rule that prohibits a kind of operation in an environment. */
  POLICY,
  /** The target's environment stamp compared with the process's environment. */
  STAMP,
  /** Whether a data deployment's source looks like test data. */
  TEST_DATA,
  /** Whether the target has a recent restorable backup. */
  BACKUP,
  /** Whether the operation on a protected target needs a typed confirmation. */
  CONFIRMATION,
  /** A single-use override. */
  OVERRIDE,
  /** Recording the decision in the audit trail. */
  AUDIT,
  /** Naming the target (for example a {@code @GuardTarget} argument that was {@code null}). */
  TARGET,
  /** The guard itself failed; it refuses rather than allows. */
  GUARD;

  /**
   * The lower-case, dash-separated label, for example {@code test-data}.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
