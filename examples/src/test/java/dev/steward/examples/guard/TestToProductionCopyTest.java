package dev.steward.examples.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestToProductionCopyTest {

  @TempDir Path dir;

  @Test
  void theLaptopCopyIsBlockedAndTheConfirmedRestoreGoesThrough() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    TestToProductionCopy.Outcome outcome =
        TestToProductionCopy.run(
            new PrintStream(printed, true, StandardCharsets.UTF_8), dir.resolve("audit.jsonl"));

    assertThat(outcome.laptopCopyBlocked()).isTrue();
    assertThat(outcome.confirmationAsked()).isTrue();
    assertThat(outcome.copiedWithConfirmation()).isEqualTo(40);
    assertThat(outcome.productionUsersAfter()).isEqualTo(40);
    assertThat(outcome.auditOutcomes())
        .containsExactly("allowed", "prohibited", "confirmation-required", "confirmed");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Blocked, as it should be:")
        .contains("'ai-learning-prod' is stamped production but this process runs in development")
        .contains("source 'local' looks like test data (confidence 1.00")
        .contains("production users now: 38")
        .contains("Needs a confirmation: type 'CONFIRM_DANGEROUS_OPERATION ai-learning-prod'")
        .contains("Confirmed: copied 40 users from the replica");
  }
}
