package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.guard.ProductionGuard;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.Target;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI's logging: text or JSON lines on standard error, chosen by option or environment. */
class LoggingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private PurviewEmulator emulator;
  private StringWriter err;

  @BeforeEach
  void start() {
    emulator = PurviewEmulator.builder().seed("demo").start();
  }

  @AfterEach
  void stop() {
    emulator.close();
    // Back to the defaults for the tests that run after this one in the same JVM.
    Logging.reset();
  }

  /** Runs steward with standard error (where logback writes) captured; returns what it logged. */
  private String runLogging(int expectedExit, String... args) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    err = new StringWriter();
    int exit;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      CommandLine cmd = Steward.commandLine();
      cmd.setOut(new PrintWriter(new StringWriter(), true));
      cmd.setErr(new PrintWriter(err, true));
      exit = cmd.execute(args);
    } finally {
      System.setErr(original);
    }
    assertThat(exit).as("exit code; stderr: %s %s", err, captured).isEqualTo(expectedExit);
    return captured.toString(StandardCharsets.UTF_8);
  }

  private String[] extract(String... logOptions) {
    List<String> args = new ArrayList<>(List.of(logOptions));
    args.addAll(
        List.of(
            "extract",
            "--home",
            dir.resolve("home").toString(),
            "--endpoint",
            emulator.endpoint(),
            "--token",
            emulator.token(),
            "--asset-types",
            "sql_table",
            "--out",
            dir.resolve("catalogue.jsonl").toString()));
    return args.toArray(String[]::new);
  }

  @Test
  void jsonLinesCarryTheLibrarysKeyValuesAsFields() throws Exception {
    String logged =
        runLogging(ExitCodes.OK, extract("--log-format", "json", "--log-level", "info"));

    List<JsonNode> events = new ArrayList<>();
    for (String line : logged.split("\n")) {
      if (!line.isBlank()) {
        events.add(JSON.readTree(line)); // every line is one JSON object
      }
    }
    assertThat(events).isNotEmpty();
    JsonNode finished =
        events.stream()
            .filter(e -> e.path("message").asText().equals("Extraction finished"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no 'Extraction finished' event in " + logged));
    assertThat(finished.path("level").asText()).isEqualTo("INFO");
    assertThat(finished.path("logger_name").asText())
        .isEqualTo("dev.steward.governance.extract.CatalogExtractor");
    assertThat(finished.path("assets").isNumber()).isTrue();
    assertThat(finished.path("assets").asLong()).isPositive();
    assertThat(finished.path("pages").asInt()).isPositive();
    assertThat(finished.has("durationMs")).isTrue();
    assertThat(finished.has("@timestamp")).isTrue();
    JsonNode started =
        events.stream()
            .filter(e -> e.path("message").asText().equals("Extraction started"))
            .findFirst()
            .orElseThrow();
    assertThat(started.path("assetTypes").asText()).contains("azure_sql_table");
    assertThat(logged).doesNotContain(emulator.token());
  }

  @Test
  void textModeIsOneReadableLinePerEventWithKeyValues() {
    String logged =
        runLogging(ExitCodes.OK, extract("--log-level", "info", "--log-format", "text"));
    assertThat(logged)
        .containsPattern(
            "INFO +CatalogExtractor - Extraction finished assets=\\d+ resumed=0 pages=")
        .doesNotContain("{\"");
  }

  @Test
  void theOptionsAlsoWorkAfterTheSubcommand() {
    String[] args = extract();
    List<String> list = new ArrayList<>(List.of(args));
    list.addAll(List.of("--log-format", "json", "--log-level", "info"));
    String logged = runLogging(ExitCodes.OK, list.toArray(String[]::new));
    assertThat(logged).contains("\"message\":\"Extraction finished\"");
  }

  @Test
  void theDefaultIsQuiet() {
    assertThat(runLogging(ExitCodes.OK, extract())).doesNotContain("Extraction");
  }

  @Test
  void aRunStartedInsideAnotherKeepsItsSettings() {
    runLogging(ExitCodes.OK, "--log-format", "json", "--log-level", "info", "--version");
    // As the demo does: a nested run without options logs as the outer run asked.
    assertThat(runLogging(ExitCodes.OK, extract())).contains("\"message\":\"Extraction finished\"");
  }

  @Test
  void guardDecisionsAreStructured() throws Exception {
    Logging.apply("json", "debug", Map.of());
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      ProductionGuard.builder()
          .environmentVariables(Map.of())
          .build()
          .evaluate(Operation.destructive(Target.named("orders-db")));
    } finally {
      System.setErr(original);
    }
    JsonNode decision = null;
    for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
      JsonNode event = JSON.readTree(line);
      if (event.path("logger_name").asText().equals("dev.steward.guard.audit")) {
        decision = event;
      }
    }
    assertThat(decision).as("a guard audit event in %s", captured).isNotNull();
    assertThat(decision.path("target").asText()).isEqualTo("orders-db");
    assertThat(decision.path("operation").asText()).isEqualTo("DESTRUCTIVE");
    assertThat(decision.path("verdict").asText()).isNotEmpty();
    assertThat(decision.path("message").asText()).startsWith("Guard ");
  }

  @Test
  void aBadFormatIsAUsageError() {
    runLogging(ExitCodes.USAGE, "--log-format", "xml", "demo", "--help");
    assertThat(err.toString())
        .contains("--log-format must be one of text, json, was 'xml'")
        .contains("--help");
  }

  @Test
  void theEnvironmentFillsInWhatTheOptionsLeaveOut() {
    assertThat(Logging.settings(null, null, Map.of()))
        .isEqualTo(new Logging.Settings("text", "warn"));
    assertThat(
            Logging.settings(
                null, null, Map.of("STEWARD_LOG_FORMAT", "JSON", "STEWARD_LOG_LEVEL", "debug")))
        .isEqualTo(new Logging.Settings("json", "debug"));
    assertThat(Logging.settings("text", "error", Map.of("STEWARD_LOG_FORMAT", "json")))
        .isEqualTo(new Logging.Settings("text", "error"));
    assertThatThrownBy(() -> Logging.settings(null, null, Map.of("STEWARD_LOG_LEVEL", "loud")))
        .hasMessage(
            "STEWARD_LOG_LEVEL must be one of off, error, warn, info, debug, trace, was 'loud'");
  }
}
