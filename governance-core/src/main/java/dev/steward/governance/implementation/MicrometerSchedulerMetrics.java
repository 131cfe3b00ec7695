package dev.steward.governance.implementation;

import dev.steward.governance.metrics.GovernanceMeters;
import dev.steward.governance.metrics.SchedulerMetrics;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** {@link SchedulerMetrics} on a Micrometer registry (loaded only when a registry is given). */
public final class MicrometerSchedulerMetrics implements SchedulerMetrics {
  private final MeterRegistry registry;
  private final Supplier<Instant> now;
  private final AtomicInteger running = new AtomicInteger();
  private final Map<String, JobGauges> jobs = new ConcurrentHashMap<>();

  /** One job's gauge state. */
  private static final class JobGauges {
    volatile Instant lastRun;
    volatile Instant lastSuccess;
    volatile double intervalSeconds;
    List<Meter> meters = List.of();
  }

  /**
   * Creates the recorder and registers the running gauge.
   *
   * @param registry the registry
   * @param now the scheduler's clock
   */
  public MicrometerSchedulerMetrics(MeterRegistry registry, Supplier<Instant> now) {
    this.registry = Objects.requireNonNull(registry, "meterRegistry");
    this.now = Objects.requireNonNull(now, "now");
    Gauge.builder(GovernanceMeters.SCHEDULER_JOBS_RUNNING, running, AtomicInteger::get)
        .description("Governance job runs in progress")
        .strongReference(true)
        .register(registry);
  }

  @Override
  public void scheduled(JobSpec spec, Instant lastRun, Instant lastSuccess, Instant at) {
    // A re-scheduled job keeps what is known of its runs.
    JobGauges previous = jobs.get(spec.id());
    removed(spec.id());
    JobGauges state = new JobGauges();
    state.lastRun = lastRun != null ? lastRun : previous == null ? null : previous.lastRun;
    state.lastSuccess =
        lastSuccess != null ? lastSuccess : previous != null ? previous.lastSuccess : at;
    state.intervalSeconds = intervalSeconds(spec, at);
    Tags tags = jobTags(spec);
    state.meters =
        List.of(
            Gauge.builder(GovernanceMeters.SCHEDULER_JOB_LAST_RUN_AGE, state, this::ageSeconds)
                .description("Seconds since the job's last run started")
                .baseUnit("seconds")
                .tags(tags)
                .strongReference(true)
                .register(registry),
            Gauge.builder(
                    GovernanceMeters.SCHEDULER_JOB_LAST_SUCCESS,
                    state,
                    s -> s.lastSuccess.toEpochMilli() / 1000.0)
                .description("When the job last succeeded (or was scheduled), epoch seconds")
                .baseUnit("seconds")
                .tags(tags)
                .strongReference(true)
                .register(registry),
            Gauge.builder(GovernanceMeters.SCHEDULER_JOB_INTERVAL, state, s -> s.intervalSeconds)
                .description("The job's interval between due times")
                .baseUnit("seconds")
                .tags(tags)
                .strongReference(true)
                .register(registry));
    jobs.put(spec.id(), state);
  }

  @Override
  public void removed(String jobId) {
    JobGauges state = jobs.remove(jobId);
    if (state != null) {
      state.meters.forEach(registry::remove);
    }
  }

  @Override
  public void started(JobSpec spec, Instant at) {
    running.incrementAndGet();
    JobGauges state = jobs.get(spec.id());
    if (state != null) {
      state.lastRun = at;
    }
  }

  @Override
  public void finished(JobSpec spec, JobOutcome outcome, Duration duration, Instant at) {
    Timer.builder(GovernanceMeters.SCHEDULER_JOB_RUNS)
        .description("Governance job runs")
        .tag(GovernanceMeters.TAG_JOB_TYPE, spec.jobType())
        .tag(GovernanceMeters.TAG_OUTCOME, outcome.status().name())
        .register(registry)
        .record(duration);
    JobGauges state = jobs.get(spec.id());
    if (state != null && outcome.status() == JobOutcome.Status.SUCCEEDED) {
      state.lastSuccess = at;
    }
    // Last: whoever sees the running gauge drop also sees the run recorded.
    running.decrementAndGet();
  }

  @Override
  public void skipped(JobSpec spec) {
    Counter.builder(GovernanceMeters.SCHEDULER_JOB_SKIPPED)
        .description("Due job runs skipped because the previous run was still going")
        .tag(GovernanceMeters.TAG_JOB_TYPE, spec.jobType())
        .register(registry)
        .increment();
  }

  private double ageSeconds(JobGauges state) {
    Instant last = state.lastRun;
    return last == null ? Double.NaN : Duration.between(last, now.get()).toMillis() / 1000.0;
  }

  private static Tags jobTags(JobSpec spec) {
    return Tags.of(
        GovernanceMeters.TAG_JOB, spec.id(), GovernanceMeters.TAG_JOB_TYPE, spec.jobType());
  }

  /** The gap between the schedule's next two due times after {@code at}, or NaN. */
  static double intervalSeconds(JobSpec spec, Instant at) {
    Optional<Instant> first = spec.schedule().nextAfter(at);
    Optional<Instant> second = first.flatMap(spec.schedule()::nextAfter);
    if (second.isEmpty()) {
      return Double.NaN;
    }
    return Duration.between(first.get(), second.get()).toMillis() / 1000.0;
  }
}
