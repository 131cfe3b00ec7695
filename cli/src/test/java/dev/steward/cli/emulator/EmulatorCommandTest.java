package dev.steward.cli.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EmulatorCommandTest {
  private static final Pattern LINE =
      Pattern.compile("endpoint=(http://127\\.0\\.0\\.1:\\d+) token=(\\S+)");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private CommandLine commandLine(EmulatorCommand command) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine;
  }

  /** Polls the output for the start line, with a deadline (no sleeps in tests). */
  private Matcher awaitStartLine() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      Matcher matcher = LINE.matcher(out.toString());
      if (matcher.find()) {
        return matcher;
      }
      Thread.onSpinWait();
      Thread.yield();
    }
    throw new AssertionError("no start line within 30 s; stdout=" + out + " stderr=" + err);
  }

  @Test
  void printsEndpointAndTokenOnOneLineServesAndStopsWhenInterrupted(@TempDir Path dir)
      throws Exception {
    EmulatorCommand command = new EmulatorCommand();
    Path state = dir.resolve("state.json");
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                commandLine(command)
                    .execute(
                        "--port",
                        "0",
                        "--seed",
                        "demo",
                        "--generate",
                        "10",
                        "--token",
                        "t0k",
                        "--state",
                        state.toString()));
    Matcher line = awaitStartLine();
    assertThat(out.toString().lines().count()).isEqualTo(1);
    assertThat(line.group(2)).isEqualTo("t0k");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            line.group(1) + "/datamap/api/search/query?api-version=2023-09-01"))
                    .header("Authorization", "Bearer t0k")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"keywords\":\"customers\"}"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"name\":\"customers\"");
    command.stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(state)).contains("steward-purview-emulator/1");
  }

  @Test
  void optionsReachTheBuilder() {
    EmulatorCommand command = new EmulatorCommand();
    new CommandLine(command)
        .parseArgs(
            "--port",
            "8123",
            "--seed",
            "demo",
            "--generate",
            "5",
            "--rate-limit",
            "25",
            "--token",
            "x");
    assertThat(command.port).isEqualTo(8123);
    assertThat(command.seed).isEqualTo("demo");
    assertThat(command.generate).isEqualTo(5);
    assertThat(command.rateLimit).isEqualTo(25);
    assertThat(command.token).isEqualTo("x");
    assertThat(command.builder()).isNotNull();
  }

  @Test
  void unknownSeedIsAUsageError() {
    int code =
        dev.steward.cli.Steward.commandLine()
            .setErr(new PrintWriter(err, true))
            .execute("emulator", "--seed", "huge");
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("unknown seed 'huge'");
  }

  @Test
  void helpListsTheOptions() {
    int code =
        dev.steward.cli.Steward.commandLine()
            .setOut(new PrintWriter(out, true))
            .execute("emulator", "--help");
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains(
            "--port",
            "--seed",
            "--generate",
            "--state",
            "--token",
            "--rate-limit",
            "endpoint=URL token=TOKEN");
  }
}
