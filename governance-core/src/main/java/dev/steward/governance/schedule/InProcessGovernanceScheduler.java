package dev.steward.governance.schedule;

import dev.steward.governance.metrics.SchedulerMetrics;
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
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process {@link GovernanceScheduler}: one JVM, wake-ups on a {@link SchedulingClock}, runs
 * on an executor, schedules persisted to a {@link ScheduleStore} so a restarted process resumes
 * them. Runs of one job never overlap; a run that falls due while the previous one is still going
 * follows the job's {@link MisfirePolicy}, and so does a run missed while the process was down.
 *
 * <p>For several instances sharing schedules, use a clustered adapter instead: this scheduler does
 * not coordinate across processes.
 *
 * <pre>{@code
 * GovernanceScheduler scheduler = InProcessGovernanceScheduler.builder()
 *     .job("extraction", context -> extractor.runJob(context))
 *     .store(new FileScheduleStore(Path.of("schedules.json")))
 *     .build();
 * scheduler.schedule(JobSpec.builder("nightly-catalogue", "extraction", Schedule.parse("daily 02:30"))
 *     .parameter("connection", "contoso").build());
 * }</pre>
 */
public final class InProcessGovernanceScheduler implements GovernanceScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(InProcessGovernanceScheduler.class);

  /** A job's mutable state; every field is guarded by the scheduler's lock. */
  private static final class Entry {
    JobSpec spec;
    Instant scheduledFor;
    Instant fireAt;
    SchedulingClock.Wakeup wakeup;
    Instant lastRun;
    JobOutcome lastOutcome;
    Duration lastDuration;
    boolean running;
    boolean rerunPending;
    long runs;
    long skipped;
    volatile boolean stop;

    Entry(JobSpec spec) {
      this.spec = spec;
    }
  }

  private final Object lock = new Object();
  private final Map<String, GovernanceJob> jobs;
  private final SchedulingClock clock;
  private final java.util.concurrent.Executor executor;
  private final ScheduleStore store;
  private final RandomGenerator random;
  private final List<AutoCloseable> owned;
  private final SchedulerMetrics metrics;
  private final Map<String, Entry> entries = new TreeMap<>();
  private int runningCount;
  private boolean shutdown;

  private InProcessGovernanceScheduler(Builder builder, List<AutoCloseable> owned) {
    this.jobs = Map.copyOf(builder.jobs);
    this.clock = builder.clock;
    this.executor = builder.executor;
    this.store = builder.store;
    this.random = builder.random;
    this.owned = owned;
    this.metrics = builder.metrics;
  }

  /**
   * Starts a builder.
   *
   * @return a builder with the system clock, a cached pool of daemon threads for runs, no
   *     persistence and no jobs
   */
  public static Builder builder() {
    return new Builder();
  }

  private void resume(List<JobStatus> stored) {
    Instant now = clock.now();
    synchronized (lock) {
      for (JobStatus status : stored) {
        JobSpec spec = status.spec();
        requireHandler(spec);
        Entry entry = new Entry(spec);
        entry.lastRun = status.lastRun().orElse(null);
        entry.lastOutcome = status.lastOutcome().orElse(null);
        entry.lastDuration = status.lastDuration().orElse(null);
        entry.runs = status.runs();
        entry.skipped = status.skipped();
        entries.put(spec.id(), entry);
        metrics.scheduled(
            spec,
            entry.lastRun,
            entry.lastOutcome != null
                    && entry.lastOutcome.status() == JobOutcome.Status.SUCCEEDED
                    && entry.lastRun != null
                ? entry.lastRun.plus(
                    entry.lastDuration == null ? Duration.ZERO : entry.lastDuration)
                : null,
            now);
        Optional<Instant> due = status.nextRun();
        if (due.isPresent() && !due.get().isAfter(now)) {
          if (spec.misfirePolicy() == MisfirePolicy.RUN_ONCE) {
            LOG.info(
                "job {} missed its run at {} while stopped; running it now", spec.id(), due.get());
            arm(entry, due.get(), now);
          } else {
            LOG.info(
                "job {} missed its run at {} while stopped; skipping it", spec.id(), due.get());
            entry.skipped++;
            armNext(entry, now);
          }
        } else if (due.isPresent()) {
          arm(entry, due.get(), due.get());
        } else {
          armNext(entry, now);
        }
      }
      persist();
    }
  }

  @Override
  public JobStatus schedule(JobSpec spec) {
    Objects.requireNonNull(spec, "spec");
    requireHandler(spec);
    synchronized (lock) {
      if (shutdown) {
        throw new IllegalStateException("the scheduler is shut down");
      }
      Entry entry = entries.get(spec.id());
      Instant now = clock.now();
      if (entry == null) {
        entry = new Entry(spec);
        entries.put(spec.id(), entry);
        metrics.scheduled(spec, null, null, now);
      } else {
        cancelWakeup(entry);
        entry.spec = spec;
        metrics.scheduled(spec, entry.lastRun, null, now);
      }
      armNext(entry, now);
      persist();
      LOG.info(
          "scheduled job {} ({}) {}; next run {}",
          spec.id(),
          spec.jobType(),
          spec.schedule().format(),
          entry.fireAt);
      return statusOf(entry);
    }
  }

  @Override
  public boolean cancel(String id) {
    synchronized (lock) {
      Entry entry = entries.remove(id);
      if (entry == null) {
        return false;
      }
      cancelWakeup(entry);
      entry.stop = true;
      entry.rerunPending = false;
      metrics.removed(id);
      persist();
      LOG.info("cancelled job {}", id);
      return true;
    }
  }

  @Override
  public int cancelAll() {
    synchronized (lock) {
      int count = entries.size();
      for (Entry entry : entries.values()) {
        cancelWakeup(entry);
        entry.stop = true;
        entry.rerunPending = false;
        metrics.removed(entry.spec.id());
      }
      entries.clear();
      persist();
      LOG.info("cancelled all {} jobs", count);
      return count;
    }
  }

  @Override
  public List<JobStatus> status() {
    synchronized (lock) {
      List<JobStatus> result = new ArrayList<>(entries.size());
      for (Entry entry : entries.values()) {
        result.add(statusOf(entry));
      }
      return List.copyOf(result);
    }
  }

  @Override
  public boolean runNow(String id) {
    synchronized (lock) {
      Entry entry = entries.get(id);
      if (entry == null) {
        throw new IllegalArgumentException(
            "no scheduled job '" + id + "'; scheduled: " + entries.keySet());
      }
      if (entry.running || shutdown) {
        return false;
      }
      start(entry, clock.now());
      return true;
    }
  }

  @Override
  public boolean shutdown(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean finished;
    synchronized (lock) {
      if (!shutdown) {
        shutdown = true;
        for (Entry entry : entries.values()) {
          cancelWakeup(entry);
          entry.stop = true;
        }
      }
      while (runningCount > 0) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          break;
        }
        try {
          lock.wait(Math.max(1, remaining / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      finished = runningCount == 0;
      persist();
    }
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed: {}", resource, e.toString());
      }
    }
    if (!finished) {
      LOG.warn("scheduler shut down with runs still going after {}", timeout);
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
              + new java.util.TreeSet<>(jobs.keySet()));
    }
  }

  /** Arms the next wake-up strictly after {@code after}. Caller holds the lock. */
  private void armNext(Entry entry, Instant after) {
    Optional<Instant> next = entry.spec.schedule().nextAfter(after);
    if (next.isPresent()) {
      arm(entry, next.get(), next.get());
    } else {
      entry.scheduledFor = null;
      entry.fireAt = null;
      entry.wakeup = null;
    }
  }

  /** Arms a wake-up for the run due at {@code scheduledFor}, fired at {@code base} + jitter. */
  private void arm(Entry entry, Instant scheduledFor, Instant base) {
    long jitterMillis = entry.spec.jitter().toMillis();
    Instant fireAt = jitterMillis == 0 ? base : base.plusMillis(random.nextLong(jitterMillis + 1));
    entry.scheduledFor = scheduledFor;
    entry.fireAt = fireAt;
    entry.wakeup = clock.wakeAt(fireAt, () -> fire(entry, scheduledFor));
  }

  private static void cancelWakeup(Entry entry) {
    if (entry.wakeup != null) {
      entry.wakeup.cancel();
      entry.wakeup = null;
    }
  }

  private void fire(Entry entry, Instant scheduledFor) {
    synchronized (lock) {
      if (shutdown || entries.get(entry.spec.id()) != entry || entry.scheduledFor != scheduledFor) {
        return;
      }
      Instant now = clock.now();
      // The next due time counts from this one, not from now, so schedules do not drift; runs
      // that a stall made us miss entirely are not replayed one by one.
      Instant next = entry.spec.schedule().nextAfter(scheduledFor).orElse(null);
      if (next != null && !next.isAfter(now)) {
        next = entry.spec.schedule().nextAfter(now).orElse(null);
      }
      if (next != null) {
        arm(entry, next, next);
      } else {
        entry.scheduledFor = null;
        entry.fireAt = null;
        entry.wakeup = null;
      }
      if (entry.running) {
        if (entry.spec.misfirePolicy() == MisfirePolicy.RUN_ONCE) {
          entry.rerunPending = true;
          LOG.info(
              "job {} is still running at {}; it runs again when it ends",
              entry.spec.id(),
              scheduledFor);
        } else {
          entry.skipped++;
          metrics.skipped(entry.spec);
          LOG.info(
              "job {} is still running at {}; skipped this run", entry.spec.id(), scheduledFor);
        }
        persist();
        return;
      }
      start(entry, scheduledFor);
    }
  }

  /** Starts a run. Caller holds the lock and has checked the entry is not running. */
  private void start(Entry entry, Instant scheduledFor) {
    Instant startedAt = clock.now();
    entry.running = true;
    entry.lastRun = startedAt;
    entry.stop = false;
    runningCount++;
    JobSpec spec = entry.spec;
    metrics.started(spec, startedAt);
    GovernanceJob job = jobs.get(spec.jobType());
    JobContext context =
        new JobContext(
            spec.id(),
            spec.jobType(),
            spec.parameters(),
            scheduledFor,
            startedAt,
            () -> entry.stop || Thread.currentThread().isInterrupted());
    try {
      executor.execute(() -> runJob(entry, job, context));
    } catch (RejectedExecutionException e) {
      finish(entry, JobOutcome.failed("could not start: the executor refused the run"), startedAt);
    }
  }

  private void runJob(Entry entry, GovernanceJob job, JobContext context) {
    JobOutcome outcome;
    try {
      LOG.debug("job {} started (due {})", context.jobId(), context.scheduledFor());
      outcome = job.run(context);
      if (outcome == null) {
        outcome = JobOutcome.succeeded("");
      }
    } catch (Exception e) {
      LOG.atWarn()
          .addKeyValue("job", context.jobId())
          .addKeyValue("error", e.getClass().getSimpleName())
          .log("Job {} failed: {}", context.jobId(), e.toString());
      outcome = JobOutcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (Error e) {
      synchronized (lock) {
        finish(entry, JobOutcome.failed(e.toString()), context.startedAt());
      }
      throw e;
    }
    synchronized (lock) {
      finish(entry, outcome, context.startedAt());
    }
  }

  /** Records the end of a run. Caller holds the lock. */
  private void finish(Entry entry, JobOutcome outcome, Instant startedAt) {
    entry.running = false;
    entry.lastOutcome = outcome;
    entry.lastDuration = Duration.between(startedAt, clock.now());
    entry.runs++;
    runningCount--;
    metrics.finished(entry.spec, outcome, entry.lastDuration, clock.now());
    LOG.atInfo()
        .addKeyValue("job", entry.spec.id())
        .addKeyValue("outcome", outcome.status())
        .addKeyValue("durationMs", entry.lastDuration.toMillis())
        .log("Job {} {}: {}", entry.spec.id(), outcome.status(), outcome.message());
    if (entry.rerunPending && !shutdown && entries.get(entry.spec.id()) == entry) {
      entry.rerunPending = false;
      start(entry, clock.now());
    }
    persist();
    lock.notifyAll();
  }

  private JobStatus statusOf(Entry entry) {
    return new JobStatus(
        entry.spec,
        Optional.ofNullable(entry.fireAt),
        Optional.ofNullable(entry.lastRun),
        Optional.ofNullable(entry.lastOutcome),
        Optional.ofNullable(entry.lastDuration),
        entry.running,
        entry.runs,
        entry.skipped);
  }

  /** Saves every job. Caller holds the lock. A failing store is logged, never fatal to a run. */
  private void persist() {
    List<JobStatus> all = new ArrayList<>(entries.size());
    for (Entry entry : entries.values()) {
      all.add(statusOf(entry));
    }
    all.sort(Comparator.comparing(s -> s.spec().id()));
    try {
      store.save(all);
    } catch (RuntimeException e) {
      LOG.error("could not save schedules: {}", e.getMessage());
    }
  }

  /** Builds an {@link InProcessGovernanceScheduler}. */
  public static final class Builder {
    private final Map<String, GovernanceJob> jobs = new LinkedHashMap<>();
    private SchedulingClock clock;
    private java.util.concurrent.Executor executor;
    private ScheduleStore store = ScheduleStore.none();
    private RandomGenerator random = RandomGenerator.getDefault();
    private io.micrometer.core.instrument.MeterRegistry meterRegistry;
    private SchedulerMetrics metrics = SchedulerMetrics.NONE;

    private Builder() {}

    /**
     * Registers the handler for a job type.
     *
     * @param jobType the name job specs refer to
     * @param job the handler
     * @return this builder
     */
    public Builder job(String jobType, GovernanceJob job) {
      jobs.put(Objects.requireNonNull(jobType, "jobType"), Objects.requireNonNull(job, "job"));
      return this;
    }

    /**
     * Sets the clock (default: the system clock with a daemon timer thread the scheduler owns).
     *
     * @param clock the scheduling clock
     * @return this builder
     */
    public Builder clock(SchedulingClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the executor runs go to (default: a cached pool of daemon threads the scheduler owns).
     * The caller owns an executor it passes here.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(java.util.concurrent.Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Sets where schedules persist (default: nowhere).
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(ScheduleStore store) {
      this.store = Objects.requireNonNull(store, "store");
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
     * Records the {@code steward.scheduler.*} meters ({@link
     * dev.steward.governance.metrics.GovernanceMeters}): runs by job type and outcome, runs in
     * progress, and per job the last-run age, last success and interval. Default: none. Micrometer
     * is optional: applications that never call this need no Micrometer jar.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
      this.meterRegistry = Objects.requireNonNull(registry, "meterRegistry");
      return this;
    }

    /**
     * Builds the scheduler, loads the stored schedules and arms them.
     *
     * @return a running scheduler
     * @throws IllegalArgumentException when a stored schedule names an unregistered job type
     */
    public InProcessGovernanceScheduler build() {
      List<AutoCloseable> owned = new ArrayList<>();
      SchedulingClock effectiveClock = clock;
      if (effectiveClock == null) {
        ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(daemonThreads("steward-scheduler"));
        owned.add(timer::shutdownNow);
        effectiveClock = SchedulingClock.system(Clock.systemUTC(), timer);
      }
      java.util.concurrent.Executor effectiveExecutor = executor;
      if (effectiveExecutor == null) {
        ExecutorService pool = Executors.newCachedThreadPool(daemonThreads("steward-job"));
        owned.add(pool::shutdownNow);
        effectiveExecutor = pool;
      }
      Builder resolved = new Builder();
      resolved.jobs.putAll(jobs);
      resolved.clock = effectiveClock;
      resolved.executor = effectiveExecutor;
      resolved.store = store;
      resolved.random = random;
      if (meterRegistry != null) {
        resolved.metrics = SchedulerMetrics.micrometer(meterRegistry, effectiveClock::now);
      }
      InProcessGovernanceScheduler scheduler = new InProcessGovernanceScheduler(resolved, owned);
      scheduler.resume(store.load());
      return scheduler;
    }

    private static ThreadFactory daemonThreads(String prefix) {
      AtomicInteger counter = new AtomicInteger();
      return runnable -> {
        Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
    }
  }
}
