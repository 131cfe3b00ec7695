package dev.steward.governance.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.governance.arm.ArmClient;
import dev.steward.governance.arm.ArmException;
import dev.steward.governance.connection.ConnectionTestResult;
import dev.steward.governance.connection.ConnectionTester;
import dev.steward.governance.connection.KeyVaultSecrets;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.connection.SecretReference;
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
 * The built-in {@link HealthCheck}s: Purview reachable and authorised, Azure Resource Manager
 * reachable and authorised, a Key Vault secret readable, audit trail writable, scheduler alive with
 * no job overdue. {@link HttpEndpointHealthCheck} checks any other HTTPS endpoint.
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

  /** The subscriptions list: the cheapest ARM read that proves the token works. */
  static final String ARM_PROBE = "/subscriptions";

  static final String ARM_PROBE_API_VERSION = "2022-12-01";

  /**
   * Azure Resource Manager reachable and authorised: one {@code GET /subscriptions} through the
   * client's pipeline (token, retries). UP with the number of subscriptions the identity sees (0 is
   * UP, but says so: snapshots and backups will find nothing), DOWN on 401 or any other failure,
   * naming the ARM error code and request id. Named {@code arm}.
   *
   * @param arm the ARM client
   * @return the check
   */
  public static HealthCheck arm(ArmClient arm) {
    Objects.requireNonNull(arm, "arm");
    return HealthCheck.of(
        "arm",
        () -> {
          try {
            JsonNode page = arm.get(ARM_PROBE, ARM_PROBE_API_VERSION);
            int visible = page.path("value").size();
            String more = page.hasNonNull("nextLink") ? "+" : "";
            return visible == 0
                ? Health.up("reachable and authorised, but the identity sees no subscription")
                : Health.up("reachable and authorised: " + visible + more + " subscription(s)");
          } catch (ArmException e) {
            return Health.down(
                "HTTP "
                    + e.statusCode()
                    + (e.code() == null ? "" : " " + e.code())
                    + (e.requestId() == null ? "" : " (request id " + e.requestId() + ")"));
          }
        });
  }

  /**
   * A Key Vault secret readable with the configured identity: {@link
   * KeyVaultSecrets#checkAccess(SecretReference)} reads it once, bypassing the cache (the value is
   * dropped, never reported). UP when read, DOWN otherwise with Key Vault's status and what to do.
   * Named {@code keyvault:VAULT}.
   *
   * @param keyVault the Key Vault client
   * @param reference the {@code keyvault://} reference a connection depends on
   * @return the check
   */
  public static HealthCheck keyVault(KeyVaultSecrets keyVault, SecretReference reference) {
    Objects.requireNonNull(keyVault, "keyVault");
    Objects.requireNonNull(reference, "reference");
    if (reference.kind() != SecretReference.Kind.KEY_VAULT) {
      throw new IllegalArgumentException(
          "a Key Vault health check needs a keyvault:// reference, not " + reference);
    }
    return HealthCheck.of(
        "keyvault:" + reference.vaultName(),
        () -> {
          KeyVaultSecrets.AccessCheck access = keyVault.checkAccess(reference);
          return access.ok()
              ? Health.up("secret " + reference.secretName() + " readable")
              : Health.down(access.detail());
        });
  }
}
