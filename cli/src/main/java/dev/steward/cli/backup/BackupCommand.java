package dev.steward.cli.backup;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.StewardHome;
import dev.steward.cli.governance.Loopback;
import dev.steward.governance.arm.ArmClient;
import dev.steward.governance.arm.ArmClientBuilder;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.backup.ArmBackupVerifier;
import dev.steward.governance.backup.BackupEnsurer;
import dev.steward.governance.backup.BackupKind;
import dev.steward.governance.backup.BackupPlan;
import dev.steward.governance.backup.BackupStatus;
import dev.steward.governance.backup.BackupStatusReader;
import dev.steward.governance.backup.BackupVerification;
import dev.steward.governance.backup.RetentionReport;
import dev.steward.governance.backup.WebAppBackupOptions;
import dev.steward.purview.Sleeper;
import dev.steward.purview.StaticTokenCredential;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code steward backup}: Azure backup governance from a shell. Wiring only; the work is the
 * library's ({@link BackupStatusReader}, {@link ArmBackupVerifier}, {@link BackupEnsurer}).
 */
@Command(
    name = "backup",
    description =
        "Azure backups: status, verification for the production guard, dry-run-first ensure.",
    mixinStandardHelpOptions = true,
    subcommands = {
      BackupCommand.Status.class,
      BackupCommand.Verify.class,
      BackupCommand.Ensure.class
    },
    synopsisSubcommandLabel = "(status | verify | ensure)")
