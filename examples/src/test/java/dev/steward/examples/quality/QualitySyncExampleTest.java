package dev.steward.examples.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.examples.client.AuthenticationExample;
import dev.steward.governance.quality.DatasetOutcome;
import dev.steward.governance.quality.SyncReport;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.emulator.PurviewEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality example against the emulator's demo estate. */
class QualitySyncExampleTest {

  @TempDir Path dir;

  @Test
  void theDemoScoresLandAndTheAtRiskDatasetIsClassified() {
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      PurviewDataMapClient client =
          AuthenticationExample.withEmulator(emulator.endpoint(), emulator.token());
      SyncReport report = QualitySyncExample.syncDemo(client, dir.resolve("audit"));
      assertThat(report.clean()).isTrue();
      assertThat(report.written()).isEqualTo(5);
      assertThat(report.outcomes())
          .filteredOn(o -> o.key().equals("sales.orders"))
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.status()).isEqualTo(DatasetOutcome.Status.WRITTEN);
                assertThat(o.change().addClassification()).isTrue();
              });
    }
  }
}
