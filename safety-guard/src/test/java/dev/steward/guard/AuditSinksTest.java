package dev.steward.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.guard.implementation.Json;
import dev.steward.guard.implementation.Redaction;
import dev.steward.guard.models.AuditEvent;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.Grant;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.Target;
import dev.steward.guard.models.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditSinksTest {

  @TempDir Path dir;

  @Test
  void jsonStringsAreEscapedCarefully() {
    String tricky = "quote\" back\\slash\nline\ttab\u0001ctl\u2028sep \uD83D\uDE00 lone\uD800!";
    String json = Json.string(new StringBuilder(), tricky).toString();
    assertThat(json)
        .isEqualTo(
            "\"quote\\\" back\\\\slash\\nline\\ttab\\u0001ctl\\u2028sep \uD83D\uDE00"
                + " lone\\ud800!\"");
    assertThat(Json.string(new StringBuilder(), null).toString()).isEqualTo("null");
  }

  @Test
  void theJsonLinesSinkAppendsOneObjectPerLine() throws IOException {
    Path file = dir.resolve("audit/guard.jsonl");
    try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
      ProductionGuard guard =
          ProductionGuard.builder()
              .environmentVariables(Map.of("FLASK_ENV", "development", "USER", "bob"))
              .clock(MutableClock.at("2026-11-23T10:00:00Z"))
              .auditSink(sink)
              .build();
      guard.evaluate(Operation.write(Target.named("dev-db")));
      guard.evaluate(
          Operation.destructive(Target.stamped("orders \"db\"\n", Environment.PRODUCTION)));
      assertThat(sink.file()).isEqualTo(file);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(
            "{\"time\":\"2026-11-23T10:00:00Z\",\"outcome\":\"allowed\",\"decision\":\"ALLOW\","
                + "\"grant\":\"NONE\",\"principal\":\"bob\",\"environment\":\"development\","
                + "\"evidence\":[\"framework: FLASK_ENV=development -> development\"],"
                + "\"operation\":{\"kind\":\"write\",\"name\":\"write\"},"
                + "\"target\":{\"name\":\"dev-db\",\"stamp\":null},\"reasons\":[]}");
    assertThat(lines.get(1))
        .contains("\"outcome\":\"prohibited\"")
        .contains("\"name\":\"orders \\\"db\\\"\\n\"")
        .contains("\"check\":\"stamp\"")
        .contains("\"wayOut\":");
  }

  @Test
  void sourceConfidenceIsRecorded() {
    Decision decision =
        new Decision(
            Verdict.PROHIBIT,
            Grant.NONE,
            Operation.write(Target.named("t")),
            new dev.steward.guard.models.EnvironmentDetection(Environment.UNKNOWN, List.of(), null),
            List.of(),
            new dev.steward.guard.models.DataProfile("local", 1.0, List.of()));
    String json = JsonLinesAuditSink.toJson(new AuditEvent(Instant.EPOCH, "p", decision));
    assertThat(json).contains("\"source\":\"local\",\"sourceConfidence\":1.00");
  }

  @Test
  void theSlf4jSinkIsQuietWithoutALoggingBackend() {
    Slf4jAuditSink sink = new Slf4jAuditSink();
    assertThat(sink.isEnabled(Verdict.ALLOW, Grant.NONE)).isFalse();
    assertThat(new Slf4jAuditSink("custom").isEnabled(Verdict.PROHIBIT, Grant.NONE)).isFalse();
  }

  @Test
  void combinedSinksReachEverySink() {
    RecordingAuditSink first = new RecordingAuditSink();
    RecordingAuditSink second = new RecordingAuditSink();
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(Map.of())
            .auditSink(first)
            .auditSink(second)
            .build();
    guard.evaluate(Operation.read(Target.named("x")));
    assertThat(first.events).hasSize(1);
    assertThat(second.events).hasSize(1);
  }

  @Test
  void secretsAreMaskedInUrlsAndMessages() {
    assertThat(Redaction.secrets("jdbc:postgresql://db/orders?user=app&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/orders?user=app&password=***&ssl=true");
    assertThat(Redaction.secrets("jdbc:h2:tcp://host/db;USER=sa;PASSWORD=pw;MODE=x"))
        .isEqualTo("jdbc:h2:tcp://host/db;USER=sa;PASSWORD=***;MODE=x");
    assertThat(Redaction.secrets("postgres://app:s3cret@db:5432/orders"))
        .isEqualTo("postgres://app:***@db:5432/orders");
    assertThat(Redaction.secrets("https://acct.blob.core.windows.net/c?sv=1&sig=abc%2Fdef"))
        .isEqualTo("https://acct.blob.core.windows.net/c?sv=1&sig=***");
    assertThat(
            Redaction.describe(
                new IllegalStateException("login failed", new RuntimeException("pwd=x"))))
        .isEqualTo("IllegalStateException: login failed <- RuntimeException: pwd=***");
  }
}
