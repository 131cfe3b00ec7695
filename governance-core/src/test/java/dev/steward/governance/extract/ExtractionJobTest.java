package dev.steward.governance.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.audit.AuditRecord;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.connection.FileConnectionRegistry;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.connection.SecretReference;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobStatus;
import dev.steward.governance.schedule.ManualSchedulingClock;
import dev.steward.governance.schedule.Schedule;
import dev.steward.purview.emulator.PurviewEmulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionJobTest {

  @TempDir Path dir;

  @Test
  void aScheduledHourlyExtractionRunsIncrementallyAndIsAuditedAndMeasured() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start();
        AuditTrail audit = AuditTrail.builder(dir.resolve("audit")).build()) {
      FileConnectionRegistry registry = new FileConnectionRegistry(dir.resolve("connections.json"));
      registry.add(
          new PurviewConnection(
              "demo",
              emulator.endpoint(),
              PurviewConnection.Authentication.TOKEN,
              null,
              null,
              SecretReference.parse("env:DEMO_TOKEN"),
              true));
      ExtractionJob job =
          ExtractionJob.builder(registry)
              .env(Map.of("DEMO_TOKEN", emulator.token()))
              .checkpoints(new FileCheckpointStore(dir.resolve("checkpoints")))
              .audit(audit)
              .meterRegistry(meters)
              .build();
      ManualSchedulingClock clock =
          new ManualSchedulingClock(Instant.parse("2026-11-23T08:30:00Z"));
      try (var scheduler =
          InProcessGovernanceScheduler.builder()
              .clock(clock)
              .executor(Runnable::run)
              .job(ExtractionJob.TYPE, job)
              .build()) {
        scheduler.schedule(
            ExtractionJob.spec(
                "hourly-demo",
                Schedule.parse("hourly"),
                "demo",
                Map.of(
                    "assetTypes", "sql_table, adls_path",
                    "incremental", "true",
                    "out", dir.resolve("catalogue-{time}.jsonl").toString())));
        clock.advance(Duration.ofHours(2));

        JobStatus status = scheduler.status().get(0);
        assertThat(status.runs()).isEqualTo(2);
        JobOutcome last = status.lastOutcome().orElseThrow();
        assertThat(last.status()).isEqualTo(JobOutcome.Status.SUCCEEDED);
        assertThat(last.message()).contains("assets").contains("catalogue-20261123T100000Z.jsonl");
      }
      Path first = dir.resolve("catalogue-20261123T090000Z.jsonl");
      assertThat(Files.readAllLines(first))
          .isNotEmpty()
          .allSatisfy(
              l ->
                  assertThat(l)
                      .containsAnyOf(
                          "\"typeName\":\"azure_sql_table\"",
                          "\"typeName\":\"azure_datalake_gen2_path\""));
      assertThat(dir.resolve("checkpoints/demo.checkpoint.json")).exists();

      List<AuditRecord> records = audit.query(null, null, "demo");
      assertThat(records)
          .hasSize(2)
          .allSatisfy(
              r -> {
                assertThat(r.action()).isEqualTo("extract");
                assertThat(r.outcome()).isEqualTo("SUCCEEDED");
                assertThat(r.actor()).isEqualTo("job:hourly-demo");
              });
      assertThat(audit.verify().intact()).isTrue();

      // Both runs are measured: the extractor's meters and its Purview client's.
      assertThat(meters.get("steward.extraction.runs").tag("outcome", "success").timer().count())
          .isEqualTo(2);
      assertThat(meters.get("steward.purview.requests").timers())
          .isNotEmpty()
          .allSatisfy(t -> assertThat(t.getId().getTag("operation")).doesNotContain("-"));
    }
  }
}
