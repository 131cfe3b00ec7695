package dev.steward.governance.scheduler.dbscheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.Schedule;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The clustered scheduler records the same run meters as the in-process one. */
@ExtendWith(PostgresExtension.class)
class DbSchedulerMetricsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicBoolean fail = new AtomicBoolean();
  private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
  private Nodes nodes;

  @AfterEach
  void stop() {
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  void runsByTypeAndOutcomeAndRunsInProgress(
      LocalPostgres postgres, PostgresExtension.TableName table) throws Exception {
    nodes =
        Nodes.start(
            postgres,
            table.value(),
            clock,
            1,
            2,
            (i, builder) ->
                builder
                    .meterRegistry(registry)
                    .job(
                        "extraction",
                        context -> {
                          CountDownLatch wait = gate.get();
                          if (wait != null) {
                            assertThat(wait.await(60, TimeUnit.SECONDS)).isTrue();
                          }
                          if (fail.get()) {
                            throw new IllegalStateException("Purview answered 503");
                          }
                          return JobOutcome.succeeded("ok");
                        }));
    DbSchedulerGovernanceScheduler scheduler = nodes.node(1);
    scheduler.schedule(JobSpec.builder("hourly", "extraction", Schedule.parse("every 1h")).build());

    clock.advance(Duration.ofHours(1));
    awaitRuns("SUCCEEDED", 1);
    fail.set(true);
    clock.advance(Duration.ofHours(1));
    awaitRuns("FAILED", 1);
    assertThat(running()).isZero();

    CountDownLatch release = new CountDownLatch(1);
    gate.set(release);
    fail.set(false);
    clock.advance(Duration.ofHours(1));
    Await.until(WAIT, () -> running() == 1, () -> registry.getMetersAsString());
    release.countDown();
    awaitRuns("SUCCEEDED", 2);
    Await.until(WAIT, () -> running() == 0, () -> registry.getMetersAsString());
    assertThat(registry.find("steward.scheduler.job.runs").timers()).hasSize(2);
  }

  private double running() {
    return registry.get("steward.scheduler.jobs.running").gauge().value();
  }

  private void awaitRuns(String outcome, long expected) {
    Await.until(
        WAIT,
        () -> {
          Timer timer =
              registry
                  .find("steward.scheduler.job.runs")
                  .tags("job.type", "extraction", "outcome", outcome)
                  .timer();
          return timer != null && timer.count() == expected;
        },
        registry::getMetersAsString);
  }
}
