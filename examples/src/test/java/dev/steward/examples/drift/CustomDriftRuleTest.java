package dev.steward.examples.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.drift.models.Drift;
import dev.steward.drift.models.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custom rule fires, the overlay's volatile tag and the disabled rule stay quiet. */
class CustomDriftRuleTest {

  @TempDir Path dir;

  @Test
  void theOwnerTagRuleFiresAndTheMonitorConfirmsOnTheSecondObservation() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CustomDriftRule.Outcome outcome =
        CustomDriftRule.run(
            dir.resolve("state.json"), new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(outcome.report().drifts())
        .extracting(Drift::path, Drift::severity, Drift::rule)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "tags.owner", Severity.MEDIUM, "storage-owner-tag-removed"));
    assertThat(outcome.report().drifts())
        .extracting(Drift::path)
        .doesNotContain("tags.lastScanned", "location", "id");
    assertThat(outcome.report().drifts()).extracting(Drift::rule).doesNotContain("sku-changed");
    assertThat(outcome.firstObservation().drifts()).isEmpty();
    assertThat(outcome.secondObservation().drifts())
        .extracting(Drift::rule)
        .contains("storage-owner-tag-removed");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("MEDIUM tags.owner");
  }
}