public final class BackupCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The clock; tests replace it. */
  Clock clock = Clock.systemUTC();

  /** How the ARM client waits; tests replace it. */
  Sleeper sleeper = Sleeper.SYSTEM;

  @Spec CommandSpec spec;

  /** Creates the command (picocli instantiates it). */
  public BackupCommand() {}

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "a subcommand is required: status, verify or ensure");
  }

  /** Options every subcommand shares: the resource, the ARM endpoint and credential, the format. */
  static final class Common {
    @Option(
        names = "--resource",
        required = true,
        paramLabel = "ID",
        description =
            "ARM resource id of a web app (Microsoft.Web/sites), PostgreSQL flexible server or SQL"
                + " database.")
    String resource;

    @Option(
        names = "--arm-endpoint",
        paramLabel = "URL",
        defaultValue = ArmClientBuilder.DEFAULT_ENDPOINT,
        description =
            "ARM endpoint (default ${DEFAULT-VALUE}; http:// only on loopback, for tests).")
    String endpoint;

    @Option(
        names = "--token",
        paramLabel = "TOKEN",
        description =
            "A bearer token for ARM; without it DefaultAzureCredential is used"
                + " (scope https://management.azure.com/.default).")
    String token;

    @Option(
        names = "--output",
        paramLabel = "FORMAT",
        defaultValue = "text",
        description = "text or json (default ${DEFAULT-VALUE}).")
    String output;

    boolean json(CommandSpec spec) {
      String f = output.toLowerCase(Locale.ROOT);
      if (!f.equals("text") && !f.equals("json")) {
        throw new ParameterException(
            spec.commandLine(), "--output must be text or json, was '" + output + "'");
      }
      return f.equals("json");
    }

    String resource(CommandSpec spec) {
      try {
        BackupKind.of(resource);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--resource: " + e.getMessage());
      }
      return resource;
    }

    ArmClient client(CommandSpec spec, BackupCommand parent) {
      try {
        URI.create(endpoint);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(), "--arm-endpoint '" + endpoint + "' is not a URL");
      }
      TokenCredential credential =
          token != null
              ? new StaticTokenCredential(token)
              : new DefaultAzureCredentialBuilder().build();
      try {
        return new ArmClientBuilder()
            .endpoint(endpoint)
            .allowInsecureLoopback(Loopback.isLoopback(endpoint))
            .credential(credential)
            .clock(parent.clock)
            .sleeper(parent.sleeper)
            .build();
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--arm-endpoint: " + e.getMessage());
      }
    }
  }

  static void printJson(PrintWriter out, ObjectNode node) {
    try {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot print JSON", e);
    }
  }

  /** Parses {@code 24h}, {@code 90m}, {@code 2d} or ISO-8601 {@code PT24H}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

    @Override
    public Duration convert(String value) {
      Matcher m = SHORT.matcher(value.trim().toLowerCase(Locale.ROOT));
      Duration d;
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
          case "s":
            d = Duration.ofSeconds(n);
            break;
          case "m":
            d = Duration.ofMinutes(n);
            break;
          case "h":
            d = Duration.ofHours(n);
            break;
          default:
            d = Duration.ofDays(n);
        }
      } else {
        try {
          d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
          throw new TypeConversionException(
              "'" + value + "' is not a duration (e.g. 24h, 90m, 2d, PT24H)");
        }
      }
      if (d.isZero() || d.isNegative()) {
        throw new TypeConversionException("'" + value + "' must be a positive duration");
      }
      return d;
    }
  }

  /** {@code steward backup status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Print a resource's backup status (latest successful backup and its age, retention,"
              + " schedule, restorability, recent backups) and its retention report.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:no problem found",
        "1:problems found (listed), or not restorable",
        "2:bad input",
        "3:ARM or network failure"
      })
  static final class Status implements Callable<Integer> {
    @ParentCommand BackupCommand parent;
    @Spec CommandSpec spec;
    @Mixin Common common = new Common();

    @Override
    public Integer call() {
      String id = common.resource(spec);
      boolean json = common.json(spec);
      BackupStatus status =
          new BackupStatusReader(common.client(spec, parent), parent.clock).read(id);
      RetentionReport report = RetentionReport.of(status);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode node = status.toJson();
        node.set("retentionReport", report.toJson());
        printJson(out, node);
      } else {
        out.print(status.describe());
        out.print(report.describe());
      }
      return status.problems().isEmpty() && status.restorable() && report.isClean()
          ? ExitCodes.OK
          : ExitCodes.FOUND;
    }
  }

  /** {@code steward backup verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description =
          "Check, as the production guard would, that the latest successful backup is restorable"
              + " and younger than --max-age.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:verified",
        "1:not verified (too old, none successful, not restorable)",
        "2:bad input",
        "3:ARM or network failure (fails closed)"
      })
  static final class Verify implements Callable<Integer> {
    @ParentCommand BackupCommand parent;
    @Spec CommandSpec spec;
    @Mixin Common common = new Common();

    @Option(
        names = "--max-age",
        paramLabel = "DURATION",
        defaultValue = "24h",
        converter = DurationConverter.class,
        description = "Allowed age of the latest successful backup (default ${DEFAULT-VALUE}).")
    Duration maxAge;

    @Override
    public Integer call() {
      String id = common.resource(spec);
      boolean json = common.json(spec);
      ArmBackupVerifier verifier =
          ArmBackupVerifier.builder(
                  new BackupStatusReader(common.client(spec, parent), parent.clock))
              .maxAge(maxAge)
              .build();
      BackupVerification v = verifier.verify(id);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode node = JSON.createObjectNode();
        node.put("resourceId", v.resourceId());
        node.put("verified", v.passed());
        node.put("reason", v.reason());
        node.put("maxAge", v.maxAge().toString());
        if (v.status() != null) {
          node.set("status", v.status().toJson());
        }
        printJson(out, node);
      } else {
        out.println((v.passed() ? "verified: " : "NOT verified: ") + v.reason());
      }
      if (v.passed()) {
        return ExitCodes.OK;
      }
      return v.status() == null ? ExitCodes.FAILURE : ExitCodes.FOUND;
    }
  }

  /** {@code steward backup ensure}. */
  @Command(
      name = "ensure",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Plan (and with --apply, make) the backup configuration:",
        "  web app: daily backups at --hour UTC kept --retention-days into --storage-account /"
            + " --container (both created if missing), with a short-lived container SAS;",
        "  PostgreSQL flexible server / SQL database: --retention-days.",
        "Without --apply nothing is written."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:nothing to change, or changes applied",
        "1:changes pending (dry run)",
        "2:bad input",
        "3:ARM or network failure"
      })
  static final class Ensure implements Callable<Integer> {
    @ParentCommand BackupCommand parent;
    @Spec CommandSpec spec;
    @Mixin Common common = new Common();

    @Option(
        names = "--storage-account",
        paramLabel = "ID",
        description =
            "Web app: the storage account's resource id (created in the web app's region if"
                + " missing).")
    String storageAccount;

    @Option(
        names = "--container",
        paramLabel = "NAME",
        description = "Web app: the blob container (created if missing).")
    String container;

    @Option(
        names = "--hour",
        paramLabel = "H",
        defaultValue = "2",
        description = "Web app: the hour of day (UTC) backups start (default ${DEFAULT-VALUE}).")
    int hour;

    @Option(
        names = "--retention-days",
        paramLabel = "DAYS",
        description =
            "Days to keep backups (web app default 30; PostgreSQL 7-35 and SQL 1-35, required).")
    Integer retentionDays;

    @Option(
        names = "--apply",
        description =
            "Apply the plan (default: print it only); recorded in the audit trail under --home.")
    boolean apply;

    @Mixin StewardHome home = new StewardHome();

    @Override
    public Integer call() {
      String id = common.resource(spec);
      boolean json = common.json(spec);
      BackupKind kind = BackupKind.of(id);
      // An applied plan is recorded in the audit trail; a dry run writes nothing anywhere.
      try (AuditTrail audit = apply ? AuditTrail.builder(home.audit()).build() : null) {
        BackupEnsurer ensurer = new BackupEnsurer(common.client(spec, parent), parent.clock);
        if (audit != null) {
          ensurer = ensurer.audit(audit, "cli:backup-ensure");
        }
        BackupPlan plan = plan(ensurer, id, kind);
        if (apply) {
          plan.apply();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          printJson(out, plan.toJson());
        } else {
          out.print(plan.describe());
          if (!plan.isEmpty()) {
            out.println(apply ? "applied." : "dry run: nothing written; run again with --apply.");
          }
        }
        return plan.isEmpty() || apply ? ExitCodes.OK : ExitCodes.FOUND;
      }
    }

    private BackupPlan plan(BackupEnsurer ensurer, String id, BackupKind kind) {
      try {
        if (kind == BackupKind.WEB_APP) {
          if (storageAccount == null || container == null) {
            throw new ParameterException(
                spec.commandLine(), "a web app needs --storage-account and --container");
          }
          WebAppBackupOptions options =
              WebAppBackupOptions.of(id, storageAccount, container).withHourUtc(hour);
          if (retentionDays != null) {
            options = options.withRetentionDays(retentionDays);
          }
          return ensurer.planWebAppBackup(options);
        }
        if (retentionDays == null) {
          throw new ParameterException(
              spec.commandLine(), "--retention-days is required for " + kind);
        }
        return ensurer.planRetention(id, retentionDays);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }

  @Override
  public String toString() {
    return "BackupCommand";
  }
}
