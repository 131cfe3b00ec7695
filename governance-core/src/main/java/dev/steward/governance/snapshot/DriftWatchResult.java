package dev.steward.governance.snapshot;

import dev.steward.drift.models.DriftReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One drift-watch run: the snapshot taken and its comparison with the baseline.
 *
 * @param jobId the scheduled job's id
 * @param scheduledFor the due time of the run
 * @param baseline the baseline snapshot file
 * @param snapshot the snapshot taken (file, counts, duration)
 * @param report the drift report, baseline against the snapshot
 */
public record DriftWatchResult(
    String jobId,
    Instant scheduledFor,
    Path baseline,
    SnapshotResult snapshot,
    DriftReport report) {

  /** Checks the arguments. */
  public DriftWatchResult {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(scheduledFor, "scheduledFor");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(report, "report");
  }

  /**
   * How long the snapshot took.
   *
   * @return the snapshot's duration
   */
  public Duration snapshotDuration() {
    return snapshot.duration();
  }
}
