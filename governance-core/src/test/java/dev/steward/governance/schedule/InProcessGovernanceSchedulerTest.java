package dev.steward.governance.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessGovernanceSchedulerTest {

  private static final Instant START = Instant.parse("2026-11-23T00:00:00Z");

  private final ManualSchedulingClock clock = new ManualSchedulingClock(START);
  private final List<JobContext> runs = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @TempDir Path dir;

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private InProcessGovernanceScheduler.Builder direct() {
    return InProcessGovernanceScheduler.builder()
        .clock(clock)
        .executor(Runnable::run)
        .job(
            "record",
            context -> {
              runs.add(context);
              return JobOutcome.succeeded("run " + runs.size());
            });
  }

  private static JobSpec spec(String id, String schedule) {
    return JobSpec.builder(id, "record", Schedule.parse(schedule)).build();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  @Test
  void aWeekOfHourlyAndDailySchedulesRunsInMilliseconds() {
    try (var scheduler = direct().build()) {
      scheduler.schedule(spec("hourly", "hourly :05"));
      scheduler.schedule(spec("daily", "daily 02:30"));
      clock.advance(Duration.ofDays(7));

      assertThat(runs.stream().filter(r -> r.jobId().equals("hourly"))).hasSize(7 * 24);
      assertThat(runs.stream().filter(r -> r.jobId().equals("daily")))
          .hasSize(7)
          .allSatisfy(r -> assertThat(r.scheduledFor().toString()).endsWith("T02:30:00Z"));
      JobStatus daily = scheduler.status().get(0);
      assertThat(daily.spec().id()).isEqualTo("daily");
      assertThat(daily.runs()).isEqualTo(7);
      assertThat(daily.lastRun()).contains(Instant.parse("2026-11-29T02:30:00Z"));
      assertThat(daily.nextRun()).contains(Instant.parse("2026-11-30T02:30:00Z"));
      assertThat(daily.lastOutcome().orElseThrow().status()).isEqualTo(JobOutcome.Status.SUCCEEDED);
      assertThat(daily.lastDuration()).contains(Duration.ZERO);
      assertThat(daily.running()).isFalse();
    }
  }

  @Test
  void parametersAndDueTimeReachTheJob() {
    try (var scheduler = direct().build()) {
      scheduler.schedule(
          JobSpec.builder("extract", "record", Schedule.parse("every 10m"))
              .parameter("connection", "contoso")
              .build());
      clock.advance(Duration.ofMinutes(10));
      assertThat(runs)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.parameters()).containsEntry("connection", "contoso");
                assertThat(r.scheduledFor()).isEqualTo(START.plus(Duration.ofMinutes(10)));
                assertThat(r.jobType()).isEqualTo("record");
              });
    }
  }

  @Test
  void aFailingRunIsRecordedAndTheScheduleGoesOn() {
    AtomicInteger calls = new AtomicInteger();
    try (var scheduler =
        direct()
            .job(
                "flaky",
                c -> {
                  if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("Purview answered 503");
                  }
                  return JobOutcome.succeeded("ok");
                })
            .build()) {
      scheduler.schedule(JobSpec.builder("f", "flaky", Schedule.parse("hourly")).build());
      clock.advance(Duration.ofHours(1));
      JobOutcome first = scheduler.status().get(0).lastOutcome().orElseThrow();
      assertThat(first.status()).isEqualTo(JobOutcome.Status.FAILED);
      assertThat(first.message()).isEqualTo("IllegalStateException: Purview answered 503");
      clock.advance(Duration.ofHours(1));
      assertThat(scheduler.status().get(0).lastOutcome().orElseThrow().status())
          .isEqualTo(JobOutcome.Status.SUCCEEDED);
      assertThat(scheduler.status().get(0).runs()).isEqualTo(2);
    }
  }

  @Test
  void cancelAndCancelAllStopFurtherRuns() {
    try (var scheduler = direct().build()) {
      scheduler.schedule(spec("a", "every 1m"));
      scheduler.schedule(spec("b", "every 1m"));
      scheduler.schedule(spec("c", "every 1m"));
      clock.advance(Duration.ofMinutes(1));
      assertThat(runs).hasSize(3);
      assertThat(scheduler.cancel("a")).isTrue();
      assertThat(scheduler.cancel("a")).isFalse();
      clock.advance(Duration.ofMinutes(1));
      assertThat(runs).hasSize(5);
      assertThat(scheduler.cancelAll()).isEqualTo(2);
      clock.advance(Duration.ofHours(1));
      assertThat(runs).hasSize(5);
      assertThat(scheduler.status()).isEmpty();
    }
  }

  @Test
  void reschedulingTheSameIdReplacesTheSchedule() {
    try (var scheduler = direct().build()) {
      scheduler.schedule(spec("a", "every 1m"));
      scheduler.schedule(spec("a", "hourly"));
      clock.advance(Duration.ofMinutes(59));
      assertThat(runs).isEmpty();
      clock.advance(Duration.ofMinutes(1));
      assertThat(runs).hasSize(1);
      assertThat(scheduler.status())
          .singleElement()
          .extracting(s -> s.spec().schedule().format())
          .isEqualTo("hourly");
    }
  }

  @Test
  void anUnregisteredJobTypeIsRefusedWithTheKnownTypes() {
    try (var scheduler = direct().build()) {
      assertThatThrownBy(
              () ->
                  scheduler.schedule(
                      JobSpec.builder("x", "extraction", Schedule.parse("hourly")).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'extraction'")
          .hasMessageContaining("registered: [record]");
      assertThatThrownBy(() -> scheduler.runNow("nope"))
          .hasMessageContaining("no scheduled job 'nope'");
    }
  }

  @Test
  void runsOfOneJobNeverOverlapAndSkipIsCounted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    try (var scheduler =
        InProcessGovernanceScheduler.builder()
            .clock(clock)
            .executor(pool)
            .job(
                "slow",
                c -> {
                  maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                  started.countDown();
                  release.await();
                  concurrent.decrementAndGet();
                  return JobOutcome.succeeded("done");
                })
            .build()) {
      scheduler.schedule(JobSpec.builder("s", "slow", Schedule.parse("every 1m")).build());
      clock.advance(Duration.ofMinutes(1));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      clock.advance(Duration.ofMinutes(3));
      JobStatus during = scheduler.status().get(0);
      assertThat(during.running()).isTrue();
      assertThat(during.skipped()).isEqualTo(3);
      assertThat(scheduler.runNow("s")).isFalse();
      release.countDown();
      await(() -> !scheduler.status().get(0).running());
      assertThat(scheduler.status().get(0).runs()).isEqualTo(1);
      assertThat(maxConcurrent.get()).isEqualTo(1);
    }
  }

  @Test
  void runOnceMisfirePolicyRunsOnceMoreAfterTheLongRun() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    try (var scheduler =
        InProcessGovernanceScheduler.builder()
            .clock(clock)
            .executor(pool)
            .job(
                "slow",
                c -> {
                  if (calls.incrementAndGet() == 1) {
                    release.await();
                  }
                  return JobOutcome.succeeded("done");
                })
            .build()) {
      scheduler.schedule(
          JobSpec.builder("s", "slow", Schedule.parse("every 1m"))
              .misfirePolicy(MisfirePolicy.RUN_ONCE)
              .build());
      clock.advance(Duration.ofMinutes(1));
      await(() -> calls.get() == 1);
      clock.advance(Duration.ofMinutes(5));
      assertThat(calls.get()).isEqualTo(1);
      release.countDown();
      await(() -> scheduler.status().get(0).runs() == 2);
      assertThat(calls.get()).isEqualTo(2);
      assertThat(scheduler.status().get(0).skipped()).isZero();
    }
  }

  @Test
  void jitterDelaysEachRunWithinTheBound() {
    try (var scheduler = direct().random(new Random(42)).build()) {
      scheduler.schedule(
          JobSpec.builder("j", "record", Schedule.parse("hourly"))
              .jitter(Duration.ofMinutes(5))
              .build());
      clock.advance(Duration.ofHours(24).plusMinutes(5));
      assertThat(runs).hasSize(24);
      assertThat(runs)
          .allSatisfy(
              r -> {
                Duration delay = Duration.between(r.scheduledFor(), r.startedAt());
                assertThat(delay).isBetween(Duration.ZERO, Duration.ofMinutes(5));
              });
      assertThat(
              runs.stream()
                  .map(r -> Duration.between(r.scheduledFor(), r.startedAt()))
                  .distinct()
                  .count())
          .isGreaterThan(1);
    }
  }

  @Test
  void schedulesSurviveARestartAndAMissedRunFollowsThePolicy() throws Exception {
    Path file = dir.resolve("schedules.json");
    try (var scheduler = direct().store(new FileScheduleStore(file)).build()) {
      scheduler.schedule(
          JobSpec.builder("catchup", "record", Schedule.parse("daily 02:00"))
              .misfirePolicy(MisfirePolicy.RUN_ONCE)
              .parameter("connection", "contoso")
              .build());
      scheduler.schedule(spec("skipper", "daily 02:00"));
      clock.advance(Duration.ofHours(3));
      assertThat(runs).hasSize(2);
    }
    assertThat(Files.readString(file))
        .contains("\"schedule\" : \"daily 02:00\"")
        .contains("contoso");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(
              java.nio.file.attribute.PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }

    // The process is down for two days; on restart one job catches up once, the other skips.
    runs.clear();
    ManualSchedulingClock later =
        new ManualSchedulingClock(START.plus(Duration.ofDays(2)).plus(Duration.ofHours(5)));
    try (var scheduler =
        InProcessGovernanceScheduler.builder()
            .clock(later)
            .executor(Runnable::run)
            .store(new FileScheduleStore(file))
            .job(
                "record",
                c -> {
                  runs.add(c);
                  return JobOutcome.succeeded("ok");
                })
            .build()) {
      later.advance(Duration.ZERO);
      assertThat(runs)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.jobId()).isEqualTo("catchup");
                assertThat(r.scheduledFor()).isEqualTo(Instant.parse("2026-11-24T02:00:00Z"));
                assertThat(r.parameters()).containsEntry("connection", "contoso");
              });
      JobStatus skipper = scheduler.status().get(1);
      assertThat(skipper.skipped()).isEqualTo(1);
      assertThat(skipper.runs()).isEqualTo(1);
      assertThat(skipper.nextRun()).contains(Instant.parse("2026-11-26T02:00:00Z"));
    }
  }

  @Test
  void aCorruptStoreNamesFileAndPosition() throws Exception {
    Path file = dir.resolve("schedules.json");
    Files.writeString(file, "{\"version\":1,\n \"jobs\": [ {\"id\": }");
    assertThatThrownBy(() -> new FileScheduleStore(file).load())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(file + ":2:");
    Files.writeString(
        file,
        "{\"version\":1,\"jobs\":[{\"id\":\"x\",\"jobType\":\"record\",\"schedule\":\"sometimes\"}]}");
    assertThatThrownBy(() -> new FileScheduleStore(file).load())
        .hasMessageContaining("jobs[0] (x)")
        .hasMessageContaining("invalid schedule 'sometimes'");
  }

  @Test
  void shutdownSignalsRunningJobsAndWaitsForThem() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    try (var scheduler =
        InProcessGovernanceScheduler.builder()
            .clock(clock)
            .executor(pool)
            .job(
                "cooperative",
                c -> {
                  started.countDown();
                  while (!c.stopRequested()) {
                    Thread.onSpinWait();
                  }
                  return JobOutcome.succeeded("stopped early, resumable");
                })
            .build()) {
      scheduler.schedule(JobSpec.builder("c", "cooperative", Schedule.parse("hourly")).build());
      assertThat(scheduler.runNow("c")).isTrue();
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(scheduler.shutdown(Duration.ofSeconds(10))).isTrue();
      assertThat(scheduler.status().get(0).lastOutcome().orElseThrow().message())
          .isEqualTo("stopped early, resumable");
      assertThatThrownBy(
              () ->
                  scheduler.schedule(
                      JobSpec.builder("late", "cooperative", Schedule.parse("hourly")).build()))
          .hasMessageContaining("shut down");
    }
  }

  @Test
  void theDefaultSchedulerRunsJobsOnItsOwnThreads() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    try (var scheduler =
        InProcessGovernanceScheduler.builder()
            .job(
                "latch",
                c -> {
                  ran.countDown();
                  return JobOutcome.succeeded(Thread.currentThread().getName());
                })
            .build()) {
      scheduler.schedule(JobSpec.builder("l", "latch", Schedule.parse("daily 03:00")).build());
      assertThat(scheduler.runNow("l")).isTrue();
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
      await(() -> scheduler.status().get(0).lastOutcome().isPresent());
      assertThat(scheduler.status().get(0).lastOutcome().orElseThrow().message())
          .startsWith("steward-job-");
      assertThat(scheduler.status().get(0).nextRun().orElseThrow()).isAfter(Instant.now());
    }
  }
}
