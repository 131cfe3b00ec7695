package dev.steward.governance.scheduler.dbscheduler.implementation;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.steward.governance.metrics.SchedulerMetrics;
import dev.steward.governance.schedule.GovernanceJob;
import dev.steward.governance.schedule.JobContext;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Steward jobs as db-scheduler tasks: one task per job type, one task instance per job id, the
 * {@link JobRecord} as task data. db-scheduler picks a due row on exactly one instance, heartbeats
 * it, and revives it on another instance when its instance dies; this class runs the job and
 * reschedules the row with the run's outcome and the next due time.
 */
public final class JobRunner {

  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  private final Map<String, GovernanceJob> jobs;
  private final Map<String, CustomTask<JobRecord>> tasks = new LinkedHashMap<>();
  private final JobTable table;
  private final Clock clock;
  private final RandomGenerator random;
  private final long misfireThresholdMillis;
  private final long cancelCheckNanos;
  private final BooleanSupplier stopping;
  private final SchedulerMetrics metrics;

  /**
   * Creates the runner and its tasks.
   *
   * @param jobs handlers by job type
   * @param table the task table
   * @param clock the clock
   * @param random the jitter source (used under its own lock)
   * @param misfireThreshold how late a run may start before a {@code SKIP} job drops it
   * @param cancelCheck how often a running job's stop signal looks for a cluster-wide cancel
   * @param stopping true once this instance shuts down
   * @param metrics where runs on this instance are reported
   */
  public JobRunner(
      Map<String, GovernanceJob> jobs,
      JobTable table,
      Clock clock,
      RandomGenerator random,
      Duration misfireThreshold,
      Duration cancelCheck,
      BooleanSupplier stopping,
      SchedulerMetrics metrics) {
    this.jobs = Map.copyOf(jobs);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.misfireThresholdMillis = misfireThreshold.toMillis();
    this.cancelCheckNanos = cancelCheck.toNanos();
    this.stopping = Objects.requireNonNull(stopping, "stopping");
    for (String jobType : this.jobs.keySet()) {
      tasks.put(
          jobType,
          Tasks.custom(jobType, JobRecord.class)
              .onFailure(this::onFailure)
              .onDeadExecution(this::revive)
              .execute(this::execute));
    }
  }

  /**
   * The db-scheduler task of each job type.
   *
   * @return tasks by job type
   */
  public Map<String, CustomTask<JobRecord>> tasks() {
    return Map.copyOf(tasks);
  }

  /**
   * Draws a plan for a newly scheduled job.
   *
   * @param spec the job
   * @return the plan
   */
  public NextRun.Plan firstRun(JobSpec spec) {
    synchronized (random) {
      return NextRun.first(spec, clock.instant(), random);
    }
  }

