package dev.steward.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.cli.serve.ServeTestClient.Reply;
import dev.steward.governance.health.Health;
import dev.steward.governance.health.HealthCheck;
import dev.steward.governance.quality.QualityMapping;
import dev.steward.governance.quality.QualitySync;
import dev.steward.governance.quality.QualityWebhookHandler;
import dev.steward.governance.schedule.ManualSchedulingClock;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.PurviewEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StewardServerTest {

  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final String TOKEN = "serve-test-token-0123456789";
  private static final String WEBHOOK_SECRET = "serve-webhook-secret-0123456789";

  @TempDir Path home;
  private PurviewEmulator emulator;
  private final ManualSchedulingClock clock = new ManualSchedulingClock(T0);
  private final OpenApiDocument openapi = new OpenApiDocument();
  private StewardServer server;
  private ServeTestClient client;

  @BeforeEach
  void start() throws Exception {
    emulator = PurviewEmulator.builder().seed("demo").start();
    server = start(config("env:STEWARD_API_TOKEN", 64 * 1024L, null), List.of());
    client = new ServeTestClient(server, TOKEN);
  }

  @AfterEach
  void stop() {
    server.close();
    emulator.close();
  }

  private static ServeConfig config(String token, Long maxBody, ServeConfig.Readiness readiness) {
    return new ServeConfig(null, 0, token, null, null, maxBody, 8, readiness, null);
  }

  private StewardServer start(ServeConfig config, List<HealthCheck> extra) throws Exception {
    StewardServer.Builder builder =
        StewardServer.builder(home)
            .config(config)
            .env(
                Map.of(
                    "STEWARD_API_TOKEN",
                    TOKEN,
                    "EMULATOR_TOKEN",
                    emulator.token(),
                    "WEBHOOK_SECRET",
                    WEBHOOK_SECRET))
            .clock(clock)
            .healthCacheFor(Duration.ZERO);
    extra.forEach(builder::healthCheck);
    return builder.start();
  }

  /** Asserts status and, where the document has a schema, the body against it. */
  private Reply expect(String method, String template, Reply reply, int status) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    openapi.assertResponse(method, template, status, reply.body());
    return reply;
  }

  private static JsonNode until(Supplier<JsonNode> poll, Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode last = poll.get();
    while (!done.test(last)) {
      assertThat(System.nanoTime()).as("still waiting; last: " + last).isLessThan(deadline);
      Thread.yield();
      last = poll.get();
    }
    return last;
  }

  private void addConnection() {
    Reply created =
        client.post(
            "/api/connections",
            "{\"name\":\"local\",\"endpoint\":\""
                + emulator.endpoint()
                + "\",\"authentication\":\"token\",\"secret\":\"env:EMULATOR_TOKEN\"}");
    expect("POST", "/api/connections", created, 201);
  }

  @Test
  void connectExtractScheduleRunOnAFakeClockAndStopAll() throws Exception {
    addConnection();
    Reply list = expect("GET", "/api/connections", client.get("/api/connections"), 200);
    assertThat(list.json().at("/connections/0/secret").asText()).isEqualTo("env:EMULATOR_TOKEN");
    assertThat(list.body()).doesNotContain(emulator.token());

    Reply tested =
        expect(
            "POST",
            "/api/connections/test",
            client.post("/api/connections/test", "{\"name\":\"local\"}"),
            200);
    assertThat(tested.json().get("ok").asBoolean()).as(tested.body()).isTrue();

    Reply started =
        expect(
            "POST",
            "/api/extractions",
            client.post(
                "/api/extractions", "{\"connection\":\"local\",\"assetTypes\":[\"sql_table\"]}"),
            202);
    String location = started.raw().headers().firstValue("Location").orElseThrow();
    JsonNode done =
        until(
            () -> client.get(location).json(),
            j -> j.get("status").asText().matches("SUCCEEDED|FAILED"));
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
    assertThat(done.at("/result/total").asLong()).isPositive();
    assertThat(done.at("/result/byType").fieldNames()).toIterable().containsOnly("azure_sql_table");
    assertThat(Path.of(done.get("output").asText())).isNotEmptyFile();
    expect("GET", "/api/extractions/{id}", client.get(location), 200);

    Reply scheduled =
        expect(
            "POST",
            "/api/schedules",
            client.post(
                "/api/schedules",
                "{\"id\":\"hourly-local\",\"connection\":\"local\",\"schedule\":\"hourly\","
                    + "\"assetTypes\":[\"sql_table\"],\"incremental\":true}"),
            201);
    assertThat(scheduled.json().get("nextRun").asText()).isEqualTo("2026-11-23T11:00:00Z");

    clock.advance(Duration.ofHours(1));
    JsonNode status =
        until(
            () -> client.get("/api/scheduler/status").json(),
            j -> j.at("/jobs/0/runs").asLong() == 1 && !j.at("/jobs/0/running").asBoolean());
    assertThat(status.at("/jobs/0/lastOutcome/status").asText())
        .as(status.toString())
        .isEqualTo("SUCCEEDED");
    assertThat(status.at("/jobs/0/nextRun").asText()).isEqualTo("2026-11-23T12:00:00Z");
    assertThat(home.resolve("extractions/hourly-local-20261123T110000Z.jsonl")).isNotEmptyFile();
    expect("GET", "/api/scheduler/status", client.get("/api/scheduler/status"), 200);

    // The on-demand and the scheduled run are both in /metrics, with their Purview requests.
    String metrics = client.send("GET", "/metrics", null, null).body();
    assertThat(metrics)
        .contains("steward_extraction_runs_seconds_count{outcome=\"success\"} 2\n")
        .contains("steward_purview_requests_seconds_count{")
        .contains(
            "steward_scheduler_job_runs_seconds_count{job_type=\"extraction\",outcome=\"SUCCEEDED\"} 1\n")
        .contains("steward_extraction_assets_total{type=\"azure_sql_table\"}");

    Reply stopped =
        expect("POST", "/api/scheduler/stop", client.post("/api/scheduler/stop", null), 200);
    assertThat(stopped.json().get("cancelled").asInt()).isEqualTo(1);
    assertThat(client.get("/api/scheduler/status").json().get("jobs")).isEmpty();

    Reply deleted = client.send("DELETE", "/api/connections/local", null, TOKEN);
    expect("DELETE", "/api/connections/{name}", deleted, 204);
    expect(
        "DELETE",
        "/api/connections/{name}",
        client.send("DELETE", "/api/connections/local", null, TOKEN),
        404);
  }

  @Test
  void authenticationFailuresAnswer401WithoutEchoingTheToken() throws Exception {
    Reply none = client.send("GET", "/api/connections", null, null);
    expect("GET", "/api/connections", none, 401);
    assertThat(none.json().at("/error/code").asText()).isEqualTo("AuthenticationRequired");
    assertThat(none.raw().headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"steward\"");

    Reply wrong = client.send("GET", "/api/connections", null, "wrong-token-that-is-long");
    expect("GET", "/api/connections", wrong, 401);
    assertThat(wrong.json().at("/error/code").asText()).isEqualTo("InvalidToken");
    assertThat(wrong.body()).doesNotContain("wrong-token").doesNotContain(TOKEN);

    assertThat(client.send("GET", "/health/live", null, null).status()).isEqualTo(200);
    assertThat(client.send("GET", "/metrics", null, null).status()).isEqualTo(200);
  }

  @Test
  void withNoTokenConfiguredTheApiFailsClosed() throws Exception {
    try (StewardServer open = start(config(null, null, null), List.of())) {
      ServeTestClient anyone = new ServeTestClient(open, TOKEN);
      Reply reply = anyone.get("/api/scheduler/status");
      expect("GET", "/api/scheduler/status", reply, 401);
      assertThat(reply.json().at("/error/code").asText()).isEqualTo("AuthenticationNotConfigured");
      assertThat(reply.json().at("/error/message").asText())
          .contains("\"token\": \"env:VARIABLE\"");
      assertThat(anyone.get("/health/live").status()).isEqualTo(200);
    }
  }

  @Test
  void validationErrorsNameTheFieldAndNeverEchoASecret() {
    Reply malformed = client.post("/api/schedules", "{\"id\": \"x\",\n \"schedule\": }");
    expect("POST", "/api/schedules", malformed, 400);
    assertThat(malformed.json().at("/error/message").asText()).contains("line 2, column");

    Reply unknown = client.post("/api/extractions", "{\"connection\":\"local\",\"asset\":[]}");
    expect("POST", "/api/extractions", unknown, 400);
    assertThat(unknown.json().at("/error/target").asText()).isEqualTo("asset");

    addConnection();
    Reply badSchedule =
        client.post(
            "/api/schedules",
            "{\"id\":\"x\",\"connection\":\"local\",\"schedule\":\"fortnightly\"}");
    expect("POST", "/api/schedules", badSchedule, 400);
    assertThat(badSchedule.json().at("/error/target").asText()).isEqualTo("schedule");
    assertThat(badSchedule.json().at("/error/message").asText())
        .contains("invalid schedule 'fortnightly'");

    Reply noConnection =
        client.post(
            "/api/schedules", "{\"id\":\"x\",\"connection\":\"nope\",\"schedule\":\"hourly\"}");
    expect("POST", "/api/schedules", noConnection, 400);
    assertThat(noConnection.json().at("/error/target").asText()).isEqualTo("connection");

    Reply wrongType =
        client.post("/api/extractions", "{\"connection\":\"local\",\"incremental\":\"yes\"}");
    expect("POST", "/api/extractions", wrongType, 400);
    assertThat(wrongType.json().at("/error/target").asText()).isEqualTo("incremental");

    Reply literalSecret =
        client.post(
            "/api/connections",
            "{\"name\":\"x\",\"endpoint\":\"https://x.purview.azure.com\","
                + "\"authentication\":\"token\",\"secret\":\"hunter2-the-real-secret\"}");
    expect("POST", "/api/connections", literalSecret, 400);
    assertThat(literalSecret.json().at("/error/target").asText()).isEqualTo("secret");
    assertThat(literalSecret.body()).doesNotContain("hunter2");

    Reply insecure =
        client.post(
            "/api/connections",
            "{\"name\":\"x\",\"endpoint\":\"http://x.purview.azure.com\",\"authentication\":\"default\"}");
    expect("POST", "/api/connections", insecure, 400);
    assertThat(insecure.json().at("/error/target").asText()).isEqualTo("endpoint");

    Reply drift = client.post("/api/drift", "{\"baseline\": 3, \"current\": {}}");
    expect("POST", "/api/drift", drift, 400);
    assertThat(drift.json().at("/error/target").asText()).isEqualTo("baseline");
  }

  @Test
  void limitsMethodsAndUnknownRoutes() {
    Reply big = client.post("/api/drift", "{\"baseline\":\"" + "x".repeat(70_000) + "\"}");
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.json().at("/error/code").asText()).isEqualTo("PayloadTooLarge");

    Reply wrongMethod = client.get("/api/drift");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.raw().headers().firstValue("Allow")).contains("POST");

    Reply missing = client.get("/api/nothing-here");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().at("/error/code").asText()).isEqualTo("NotFound");

    assertThat(client.send("POST", "/api/extractions/", null, TOKEN).status()).isEqualTo(404);

    java.net.http.HttpRequest text =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/drift"))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "text/plain")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("baseline"))
            .build();
    try {
      assertThat(
              java.net.http.HttpClient.newHttpClient()
                  .send(text, java.net.http.HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(415);
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }

    Reply quality = client.post("/api/quality/webhook", "{}");
    expect("POST", "/api/quality/webhook", quality, 503);
    assertThat(quality.json().at("/error/message").asText()).contains("'quality' section");
  }

  @Test
  void theQualityWebhookAppliesSignedEvents() throws Exception {
    addConnection();
    Path mapping =
        Path.of("..", "examples", "src", "main", "resources", "quality", "qalita-mapping.yaml");
    PurviewDataMapClient purview =
        new PurviewDataMapClientBuilder()
            .endpoint(emulator.endpoint())
            .credential(new StaticTokenCredential(emulator.token()))
            .allowInsecureLoopback(true)
            .buildClient();
    QualitySync.builder(purview, QualityMapping.read(mapping)).build().ensureDefinitions();
    server.close();
    server =
        start(
            new ServeConfig(
                null,
                0,
                "env:STEWARD_API_TOKEN",
                null,
                null,
                null,
                4,
                null,
                new ServeConfig.Quality("local", mapping.toString(), "env:WEBHOOK_SECRET")),
            List.of());
    client = new ServeTestClient(server, TOKEN);
    byte[] secret = WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8);
    String body =
        "{\"event\":\"quality_score_changed\",\"sourceId\":\"sales.products\","
            + "\"scores\":{\"overall\":71.0},\"issues\":{\"open\":9},"
            + "\"measuredAt\":\"2026-11-23T07:00:00Z\"}";
    long ts = Instant.now().getEpochSecond();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/quality/webhook"))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .header(QualityWebhookHandler.TIMESTAMP_HEADER, Long.toString(ts))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> applied =
        http.send(
            request
                .copy()
                .header(
                    QualityWebhookHandler.SIGNATURE_HEADER,
                    QualityWebhookHandler.sign(secret, ts, body.getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
    assertThat(applied.body()).contains("WRITTEN");
    openapi.assertResponse("POST", "/api/quality/webhook", 200, applied.body());

    HttpResponse<String> forged =
        http.send(
            request.copy().header(QualityWebhookHandler.SIGNATURE_HEADER, "sha256=00").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(401);
    openapi.assertResponse("POST", "/api/quality/webhook", 401, forged.body());
  }

  @Test
  void driftComparesTwoSnapshots() {
    String vm =
        "{\"id\":\"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/a\","
            + "\"type\":\"Microsoft.Storage/storageAccounts\",\"name\":\"a\",\"location\":\"westeurope\","
            + "\"properties\":{\"minimumTlsVersion\":\"%s\"}}";
    Reply report =
        client.post(
            "/api/drift",
            "{\"baseline\":["
                + vm.formatted("TLS1_2")
                + "],\"current\":["
                + vm.formatted("TLS1_0")
                + "]}");
    expect("POST", "/api/drift", report, 200);
    assertThat(report.json().get("drifts")).isNotEmpty();
    assertThat(client.send("GET", "/metrics", null, null).body())
        .contains("steward_drift_current{")
        .contains("steward_drift_new_total{");
  }

  @Test
  void metricsAreScrapedInThePrometheusTextFormat() {
    client.get("/api/connections");
    client.get("/api/connections");
    Reply metrics = client.send("GET", "/metrics", null, null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.raw().headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    Pattern sample =
        Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[^}]*\\})? -?[0-9.eE+-]+|[+-]?Inf|NaN");
    double requests = 0;
    for (String line : metrics.body().split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      assertThat(sample.matcher(line).matches()).as(line).isTrue();
      if (line.startsWith("steward_http_server_requests_seconds_count{")
          && line.contains("route=\"/api/connections\"")
          && line.contains("status=\"200\"")) {
        requests += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    assertThat(requests).isEqualTo(2.0);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void readinessIsDownWithAFailingCheckWhileLivenessStaysUp() throws Exception {
    try (StewardServer failing =
        start(
            config(
                "env:STEWARD_API_TOKEN", null, new ServeConfig.Readiness(List.of("missing"), 5, 5)),
            List.of(
                HealthCheck.of(
                    "arm", () -> Health.down("HTTP 401 from https://management.azure.com/"))))) {
      ServeTestClient probe = new ServeTestClient(failing, null);
      Reply ready = probe.get("/health/ready");
      expect("GET", "/health/ready", ready, 503);
      JsonNode checks = ready.json().get("checks");
      assertThat(checks.findValuesAsText("name"))
          .containsExactly("audit", "scheduler", "purview:missing", "arm");
      assertThat(ready.json().get("status").asText()).isEqualTo("DOWN");
      assertThat(checks.get(2).get("detail").asText()).contains("no connection named 'missing'");
      assertThat(checks.get(3).get("status").asText()).isEqualTo("DOWN");
      expect("GET", "/health", probe.get("/health"), 503);
      expect("GET", "/health/live", probe.get("/health/live"), 200);
    }
    Reply healthy = new ServeTestClient(server, null).get("/health/ready");
    expect("GET", "/health/ready", healthy, 200);
    assertThat(healthy.json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void theTokenReferenceMustBeReadableAndTheTokenLongEnough() throws Exception {
    assertThat(catchThrowable(() -> start(config("env:NOT_SET", null, null), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("environment variable NOT_SET is not set");
    Path shortToken = Files.writeString(home.resolve("short.token"), "abc\n");
    assertThat(catchThrowable(() -> start(config("file:" + shortToken, null, null), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shorter than 16 characters")
        .hasMessageNotContaining("abc");
  }
}
