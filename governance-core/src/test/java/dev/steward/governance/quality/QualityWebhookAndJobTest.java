package dev.steward.governance.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.connection.FileConnectionRegistry;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.connection.SecretReference;
import dev.steward.governance.schedule.JobContext;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.PurviewEmulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook handler's checks, and the scheduled job. */
class QualityWebhookAndJobTest {

  static final String SQL = QualitySyncEmulatorTest.SQL;
  static final byte[] SECRET = "0123456789abcdef-webhook".getBytes(StandardCharsets.UTF_8);
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @TempDir Path dir;
  PurviewEmulator emulator;
  PurviewDataMapClient client;
  QualityWebhookHandler handler;

  @BeforeEach
  void start() {
    emulator = PurviewEmulator.builder().seed("demo").start();
    client =
        new PurviewDataMapClientBuilder()
            .endpoint(emulator.endpoint())
            .credential(new StaticTokenCredential(emulator.token()))
            .allowInsecureLoopback(true)
            .sleeper(d -> {})
            .buildClient();
    QualitySync sync =
        QualitySync.builder(
                client,
                QualityMapping.of(
                    QualitySchema.qalita(),
                    List.of(
                        QualityMapping.Entry.of(
                            "sales.orders",
                            QualityMapping.Target.resolve("azure_sql_table", SQL + "orders")))))
            .build();
    sync.ensureDefinitions();
    handler =
        QualityWebhookHandler.builder(sync, SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  static byte[] event(String id, double overall) {
    return ("{\"id\":\""
            + id
            + "\",\"event\":\"quality_score_changed\",\"sourceId\":\"sales.orders\","
            + "\"scores\":{\"overall\":"
            + overall
            + "},\"issues\":{\"open\":2},\"urls\":{\"dataset\":\"https://q.example/o\"},"
            + "\"measuredAt\":\"2026-11-23T08:59:00Z\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, List<String>> headers(long ts, byte[] body, byte[] secret) {
    return Map.of(
        "x-steward-signature", List.of(QualityWebhookHandler.sign(secret, ts, body)),
        "X-Steward-Timestamp", List.of(Long.toString(ts)));
  }

  Map<String, Object> quality() {
    Map<String, Map<String, Object>> bm =
        client
            .entities()
            .getByUniqueAttributes("azure_sql_table", SQL + "orders")
            .entity()
            .businessAttributes();
    return bm == null || bm.get("QALITA") == null ? Map.of() : bm.get("QALITA");
  }

  @Test
  void aSignedEventIsAppliedOnceAndItsReplayIsRefused() {
    long ts = NOW.getEpochSecond() - 10;
    byte[] body = event("e-1", 65);
    WebhookResponse ok = handler.handle(headers(ts, body, SECRET), body);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).contains("\"status\":\"WRITTEN\"");
    assertThat(quality()).containsEntry("slaStatus", "Breached");

    WebhookResponse replay = handler.handle(headers(ts, body, SECRET), body);
    assertThat(replay.status()).isEqualTo(409);

    // The same measurement under another id goes through the idempotent reconcile: no write.
    byte[] again = event("e-2", 65);
    WebhookResponse same = handler.handle(headers(ts, again, SECRET), again);
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.body()).contains("\"status\":\"UNCHANGED\"");
  }

  @Test
  void badSignatureStaleTimestampAndMalformedBodyWriteNothing() {
    long ts = NOW.getEpochSecond();
    byte[] body = event("e-3", 20);
    assertThat(
            handler
                .handle(
                    headers(ts, body, "another-secret-0123456789".getBytes(StandardCharsets.UTF_8)),
                    body)
                .status())
        .isEqualTo(401);
    assertThat(handler.handle(Map.of(), body).status()).isEqualTo(401);
    long stale = NOW.getEpochSecond() - 3600;
    WebhookResponse old = handler.handle(headers(stale, body, SECRET), body);
    assertThat(old.status()).isEqualTo(401);
    assertThat(old.body()).contains("stale timestamp");
    byte[] broken = "{\"event\": ".getBytes(StandardCharsets.UTF_8);
    assertThat(handler.handle(headers(ts, broken, SECRET), broken).status()).isEqualTo(400);
    byte[] noSource = "{\"event\":\"issue.created\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(handler.handle(headers(ts, noSource, SECRET), noSource).status()).isEqualTo(400);
    assertThat(quality()).isEmpty();
    // The refused event can still be delivered properly afterwards.
    assertThat(handler.handle(headers(ts, body, SECRET), body).status()).isEqualTo(200);
    assertThat(handler.toString()).doesNotContain("0123456789abcdef");
  }

  @Test
  void theJobSyncsFromItsParametersAndFailsWhenADatasetIsUnresolved() throws Exception {
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
    Path mapping = dir.resolve("mapping.yaml");
    Files.writeString(
        mapping,
        "mappings:\n"
            + "  - qalitaDatasetId: sales.products\n"
            + "    purview:\n"
            + "      resolve: {typeName: azure_sql_table, qualifiedName: '"
            + SQL
            + "products'}\n");
    Path scores = dir.resolve("scores.jsonl");
    Files.writeString(
        scores,
        "{\"datasetId\":\"sales.products\",\"overall\":97,\"measuredAt\":\"2026-11-23T08:00:00Z\"}\n");
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (AuditTrail audit = AuditTrail.builder(dir.resolve("audit")).build()) {
      QualitySyncJob job =
          QualitySyncJob.builder(registry)
              .env(Map.of("DEMO_TOKEN", emulator.token()))
              .audit(audit)
              .meterRegistry(meters)
              .build();
      JobOutcome outcome =
          job.run(
              new JobContext(
                  "q-1",
                  QualitySyncJob.TYPE,
                  Map.of(
                      "connection",
                      "demo",
                      "mapping",
                      mapping.toString(),
                      "scores",
                      scores.toString(),
                      "ensureDefinitions",
                      "true"),
                  NOW,
                  NOW,
                  () -> false));
      assertThat(outcome.status()).isEqualTo(JobOutcome.Status.SUCCEEDED);
      assertThat(outcome.message()).contains("1 written");
      assertThat(meters.get("steward.quality.syncs").tag("outcome", "success").timer().count())
          .isEqualTo(1);
      assertThat(meters.get("steward.purview.requests").timers()).isNotEmpty();
      assertThat(audit.query(Instant.EPOCH, Instant.now().plusSeconds(60), null))
          .anyMatch(r -> r.action().equals("quality.write") && r.actor().equals("job:q-1"));

      Files.writeString(
          mapping,
          "mappings:\n  - qalitaDatasetId: sales.products\n    purview: {guid: no-such-guid}\n");
      JobOutcome failed =
          job.run(
              new JobContext(
                  "q-1",
                  QualitySyncJob.TYPE,
                  Map.of(
                      "connection",
                      "demo",
                      "mapping",
                      mapping.toString(),
                      "scores",
                      scores.toString()),
                  NOW,
                  NOW,
                  () -> false));
      assertThat(failed.status()).isEqualTo(JobOutcome.Status.FAILED);
      assertThat(failed.message()).contains("1 unresolved");
    }
  }
}
