package dev.steward.governance.snapshot;

/**
 * Receives the result of every successful {@link DriftWatchJob} run: the drift report and how long
 * the snapshot took. Metrics, notifications and dashboards plug in here. Called on the job's thread
 * after the drifts are in the audit trail; an exception thrown here is logged and does not fail the
 * run.
 */
@FunctionalInterface
public interface DriftWatchListener {

  /**
   * Called once per run that compared a snapshot with the baseline.
   *
   * @param result the run's report, snapshot figures and identity
   */
  void onDriftChecked(DriftWatchResult result);
}
