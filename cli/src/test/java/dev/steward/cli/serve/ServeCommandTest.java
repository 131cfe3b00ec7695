package dev.steward.cli.serve;

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

class ServeCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Steward.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Test
  void anUnknownConfigFieldIsAUsageErrorNamingFileLineAndField() throws Exception {
    Path config = Files.writeString(dir.resolve("serve.yaml"), "port: 0\ntokne: env:X\n");
    assertThat(run("serve", "--config", config.toString(), "--home", dir.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("serve.yaml:2:")
        .contains("unknown field 'tokne'")
        .contains("token");
  }

  @Test
  void aLiteralTokenInTheConfigIsRefusedWithoutEchoingIt() throws Exception {
    Path config =
        Files.writeString(dir.resolve("serve.json"), "{\"token\": \"s3cr3t-literal-token\"}");
    assertThat(run("serve", "--config", config.toString(), "--home", dir.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("field 'token'")
        .contains("env:VARIABLE, file:/path")
        .doesNotContain("s3cr3t");
  }

  @Test
  void aWrongTypeNamesTheField() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("serve.json"), "{\"readiness\": {\"timeoutSeconds\": \"soon\"}}");
    assertThat(run("serve", "--config", config.toString(), "--home", dir.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("serve.json:1:").contains("readiness.timeoutSeconds");
  }

  @Test
  void startsPrintsWhereItListensAndStops() throws Exception {
    Steward.commandLine();
    CommandLine cmd = Steward.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    ServeCommand serve = cmd.getSubcommands().get("serve").getCommand();
    serve.stop.countDown();
    int code = cmd.execute("serve", "--port", "0", "--home", dir.toString());
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("listening on http://127.0.0.1:");
    assertThat(err.toString()).contains("no API token is configured");
  }
}
