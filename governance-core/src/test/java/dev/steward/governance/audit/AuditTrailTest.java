package dev.steward.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTrailTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir Path dir;

  private AuditTrail trail(Instant at) {
    return AuditTrail.builder(dir).clock(Clock.fixed(at, ZoneOffset.UTC)).tenant("contoso").build();
  }

  private void writeThree() {
    try (AuditTrail audit = trail(T0)) {
      audit.record("extract-job", "extract", "account:contoso", "SUCCEEDED", Map.of("assets", 120));
      audit.record(
          "quality-sync", "quality.write", "guid-1", "SUCCEEDED", Map.of("overallScore", 92.5));
      audit.record("guard", "guard.decision", "prod-db", "PROHIBIT", Map.of("reason", "test data"));
    }
  }

  private List<String> lines() throws Exception {
    List<String> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        all.addAll(Files.readAllLines(f));
      }
    }
    return all;
  }

  private Path onlyFile() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
  }

  @Test
  void recordsAreChainedJsonLinesAndVerify() throws Exception {
    writeThree();
    List<String> lines = lines();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .startsWith(
            "{\"seq\":1,\"time\":\"2026-11-23T10:00:00Z\",\"tenant\":\"contoso\",\"actor\":\"extract-job\"")
        .contains("\"details\":{\"assets\":120}")
        .contains("\"prev\":\"" + "0".repeat(64) + "\"");
    String firstHash = lines.get(0).replaceAll(".*\"hash\":\"([0-9a-f]{64})\"}$", "$1");
    assertThat(lines.get(1)).contains("\"prev\":\"" + firstHash + "\"");
    assertThat(onlyFile().getFileName().toString()).isEqualTo("audit-20261123-001.jsonl");

    AuditVerification check = AuditTrail.verify(dir);
    assertThat(check.intact()).isTrue();
    assertThat(check.records()).isEqualTo(3);
    assertThat(check.files()).isEqualTo(1);
  }

  @Test
  void reopeningContinuesTheChain() {
    writeThree();
    try (AuditTrail audit = trail(T0.plusSeconds(60))) {
      audit.record("cli", "audit.note", "", "SUCCEEDED", Map.of());
      AuditVerification check = audit.verify();
      assertThat(check.intact()).isTrue();
      assertThat(check.records()).isEqualTo(4);
    }
  }

  @Test
  void anEditedLineIsFoundByFileAndLine() throws Exception {
    writeThree();
    Path file = onlyFile();
    Files.writeString(
        file, Files.readString(file).replace("\"overallScore\":92.5", "\"overallScore\":99.5"));
    AuditVerification check = AuditTrail.verify(dir);
    assertThat(check.intact()).isFalse();
    assertThat(check.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo("audit-20261123-001.jsonl");
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.reason()).contains("edited");
            });
  }

  @Test
  void aDeletedLineBreaksTheChain() throws Exception {
    writeThree();
    Path file = onlyFile();
    List<String> lines = Files.readAllLines(file);
    lines.remove(1);
    Files.write(file, lines);
    AuditVerification check = AuditTrail.verify(dir);
    assertThat(check.problems())
        .extracting(AuditVerification.Problem::reason)
        .anySatisfy(r -> assertThat(r).contains("records 2..2 are missing"))
        .anySatisfy(r -> assertThat(r).contains("chain is broken"));
  }

  @Test
  void cuttingTheEndIsFoundAndBlocksAppends() throws Exception {
    writeThree();
    Path file = onlyFile();
    List<String> lines = Files.readAllLines(file);
    Files.write(file, lines.subList(0, 2));
    AuditVerification check = AuditTrail.verify(dir);
    assertThat(check.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.reason()).contains("head records sequence 3 but the trail ends at 2"));
    assertThatThrownBy(() -> trail(T0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("records were removed")
        .hasMessageContaining("steward audit verify");
  }

  @Test
  void filesRotateByDayAndSizeAndTheChainRunsAcross() throws Exception {
    try (AuditTrail audit = AuditTrail.builder(dir).maxFileBytes(1024).build()) {
      for (int i = 0; i < 12; i++) {
        audit.append(
            new AuditRecord(
                T0.plus(Duration.ofHours(4L * i)),
                "t",
                "a",
                "act",
                "target-" + i,
                "OK",
                Map.of("i", i, "padding", "x".repeat(200))));
      }
    }
    List<String> names;
    try (Stream<Path> files = Files.list(dir)) {
      names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".jsonl"))
              .sorted()
              .toList();
    }
    assertThat(names)
        .contains(
            "audit-20261123-001.jsonl",
            "audit-20261123-002.jsonl",
            "audit-20261124-001.jsonl",
            "audit-20261125-001.jsonl");
    AuditVerification check = AuditTrail.verify(dir);
    assertThat(check.intact()).isTrue();
    assertThat(check.records()).isEqualTo(12);
    assertThat(check.files()).isEqualTo(names.size());

    // Deleting a whole middle file is found too.
    Files.delete(dir.resolve("audit-20261124-001.jsonl"));
    assertThat(AuditTrail.verify(dir).problems())
        .extracting(AuditVerification.Problem::reason)
        .anySatisfy(r -> assertThat(r).contains("are missing"));
  }

  @Test
  void queryFiltersByTimeRangeAndTarget() {
    try (AuditTrail audit = AuditTrail.builder(dir).build()) {
      for (int i = 0; i < 6; i++) {
        audit.append(
            new AuditRecord(
                T0.plus(Duration.ofHours(i)),
                "t",
                "a",
                "act",
                i % 2 == 0 ? "even" : "odd",
                "OK",
                Map.of("i", i)));
      }
      List<AuditRecord> found =
          audit.query(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(5)), "even");
      assertThat(found).extracting(r -> r.details().get("i")).containsExactly(2, 4);
      assertThat(audit.query(null, null, null)).hasSize(6);
    }
  }

  @Test
  void secretLookingDetailsAreMaskedAndNonScalarsRefused() throws Exception {
    try (AuditTrail audit = trail(T0)) {
      AuditRecord written =
          audit.record(
              "cli",
              "connections.add",
              "contoso",
              "SUCCEEDED",
              Map.of(
                  "clientSecret",
                  "s3cr3t-value",
                  "sasToken",
                  "sig=abc",
                  "storage_key",
                  "k3y",
                  "keyCount",
                  3,
                  "endpoint",
                  "https://contoso.purview.azure.com"));
      assertThat(written.details())
          .containsEntry("clientSecret", "***")
          .containsEntry("sasToken", "***")
          .containsEntry("storage_key", "***")
          .containsEntry("keyCount", 3)
          .containsEntry("endpoint", "https://contoso.purview.azure.com");
      assertThatThrownBy(() -> audit.record("cli", "x", "y", "OK", Map.of("list", List.of(1))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("audit detail 'list'");
    }
    assertThat(String.join("\n", lines()))
        .doesNotContain("s3cr3t")
        .doesNotContain("sig=abc")
        .doesNotContain("k3y");
  }
}
