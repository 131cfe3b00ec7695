package dev.steward.governance.health;

import dev.steward.governance.schedule.SchedulingClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link HealthCheck}s in parallel, each bounded by a timeout: a check that does not answer in
 * time is reported {@link HealthStatus#DOWN} "timed out after ..." without holding up the others,
 * and its thread is interrupted. A check that throws is {@link HealthStatus#DOWN} with the
 * exception's message. Time comes from a {@link SchedulingClock}, so tests drive timeouts with
 * {@link dev.steward.governance.schedule.ManualSchedulingClock} instead of waiting.
 *
 * <pre>{@code
 * try (CompositeHealthCheck health = CompositeHealthCheck.builder()
 *     .add(HealthChecks.auditTrail(Path.of("audit")))
 *     .add(HealthChecks.scheduler(scheduler, clock, Duration.ofMinutes(5)))
 *     .timeout(Duration.ofSeconds(3))
 *     .build()) {
 *   HealthReport report = health.check();
 * }
 * }</pre>
 */
public final class CompositeHealthCheck implements AutoCloseable {

  private final List<HealthCheck> checks;
  private final Duration timeout;
  private final SchedulingClock clock;
  private final ExecutorService executor;
  private final List<ExecutorService> owned;

  private CompositeHealthCheck(Builder builder) {
    this.checks = List.copyOf(builder.checks);
    this.timeout = builder.timeout;
    List<ExecutorService> ownedServices = new ArrayList<>();
    if (builder.executor == null) {
      ExecutorService pool = Executors.newCachedThreadPool(daemon("steward-health-"));
      ownedServices.add(pool);
      this.executor = pool;
    } else {
      this.executor = builder.executor;
    }
    if (builder.clock == null) {
      ScheduledExecutorService timer =
          Executors.newSingleThreadScheduledExecutor(daemon("steward-health-timer-"));
      ownedServices.add(timer);
      this.clock = SchedulingClock.system(Clock.systemUTC(), timer);
    } else {
      this.clock = builder.clock;
    }
    this.owned = List.copyOf(ownedServices);
  }

  /**
   * Starts a builder.
   *
   * @return a builder with no checks, a 5-second timeout, the system clock and a pool of daemon
   *     threads this composite owns
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The checks, in order.
   *
   * @return the checks
   */
  public List<HealthCheck> checks() {
    return checks;
  }

  /**
   * The timeout each check has.
   *
   * @return the timeout
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Runs every check in parallel and waits for all of them (at most about the timeout).
   *
   * @return the report
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  public HealthReport check() throws InterruptedException {
    try {
      return checkAsync().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("health checks failed unexpectedly", e.getCause());
    }
  }

  /**
   * Starts every check in parallel.
   *
   * @return the report, once every check has answered or timed out
   */
  public CompletableFuture<HealthReport> checkAsync() {
    Instant checkedAt = clock.now();
    List<CompletableFuture<HealthCheckResult>> results = new ArrayList<>(checks.size());
    for (HealthCheck check : checks) {
      results.add(start(check));
    }
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenApply(
            ignored ->
                HealthReport.of(checkedAt, results.stream().map(CompletableFuture::join).toList()));
  }

  private CompletableFuture<HealthCheckResult> start(HealthCheck check) {
    String name = check.name();
    Instant started = clock.now();
    CompletableFuture<HealthCheckResult> result = new CompletableFuture<>();
    Future<?> task;
    try {
      task =
          executor.submit(
              () -> {
                Health health = Health.down("the check ended without a result");
                try {
                  Health answered = check.check();
                  health =
                      answered != null ? answered : Health.down("the check returned no result");
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  health = Health.down("interrupted");
                } catch (Exception e) {
                  health = Health.down(describe(e));
                } finally {
                  result.complete(
                      new HealthCheckResult(
                          name,
                          health.status(),
                          nonNegative(Duration.between(started, clock.now())),
                          health.detail()));
                }
              });
    } catch (RejectedExecutionException e) {
      result.complete(
          new HealthCheckResult(
              name, HealthStatus.DOWN, Duration.ZERO, "could not start: the executor refused it"));
      return result;
    }
    SchedulingClock.Wakeup wakeup =
        clock.wakeAt(
            started.plus(timeout),
            () -> {
              if (result.complete(
                  new HealthCheckResult(
                      name, HealthStatus.DOWN, timeout, "timed out after " + human(timeout)))) {
                task.cancel(true);
              }
            });
    result.whenComplete((r, e) -> wakeup.cancel());
    return result;
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }

  static String human(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Stops the threads this composite owns; an executor passed to the builder is left alone. */
  @Override
  public void close() {
    owned.forEach(ExecutorService::shutdownNow);
  }

  /** Builds a {@link CompositeHealthCheck}. */
  public static final class Builder {
    private final Set<HealthCheck> checks = new LinkedHashSet<>();
    private Duration timeout = Duration.ofSeconds(5);
    private SchedulingClock clock;
    private ExecutorService executor;

    private Builder() {}

    /**
     * Adds a check.
     *
     * @param check the check
     * @return this builder
     * @throws IllegalArgumentException when a check with the same name was added already
     */
    public Builder add(HealthCheck check) {
      Objects.requireNonNull(check, "check");
      if (checks.stream().anyMatch(c -> c.name().equals(check.name()))) {
        throw new IllegalArgumentException("a health check named '" + check.name() + "' exists");
      }
      checks.add(check);
      return this;
    }

    /**
     * Sets how long each check may take before it is reported DOWN.
     *
     * @param timeout the timeout, positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the clock latencies are measured and timeouts fire on (tests: a {@link
     * dev.steward.governance.schedule.ManualSchedulingClock}).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(SchedulingClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the executor checks run on; the caller owns it. It needs a thread per check to run them
     * all in parallel.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(ExecutorService executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the composite.
     *
     * @return the composite
     */
    public CompositeHealthCheck build() {
      return new CompositeHealthCheck(this);
    }
  }
}
