package dev.steward.governance.scheduler.dbscheduler.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.MisfirePolicy;
import dev.steward.governance.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NextRunTest {
  private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
  private static final Random RANDOM = new Random(1);

  private static JobSpec spec(String schedule, MisfirePolicy policy) {
    return JobSpec.builder("j", "t", Schedule.parse(schedule)).misfirePolicy(policy).build();
  }

  @Test
  void aRunThatEndsBeforeTheNextDueTimeIsFollowedByIt() {
    NextRun.Plan plan =
        NextRun.afterRun(
            spec("every 15m", MisfirePolicy.SKIP),
            T.plusSeconds(900),
            T,
            T.plusSeconds(60),
            RANDOM);
    assertThat(plan).isEqualTo(new NextRun.Plan(T.plusSeconds(900), T.plusSeconds(900), 0));
  }

  @Test
  void dueTimesPassedDuringALongRunAreSkippedAndCounted() {
    // Due at 10:15, 10:30, 10:45 while the run went from 10:00 to 10:50.
    NextRun.Plan plan =
        NextRun.afterRun(
            spec("every 15m", MisfirePolicy.SKIP),
            T.plusSeconds(900),
            T,
            T.plusSeconds(3000),
            RANDOM);
    assertThat(plan).isEqualTo(new NextRun.Plan(T.plusSeconds(3900), T.plusSeconds(3900), 3));
  }

  @Test
  void runOnceRunsAtOnceForTheLastMissedDueTime() {
    NextRun.Plan plan =
        NextRun.afterRun(
            spec("every 15m", MisfirePolicy.RUN_ONCE),
            T.plusSeconds(900),
            T,
            T.plusSeconds(3000),
            RANDOM);
    assertThat(plan).isEqualTo(new NextRun.Plan(T.plusSeconds(2700), T.plusSeconds(3000), 0));
  }

  @Test
  void aLateStartServesEveryDueTimeBeforeIt() {
    // Recovered at 14:00 for the 11:00 due time: the next is 15:00, not 12:00.
    NextRun.Plan plan =
        NextRun.afterRun(
            spec("hourly", MisfirePolicy.RUN_ONCE),
            T.plusSeconds(7200),
            T.plusSeconds(4 * 3600),
            T.plusSeconds(4 * 3600 + 10),
            RANDOM);
    assertThat(plan.dueAt()).isEqualTo(T.plusSeconds(5 * 3600));
    assertThat(plan.missed()).isZero();
  }

  @Test
  void skippedStartCountsEveryMissedDueTime() {
    NextRun.Plan plan =
        NextRun.afterSkippedStart(
            spec("hourly", MisfirePolicy.SKIP),
            T.plusSeconds(3600),
            T.plusSeconds(5 * 3600),
            RANDOM);
    assertThat(plan.missed()).isEqualTo(5);
    assertThat(plan.dueAt()).isEqualTo(T.plusSeconds(6 * 3600));
    assertThat(
            NextRun.skipLateStart(spec("hourly", MisfirePolicy.SKIP), T, T.plusSeconds(61), 60_000))
        .isTrue();
    assertThat(
            NextRun.skipLateStart(spec("hourly", MisfirePolicy.SKIP), T, T.plusSeconds(60), 60_000))
        .isFalse();
    assertThat(
            NextRun.skipLateStart(
                spec("hourly", MisfirePolicy.RUN_ONCE), T, T.plusSeconds(3600), 60_000))
        .isFalse();
  }

  @Test
  void aScheduleThatNeverFiresAgainParksTheRow() {
    JobSpec never = spec("cron(0 0 30 2 *)", MisfirePolicy.SKIP); // 30 February
    NextRun.Plan plan = NextRun.first(never, T, RANDOM);
    assertThat(plan).isEqualTo(new NextRun.Plan(null, NextRun.NEVER, 0));
  }

  @Test
  void jitterStaysWithinItsBound() {
    JobSpec spec =
        JobSpec.builder("j", "t", Schedule.parse("daily 02:30"))
            .jitter(Duration.ofSeconds(30))
            .build();
    Instant due = Instant.parse("2026-11-24T02:30:00Z");
    for (int i = 0; i < 200; i++) {
      NextRun.Plan plan = NextRun.first(spec, T, RANDOM);
      assertThat(plan.dueAt()).isEqualTo(due);
      assertThat(plan.fireAt()).isBetween(due, due.plusSeconds(30));
    }
  }
}
