package dev.steward.examples.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.schedule.GovernanceJob;
import dev.steward.governance.schedule.GovernanceScheduler;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.JobStatus;
import dev.steward.governance.schedule.ManualSchedulingClock;
import dev.steward.governance.schedule.MisfirePolicy;
import dev.steward.governance.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Example: test your scheduled jobs on a manual clock: a week of runs in milliseconds. */
class SchedulingOnAManualClockTest {

  @Test
  void aWeekOfHourlyAndNightlyRunsWithoutSleeping() {
    AtomicInteger runs = new AtomicInteger();
    GovernanceJob job =
        context -> {
          runs.incrementAndGet(); // context.parameters(), context.scheduledFor(), stop signal
          return JobOutcome.succeeded("extracted " + context.parameters().get("connection"));
        };
    // snippet:begin scheduler-manual-clock
    ManualSchedulingClock clock = new ManualSchedulingClock(Instant.parse("2026-11-23T00:00:00Z"));
    GovernanceScheduler scheduler =
        InProcessGovernanceScheduler.builder()
            .clock(clock)
            .executor(Runnable::run) // due runs happen on the thread that advances the clock
            .job("extraction", job)
            .build();
    scheduler.schedule(JobSpec.builder("hourly", "extraction", Schedule.parse("hourly")).build());
    scheduler.schedule(
        JobSpec.builder("nightly", "extraction", Schedule.parse("daily 02:30 Europe/Paris"))
            .parameter("connection", "contoso")
            .misfirePolicy(MisfirePolicy.RUN_ONCE) // a run missed while down runs once on start
            .build());
    clock.advance(Duration.ofDays(7)); // 168 hourly and 7 nightly runs, no sleeping
    // snippet:end scheduler-manual-clock

    assertThat(runs).hasValue(175);
    List<String> lines = new ArrayList<>();
    // snippet:begin scheduler-status
    for (JobStatus s : scheduler.status()) { // per job: next and last run, outcome, running now
      lines.add(s.spec().id() + " next " + s.nextRun().orElseThrow() + ": " + s.lastOutcome());
    }
    scheduler.cancelAll(); // the "stop all"
    scheduler.shutdown(Duration.ofSeconds(30)); // waits for running jobs
    // snippet:end scheduler-status
    assertThat(lines)
        .containsExactlyInAnyOrder(
            "hourly next 2026-11-30T01:00:00Z: Optional[JobOutcome[status=SUCCEEDED, message=extracted null]]",
            "nightly next 2026-11-30T01:30:00Z: Optional[JobOutcome[status=SUCCEEDED, message=extracted contoso]]");
    assertThat(scheduler.status()).isEmpty();
  }
}
