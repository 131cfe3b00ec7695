package dev.steward.examples.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.health.HealthCheckResult;
import dev.steward.governance.health.HealthReport;
import dev.steward.governance.health.HealthStatus;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health example: every check UP against the emulator; DOWN once Purview is gone. */
class HealthChecksExampleTest {

  @TempDir Path dir;

  @Test
  void everyCheckIsUpAgainstTheEmulator() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HealthReport report;
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      report =
          HealthChecksExample.run(
              emulator.endpoint(),
              emulator.token(),
              dir,
              new PrintStream(out, true, StandardCharsets.UTF_8));
    }
    assertThat(report.checks())
        .extracting(HealthCheckResult::name)
        .containsExactlyInAnyOrder("purview:demo", "audit", "scheduler", "work-queue");
    assertThat(report.status()).isEqualTo(HealthStatus.UP);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("purview:demo", "UP");
  }

  @Test
  void purviewGoneIsDownAndTheOthersStillAnswer() throws Exception {
    String endpoint;
    String token;
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("none").start()) {
      endpoint = emulator.endpoint();
      token = emulator.token();
    }
    HealthReport report =
        HealthChecksExample.run(
            endpoint,
            token,
            dir,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(report.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(report.checks())
        .filteredOn(c -> !c.name().startsWith("purview"))
        .extracting(HealthCheckResult::status)
        .containsOnly(HealthStatus.UP);
  }
}
