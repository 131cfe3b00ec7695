package dev.steward.governance.scheduler.dbscheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.governance.schedule.JobContext;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.JobStatus;
import dev.steward.governance.schedule.MisfirePolicy;
import dev.steward.governance.schedule.Schedule;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One instance against a real PostgreSQL, with a clock the test moves. */
@ExtendWith(PostgresExtension.class)
class DbSchedulerGovernanceSchedulerTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final MutableClock clock = new MutableClock(T0);
  private final List<JobContext> runs = new CopyOnWriteArrayList<>();
  private final AtomicBoolean fail = new AtomicBoolean();
  private final AtomicReference<CountDownLatch> started = new AtomicReference<>();
  private final AtomicReference<CountDownLatch> release = new AtomicReference<>();
  private Nodes nodes;
  private DbSchedulerGovernanceScheduler scheduler;
  private TestDataSource sql;

  @BeforeEach
  void start(LocalPostgres postgres, PostgresExtension.TableName table) {
    nodes =
        Nodes.start(
            postgres,
            table.value(),
            clock,
            1,
            2,
            (i, builder) ->
                builder.job(
                    "extraction",
                    context -> {
                      runs.add(context);
                      CountDownLatch gate = release.get();
                      if (gate != null) {
                        started.get().countDown();
                        assertThat(gate.await(60, TimeUnit.SECONDS)).isTrue();
                      }
                      if (fail.get()) {
                        throw new IllegalStateException("Purview answered 503");
                      }
                      return JobOutcome.succeeded("42 assets from " + context.parameters());
                    }));
    scheduler = nodes.node(1);
    sql = postgres.dataSource();
  }

  @AfterEach
  void stop() {
    if (nodes != null) {
      nodes.close();
    }
    if (sql != null) {
      sql.close();
    }
  }

  private static JobSpec hourly(String id) {
    return JobSpec.builder(id, "extraction", Schedule.parse("every 1h"))
        .parameter("connection", "contoso")
        .build();
  }

  private JobStatus only() {
    List<JobStatus> all = scheduler.status();
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private void awaitRuns(long expected) {
    Await.until(
        WAIT,
        () -> {
          JobStatus s = only();
          return s.runs() == expected && !s.running();
        },
        () -> scheduler.status().toString());
  }

  @Test
  void buildFailsWithoutTheTableAndNeverCreatesIt(LocalPostgres postgres) throws SQLException {
    try (TestDataSource dataSource = postgres.dataSource()) {
      assertThatThrownBy(
              () ->
                  DbSchedulerGovernanceScheduler.builder(dataSource)
                      .tableName("missing_tasks")
                      .job("extraction", context -> JobOutcome.succeeded(""))
                      .build())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'missing_tasks' is missing")
          .hasMessageContaining("SchedulerTables.postgresqlScript(\"missing_tasks\")")
          .hasMessageContaining("never runs DDL");
      try (Connection c = dataSource.getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select to_regclass('missing_tasks') is null")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBoolean(1)).as("table still absent").isTrue();
      }
    }
  }

  @Test
  void scheduleStoresTheSpecAsJsonAndStatusReadsItBack(PostgresExtension.TableName table)
      throws SQLException {
    JobSpec spec =
        JobSpec.builder("nightly", "extraction", Schedule.parse("daily 02:30 Europe/Paris"))
            .parameter("connection", "contoso")
            .misfirePolicy(MisfirePolicy.RUN_ONCE)
            .build();

    JobStatus status = scheduler.schedule(spec);

    assertThat(status.spec()).isEqualTo(spec);
    assertThat(status.nextRun()).contains(Instant.parse("2026-11-24T01:30:00Z"));
    assertThat(status.running()).isFalse();
    assertThat(status.runs()).isZero();
    assertThat(status.lastOutcome()).isEmpty();
    assertThat(scheduler.status()).containsExactly(status);
    try (Connection c = sql.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select task_name, task_instance, convert_from(task_data, 'UTF8'),"
                    + " get_byte(task_data, 0) from "
                    + table.value())) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("extraction");
      assertThat(rs.getString(2)).isEqualTo("nightly");
      assertThat(rs.getString(3))
          .startsWith("{\"format\":1,\"id\":\"nightly\"")
          .contains("\"schedule\":\"daily 02:30 Europe/Paris\"")
          .contains("\"parameters\":{\"connection\":\"contoso\"}")
          .contains("\"misfirePolicy\":\"RUN_ONCE\"");
      assertThat(rs.getInt(4)).as("not Java serialization (0xAC)").isEqualTo('{');
    }
  }

  @Test
  void aDueRunRecordsItsOutcomeAndTheNextDueTime() {
    scheduler.schedule(hourly("hourly"));

    clock.advance(Duration.ofHours(1));
    awaitRuns(1);

    JobStatus s = only();
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).scheduledFor()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(runs.get(0).parameters()).containsEntry("connection", "contoso");
    assertThat(s.lastOutcome())
        .contains(JobOutcome.succeeded("42 assets from {connection=contoso}"));
    assertThat(s.lastRun()).contains(T0.plus(Duration.ofHours(1)));
    assertThat(s.lastDuration()).contains(Duration.ZERO);
    assertThat(s.nextRun()).contains(T0.plus(Duration.ofHours(2)));

    fail.set(true);
    clock.advance(Duration.ofHours(1));
    awaitRuns(2);
    s = only();
    assertThat(s.lastOutcome())
        .contains(JobOutcome.failed("IllegalStateException: Purview answered 503"));
    assertThat(s.nextRun())
        .as("a failure never stops the schedule")
        .contains(T0.plusSeconds(3 * 3600));
  }

  @Test
  void runNowRunsOnceOutsideTheScheduleAndKeepsIt() {
    scheduler.schedule(hourly("adhoc"));
    clock.advance(Duration.ofMinutes(10));

    assertThat(scheduler.runNow("adhoc")).isTrue();
    awaitRuns(1);

    assertThat(runs)
        .singleElement()
        .satisfies(c -> assertThat(c.scheduledFor()).isEqualTo(T0.plus(Duration.ofMinutes(10))));
    assertThat(only().nextRun()).contains(T0.plus(Duration.ofHours(1)));
    assertThatThrownBy(() -> scheduler.runNow("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no scheduled job 'nope'")
        .hasMessageContaining("[adhoc]");
  }

  @Test
  void unknownJobTypeIsRefusedWithTheRegisteredOnes() {
    assertThatThrownBy(
            () ->
                scheduler.schedule(
                    JobSpec.builder("x", "drift-watch", Schedule.parse("hourly")).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'drift-watch'")
        .hasMessageContaining("[extraction]");
    assertThat(scheduler.status()).isEmpty();
  }

  @Test
  void aRunMissedWhileNoInstanceWasUpFollowsTheMisfirePolicy() {
    scheduler.schedule(hourly("skip"));
    scheduler.schedule(
        JobSpec.builder("once", "extraction", Schedule.parse("every 1h"))
            .misfirePolicy(MisfirePolicy.RUN_ONCE)
            .build());

    clock.advance(Duration.ofHours(5)); // five due times passed "while the cluster was down"
    Await.until(
        WAIT,
        () -> {
          List<JobStatus> all = scheduler.status();
          return all.get(0).runs() == 1 && all.get(1).skipped() == 5 && !all.get(0).running();
        },
        () -> scheduler.status().toString());

    List<JobStatus> all = scheduler.status();
    JobStatus once = all.get(0);
    JobStatus skip = all.get(1);
    assertThat(once.spec().id()).isEqualTo("once");
    assertThat(once.runs()).as("runs once, however many were missed").isEqualTo(1);
    assertThat(once.nextRun()).contains(T0.plus(Duration.ofHours(6)));
    assertThat(skip.runs()).isZero();
    assertThat(skip.lastOutcome()).isEmpty();
    assertThat(skip.nextRun()).contains(T0.plus(Duration.ofHours(6)));
    assertThat(runs)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.jobId()).isEqualTo("once");
              assertThat(c.scheduledFor()).isEqualTo(T0.plus(Duration.ofHours(1)));
            });
  }

  @Test
  void schedulingAnExistingIdReplacesItsScheduleAndKeepsItsHistory() {
    scheduler.schedule(hourly("job"));
    clock.advance(Duration.ofHours(1));
    awaitRuns(1);

    JobSpec daily = JobSpec.builder("job", "extraction", Schedule.parse("daily 02:30")).build();
    JobStatus replaced = scheduler.schedule(daily);

    assertThat(replaced.spec()).isEqualTo(daily);
    assertThat(replaced.runs()).isEqualTo(1);
    assertThat(replaced.lastOutcome()).isPresent();
    assertThat(replaced.nextRun()).contains(Instant.parse("2026-11-24T02:30:00Z"));
    assertThat(scheduler.status()).containsExactly(replaced);
  }

  @Test
  void replacingARunningJobTakesEffectWhenTheRunEnds() throws InterruptedException {
    started.set(new CountDownLatch(1));
    release.set(new CountDownLatch(1));
    scheduler.schedule(hourly("busy"));
    clock.advance(Duration.ofHours(1));
    assertThat(started.get().await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(only().running()).isTrue();

    JobSpec daily = JobSpec.builder("busy", "extraction", Schedule.parse("daily 02:30")).build();
    JobStatus during = scheduler.schedule(daily);
    assertThat(during.running()).isTrue();
    assertThat(during.spec()).isEqualTo(daily);
    release.get().countDown();
    awaitRuns(1);

    JobStatus after = only();
    assertThat(after.spec()).isEqualTo(daily);
    assertThat(after.nextRun()).contains(Instant.parse("2026-11-24T02:30:00Z"));
    assertThat(after.lastOutcome()).isPresent();
    assertThat(runs).hasSize(1);
  }

  @Test
  void cancelRemovesTheScheduleOnce() {
    scheduler.schedule(hourly("a"));
    scheduler.schedule(hourly("b"));

    assertThat(scheduler.cancel("a")).isTrue();
    assertThat(scheduler.cancel("a")).isFalse();
    assertThat(scheduler.status()).extracting(s -> s.spec().id()).containsExactly("b");

    clock.advance(Duration.ofHours(1));
    awaitRuns(1);
    assertThat(runs).extracting(JobContext::jobId).containsExactly("b");
  }

  @Test
  void jitterDelaysTheFireTimeWithinItsBound(
      LocalPostgres postgres, PostgresExtension.TableName t) {
    try (TestDataSource dataSource = postgres.dataSource()) {
      DbSchedulerGovernanceScheduler seeded =
          DbSchedulerGovernanceScheduler.builder(dataSource)
              .tableName(t.value())
              .clock(clock)
              .random(new Random(7))
              .job("extraction", context -> JobOutcome.succeeded(""))
              .build();
      try {
        JobStatus s =
            seeded.schedule(
                JobSpec.builder("spread", "extraction", Schedule.parse("daily 02:30"))
                    .jitter(Duration.ofMinutes(10))
                    .build());
        Instant due = Instant.parse("2026-11-24T02:30:00Z");
        assertThat(s.nextRun())
            .hasValueSatisfying(
                next -> assertThat(next).isBetween(due, due.plus(Duration.ofMinutes(10))));
        assertThat(s.nextRun()).isNotEqualTo(Optional.of(due));
      } finally {
        seeded.shutdown(Duration.ofSeconds(5));
      }
    }
  }

  @Test
  void shutdownRefusesNewSchedules() {
    assertThat(scheduler.shutdown(Duration.ofSeconds(5))).isTrue();
    assertThatThrownBy(() -> scheduler.schedule(hourly("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shut down");
  }
}
