package dev.steward.governance.quality;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exact request bodies and fault paths against WireMock. */
class QualitySyncWireTest {

  static final String API = "/datamap/api/atlas/v2";
  static final String GUID = "7f4a2c1e-0000-4000-8000-000000000001";
  static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  static final Instant T1 = Instant.parse("2026-11-21T08:00:00Z");

  WireMockServer server;
  PurviewDataMapClient client;
  QualitySync sync;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    client =
        new PurviewDataMapClientBuilder()
            .endpoint("http://127.0.0.1:" + server.port())
            .allowInsecureLoopback(true)
            .credential(new StaticTokenCredential("wire-token"))
            .sleeper(d -> {})
            .buildClient();
    sync =
        QualitySync.builder(
                client,
                QualityMapping.of(
                    QualitySchema.qalita(),
                    List.of(
                        QualityMapping.Entry.of(
                            "retail.sales.daily", QualityMapping.Target.guid(GUID)))))
            .build();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  static String entity(double overall, Instant updated, String classifications) {
    return "{\"entities\":[" + entityJson(overall, updated, classifications) + "]}";
  }

  static String entityJson(double overall, Instant updated, String classifications) {
    return "{\"guid\":\""
        + GUID
        + "\",\"typeName\":\"snowflake_table\",\"attributes\":{\"qualifiedName\":\"RETAIL.SALES.DAILY@PROD\"},"
        + "\"businessAttributes\":{\"QALITA\":{\"overallScore\":"
        + overall
        + ",\"updatedAt\":"
        + updated.toEpochMilli()
        + ",\"slaStatus\":\"Good\",\"reviewer\":\"mei\"},\"Finance\":{\"costCenter\":\"42\"}},"
        + "\"classifications\":["
        + classifications
        + "]}";
  }

  void stubRead(double overall, Instant updated, String classifications) {
    server.stubFor(
        get(urlPathEqualTo(API + "/entity/bulk"))
            .withQueryParam("guid", equalTo(GUID))
            .willReturn(okJson(entity(overall, updated, classifications))));
  }

  @Test
  void writesOnlyTheDifferencesWithoutOverwriteAndAddsTheClassification() {
    stubRead(95, T0, "");
    server.stubFor(
        post(urlPathEqualTo(API + "/entity/guid/" + GUID + "/businessmetadata"))
            .willReturn(aResponse().withStatus(204)));
    server.stubFor(
        post(urlPathEqualTo(API + "/entity/guid/" + GUID + "/classifications"))
            .willReturn(aResponse().withStatus(204)));

    SyncReport r =
        sync.sync(
            List.of(
                QualityScore.of("retail.sales.daily", 72, T1)
                    .with(java.util.Map.of(), 3, null, "https://qalita.example/s/1")));

    assertThat(r.written()).isEqualTo(1);
    assertThat(r.writeCalls()).isEqualTo(2);
    server.verify(
        1,
        postRequestedFor(urlPathEqualTo(API + "/entity/guid/" + GUID + "/businessmetadata"))
            .withQueryParam("isOverwrite", equalTo("false"))
            .withRequestBody(
                equalToJson(
                    "{\"QALITA\":{\"overallScore\":72.0,\"updatedAt\":"
                        + T1.toEpochMilli()
                        + ",\"openIssues\":3,\"slaStatus\":\"At risk\","
                        + "\"link\":\"https://qalita.example/s/1\"}}")));
    server.verify(
        1,
        postRequestedFor(urlPathEqualTo(API + "/entity/guid/" + GUID + "/classifications"))
            .withRequestBody(equalToJson("[{\"typeName\":\"QALITA_AtRisk\"}]")));
  }

  @Test
  void recoveryRemovesTheClassificationAndAnAlreadyRemovedOneIsFine() {
    stubRead(60, T0, "{\"typeName\":\"QALITA_AtRisk\",\"entityGuid\":\"" + GUID + "\"}");
    server.stubFor(
        post(urlPathEqualTo(API + "/entity/guid/" + GUID + "/businessmetadata"))
            .willReturn(aResponse().withStatus(204)));
    server.stubFor(
        delete(urlPathEqualTo(API + "/entity/guid/" + GUID + "/classification/QALITA_AtRisk"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"errorCode\":\"ATLAS-404-00-008\",\"errorMessage\":\"not found\"}")));

    SyncReport r = sync.sync(List.of(QualityScore.of("retail.sales.daily", 93, T1)));

    assertThat(r.written()).isEqualTo(1);
    assertThat(r.failed()).isEmpty();
    server.verify(
        1,
        deleteRequestedFor(
            urlPathEqualTo(API + "/entity/guid/" + GUID + "/classification/QALITA_AtRisk")));
  }

  @Test
  void aStaleWriteIsReReadAndRetriedOnce() {
    stubRead(95, T0, "");
    String path = API + "/entity/guid/" + GUID + "/businessmetadata";
    server.stubFor(
        post(urlPathEqualTo(path))
            .inScenario("412")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(412)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"errorCode\":null,\"errorMessage\":\"Precondition Failed\"}"))
            .willSetStateTo("retried"));
    server.stubFor(
        post(urlPathEqualTo(path))
            .inScenario("412")
            .whenScenarioStateIs("retried")
            .willReturn(aResponse().withStatus(204)));
    // The concurrent writer stored 94 meanwhile.
    server.stubFor(
        get(urlPathEqualTo(API + "/entity/guid/" + GUID))
            .willReturn(okJson("{\"entity\":" + entityJson(94, T0, "") + "}")));

    SyncReport r = sync.sync(List.of(QualityScore.of("retail.sales.daily", 96, T1)));

    assertThat(r.written()).isEqualTo(1);
    server.verify(2, postRequestedFor(urlPathEqualTo(path)));
    server.verify(1, getRequestedFor(urlPathEqualTo(API + "/entity/guid/" + GUID)));
  }

  @Test
  void anEntityDeletedMeanwhileFailsWithItsErrorCodeAndNothingElseIsWritten() {
    stubRead(95, T0, "");
    server.stubFor(
        post(urlPathEqualTo(API + "/entity/guid/" + GUID + "/businessmetadata"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"requestId\":\"r1\",\"errorCode\":\"ATLAS-404-00-005\","
                            + "\"errorMessage\":\"Given instance guid "
                            + GUID
                            + " is invalid/not found\"}")));

    SyncReport r = sync.sync(List.of(QualityScore.of("retail.sales.daily", 50, T1)));

    assertThat(r.failed()).hasSize(1);
    assertThat(r.failed().get(0).errorCode()).isEqualTo("ATLAS-404-00-005");
    assertThat(r.failed().get(0).reason()).contains("deleted meanwhile");
    assertThat(r.clean()).isFalse();
    server.verify(
        0, postRequestedFor(urlPathEqualTo(API + "/entity/guid/" + GUID + "/classifications")));
  }

  @Test
  void dryRunOnlyReads() {
    stubRead(95, T0, "");
    SyncReport r = sync.plan(List.of(QualityScore.of("retail.sales.daily", 50, T1)));
    assertThat(r.dryRun()).isTrue();
    assertThat(r.written()).isEqualTo(1);
    PlannedChange change = r.plan().get(0);
    assertThat(change.set())
        .containsEntry("overallScore", 50.0)
        .containsEntry("slaStatus", "Breached");
    assertThat(change.before()).containsEntry("slaStatus", "Good");
    assertThat(change.addClassification()).isTrue();
    assertThat(server.getAllServeEvents())
        .allMatch(e -> e.getRequest().getMethod().getName().equals("GET"));
  }
}
