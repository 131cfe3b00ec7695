package dev.steward.governance.scheduler.dbscheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.JobStatus;
import dev.steward.governance.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three scheduler instances in one JVM (each with its own pools) on one PostgreSQL table and one
 * clock, as three replicas of a service would be.
 */
@ExtendWith(PostgresExtension.class)
class ClusterTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final MutableClock clock = new MutableClock(T0);

  /** One run: which instance ran which job for which due time. */
  record Run(int node, String jobId, Instant scheduledFor) {}

  @Test
  void eachDueTimeRunsExactlyOnceAcrossThreeInstances(
      LocalPostgres postgres, PostgresExtension.TableName table) {
    int jobCount = 12;
    int ticks = 5;
    List<Run> runs = new CopyOnWriteArrayList<>();
    try (Nodes nodes =
        Nodes.start(
            postgres,
            table.value(),
            clock,
            3,
            4,
            (node, builder) ->
                builder.job(
                    "sync",
                    context -> {
                      runs.add(new Run(node, context.jobId(), context.scheduledFor()));
                      return JobOutcome.succeeded("synced");
                    }))) {
      for (int j = 0; j < jobCount; j++) {
        // Spread over the instances: any instance may schedule any job.
        nodes
            .node(1 + j % 3)
            .schedule(JobSpec.builder("job-" + j, "sync", Schedule.parse("every 1m")).build());
      }

      for (int tick = 1; tick <= ticks; tick++) {
        clock.advance(Duration.ofMinutes(1));
        long expected = tick;
        Await.until(
            WAIT,
            () ->
                nodes.node(1).status().stream().allMatch(s -> s.runs() == expected && !s.running()),
            () -> nodes.node(1).status().toString());
      }

      int dueRuns = jobCount * ticks;
      assertThat(runs).hasSize(dueRuns);
      Map<String, Long> perDueTime = new ConcurrentHashMap<>();
      for (Run run : runs) {
        perDueTime.merge(run.jobId() + "@" + run.scheduledFor(), 1L, Long::sum);
      }
      assertThat(perDueTime).hasSize(dueRuns);
      assertThat(perDueTime.values()).allMatch(count -> count == 1);
      for (int j = 0; j < jobCount; j++) {
        for (int tick = 1; tick <= ticks; tick++) {
          assertThat(perDueTime).containsKey("job-" + j + "@" + T0.plusSeconds(60L * tick));
        }
      }

      List<JobStatus> one = nodes.node(1).status();
      assertThat(one).hasSize(jobCount);
      assertThat(one)
          .allSatisfy(
              s -> {
                assertThat(s.runs()).isEqualTo(ticks);
                assertThat(s.nextRun()).contains(T0.plusSeconds(60L * (ticks + 1)));
                assertThat(s.lastOutcome()).contains(JobOutcome.succeeded("synced"));
              });
      assertThat(nodes.node(2).status()).isEqualTo(one);
      assertThat(nodes.node(3).status()).isEqualTo(one);
    }
  }

  @Test
  void aRunWhoseInstanceDiesIsRerunOnceElsewhereAfterTheHeartbeatLimit(
      LocalPostgres postgres, PostgresExtension.TableName table) throws InterruptedException {
    AtomicInteger starts = new AtomicInteger();
    List<Run> runs = new CopyOnWriteArrayList<>();
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    try (Nodes nodes =
        Nodes.start(
            postgres,
            table.value(),
            clock,
            3,
            2,
            (node, builder) ->
                builder.job(
                    "extraction",
                    context -> {
                      runs.add(new Run(node, context.jobId(), context.scheduledFor()));
                      if (starts.incrementAndGet() == 1) {
                        firstStarted.countDown();
                        // The "dying" run: its instance loses the database while it works.
                        releaseFirst.await(60, TimeUnit.SECONDS);
                        return JobOutcome.succeeded("first attempt");
                      }
                      return JobOutcome.succeeded("rerun");
                    }))) {
      nodes
          .node(1)
          .schedule(JobSpec.builder("catalogue", "extraction", Schedule.parse("every 1h")).build());
      clock.advance(Duration.ofHours(1));
      assertThat(firstStarted.await(60, TimeUnit.SECONDS)).isTrue();
      int dead = runs.get(0).node();
      int alive = dead == 1 ? 2 : 1;

      nodes.dataSources.get(dead - 1).kill();
      JobStatus during = nodes.node(alive).status().get(0);
      assertThat(during.running()).isTrue();
      assertThat(during.runs()).isZero();
      assertThat(starts.get()).as("not rerun while heartbeats are fresh").isEqualTo(1);

      // Time passes beyond heartbeatInterval x missedHeartbeatsLimit (100 ms x 4) without a
      // heartbeat from the dead instance; the others declare its run dead and run it again.
      clock.advance(Nodes.HEARTBEAT.multipliedBy(Nodes.MISSED_HEARTBEATS + 1));
      Await.until(
          WAIT,
          () -> {
            JobStatus s = nodes.node(alive).status().get(0);
            return s.runs() == 1 && !s.running();
          },
          () -> nodes.node(alive).status() + " runs=" + runs);

      assertThat(starts.get()).isEqualTo(2);
      assertThat(runs.get(1).node()).isNotEqualTo(dead);
      assertThat(runs.get(1).scheduledFor())
          .as("the rerun is for the same due time, so a checkpoint makes it exact")
          .isEqualTo(runs.get(0).scheduledFor())
          .isEqualTo(T0.plus(Duration.ofHours(1)));
      JobStatus after = nodes.node(alive).status().get(0);
      assertThat(after.lastOutcome()).contains(JobOutcome.succeeded("rerun"));
      assertThat(after.nextRun()).contains(T0.plus(Duration.ofHours(2)));
      for (int node = 1; node <= 3; node++) {
        if (node != dead) {
          assertThat(nodes.node(node).status()).containsExactly(after);
        }
      }

      // The dead instance's run ends but cannot record anything: still one completed run.
      releaseFirst.countDown();
      assertThat(nodes.node(dead).shutdown(Duration.ofSeconds(10))).isTrue();
      assertThat(nodes.node(alive).status()).containsExactly(after);
      assertThat(starts.get()).isEqualTo(2);
    } finally {
      releaseFirst.countDown();
    }
  }

  @Test
  void cancelAllOnOneInstanceStopsEveryScheduleAndTheRunningJob(
      LocalPostgres postgres, PostgresExtension.TableName table) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicInteger starts = new AtomicInteger();
    try (Nodes nodes =
        Nodes.start(
            postgres,
            table.value(),
            clock,
            3,
            2,
            (node, builder) ->
                builder.job(
                    "drift-watch",
                    context -> {
                      starts.incrementAndGet();
                      started.countDown();
                      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                      while (!context.stopRequested() && System.nanoTime() < deadline) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                      }
                      if (context.stopRequested()) {
                        stopped.countDown();
                      }
                      return JobOutcome.succeeded("stopped early");
                    }))) {
      nodes
          .node(1)
          .schedule(JobSpec.builder("watch", "drift-watch", Schedule.parse("every 1m")).build());
      nodes
          .node(2)
          .schedule(JobSpec.builder("later", "drift-watch", Schedule.parse("daily 02:30")).build());
      clock.advance(Duration.ofMinutes(1));
      assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();

      assertThat(nodes.node(3).cancelAll()).isEqualTo(2);

      assertThat(stopped.await(60, TimeUnit.SECONDS))
          .as("the running job sees the cluster-wide cancel")
          .isTrue();
      for (int node = 1; node <= 3; node++) {
        int n = node;
        Await.until(
            WAIT,
            () -> nodes.node(n).shutdown(Duration.ofSeconds(5)),
            () -> "node-" + n + " still running");
      }
      try (TestDataSource sql = postgres.dataSource()) {
        DbSchedulerGovernanceScheduler reader =
            DbSchedulerGovernanceScheduler.builder(sql)
                .tableName(table.value())
                .clock(clock)
                .job("drift-watch", context -> JobOutcome.succeeded(""))
                .build();
        try {
          assertThat(reader.status()).as("the finished run did not reschedule itself").isEmpty();
        } finally {
          reader.shutdown(Duration.ofSeconds(5));
        }
      }
      assertThat(starts.get()).isEqualTo(1);
    }
  }
}
