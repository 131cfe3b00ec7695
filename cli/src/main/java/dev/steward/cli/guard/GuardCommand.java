package dev.steward.cli.guard;

import dev.steward.cli.ExitCodes;
import dev.steward.guard.ConnectionFactory;
import dev.steward.guard.EnvironmentDetectors;
import dev.steward.guard.JdbcDataProfiler;
import dev.steward.guard.JdbcStamps;
import dev.steward.guard.JsonLinesAuditSink;
import dev.steward.guard.ProductionGuard;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.EnvironmentDetection;
import dev.steward.guard.models.EnvironmentSignal;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.OperationKind;
import dev.steward.guard.models.SignalResult;
import dev.steward.guard.models.Source;
import dev.steward.guard.models.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code steward guard}: the production safety guard from a shell. Wiring only; every decision is
 * the library's ({@link ProductionGuard}).
 */
@Command(
    name = "guard",
    description = "Production safety guard: detected environment, decisions, environment stamps.",
    mixinStandardHelpOptions = true,
    subcommands = {GuardCommand.Env.class, GuardCommand.Check.class, GuardCommand.Stamp.class},
    synopsisSubcommandLabel = "(env | check | stamp)")
public final class GuardCommand implements Callable<Integer> {

  /** The process environment the guard reads; tests replace it. */
  Map<String, String> environment = System.getenv();