  private CompletionHandler<JobRecord> execute(
      TaskInstance<JobRecord> instance, ExecutionContext context) {
    Execution execution = context.getExecution();
    JobRecord record = instance.getData();
    JobSpec spec = record.spec();
    Instant start = clock.instant();
    Instant fireAt = execution.executionTime;
    boolean manual = record.dueAt() == null || record.dueAt().isAfter(fireAt);
    if (!manual && NextRun.skipLateStart(spec, fireAt, start, misfireThresholdMillis)) {
      LOG.info(
          "job {} was due at {} and starts only at {}; skipping it (misfire policy SKIP)",
          spec.id(),
          record.dueAt(),
          start);
      metrics.skipped(spec);
      return (complete, operations) -> skipped(record, start, complete, operations);
    }
    Instant scheduledFor = manual ? fireAt : record.dueAt();
    GovernanceJob job = jobs.get(spec.jobType());
    JobContext jobContext =
        new JobContext(
            spec.id(),
            spec.jobType(),
            spec.parameters(),
            scheduledFor,
            start,
            new StopSignal(spec, context));
    JobOutcome outcome;
    metrics.started(spec, start);
    try {
      LOG.debug("job {} started on {} (due {})", spec.id(), execution.pickedBy, scheduledFor);
      outcome = job.run(jobContext);
      if (outcome == null) {
        outcome = JobOutcome.succeeded("");
      }
    } catch (Exception e) {
      LOG.atWarn()
          .addKeyValue("job", spec.id())
          .addKeyValue("error", e.getClass().getSimpleName())
          .log("Job {} failed: {}", spec.id(), e.toString());
      outcome = JobOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (Error e) {
      Instant failedAt = clock.instant();
      metrics.finished(
          spec, JobOutcome.failed(e.toString()), Duration.between(start, failedAt), failedAt);
      throw e;
    }
    Instant end = clock.instant();
    JobOutcome result = outcome;
    metrics.finished(spec, result, Duration.between(start, end), end);
    return (complete, operations) -> ran(record, manual, start, end, result, complete, operations);
  }

  /**
   * The instance running this row stopped heartbeating: make the row due now on this scheduler's
   * clock (db-scheduler's own revive handler reads the system clock), keeping its record, so the
   * rerun is for the same due time.
   */
  private void revive(ExecutionComplete complete, ExecutionOperations<JobRecord> operations) {
    Execution execution = complete.getExecution();
    LOG.warn(
        "job {} was running on {} whose heartbeat stopped at {}; running it again",
        execution.taskInstance.getId(),
        execution.pickedBy,
        execution.lastHeartbeat);
    operations.reschedule(complete, clock.instant());
  }

  /** An Error escaped the job (or a bug here): record a failure and keep the schedule going. */
  private void onFailure(ExecutionComplete complete, ExecutionOperations<JobRecord> operations) {
    Execution execution = complete.getExecution();
    Object data = execution.taskInstance.getData();
    if (!(data instanceof JobRecord record)) {
      LOG.error("execution {} failed and has no job record; removing it", execution);
      operations.remove();
      return;
    }
    String cause = complete.getCause().map(Throwable::toString).orElse("unknown failure");
    Instant end = complete.getTimeDone();
    Instant start = end.minus(complete.getDuration());
    boolean manual = record.dueAt() == null || record.dueAt().isAfter(execution.executionTime);
    ran(record, manual, start, end, JobOutcome.failed(cause), complete, operations);
  }

  private void ran(
      JobRecord started,
      boolean manual,
      Instant start,
      Instant end,
      JobOutcome outcome,
      ExecutionComplete complete,
      ExecutionOperations<JobRecord> operations) {
    Optional<JobRecord> current = current(started);
    if (current.isEmpty()) {
      LOG.info("job {} {} but was cancelled meanwhile", started.spec().id(), outcome.status());
      return;
    }
    JobRecord now = current.get();
    Instant candidate;
    if (!now.spec().equals(started.spec())) {
      candidate = now.dueAt(); // replaced during the run: the new schedule's first due time
    } else if (manual) {
      candidate = started.dueAt();
    } else {
      candidate = started.spec().schedule().nextAfter(started.dueAt()).orElse(null);
    }
    NextRun.Plan plan;
    synchronized (random) {
      plan = NextRun.afterRun(now.spec(), candidate, start, end, random);
    }
    Duration took = Duration.between(start, end);
    JobRecord updated =
        new JobRecord(
            now.spec(),
            plan.dueAt(),
            start,
            outcome,
            took,
            now.runs() + 1,
            now.skipped() + plan.missed(),
            now.unknown());
    LOG.atInfo()
        .addKeyValue("job", now.spec().id())
        .addKeyValue("outcome", outcome.status())
        .addKeyValue("durationMs", took.toMillis())
        .log(
            "Job {} {}: {}; next run {}",
            now.spec().id(),
            outcome.status(),
            outcome.message(),
            plan.dueAt());
    operations.reschedule(complete, plan.fireAt(), updated);
  }

  private void skipped(
      JobRecord started,
      Instant start,
      ExecutionComplete complete,
      ExecutionOperations<JobRecord> operations) {
    Optional<JobRecord> current = current(started);
    if (current.isEmpty()) {
      return;
    }
    JobRecord now = current.get();
    NextRun.Plan plan;
    synchronized (random) {
      plan = NextRun.afterSkippedStart(now.spec(), started.dueAt(), start, random);
    }
    JobRecord updated =
        new JobRecord(
            now.spec(),
            plan.dueAt(),
            now.lastRun(),
            now.lastOutcome(),
            now.lastDuration(),
            now.runs(),
            now.skipped() + plan.missed(),
            now.unknown());
    operations.reschedule(complete, plan.fireAt(), updated);
  }

  /** The row's record as it is now: gone after a cancel, another spec after a replace. */
  private Optional<JobRecord> current(JobRecord started) {
    return table.find(started.spec().jobType(), started.spec().id()).map(JobTable.Row::record);
  }

  /**
   * A running job's stop signal: this instance shuts down, the thread is interrupted, or the job
   * was cancelled on any instance (looked up in the table at most once per check interval).
   */
  private final class StopSignal implements BooleanSupplier {
    private final JobSpec spec;
    private final ExecutionContext context;
    private long lastCheck = System.nanoTime();
    private volatile boolean cancelled;

    StopSignal(JobSpec spec, ExecutionContext context) {
      this.spec = spec;
      this.context = context;
    }

    @Override
    public boolean getAsBoolean() {
      if (cancelled
          || stopping.getAsBoolean()
          || context.getSchedulerState().isShuttingDown()
          || Thread.currentThread().isInterrupted()) {
        return true;
      }
      long now = System.nanoTime();
      synchronized (this) {
        if (now - lastCheck >= cancelCheckNanos) {
          lastCheck = now;
          try {
            cancelled = !table.exists(spec.jobType(), spec.id());
          } catch (RuntimeException e) {
            LOG.debug("job {}: cannot check for a cancel: {}", spec.id(), e.getMessage());
          }
        }
      }
      return cancelled;
    }
  }
}
