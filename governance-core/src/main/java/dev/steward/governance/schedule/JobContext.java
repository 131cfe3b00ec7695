package dev.steward.governance.schedule;

import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What a {@link GovernanceJob} knows about the run it is doing.
 *
 * @param jobId the scheduled job's id
 * @param jobType the job type the handler was registered under
 * @param parameters the job's parameters from its {@link JobSpec}
 * @param scheduledFor the due time this run is for
 * @param startedAt when the run started
 * @param stopSignal true once the scheduler is shutting down or the job was cancelled: long jobs
 *     should check it between units of work and end early, leaving a resumable state
 */
public record JobContext(
    String jobId,
    String jobType,
    Map<String, String> parameters,
    Instant scheduledFor,
    Instant startedAt,
    BooleanSupplier stopSignal) {

  /** Copies the parameters. */
  public JobContext {
    parameters = Map.copyOf(parameters);
  }

  /**
   * Whether the job should stop early.
   *
   * @return true once a stop was requested
   */
  public boolean stopRequested() {
    return stopSignal.getAsBoolean();
  }
}
