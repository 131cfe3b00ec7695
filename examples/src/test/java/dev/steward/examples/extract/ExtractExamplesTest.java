package dev.steward.examples.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.extract.ExtractionResult;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobStatus;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractExamplesTest {

  @TempDir Path dir;

  @Test
  void extractCatalogueRunsFullThenIncremental() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      ExtractionResult changes =
          ExtractCatalogue.run(
              emulator.endpoint(),
              emulator.token(),
              dir,
              new PrintStream(bytes, true, StandardCharsets.UTF_8));
      assertThat(changes.since()).isPresent();
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("full run: ")
        .contains("azure_sql_table")
        .contains("incremental run since");
    assertThat(Files.readAllLines(dir.resolve("catalogue.jsonl"))).isNotEmpty();
  }

  @Test
  void scheduledExtractionRunsAndReportsStatus() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      List<JobStatus> status =
          ScheduledExtraction.run(
              emulator.endpoint(),
              emulator.token(),
              dir,
              new PrintStream(bytes, true, StandardCharsets.UTF_8));
      assertThat(status)
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.lastOutcome().orElseThrow().status())
                    .isEqualTo(JobOutcome.Status.SUCCEEDED);
                assertThat(s.runs()).isEqualTo(1);
              });
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("hourly-demo hourly next");
    assertThat(Files.readString(dir.resolve("connections.json")))
        .contains("file:")
        .doesNotContain("steward-emulator-token");
  }
}
