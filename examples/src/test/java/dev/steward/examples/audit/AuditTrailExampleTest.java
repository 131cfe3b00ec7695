package dev.steward.examples.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.audit.AuditVerification;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit example: one record, an intact chain; an edited line breaks it. */
class AuditTrailExampleTest {

  @TempDir Path dir;

  @Test
  void recordsVerifiesAndDetectsAnEditedLine() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:15:00Z"), ZoneOffset.UTC);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    AuditVerification check =
        AuditTrailExample.run(dir, clock, new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(check.intact()).isTrue();
    assertThat(check.records()).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 record(s) today; chain intact");

    Path file;
    try (Stream<Path> files = Files.list(dir)) {
      file = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Files.write(file, List.of(lines.get(0).replace("92", "99")), StandardCharsets.UTF_8);
    assertThat(dev.steward.governance.audit.AuditTrail.verify(dir).intact()).isFalse();
  }
}
