package dev.steward.governance.schedule;

/**
 * The unit of scheduled work: a catalogue extraction, a quality sync, a drift watch. Jobs are
 * registered with a scheduler under a job type name and found by that name when a schedule fires;
 * the schedule itself stores only data ({@link JobSpec}), never code.
 *
 * <p>Implementations should be idempotent: every clustered scheduler can, rarely, run a job twice
 * for one due time, and a run interrupted by a crash is run again.
 */
@FunctionalInterface
public interface GovernanceJob {

  /**
   * Runs the job once.
   *
   * @param context the run's identity, parameters and stop signal
   * @return the outcome; a thrown exception is recorded as {@link JobOutcome.Status#FAILED}
   * @throws Exception when the run fails
   */
  JobOutcome run(JobContext context) throws Exception;
}
