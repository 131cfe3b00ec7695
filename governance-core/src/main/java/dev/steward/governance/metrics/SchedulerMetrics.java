package dev.steward.governance.metrics;

import dev.steward.governance.implementation.MicrometerSchedulerMetrics;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * What a {@code GovernanceScheduler} reports about its jobs; Steward's schedulers call it, and
 * {@link #micrometer} records it as the {@code steward.scheduler.*} meters of {@link
 * GovernanceMeters}. This interface names no Micrometer type, so a scheduler holds {@link #NONE}
 * without Micrometer on the class path.
 */
public interface SchedulerMetrics {
  /** Records nothing. */
  SchedulerMetrics NONE = new SchedulerMetrics() {};

  /**
   * Records on a Micrometer registry.
   *
   * @param registry the registry
   * @param now the scheduler's current time (for the last-run age)
   * @return the recorder
   */
  static SchedulerMetrics micrometer(
      io.micrometer.core.instrument.MeterRegistry registry, Supplier<Instant> now) {
    return new MicrometerSchedulerMetrics(registry, now);
  }

  /**
   * A job was scheduled, or resumed from a store.
   *
   * @param spec the job
   * @param lastRun when it last started, or null
   * @param lastSuccess when it last succeeded, or null
   * @param at now
   */
  default void scheduled(JobSpec spec, Instant lastRun, Instant lastSuccess, Instant at) {}

  /**
   * A job was cancelled: its per-job gauges go away.
   *
   * @param jobId the job's id
   */
  default void removed(String jobId) {}

  /**
   * A run started.
   *
   * @param spec the job
   * @param at when
   */
  default void started(JobSpec spec, Instant at) {}

  /**
   * A run ended.
   *
   * @param spec the job
   * @param outcome how
   * @param duration how long it took
   * @param at when it ended
   */
  default void finished(JobSpec spec, JobOutcome outcome, Duration duration, Instant at) {}

  /**
   * A due run was skipped because the previous one was still going.
   *
   * @param spec the job
   */
  default void skipped(JobSpec spec) {}
}
