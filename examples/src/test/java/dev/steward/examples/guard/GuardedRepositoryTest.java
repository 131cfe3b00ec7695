package dev.steward.examples.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.guard.models.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The annotation binding example, as if on App Service. */
class GuardedRepositoryTest {

  @Test
  void aPurgeInProductionNeedsTheTypedPhraseAndABackup() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GuardedRepository.Outcome outcome =
        GuardedRepository.run(
            Map.of("WEBSITE_SITE_NAME", "crm-api"),
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC),
            new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(outcome.saved()).isTrue();
    assertThat(outcome.phrase()).isEqualTo("CONFIRM_DANGEROUS_OPERATION crm-db");
    assertThat(outcome.purged()).isEqualTo(1);
    assertThat(outcome.withoutBackup().isAllowed()).isFalse();
    assertThat(outcome.withoutBackup().verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("save in PRODUCTION: allowed", "purged 1 after the confirmation");
  }
}
