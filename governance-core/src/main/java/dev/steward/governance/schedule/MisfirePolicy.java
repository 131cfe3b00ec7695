package dev.steward.governance.schedule;

/**
 * What happens to a run that could not start on time: because the previous run of the same job was
 * still going (runs of one job never overlap), or because the process was down when it was due.
 */
public enum MisfirePolicy {
  /** Drop the missed run; the job next runs at its next scheduled time. */
  SKIP,
  /**
   * Run once as soon as possible (after the current run ends, or right after start-up), however
   * many runs were missed, then continue on schedule.
   */
  RUN_ONCE
}
