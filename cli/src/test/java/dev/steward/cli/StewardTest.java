package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class StewardTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(CommandLine commandLine, String... args) {
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private int run(String... args) {
    return run(Steward.commandLine(), args);
  }

  @Test
  void versionPrintsTheBuildVersion() {
    assertThat(run("--version")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("steward 0.1.0-SNAPSHOT").contains("Java 17");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void helpDocumentsOptionsCommandsAndExitCodes() {
    assertThat(run("--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("Usage: steward")
        .contains("--version")
        .contains("Commands:")
        .contains("help")
        .contains("Exit codes:")
        .contains("0   ok")
        .contains("1   found something")
        .contains("2   usage or input error")
        .contains("3   runtime or service failure");
  }

  @Test
  void unknownFlagIsAShortUsageErrorWithExitCode2() {
    assertThat(run("--no-such-flag")).isEqualTo(ExitCodes.USAGE);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .contains("steward: Unknown option: '--no-such-flag'")
        .contains("Try 'steward --help' for usage.");
    assertThat(err.toString().lines().count()).isLessThanOrEqualTo(3);
  }

  @Test
  void noCommandPrintsUsageToStderrWithExitCode2() {
    assertThat(run()).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("steward: a command is required").contains("Usage:");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run("no-such-command")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Unmatched argument").contains("'no-such-command'");
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    private final RuntimeException failure;

    Boom(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      throw failure;
    }
  }

  @Test
  void runtimeFailureExitsWith3AndAOneLineMessage() {
    CommandLine commandLine = Steward.commandLine();
    commandLine.addSubcommand(new Boom(new IllegalStateException("service answered 503")));
    assertThat(run(commandLine, "boom")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).isEqualTo("boom: service answered 503" + System.lineSeparator());
  }

  @Test
  void badInputDetectedAtRunTimeExitsWith2() {
    CommandLine commandLine = Steward.commandLine();
    commandLine.addSubcommand(
        new Boom(new IllegalArgumentException("baseline.json line 3: missing 'id'")));
    assertThat(run(commandLine, "boom")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("baseline.json line 3: missing 'id'");
  }

  @Test
  void theReadmeCliReferenceNamesEveryCommandAndSubcommand() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
    String reference =
        readme.substring(
            readme.indexOf("## The `steward` command"), readme.indexOf("## Configuration"));
    for (var command : Steward.commandLine().getSubcommands().entrySet()) {
      if (command.getKey().equals("help")) {
        continue;
      }
      assertThat(reference)
          .as("README CLI reference lists '%s'", command.getKey())
          .contains("`" + command.getKey());
      for (String sub : command.getValue().getSubcommands().keySet()) {
        assertThat(reference)
            .as("README CLI reference lists '%s %s'", command.getKey(), sub)
            .containsPattern(
                "`" + command.getKey() + "[^`]*\\b" + java.util.regex.Pattern.quote(sub) + "\\b");
      }
    }
  }

  @Test
  void helpSubcommandIsRegistered() {
    assertThat(run("help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Usage: steward");
  }
}
