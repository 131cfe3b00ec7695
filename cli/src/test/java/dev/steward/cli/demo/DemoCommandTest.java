package dev.steward.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

  @TempDir Path dir;

  private String run(int expected, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Steward.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    assertThat(cmd.execute(args))
        .as("exit code; stderr: %s; stdout: %s", err, out)
        .isEqualTo(expected);
    return out.toString();
  }

  @Test
  void theDemoShowsEveryCapabilityAndCanRunTwice() throws Exception {
    Path out = dir.resolve("demo-out");
    for (int round = 0; round < 2; round++) {
      String text = run(ExitCodes.OK, "demo", "--out", out.toString());
      assertThat(text)
          .contains("connection OK")
          .contains("azure_sql_table")
          .contains("hourly-demo")
          .contains("SUCCEEDED")
          .contains("0 written, 5 unchanged")
          .contains("classifications [QALITA_AtRisk]")
          .contains("CRITICAL")
          .contains("Blocked, as it should be")
          .contains("Confirmed: copied")
          .contains("intact (")
          .contains("Demo complete");
      assertThat(text.indexOf("CRITICAL")).isLessThan(text.indexOf("HIGH      MODIFIED"));
    }
    assertThat(Files.readAllLines(out.resolve("catalogue.jsonl"))).isNotEmpty();
    assertThat(Files.readString(out.resolve("drift.sarif"))).contains("\"version\" : \"2.1.0\"");
    assertThat(out.resolve("home/audit")).isDirectory();
  }

  @Test
  void theDemoNeverReplacesADirectoryItDidNotMake() throws Exception {
    Path mine = Files.createDirectories(dir.resolve("important"));
    Files.writeString(mine.resolve("thesis.txt"), "do not delete");
    StringWriter err = new StringWriter();
    CommandLine cmd = Steward.commandLine();
    cmd.setErr(new PrintWriter(err, true));
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    assertThat(cmd.execute("demo", "--out", mine.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("was not made by the demo");
    assertThat(mine.resolve("thesis.txt")).exists();
  }
}
