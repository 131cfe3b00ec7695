package dev.steward.examples.health;

import dev.steward.governance.connection.ConnectionTester;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.connection.SecretReference;
import dev.steward.governance.health.CompositeHealthCheck;
import dev.steward.governance.health.Health;
import dev.steward.governance.health.HealthCheck;
import dev.steward.governance.health.HealthCheckResult;
import dev.steward.governance.health.HealthChecks;
import dev.steward.governance.health.HealthReport;
import dev.steward.governance.schedule.GovernanceScheduler;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.SchedulingClock;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Health checks for a governance service: Purview reachable and authorised, the audit trail
 * writable, the scheduler alive with no job overdue, and a check of your own, run in parallel with
 * a timeout per check. {@code steward serve} answers {@code /health/ready} with the same composite.
 *
 * <pre>
 * java -cp cli/target/steward.jar dev.steward.examples.health.HealthChecksExample
 * </pre>
 */
public final class HealthChecksExample {

  private HealthChecksExample() {}

  /**
   * Runs the example against an in-process emulator, in a temporary directory.
   *
   * @param args unused
   * @throws Exception when the example fails
   */
  public static void main(String[] args) throws Exception {
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      run(
          emulator.endpoint(),
          emulator.token(),
          Files.createTempDirectory("steward-health"),
          System.out);
    }
  }

  /**
   * Checks a Purview connection, an audit directory and a scheduler.
   *
   * @param endpoint the Purview (or emulator) endpoint
   * @param token the emulator's token
   * @param dir where the token file and the audit trail go
   * @param out where to print
   * @return the report
   * @throws Exception when the checks cannot run
   */
  public static HealthReport run(String endpoint, String token, Path dir, PrintStream out)
      throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), token);
    PurviewConnection connection =
        new PurviewConnection(
            "demo",
            endpoint,
            PurviewConnection.Authentication.TOKEN,
            null,
            null,
            SecretReference.parse("file:" + tokenFile),
            true);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    SchedulingClock clock = SchedulingClock.system(Clock.systemUTC(), timer);
    try (GovernanceScheduler scheduler =
        InProcessGovernanceScheduler.builder()
            .clock(clock)
            .job("extraction", context -> JobOutcome.succeeded("ok"))
            .build()) {
      // snippet:begin health-composite
      try (CompositeHealthCheck health =
          CompositeHealthCheck.builder()
              .add(HealthChecks.purview(ConnectionTester.builder().build(), connection))
              .add(HealthChecks.auditTrail(dir.resolve("audit")))
              .add(HealthChecks.scheduler(scheduler, clock, Duration.ofMinutes(5)))
              .add(HealthCheck.of("work-queue", () -> Health.up("12 items"))) // your own
              .timeout(Duration.ofSeconds(5)) // per check: a slow one is DOWN, not the others
              .build()) {
        HealthReport report = health.check(); // in parallel; report.status() is the worst
        for (HealthCheckResult c : report.checks()) {
          out.printf(
              "%-14s %-8s %5d ms  %s%n", c.name(), c.status(), c.latency().toMillis(), c.detail());
        }
        return report;
      }
      // snippet:end health-composite
    } finally {
      timer.shutdownNow();
    }
  }
}
