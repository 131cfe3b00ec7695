package dev.steward.cli.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.governance.quality.QualityMapping;
import dev.steward.governance.quality.QualitySync;
import dev.steward.governance.quality.QualityWebhookHandler;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code steward sync-quality} against the emulator, with the bundled demo inputs. */
class SyncQualityCommandTest {

  static final Path DEMO = Path.of("..", "examples", "src", "main", "resources", "quality");

  @TempDir Path dir;
  PurviewEmulator emulator;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void start() {
    emulator = PurviewEmulator.builder().seed("demo").start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cmd = Steward.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  String[] sync(Path mapping, Path scores, String... more) {
    String[] base = {
      "sync-quality",
      "--home",
      dir.resolve("home").toString(),
      "--mapping",
      mapping.toString(),
      "--scores",
      scores.toString(),
      "--endpoint",
      emulator.endpoint(),
      "--token",
      emulator.token()
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void theDemoInputsSyncThenASecondRunWritesNothingThenRecoveryClears() {
    Path mapping = DEMO.resolve("qalita-mapping.yaml");
    Path scores = DEMO.resolve("qalita-scores.jsonl");

    assertThat(run(sync(mapping, scores, "--ensure-definitions", "--dry-run")))
        .as(err.toString())
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("definitions: created business metadata QALITA")
        .contains("PLAN    sales.orders")
        .contains("slaStatus=At risk")
        .contains("+classification")
        .contains("plan: 5 seen, 5 resolved, 0 unresolved, 5 to write");

    assertThat(run(sync(mapping, scores))).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("WRITTEN sales.orders").contains("5 written");

    assertThat(run(sync(mapping, scores))).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("0 written, 5 unchanged").contains("0 write calls");

    assertThat(run(sync(mapping, DEMO.resolve("qalita-scores-recovered.jsonl"))))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("-classification").contains("slaStatus=Good");
  }

  @Test
  void unresolvedDatasetsExitOneAndBadInputExitsTwo() throws Exception {
    Path mapping = dir.resolve("m.yaml");
    Files.writeString(
        mapping,
        "mappings:\n  - qalitaDatasetId: ghost\n    purview:\n"
            + "      resolve: {typeName: azure_sql_table, qualifiedName: mssql://nowhere/t}\n");
    Path scores = dir.resolve("s.jsonl");
    Files.writeString(
        scores,
        "{\"datasetId\":\"ghost\",\"overall\":50,\"measuredAt\":\"2026-11-23T06:00:00Z\"}\n");
    run(sync(mapping, scores, "--ensure-definitions"));
    assertThat(run(sync(mapping, scores))).isEqualTo(ExitCodes.FOUND);
    assertThat(out.toString())
        .contains("UNRESOLVED ghost -> azure_sql_table:mssql://nowhere/t")
        .contains("no azure_sql_table with qualifiedName mssql://nowhere/t");

    Files.writeString(mapping, "purview:\n  clientSecret: hunter2-secret\nmappings: []\n");
    assertThat(run(sync(mapping, scores))).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("m.yaml:2:3").doesNotContain("hunter2");

    assertThat(run("sync-quality", "--scores", scores.toString())).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void serveRefusesAMissingSecretVariable() {
    assertThat(
            run(
                "sync-quality",
                "serve",
                "--mapping",
                DEMO.resolve("qalita-mapping.yaml").toString(),
                "--port",
                "0",
                "--secret-env",
                "STEWARD_TEST_UNSET_VARIABLE_42",
                "--endpoint",
                emulator.endpoint()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("STEWARD_TEST_UNSET_VARIABLE_42");
  }

  @Test
  void theWebhookServerAppliesSignedEventsOverLoopback() throws Exception {
    PurviewDataMapClient client =
        new PurviewDataMapClientBuilder()
            .endpoint(emulator.endpoint())
            .credential(new StaticTokenCredential(emulator.token()))
            .allowInsecureLoopback(true)
            .buildClient();
    QualitySync sync =
        QualitySync.builder(client, QualityMapping.read(DEMO.resolve("qalita-mapping.yaml")))
            .build();
    sync.ensureDefinitions();
    byte[] secret = "demo-webhook-secret-0123".getBytes(StandardCharsets.UTF_8);
    QualityWebhookHandler handler = QualityWebhookHandler.builder(sync, secret).build();
    HttpClient http = HttpClient.newHttpClient();
    try (WebhookServer server = new WebhookServer(handler, "127.0.0.1", 0)) {
      URI uri = URI.create("http://127.0.0.1:" + server.port() + WebhookServer.PATH);
      byte[] body =
          ("{\"event\":\"quality_score_changed\",\"sourceId\":\"sales.products\","
                  + "\"scores\":{\"overall\":71.0},\"issues\":{\"open\":9},"
                  + "\"measuredAt\":\"2026-11-23T07:00:00Z\"}")
              .getBytes(StandardCharsets.UTF_8);
      long ts = Instant.now().getEpochSecond();
      HttpResponse<String> ok =
          http.send(
              HttpRequest.newBuilder(uri)
                  .header("X-Steward-Timestamp", Long.toString(ts))
                  .header("X-Steward-Signature", QualityWebhookHandler.sign(secret, ts, body))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      assertThat(ok.body()).contains("WRITTEN");
      HttpResponse<String> forged =
          http.send(
              HttpRequest.newBuilder(uri)
                  .header("X-Steward-Timestamp", Long.toString(ts))
                  .header("X-Steward-Signature", "sha256=00")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(forged.statusCode()).isEqualTo(401);
      HttpResponse<String> get =
          http.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(405);
    }
    assertThat(
            client
                .entities()
                .getByUniqueAttributes(
                    "azure_sql_table",
                    "mssql://contoso-sql.database.windows.net/sales/dbo/products")
                .entity()
                .businessAttributes()
                .get("QALITA"))
        .containsEntry("slaStatus", "At risk");
  }
}
