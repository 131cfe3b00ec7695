package dev.steward.governance.scheduler.dbscheduler;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.steward.governance.metrics.SchedulerMetrics;
import dev.steward.governance.schedule.GovernanceJob;
import dev.steward.governance.schedule.GovernanceScheduler;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.JobStatus;
import dev.steward.governance.scheduler.dbscheduler.implementation.EngineClock;
import dev.steward.governance.scheduler.dbscheduler.implementation.JobRecord;
import dev.steward.governance.scheduler.dbscheduler.implementation.JobRecordCodec;
import dev.steward.governance.scheduler.dbscheduler.implementation.JobRunner;
import dev.steward.governance.scheduler.dbscheduler.implementation.JobTable;
import dev.steward.governance.scheduler.dbscheduler.implementation.NextRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link GovernanceScheduler} for services that run on several instances: schedules live in one
 * database table that every instance shares, and db-scheduler runs each due time on exactly one
 * instance. Build one per instance, with the same job types and the same {@link DataSource}.
 *
 * <ul>
 *   <li>Each job type is a db-scheduler task; each job is a row of that task, keyed by job id, with
 *       its {@link JobSpec}, next due time and last outcome as JSON in {@code task_data} (never
 *       Java serialization).
 *   <li>{@link #status()}, {@link #cancel(String)}, {@link #cancelAll()} and {@link
 *       #runNow(String)} read and write the table, so they act on and report the whole cluster. A
 *       cancelled job that is running finishes (its stop signal turns true within one polling
 *       interval) and is not rescheduled.
 *   <li>An instance that dies mid-run stops heartbeating; after {@code heartbeatInterval ×
 *       missedHeartbeatsLimit} another instance runs the job again for the same due time ({@link
 *       dev.steward.governance.schedule.JobContext#scheduledFor()}), so the rerun can resume from
 *       the job's checkpoint.
 *   <li>Runs of one job never overlap; a due time that passes during a run, or while no instance
 *       was up, follows the job's {@link dev.steward.governance.schedule.MisfirePolicy}. A run
 *       starting more than {@link Builder#misfireThreshold(Duration)} after its time counts as
 *       missed.
 * </ul>
 *
 * <p>The table must exist before {@link Builder#build()}: see {@link SchedulerTables}. While a job
 * runs, {@link JobStatus#lastRun()} reports the time its row became due to execute.
 *
 * <pre>{@code
 * GovernanceScheduler scheduler = DbSchedulerGovernanceScheduler.builder(dataSource)
 *     .job("extraction", context -> extractor.runJob(context))
 *     .build();
 * scheduler.schedule(JobSpec.builder("nightly-catalogue", "extraction", Schedule.parse("daily 02:30"))
 *     .parameter("connection", "contoso").build());
 * }</pre>
 */
public final class DbSchedulerGovernanceScheduler implements GovernanceScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(DbSchedulerGovernanceScheduler.class);
  private static final int MAX_ATTEMPTS = 10;

  private final Map<String, GovernanceJob> jobs;
  private final Map<String, CustomTask<JobRecord>> tasks;
  private final JobTable table;
  private final JobRunner runner;
  private final Clock clock;
  private final Scheduler scheduler;
  private final AtomicBoolean stopping;

  private DbSchedulerGovernanceScheduler(Builder builder, AtomicBoolean stopping) {
    this.jobs = Map.copyOf(builder.jobs);
    this.clock = builder.clock;
    this.stopping = stopping;
    this.table = new JobTable(builder.dataSource, builder.tableName);
    table.requireExists();
    this.runner =
        new JobRunner(
            jobs,
            table,
            clock,
            builder.random,
            builder.misfireThreshold,
            builder.pollingInterval,
            stopping::get,
            builder.meterRegistry == null
                ? SchedulerMetrics.NONE
                : SchedulerMetrics.micrometer(builder.meterRegistry, clock::instant));
    this.tasks = runner.tasks();
    List<Task<?>> known = new ArrayList<>(tasks.values());
    SchedulerBuilder engine =
        Scheduler.create(builder.dataSource, known)
            .tableName(builder.tableName)
            .serializer(new JobRecordCodec())
            .clock(new EngineClock(clock))
            .threads(builder.threads)
            .pollingInterval(builder.pollingInterval)
            .heartbeatInterval(builder.heartbeatInterval)
            .missedHeartbeatsLimit(builder.missedHeartbeatsLimit)
            .enableImmediateExecution()
            // Rows of job types this instance does not register belong to other instances: keep.
            .deleteUnresolvedAfter(Duration.ofDays(365L * 100))
            .shutdownMaxWait(Duration.ofMillis(500));
    if (builder.instanceName != null) {
      engine.schedulerName(new SchedulerName.Fixed(builder.instanceName));
    }
    this.scheduler = engine.build();
    scheduler.start();
    LOG.info(
        "clustered scheduler started on table {} with job types {}",
        table.name(),
        new TreeSet<>(jobs.keySet()));
  }

  /**
   * Starts a builder.
   *
   * @param dataSource the shared database (the caller owns it; use a connection pool)
   * @return a builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  @Override
  public JobStatus schedule(JobSpec spec) {
    Objects.requireNonNull(spec, "spec");
    requireHandler(spec);
    requireRunning();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      JobTable.Row same = null;
      for (JobTable.Row row : table.findById(spec.id())) {
        if (row.taskName().equals(spec.jobType())) {
          same = row;
        } else {
          table.delete(row.taskName(), row.id()); // the id moves to another job type
        }
      }
      NextRun.Plan plan = runner.firstRun(spec);
      boolean written;
      if (same == null) {
        JobRecord record = JobRecord.fresh(spec, plan.dueAt());
        written =
            scheduler.scheduleIfNotExists(
                tasks.get(spec.jobType()).instance(spec.id(), record), plan.fireAt());
      } else {
        JobRecord record = same.record().withSpec(spec, plan.dueAt());
        written =
            same.picked()
                ? table.replaceExecuting(same, record)
                : table.replaceIdle(same, record, plan.fireAt());
      }
      if (written) {
        LOG.info(
            "scheduled job {} ({}) {}; next run {}",
            spec.id(),
            spec.jobType(),
            spec.schedule().format(),
            plan.dueAt());
        return table
            .find(spec.jobType(), spec.id())
            .map(DbSchedulerGovernanceScheduler::statusOf)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "job '" + spec.id() + "' was cancelled on another instance meanwhile"));
      }
    }
    throw new IllegalStateException(
        "could not schedule job '"
            + spec.id()
            + "': its row in table '"
            + table.name()
            + "' kept changing under other instances ("
            + MAX_ATTEMPTS
            + " attempts)");
  }

  @Override
  public boolean cancel(String id) {
    Objects.requireNonNull(id, "id");
    boolean any = false;
    for (JobTable.Row row : table.findById(id)) {
      any |= table.delete(row.taskName(), row.id());
    }
    if (any) {
      LOG.info("cancelled job {}", id);
    }
    return any;
  }

  @Override
  public int cancelAll() {
    int count = 0;
    for (JobTable.Row row : table.list()) {
      if (table.delete(row.taskName(), row.id())) {
        count++;
      }
    }
    LOG.info("cancelled all {} jobs in table {}", count, table.name());
    return count;
  }

  @Override
  public List<JobStatus> status() {
    List<JobStatus> result = new ArrayList<>();
    for (JobTable.Row row : table.list()) {
      result.add(statusOf(row));
    }
    // Ordered by id in Java, whatever the database's collation.
    result.sort(
        Comparator.comparing((JobStatus s) -> s.spec().id())
            .thenComparing(s -> s.spec().jobType()));
    return List.copyOf(result);
  }

  @Override
  public boolean runNow(String id) {
    Objects.requireNonNull(id, "id");
    List<JobTable.Row> rows = table.findById(id);
    if (rows.isEmpty()) {
      List<String> ids = table.list().stream().map(JobTable.Row::id).toList();
      throw new IllegalArgumentException("no scheduled job '" + id + "'; scheduled: " + ids);
    }
    JobTable.Row row = rows.get(0);
    if (row.picked() || stopping.get()) {
      return false;
    }
    if (!table.makeDue(row, clock.instant())) {
      return false; // picked (or changed) by another instance meanwhile
    }
    scheduler.triggerCheckForDueExecutions();
    return true;
  }

  @Override
  public boolean shutdown(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    boolean first = stopping.compareAndSet(false, true);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!scheduler.getCurrentlyExecuting().isEmpty() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    boolean finished = scheduler.getCurrentlyExecuting().isEmpty();
    if (first) {
      scheduler.stop();
      if (!finished) {
        LOG.warn(
            "scheduler shut down with runs still going after {}; another instance reruns them"
                + " once their heartbeats are missed",
            timeout);
      }
    }
    return finished;
  }

  private void requireHandler(JobSpec spec) {
    if (!jobs.containsKey(spec.jobType())) {
      throw new IllegalArgumentException(
          "job '"
              + spec.id()
              + "' has job type '"
              + spec.jobType()
              + "', which no handler is registered for; registered: "
              + new TreeSet<>(jobs.keySet()));
    }
  }

  private void requireRunning() {
    if (stopping.get()) {
      throw new IllegalStateException("the scheduler is shut down");
    }
  }

  private static JobStatus statusOf(JobTable.Row row) {
    JobRecord record = row.record();
    Optional<Instant> next;
    Optional<Instant> lastRun;
    if (row.picked()) {
      lastRun = Optional.of(row.executionTime());
      Instant due = record.dueAt();
      if (due == null) {
        next = Optional.empty();
      } else if (due.isAfter(row.executionTime())) {
        next = Optional.of(due);
      } else {
        next = record.spec().schedule().nextAfter(due);
      }
    } else {
      lastRun = Optional.ofNullable(record.lastRun());
      next =
          row.executionTime().equals(NextRun.NEVER)
              ? Optional.empty()
              : Optional.of(row.executionTime());
    }
    return new JobStatus(
        record.spec(),
        next,
        lastRun,
        Optional.ofNullable(record.lastOutcome()),
        Optional.ofNullable(record.lastDuration()),
        row.picked(),
        record.runs(),
        record.skipped());
  }

  /** Builds a {@link DbSchedulerGovernanceScheduler}. */
  public static final class Builder {
    private final DataSource dataSource;
    private io.micrometer.core.instrument.MeterRegistry meterRegistry;
    private final Map<String, GovernanceJob> jobs = new LinkedHashMap<>();
    private String tableName = SchedulerTables.DEFAULT_TABLE;
    private String instanceName;
    private int threads = 10;
    private Duration pollingInterval = Duration.ofSeconds(10);
    private Duration heartbeatInterval = Duration.ofMinutes(5);
    private int missedHeartbeatsLimit = 6;
    private Duration misfireThreshold = Duration.ofMinutes(1);
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = RandomGenerator.getDefault();

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Registers the handler for a job type. Register the same job types on every instance.
     *
     * @param jobType the name job specs refer to (db-scheduler's task name)
     * @param job the handler
     * @return this builder
     */
    public Builder job(String jobType, GovernanceJob job) {
      jobs.put(Objects.requireNonNull(jobType, "jobType"), Objects.requireNonNull(job, "job"));
      return this;
    }

    /**
     * Sets the table (default {@value SchedulerTables#DEFAULT_TABLE}); it must exist.
     *
     * @param tableName the table name, optionally {@code schema.table}
     * @return this builder
     */
    public Builder tableName(String tableName) {
      this.tableName = JobTable.checkName(tableName);
      return this;
    }

    /**
     * Names this instance in the table's {@code picked_by} column (default: the host name).
     *
     * @param instanceName the name, unique in the cluster
     * @return this builder
     */
    public Builder instanceName(String instanceName) {
      this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
      return this;
    }

    /**
     * Sets how many jobs this instance runs at once (default 10).
     *
     * @param threads at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, was " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Sets how often this instance looks for due jobs (default 10 seconds).
     *
     * @param pollingInterval a positive interval
     * @return this builder
     */
    public Builder pollingInterval(Duration pollingInterval) {
      this.pollingInterval = positive(pollingInterval, "pollingInterval");
      return this;
    }

    /**
     * Sets how often a running job's heartbeat is written (default 5 minutes). Another instance
     * reruns a job whose heartbeat is older than {@code heartbeatInterval × missedHeartbeatsLimit}.
     *
     * @param heartbeatInterval a positive interval
     * @return this builder
     */
    public Builder heartbeatInterval(Duration heartbeatInterval) {
      this.heartbeatInterval = positive(heartbeatInterval, "heartbeatInterval");
      return this;
    }

    /**
     * Sets how many heartbeats a run may miss before it counts as dead (default 6).
     *
     * @param missedHeartbeatsLimit at least 4 (db-scheduler's minimum)
     * @return this builder
     */
    public Builder missedHeartbeatsLimit(int missedHeartbeatsLimit) {
      if (missedHeartbeatsLimit < 4) {
        throw new IllegalArgumentException(
            "missedHeartbeatsLimit must be at least 4 (db-scheduler's minimum), was "
                + missedHeartbeatsLimit);
      }
      this.missedHeartbeatsLimit = missedHeartbeatsLimit;
      return this;
    }

    /**
     * Sets how late a run may start before it counts as missed (default 1 minute): a job with
     * misfire policy {@code SKIP} then skips it, a {@code RUN_ONCE} job runs it.
     *
     * @param misfireThreshold a positive duration, longer than the polling interval
     * @return this builder
     */
    public Builder misfireThreshold(Duration misfireThreshold) {
      this.misfireThreshold = positive(misfireThreshold, "misfireThreshold");
      return this;
    }

    /**
     * Sets the clock (default: the system UTC clock). Instances of one cluster must agree on time.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the source of jitter.
     *
     * @param random the random generator
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Records the {@code steward.scheduler.*} meters of the runs this instance executes ({@link
     * dev.steward.governance.metrics.GovernanceMeters}): runs by job type and outcome, skipped runs
     * and runs in progress; sum them over the instances. The per-job gauges of the in-process
     * scheduler (last-run age, last success, interval) are not recorded here: a job runs on any
     * instance, so one instance's view of them would be wrong. Default: none. Micrometer is
     * optional: applications that never call this need no Micrometer jar.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
      return this;
    }

    /**
     * Checks the table exists and starts the scheduler. It never creates the table.
     *
     * @return a running scheduler
     * @throws IllegalStateException when the table is missing (the message names the script)
     * @throws IllegalArgumentException when no job type is registered
     */
    public DbSchedulerGovernanceScheduler build() {
      if (jobs.isEmpty()) {
        throw new IllegalArgumentException(
            "register at least one job type with job(name, handler) before build()");
      }
      return new DbSchedulerGovernanceScheduler(this, new AtomicBoolean());
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }
  }
}
