package dev.steward.governance.scheduler.dbscheduler.implementation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one row of the task table holds in {@code task_data} (as JSON, see {@link JobRecordCodec}):
 * the job's spec, the due time its next execution is for, and the outcome of its last run. The row
 * itself holds the rest (fire time, picked, picked by, heartbeat).
 *
 * @param spec the job's spec
 * @param dueAt the due time the row's next execution is for, without jitter; null when the schedule
 *     never fires again
 * @param lastRun when the last run started, or null
 * @param lastOutcome how the last run ended, or null
 * @param lastDuration how long the last run took, or null
 * @param runs how many runs ended
 * @param skipped how many due runs were skipped
 * @param unknown fields a newer version wrote, kept as they are
 */
public record JobRecord(
    JobSpec spec,
    Instant dueAt,
    Instant lastRun,
    JobOutcome lastOutcome,
    Duration lastDuration,
    long runs,
    long skipped,
    ObjectNode unknown) {

  /** Checks the arguments. */
  public JobRecord {
    Objects.requireNonNull(spec, "spec");
    unknown = unknown == null ? JsonNodeFactory.instance.objectNode() : unknown.deepCopy();
  }

  /**
   * A job that has not run yet.
   *
   * @param spec the spec
   * @param dueAt its first due time, or null
   * @return the record
   */
  public static JobRecord fresh(JobSpec spec, Instant dueAt) {
    return new JobRecord(spec, dueAt, null, null, null, 0, 0, null);
  }

  /**
   * This record with another spec and due time, the run history kept.
   *
   * @param newSpec the spec
   * @param newDueAt the due time
   * @return the record
   */
  public JobRecord withSpec(JobSpec newSpec, Instant newDueAt) {
    return new JobRecord(
        newSpec, newDueAt, lastRun, lastOutcome, lastDuration, runs, skipped, unknown);
  }
}
