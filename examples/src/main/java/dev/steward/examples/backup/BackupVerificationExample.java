package dev.steward.examples.backup;

import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.steward.governance.arm.ArmClient;
import dev.steward.governance.arm.ArmClientBuilder;
import dev.steward.governance.backup.ArmBackupVerifier;
import dev.steward.governance.backup.BackupEnsurer;
import dev.steward.governance.backup.BackupPlan;
import dev.steward.governance.backup.BackupStatus;
import dev.steward.governance.backup.BackupStatusReader;
import dev.steward.governance.backup.WebAppBackupOptions;
import dev.steward.guard.ProductionGuard;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.OperationKind;
import dev.steward.guard.models.Target;
import dev.steward.purview.StaticTokenCredential;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Checks an Azure web app's backups before a destructive change, and plans daily backups.
 *
 * <p>The identity needs {@code Microsoft.Web/sites/config/list/action} and {@code
 * Microsoft.Web/sites/backups/read} on the web app (Website Contributor includes them); planning
 * backups also reads the storage account, and applying them lists its keys and writes the web app's
 * backup configuration.
 *
 * <p>{@code main} takes a web app resource id and, optionally, an ARM endpoint and token (a local
 * test server); {@code BackupVerificationExampleTest} runs it against WireMock on loopback.
 */
public final class BackupVerificationExample {
  private BackupVerificationExample() {}

  /**
   * An ARM client for Azure: {@code DefaultAzureCredential} (environment, workload identity,
   * managed identity, then developer logins), token scope {@code
   * https://management.azure.com/.default}.
   *
   * @return the client
   */
  public static ArmClient armClient() {
    return new ArmClientBuilder().credential(new DefaultAzureCredentialBuilder().build()).build();
  }

  /**
   * An ARM client for a local test server: plain http on loopback, which the builder refuses unless
   * told.
   *
   * @param endpoint e.g. {@code http://127.0.0.1:8080}
   * @param token the token the server expects
   * @return the client
   */
  public static ArmClient loopbackArmClient(String endpoint, String token) {
    return new ArmClientBuilder()
        .endpoint(endpoint)
        .allowInsecureLoopback(true) // only loopback hosts; never a silent downgrade elsewhere
        .credential(new StaticTokenCredential(token))
        .build();
  }

  /**
   * Reads the web app's backup status, then asks the production guard whether a destructive
   * operation may go ahead: only with a restorable backup younger than 24 hours, and even then only
   * after a typed confirmation.
   *
   * @param arm the ARM client
   * @param webAppId the web app's resource id
   * @param environment the process environment (the guard detects where it runs from it)
   * @param clock the clock
   * @param out where to print
   * @return the guard's decision
   */
  public static Decision checkBeforePurge(
      ArmClient arm,
      String webAppId,
      Map<String, String> environment,
      Clock clock,
      PrintStream out) {
    BackupStatusReader reader = new BackupStatusReader(arm, clock);
    BackupStatus status = reader.read(webAppId);
    out.print(status.describe());

    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(environment)
            .clock(clock)
            .backupVerifier(ArmBackupVerifier.builder(reader).build())
            .requireBackupFor(OperationKind.DESTRUCTIVE)
            .build();
    Decision decision =
        guard.evaluate(
            Operation.destructive(Target.stamped(webAppId, Environment.PRODUCTION)).named("purge"));
    out.println(decision.verdict() + ": " + decision.message());
    return decision;
  }

  /**
   * Plans daily backups at 02:00 UTC kept 30 days into a storage container, prints the plan (the
   * SAS appears masked) and applies it only when asked.
   *
   * @param arm the ARM client
   * @param webAppId the web app's resource id
   * @param storageAccountId the storage account's resource id
   * @param container the blob container (created if missing)
   * @param apply whether to apply the plan
   * @param clock the clock
   * @param out where to print
   * @return the plan
   */
  public static BackupPlan planDailyBackups(
      ArmClient arm,
      String webAppId,
      String storageAccountId,
      String container,
      boolean apply,
      Clock clock,
      PrintStream out) {
    BackupPlan plan =
        new BackupEnsurer(arm, clock)
            .planWebAppBackup(WebAppBackupOptions.of(webAppId, storageAccountId, container));
    out.print(plan.describe());
    if (apply) {
      plan.apply();
    }
    return plan;
  }

  /**
   * Checks one web app.
   *
   * @param args the web app resource id, then optionally an ARM endpoint and a token
   */
  public static void main(String[] args) {
    if (args.length != 1 && args.length != 3) {
      System.err.println("usage: BackupVerificationExample WEB_APP_ID [ARM_ENDPOINT TOKEN]");
      System.exit(2);
    }
    ArmClient arm = args.length == 3 ? loopbackArmClient(args[1], args[2]) : armClient();
    Decision decision =
        checkBeforePurge(arm, args[0], System.getenv(), Clock.systemUTC(), System.out);
    System.exit(decision.isAllowed() ? 0 : 1);
  }
}
