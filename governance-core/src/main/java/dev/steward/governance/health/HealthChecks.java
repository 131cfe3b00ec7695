package dev.steward.governance.health;

import dev.steward.governance.connection.ConnectionTestResult;
import dev.steward.governance.connection.ConnectionTester;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.schedule.GovernanceScheduler;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobStatus;
import dev.steward.governance.schedule.SchedulingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The built-in {@link HealthCheck}s: Purview reachable and authorised, audit trail writable,
 * scheduler alive with no job overdue. {@link HttpEndpointHealthCheck} checks any other HTTPS
 * endpoint (ARM, Key Vault).
 */
public final class HealthChecks {

  /** Below this much usable space the audit check reports {@link HealthStatus#DEGRADED}. */
  static final long LOW_SPACE_BYTES = 64L << 20;

  private HealthChecks() {}

  /**
   * Purview reachable and authorised: the {@link ConnectionTester} steps (DNS, TLS, token, a cheap
   * authorised read, discovery search). Named {@code purview:CONNECTION}.
   *
   * @param tester the tester
   * @param connection the connection to test
   * @return the check: UP when every step passed, else DOWN naming the failed step and what to do
   */
  public static HealthCheck purview(ConnectionTester tester, PurviewConnection connection) {
    Objects.requireNonNull(tester, "tester");
    Objects.requireNonNull(connection, "connection");
    return HealthCheck.of(
        "purview:" + connection.name(),
        () -> {
          ConnectionTestResult result = tester.test(connection);
          for (ConnectionTestResult.Step step : result.steps()) {
            if (step.status() == ConnectionTestResult.Status.FAILED) {
              return Health.down(
                  step.name()
                      + " failed: "
                      + step.detail()
                      + (step.diagnosis().isEmpty() ? "" : " (" + step.diagnosis() + ")"));
            }
          }
          String authorised =
              result.steps().stream()
                  .filter(s -> s.status() == ConnectionTestResult.Status.OK)
                  .filter(s -> s.name().equals("authorization") || s.name().equals("data-map"))
                  .map(ConnectionTestResult.Step::detail)
                  .collect(Collectors.joining("; "));
          return Health.up("reachable and authorised: " + authorised);
        });
  }

  /**
   * The audit trail's directory is writable: creates it if missing, writes and deletes a probe file
   * (named so that the trail never reads it), and reports DEGRADED when less than 64 MiB is left.
   * Named {@code audit}.
   *
   * @param directory the audit trail's directory
   * @return the check
   */
  public static HealthCheck auditTrail(Path directory) {
    Objects.requireNonNull(directory, "directory");
    return HealthCheck.of(
        "audit",
        () -> {
          Path probe;
          try {
            Files.createDirectories(directory);
            probe = Files.createTempFile(directory, ".steward-health-", ".probe");
          } catch (IOException e) {
            return Health.down("audit directory " + directory + " is not writable: " + e);
          }
          try {
            Files.write(probe, new byte[] {'\n'});
          } catch (IOException e) {
            return Health.down("cannot write in audit directory " + directory + ": " + e);
          } finally {
            Files.deleteIfExists(probe);
          }
          long usable = Files.getFileStore(directory).getUsableSpace();
          if (usable < LOW_SPACE_BYTES) {
            return Health.degraded(
                "audit directory " + directory + " is writable but only " + usable + " bytes free");
          }
          return Health.up("audit directory " + directory + " is writable");
        });
  }

  /**
   * The scheduler answers and no job is overdue: DOWN when a job that is not running has a next run
   * more than {@code grace} in the past (the scheduler stopped waking up), DEGRADED when a job's
   * last run failed, else UP. Named {@code scheduler}.
   *
   * @param scheduler the scheduler
   * @param clock the scheduler's clock
   * @param grace how late a run may be before the job counts as overdue
   * @return the check
   */
  public static HealthCheck scheduler(
      GovernanceScheduler scheduler, SchedulingClock clock, Duration grace) {
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(grace, "grace");
    return HealthCheck.of(
        "scheduler",
        () -> {
          List<JobStatus> jobs = scheduler.status();
          Instant now = clock.now();
          Instant limit = now.minus(grace);
          List<String> overdue =
              jobs.stream()
                  .filter(j -> !j.running())
                  .filter(j -> j.nextRun().isPresent() && j.nextRun().get().isBefore(limit))
                  .map(j -> j.spec().id() + " (due " + j.nextRun().get() + ")")
                  .toList();
          if (!overdue.isEmpty()) {
            return Health.down(
                "overdue by more than "
                    + CompositeHealthCheck.human(grace)
                    + ": "
                    + String.join(", ", overdue)
                    + "; the scheduler is not waking up");
          }
          List<String> failed =
              jobs.stream()
                  .filter(
                      j ->
                          j.lastOutcome()
                              .map(o -> o.status() == JobOutcome.Status.FAILED)
                              .orElse(false))
                  .map(j -> j.spec().id() + ": " + j.lastOutcome().get().message())
                  .toList();
          long running = jobs.stream().filter(JobStatus::running).count();
          String summary = jobs.size() + " jobs scheduled, " + running + " running";
          if (!failed.isEmpty()) {
            return Health.degraded(summary + "; last run failed: " + String.join("; ", failed));
          }
          return Health.up(summary);
        });
  }
}
