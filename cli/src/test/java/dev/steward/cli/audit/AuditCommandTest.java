package dev.steward.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.governance.audit.AuditTrail;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Steward.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private void writeTrail() {
    try (AuditTrail audit = AuditTrail.builder(dir).build()) {
      audit.record("sync", "quality.write", "guid-1", "SUCCEEDED", Map.of("overallScore", 92));
      audit.record("guard", "guard.decision", "prod-db", "PROHIBIT", Map.of());
    }
  }

  @Test
  void verifyReportsAnIntactTrailWithExit0() {
    writeTrail();
    assertThat(run("audit", "verify", "--dir", dir.toString())).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("intact (2 records in 1 files)");
  }

  @Test
  void verifyReportsATamperedTrailWithExit1() throws Exception {
    writeTrail();
    Path file;
    try (Stream<Path> files = Files.list(dir)) {
      file = files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
    }
    Files.writeString(file, Files.readString(file).replace("PROHIBIT", "ALLOW"));
    assertThat(run("audit", "verify", "--dir", dir.toString())).isEqualTo(ExitCodes.FOUND);
    assertThat(out.toString())
        .contains("BROKEN")
        .contains(file.getFileName() + ":2: hash does not match");
  }

  @Test
  void showFiltersAndPrintsJsonLines() {
    writeTrail();
    assertThat(run("audit", "show", "--dir", dir.toString(), "--target", "guid-1", "--json"))
        .isEqualTo(0);
    List<String> lines = out.toString().lines().toList();
    assertThat(lines)
        .singleElement()
        .satisfies(
            l ->
                assertThat(l)
                    .contains("\"action\":\"quality.write\"")
                    .contains("\"details\":{\"overallScore\":92}"));
  }

  @Test
  void aMissingDirectoryIsAUsageError() {
    assertThat(run("audit", "verify", "--dir", dir.resolve("nope").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("no audit trail at");
    assertThat(run("audit")).isEqualTo(ExitCodes.USAGE);
  }
}
