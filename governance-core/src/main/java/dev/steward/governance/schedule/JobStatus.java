package dev.steward.governance.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A scheduled job's state, as {@link GovernanceScheduler#status()} reports it.
 *
 * @param spec the job's spec
 * @param nextRun when it runs next (empty when the schedule never fires again)
 * @param lastRun when the last run started (empty before the first run)
 * @param lastOutcome how the last run ended (empty before the first run ended)
 * @param lastDuration how long the last run took (empty before the first run ended)
 * @param running whether a run is going on now
 * @param runs how many runs ended since the job was scheduled
 * @param skipped how many due runs were skipped because the previous run was still going
 */
public record JobStatus(
    JobSpec spec,
    Optional<Instant> nextRun,
    Optional<Instant> lastRun,
    Optional<JobOutcome> lastOutcome,
    Optional<Duration> lastDuration,
    boolean running,
    long runs,
    long skipped) {}