  /** The clock; tests replace it. */
  Clock clock = Clock.systemUTC();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "a subcommand is required: env, check or stamp");
  }

  ProductionGuard guard(CommandSpec caller, JsonLinesAuditSink audit) {
    String declared = environment.get(EnvironmentDetectors.STEWARD_ENVIRONMENT);
    if (declared != null && !declared.isBlank() && Environment.parse(declared).isEmpty()) {
      throw new ParameterException(
          caller.commandLine(),
          EnvironmentDetectors.STEWARD_ENVIRONMENT
              + "='"
              + declared
              + "' names no environment: use production, staging, test or development");
    }
    ProductionGuard.Builder builder =
        ProductionGuard.builder().environmentVariables(environment).clock(clock);
    if (audit != null) {
      builder.auditSink(audit);
    }
    return builder.build();
  }

  static JsonLinesAuditSink openAudit(CommandSpec caller, Path file) {
    if (file == null) {
      return null;
    }
    try {
      return JsonLinesAuditSink.open(file);
    } catch (IOException e) {
      throw new ParameterException(
          caller.commandLine(), "cannot open the audit log " + file + ": " + e.getMessage());
    }
  }

  static void closeAudit(JsonLinesAuditSink audit) throws IOException {
    if (audit != null) {
      audit.close();
    }
  }

  /** A JDBC URL that a driver on the class path accepts, or a usage error (exit 2). */
  static String jdbcUrl(CommandSpec caller, String option, String url) {
    if (!url.startsWith("jdbc:")) {
      throw new ParameterException(
          caller.commandLine(),
          option + " must be a JDBC URL (jdbc:...), got: " + ConnectionFactory.redact(url));
    }
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      throw new ParameterException(
          caller.commandLine(),
          "no JDBC driver on the class path accepts "
              + option
              + " "
              + ConnectionFactory.redact(url)
              + " (the steward command ships the H2 driver; add others with -cp)");
    }
    return url;
  }

  /**
   * A check only reads: an embedded H2 URL gets {@code IFEXISTS=TRUE}, so a mistyped path is
   * refused instead of silently creating an empty (unstamped) database.
   */
  static String existingOnly(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")
        && !lower.startsWith("jdbc:h2:mem:")
        && !lower.contains("ifexists=")) {
      return url + ";IFEXISTS=TRUE";
    }
    return url;
  }

  static int print(PrintWriter out, Decision decision) {
    out.println(decision.message());
    decision
        .profile()
        .ifPresent(
            profile -> {
              out.printf(
                  Locale.ROOT,
                  "source profile '%s': confidence %.2f%n",
                  profile.source(),
                  profile.confidence());
              for (SignalResult signal : profile.signals()) {
                out.println("  " + signal);
              }
            });
    return decision.isAllowed() ? ExitCodes.OK : ExitCodes.FOUND;
  }

  /** Parses {@code read|write|destructive|data-deployment}. */
  static final class KindConverter implements ITypeConverter<OperationKind> {
    @Override
    public OperationKind convert(String value) {
      return OperationKind.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'" + value + "' is not one of read, write, destructive, data-deployment"));
    }
  }

  /** Parses a concrete environment. */
  static final class EnvironmentConverter implements ITypeConverter<Environment> {
    @Override
    public Environment convert(String value) {
      return Environment.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'" + value + "' is not one of production, staging, test, development"));
    }
  }

  /** {@code steward guard env}. */
  @Command(
      name = "env",
      mixinStandardHelpOptions = true,
      description = "Print the detected environment and the evidence for it.")
  static final class Env implements Callable<Integer> {
    @ParentCommand GuardCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      EnvironmentDetection detection = parent.guard(spec, null).environment();
      PrintWriter out = spec.commandLine().getOut();
      out.println("environment: " + detection.environment().label());
      if (detection.failure() != null) {
        out.println("detection failed: " + detection.failure());
        return ExitCodes.FAILURE;
      }
      out.println("evidence:");
      if (detection.signals().isEmpty()) {
        out.println("  (no signal)");
      }
      for (EnvironmentSignal signal : detection.signals()) {
        out.println("  " + signal);
      }
      if (!detection.environment().isConcrete()) {
        out.println(
            "writes and destructive operations are protected here (fail closed); "
                + "declare the environment with "
                + EnvironmentDetectors.STEWARD_ENVIRONMENT
                + "=production|staging|test|development");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code steward guard check}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = "Decide whether an operation on a target would be allowed, and why.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:allowed",
        "1:not allowed (confirmation required or prohibited)",
        "2:bad input"
      })
  static final class Check implements Callable<Integer> {
    @ParentCommand GuardCommand parent;
    @Spec CommandSpec spec;

    @Option(
        names = "--operation",
        required = true,
        paramLabel = "KIND",
        converter = KindConverter.class,
        description = "read, write, destructive or data-deployment.")
    OperationKind operation;

    @Option(
        names = "--target",
        required = true,
        paramLabel = "NAME",
        description = "The target's name (used in messages, confirmations and overrides).")
    String target;

    @Option(
        names = "--source-jdbc",
        paramLabel = "URL",
        description = "For data-deployment: the source database, profiled for test data.")
    String sourceJdbc;

    @Option(
        names = "--target-jdbc",
        paramLabel = "URL",
        description = "The target database, whose environment stamp is read.")
    String targetJdbc;

    @Option(
        names = "--audit-log",
        paramLabel = "FILE",
        description = "Append the decision to this JSON Lines file.")
    Path auditLog;

    @Override
    public Integer call() throws IOException {
      if (target.isBlank()) {
        throw new ParameterException(spec.commandLine(), "--target must not be blank");
      }
      if (sourceJdbc != null && operation != OperationKind.DATA_DEPLOYMENT) {
        throw new ParameterException(
            spec.commandLine(), "--source-jdbc applies to --operation data-deployment only");
      }
      String sourceUrl =
          sourceJdbc == null ? null : existingOnly(jdbcUrl(spec, "--source-jdbc", sourceJdbc));
      String targetUrl =
          targetJdbc == null ? null : existingOnly(jdbcUrl(spec, "--target-jdbc", targetJdbc));
      JsonLinesAuditSink audit = openAudit(spec, auditLog);
      try {
        ProductionGuard guard = parent.guard(spec, audit);
        Target resolved =
            targetUrl == null
                ? guard.target(target)
                : JdbcStamps.target(target, ConnectionFactory.url(targetUrl));
        Operation op = Operation.of(operation, resolved);
        if (sourceUrl != null) {
          op =
              op.from(
                  new Source(
                      ConnectionFactory.redact(sourceUrl),
                      JdbcDataProfiler.forUrl(sourceUrl).build()));
        }
        return print(spec.commandLine().getOut(), guard.evaluate(op));
      } finally {
        closeAudit(audit);
      }
    }
  }

  /** {@code steward guard stamp}. */
  @Command(
      name = "stamp",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Write the environment stamp (table steward_metadata) into a database.",
        "Stamping that keeps or adds protection is always allowed; lowering a protected stamp is"
            + " decided like a destructive operation."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:stamped", "1:refused (nothing written)", "2:bad input", "3:failure"})
  static final class Stamp implements Callable<Integer> {
    @ParentCommand GuardCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--jdbc", required = true, paramLabel = "URL", description = "The database.")
    String jdbc;

    @Option(
        names = "--environment",
        required = true,
        paramLabel = "ENV",
        converter = EnvironmentConverter.class,
        description = "production, staging, test or development.")
    Environment environment;

    @Option(
        names = "--target",
        paramLabel = "NAME",
        description = "The target's name in messages (default: the URL, credentials masked).")
    String target;

    @Option(
        names = "--audit-log",
        paramLabel = "FILE",
        description = "Append the decision to this JSON Lines file.")
    Path auditLog;

    @Override
    public Integer call() throws IOException, SQLException {
      String url = jdbcUrl(spec, "--jdbc", jdbc);
      JsonLinesAuditSink audit = openAudit(spec, auditLog);
      try {
        ProductionGuard guard = parent.guard(spec, audit);
        String name = target == null || target.isBlank() ? ConnectionFactory.redact(url) : target;
        Decision decision = guard.stamp(name, ConnectionFactory.url(url), environment);
        int exit = print(spec.commandLine().getOut(), decision);
        if (decision.isAllowed()) {
          spec.commandLine().getOut().println("stamped '" + name + "' as " + environment.label());
        }
        return exit;
      } finally {
        closeAudit(audit);
      }
    }
  }
}
