package dev.steward.governance.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.connection.ConnectionTester;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.connection.SecretReference;
import dev.steward.governance.schedule.GovernanceScheduler;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.ManualSchedulingClock;
import dev.steward.governance.schedule.Schedule;
import dev.steward.purview.emulator.PurviewEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthChecksTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;

  @Test
  void auditTrailWritableLeavesNoProbeBehind() throws Exception {
    Path audit = dir.resolve("audit");
    Health health = HealthChecks.auditTrail(audit).check();
    assertThat(health.status()).isEqualTo(HealthStatus.UP);
    assertThat(health.detail()).contains("writable");
    try (Stream<Path> files = Files.list(audit)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void auditTrailUnderAFileIsDown() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    Health health = HealthChecks.auditTrail(file.resolve("audit")).check();
    assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(health.detail()).contains("not writable").contains("not-a-directory");
  }

  @Test
  void schedulerUpOverdueAndFailed() throws Exception {
    ManualSchedulingClock clock = new ManualSchedulingClock(T0);
    try (GovernanceScheduler scheduler =
        InProcessGovernanceScheduler.builder()
            .clock(clock)
            .executor(Runnable::run)
            .job("fails", context -> JobOutcome.failed("Purview answered 503"))
            .build()) {
      scheduler.schedule(JobSpec.builder("nightly", "fails", Schedule.parse("hourly")).build());

      Health up = HealthChecks.scheduler(scheduler, clock, Duration.ofMinutes(5)).check();
      assertThat(up.status()).isEqualTo(HealthStatus.UP);
      assertThat(up.detail()).isEqualTo("1 jobs scheduled, 0 running");

      ManualSchedulingClock later = new ManualSchedulingClock(T0.plus(Duration.ofHours(2)));
      Health overdue = HealthChecks.scheduler(scheduler, later, Duration.ofMinutes(5)).check();
      assertThat(overdue.status()).isEqualTo(HealthStatus.DOWN);
      assertThat(overdue.detail())
          .contains("overdue by more than 300s")
          .contains("nightly (due 2026-11-23T11:00:00Z)");

      clock.advance(Duration.ofHours(1));
      Health failed = HealthChecks.scheduler(scheduler, clock, Duration.ofMinutes(5)).check();
      assertThat(failed.status()).isEqualTo(HealthStatus.DEGRADED);
      assertThat(failed.detail()).contains("nightly: Purview answered 503");
    }
  }

  @Test
  void purviewReachableAndAuthorisedAgainstTheEmulatorAndDownWithAWrongToken() throws Exception {
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      ConnectionTester tester =
          ConnectionTester.builder()
              .env(Map.of("GOOD", emulator.token(), "BAD", "not-the-token"))
              .build();
      Health good = HealthChecks.purview(tester, connection(emulator, "env:GOOD")).check();
      assertThat(good.status()).isEqualTo(HealthStatus.UP);
      assertThat(good.detail()).startsWith("reachable and authorised: read ");

      HealthCheck bad = HealthChecks.purview(tester, connection(emulator, "env:BAD"));
      assertThat(bad.name()).isEqualTo("purview:local");
      Health down = bad.check();
      assertThat(down.status()).isEqualTo(HealthStatus.DOWN);
      assertThat(down.detail())
          .startsWith("authorization failed: HTTP 401")
          .doesNotContain("not-the-token");
    }
  }

  private static PurviewConnection connection(PurviewEmulator emulator, String secret) {
    return new PurviewConnection(
        "local",
        emulator.endpoint(),
        PurviewConnection.Authentication.TOKEN,
        null,
        null,
        SecretReference.parse(secret),
        true);
  }
}
