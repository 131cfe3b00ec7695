package dev.steward.cli;

import dev.steward.cli.audit.AuditCommand;
import dev.steward.cli.backup.BackupCommand;
import dev.steward.cli.demo.DemoCommand;
import dev.steward.cli.drift.DriftCommand;
import dev.steward.cli.emulator.EmulatorCommand;
import dev.steward.cli.governance.ConnectionsCommand;
import dev.steward.cli.governance.ExtractCommand;
import dev.steward.cli.governance.ScheduleCommand;
import dev.steward.cli.guard.GuardCommand;
import dev.steward.cli.quality.SyncQualityCommand;
import dev.steward.cli.serve.ServeCommand;
import dev.steward.cli.snapshot.DriftWatchCommand;
import dev.steward.cli.snapshot.SnapshotCommand;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code steward} command. Each capability is a subcommand registered in {@link
 * #commandLine()}; this class holds no logic beyond wiring.
 */
@Command(
    name = "steward",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Data governance for Microsoft Purview and Azure.",
    synopsisSubcommandLabel = "COMMAND",
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:found something the caller asked about (e.g. drift at or above --fail-on)",
      "2:usage or input error; nothing was done",
      "3:runtime or service failure"
    },
    footer = {"", "Run 'steward help COMMAND' for a command's options."})
public final class Steward implements Callable<Integer> {

  /**
   * The subcommands, in the order {@code --help} lists them. Each capability's issue adds its
   * command here (drift, extract, sync-quality, emulator, schedule, guard, demo, ...).
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          CommandLine.HelpCommand.class,
          DemoCommand.class,
          ConnectionsCommand.class,
          ExtractCommand.class,
          ScheduleCommand.class,
          SyncQualityCommand.class,
          ServeCommand.class,
          DriftCommand.class,
          SnapshotCommand.class,
          DriftWatchCommand.class,
          GuardCommand.class,
          BackupCommand.class,
          EmulatorCommand.class,
          AuditCommand.class);

  @Spec CommandSpec spec;

  /**
   * Read from the parse result by {@link #configureLogging}; declared here for help and parsing.
   */
  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      scope = ScopeType.INHERIT,
      description =
          "Log lines on standard error: text (for people) or json (one JSON object a line, with"
              + " the key/values as fields). Default: the STEWARD_LOG_FORMAT variable, else text.")
  String logFormat;

  /**
   * Read from the parse result by {@link #configureLogging}; declared here for help and parsing.
   */
  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      scope = ScopeType.INHERIT,
      description =
          "Least severe level logged: off, error, warn, info, debug or trace."
              + " Default: the STEWARD_LOG_LEVEL variable, else warn.")
  String logLevel;

  /** Prints the usage to standard error: a command is required. */
  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    err.println("steward: a command is required");
    spec.commandLine().usage(err, spec.commandLine().getColorScheme());
    return ExitCodes.USAGE;
  }

  /**
   * Builds the {@code steward} command line with every subcommand registered and the exit codes
   * mapped as documented in {@link ExitCodes}.
   *
   * @return a ready-to-execute command line
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Steward());
    for (Class<?> subcommand : SUBCOMMANDS) {
      commandLine.addSubcommand(subcommand);
    }
    commandLine.setExecutionStrategy(
        parseResult -> {
          configureLogging(parseResult, System.getenv());
          return new CommandLine.RunLast().execute(parseResult);
        });
    commandLine.setExitCodeExceptionMapper(Steward::exitCodeFor);
    commandLine.setParameterExceptionHandler(Steward::onUsageError);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          cmd.getErr().println(cmd.getCommandName() + ": " + describe(exception));
          return exitCodeFor(exception);
        });
    return commandLine;
  }

  /**
   * Applies {@code --log-format} and {@code --log-level} (given to the root command or to any
   * subcommand) before the command runs; the environment fills in what the options leave out.
   */
  static void configureLogging(ParseResult parseResult, Map<String, String> env) {
    String format = null;
    String level = null;
    for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
      format = pr.matchedOptionValue("--log-format", format);
      level = pr.matchedOptionValue("--log-level", level);
    }
    try {
      Logging.apply(format, level, env);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          parseResult.commandSpec().commandLine(), e.getMessage(), e);
    }
  }

  /** Short usage error: the problem, a hint, and where to find help; never a stack trace. */
  private static int onUsageError(CommandLine.ParameterException exception, String[] args) {
    CommandLine cmd = exception.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + exception.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCodes.USAGE;
  }

  private static int exitCodeFor(Throwable exception) {
    if (exception instanceof CommandLine.ParameterException
        || exception instanceof IllegalArgumentException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.FAILURE;
  }

  private static String describe(Throwable exception) {
    String message = exception.getMessage();
    return message == null || message.isBlank() ? exception.getClass().getName() : message;
  }

  /**
   * Runs {@code steward} and exits with its exit code.
   *
   * @param args the command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
