package dev.steward.governance.arm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpMethod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.steward.purview.StaticTokenCredential;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArmClientTest {
  private static final String SITE =
      "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testrg123/providers/Microsoft.Web/sites/sitef6141";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ArmWireMock arm = new ArmWireMock();

  @AfterEach
  void stop() {
    arm.close();
  }

  private static String fixture(String name) {
    try (java.io.InputStream in = ArmClientTest.class.getResourceAsStream("/arm/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void getSendsApiVersionBearerTokenAndAcceptsJson() {
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .willReturn(okJson("{\"name\":\"sitef6141\",\"location\":\"westus\"}")));

    JsonNode site = arm.client().get(SITE, "2023-12-01");

    assertThat(site.path("name").asText()).isEqualTo("sitef6141");
    arm.server.verify(
        getRequestedFor(urlPathEqualTo(SITE))
            .withQueryParam("api-version", equalTo("2023-12-01"))
            .withHeader("Authorization", equalTo("Bearer token-1"))
            .withHeader("Accept", equalTo("application/json")));
  }

  @Test
  void putPatchPostSendJsonBodies() throws Exception {
    arm.server.stubFor(
        put(urlPathEqualTo(SITE + "/config/backup"))
            .withRequestBody(equalToJson("{\"properties\":{\"enabled\":true}}"))
            .willReturn(okJson("{\"properties\":{\"enabled\":true}}")));
    arm.server.stubFor(
        patch(urlPathEqualTo(SITE)).willReturn(aResponse().withStatus(200).withBody("")));
    arm.server.stubFor(post(urlPathEqualTo(SITE + "/config/backup/list")).willReturn(okJson("{}")));
    ArmClient client = arm.client();

    JsonNode put =
        client.put(
            SITE + "/config/backup",
            "2023-12-01",
            JSON.readTree("{\"properties\":{\"enabled\":true}}"));
    JsonNode patched = client.patch(SITE, "2023-12-01", JSON.readTree("{\"tags\":{}}"));
    JsonNode posted = client.post(SITE + "/config/backup/list", "2023-12-01", null);

    assertThat(put.path("properties").path("enabled").asBoolean()).isTrue();
    assertThat(patched.isMissingNode()).isTrue();
    assertThat(posted.isObject()).isTrue();
  }

  @Test
  void listFollowsNextLinkAcrossThreePagesLazily() {
    String base = SITE + "/backups";
    arm.server.stubFor(
        get(urlPathEqualTo(base))
            .willReturn(
                okJson(
                    "{\"value\":[{\"name\":\"a\"},{\"name\":\"b\"}],\"nextLink\":\""
                        + arm.endpoint()
                        + base
                        + "?api-version=2023-12-01&$skiptoken=p2\"}")));
    arm.server.stubFor(
        get(urlPathEqualTo(base))
            .withQueryParam("$skiptoken", equalTo("p2"))
            .willReturn(
                okJson(
                    "{\"value\":[{\"name\":\"c\"}],\"nextLink\":\""
                        + arm.endpoint()
                        + base
                        + "?api-version=2023-12-01&$skiptoken=p3\"}")));
    arm.server.stubFor(
        get(urlPathEqualTo(base))
            .withQueryParam("$skiptoken", equalTo("p3"))
            .willReturn(okJson("{\"value\":[{\"name\":\"d\"}]}")));
    ArmClient client = arm.client();

    Stream<JsonNode> lazy = client.list(base, "2023-12-01");
    assertThat(arm.server.getAllServeEvents()).isEmpty();
    List<String> names = lazy.map(n -> n.path("name").asText()).collect(Collectors.toList());

    assertThat(names).containsExactly("a", "b", "c", "d");
    assertThat(arm.server.getAllServeEvents()).hasSize(3);
    assertThat(client.list(base, "2023-12-01").findFirst().orElseThrow().path("name").asText())
        .isEqualTo("a");
    assertThat(arm.server.getAllServeEvents()).hasSize(4);
  }

  @Test
  void listRefusesANextLinkToAnotherHostAndALoop() {
    arm.server.stubFor(
        get(urlPathEqualTo("/elsewhere"))
            .willReturn(
                okJson(
                    "{\"value\":[{\"n\":1}],\"nextLink\":\"https://evil.example.com/steal?x=1\"}")));
    arm.server.stubFor(
        get(urlPathEqualTo("/loop"))
            .willReturn(
                okJson(
                    "{\"value\":[{\"n\":1}],\"nextLink\":\""
                        + arm.endpoint()
                        + "/loop?api-version=1\"}")));
    arm.server.stubFor(
        get(urlPathEqualTo("/loop"))
            .withQueryParam("api-version", equalTo("1"))
            .willReturn(
                okJson(
                    "{\"value\":[{\"n\":2}],\"nextLink\":\""
                        + arm.endpoint()
                        + "/loop?api-version=1\"}")));
    ArmClient client = arm.client();

    assertThatThrownBy(() -> client.list("/elsewhere", "1").count())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evil.example.com")
        .hasMessageContaining("not on the ARM endpoint");
    assertThatThrownBy(() -> client.list("/loop", "1").count())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("paging loop");
  }

  @Test
  void retriesA429AfterTheSecondsItAsksForWithoutSleepingForReal() {
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .inScenario("throttled")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "17")
                    .withHeader("Content-Type", "application/json")
                    .withBody(fixture("errors/throttled-429.json")))
            .willSetStateTo("ok"));
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .inScenario("throttled")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"name\":\"sitef6141\"}")));

    JsonNode site = arm.client().get(SITE, "2023-12-01");

    assertThat(site.path("name").asText()).isEqualTo("sitef6141");
    assertThat(arm.sleeps).containsExactly(Duration.ofSeconds(17));
  }

  @Test
  void retriesA503AfterAnHttpDateAndGivesUpWithTheTypedErrorWhenItPersists() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ArmWireMock.START.plusSeconds(30).atOffset(ZoneOffset.UTC));
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Retry-After", date)
                    .withHeader("x-ms-request-id", "req-503")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"The service is unavailable\"}}")));

    assertThatThrownBy(() -> arm.client().get(SITE, "2023-12-01"))
        .isInstanceOfSatisfying(
            ArmException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(503);
              assertThat(e.code()).isEqualTo("ServiceUnavailable");
              assertThat(e.requestId()).isEqualTo("req-503");
            });
    assertThat(arm.sleeps).hasSize(2);
    assertThat(arm.sleeps.get(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(arm.server.getAllServeEvents()).hasSize(3);
  }

  @Test
  void armErrorBodiesBecomeTypedExceptionsWithDetails() {
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("x-ms-correlation-request-id", "corr-1")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"InvalidTemplate\",\"message\":\"Deployment template validation failed\","
                            + "\"details\":[{\"code\":\"InvalidParameter\",\"message\":\"retentionDays must be 1-35\",\"target\":\"retentionDays\"}]}}")));
    arm.server.stubFor(
        get(urlPathEqualTo(SITE + "/config/web"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"Code\":\"NotFound\",\"Message\":\"Cannot find Website with name sitef6141.\",\"Target\":null,\"Details\":[{\"Message\":\"Cannot find Website with name sitef6141.\"}]}")));
    ArmClient client = arm.client();

    assertThatThrownBy(() -> client.get(SITE, "2023-12-01"))
        .isInstanceOfSatisfying(
            ArmException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("InvalidTemplate");
              assertThat(e.errorMessage()).isEqualTo("Deployment template validation failed");
              assertThat(e.details())
                  .containsExactly(
                      new ArmErrorDetail(
                          "InvalidParameter", "retentionDays must be 1-35", "retentionDays", null));
              assertThat(e.requestId()).isEqualTo("corr-1");
              assertThat(e.getMessage())
                  .contains("GET " + SITE)
                  .contains("HTTP 400 InvalidTemplate")
                  .contains("retentionDays must be 1-35")
                  .contains("corr-1");
              assertThat(e.getResponse().getRequest().getHeaders().getValue("Authorization"))
                  .isNull();
              assertThat(e.getResponse().getRequest().getBodyAsBinaryData()).isNull();
            });
    assertThatThrownBy(() -> client.get(SITE + "/config/web", "2023-12-01"))
        .isInstanceOfSatisfying(
            ArmException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.code()).isEqualTo("NotFound");
              assertThat(e.errorMessage()).contains("Cannot find Website");
            });
  }

  @Test
  void anExpiredTokenIsRefreshedOnceAndTheRequestRetried() {
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .withHeader("Authorization", equalTo("Bearer token-1"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader(
                        "WWW-Authenticate",
                        "Bearer authorization_uri=\"https://login.windows.net/\", error=\"invalid_token\", error_description=\"The authentication failed because of expired token.\"")
                    .withHeader("Content-Type", "application/json")
                    .withBody(fixture("errors/expired-token.json"))));
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .withHeader("Authorization", equalTo("Bearer token-2"))
            .willReturn(okJson("{\"name\":\"sitef6141\"}")));

    assertThat(arm.client().get(SITE, "2023-12-01").path("name").asText()).isEqualTo("sitef6141");
    assertThat(arm.tokensIssued.get()).isEqualTo(2);
    assertThat(arm.sleeps).isEmpty();
  }

  @Test
  void aTokenRefusedAfterTheRefreshIsAClearAuthenticationError() {
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"ExpiredAuthenticationToken\",\"message\":\"The access token expiry UTC time is earlier than current UTC time.\"}}")));

    assertThatThrownBy(() -> arm.client().get(SITE, "2023-12-01"))
        .isInstanceOfSatisfying(
            ArmAuthenticationException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(401);
              assertThat(e.code()).isEqualTo("ExpiredAuthenticationToken");
              assertThat(e.getMessage())
                  .contains("https://management.azure.com/.default")
                  .contains("even after one refresh")
                  .doesNotContain("token-1")
                  .doesNotContain("token-2");
            });
    assertThat(arm.tokensIssued.get()).isEqualTo(2);
    assertThat(arm.server.getAllServeEvents()).hasSize(2);
  }

  @Test
  void forbiddenNamesTheMissingRole() {
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client 'x' does not have authorization to perform action 'Microsoft.Web/sites/read'\"}}")));

    assertThatThrownBy(() -> arm.client().get(SITE, "2023-12-01"))
        .isInstanceOf(ArmAuthenticationException.class)
        .hasMessageContaining("AuthorizationFailed")
        .hasMessageContaining("lacks a role");
    assertThat(arm.tokensIssued.get()).isEqualTo(1);
  }

  @Test
  void slowsDownWhenTheRemainingReadQuotaRunsLowAndWaitsWhenItIsExhausted() {
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .inScenario("quota")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                okJson("{}").withHeader("x-ms-ratelimit-remaining-subscription-reads", "11999"))
            .willSetStateTo("low"));
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .inScenario("quota")
            .whenScenarioStateIs("low")
            .willReturn(okJson("{}").withHeader("x-ms-ratelimit-remaining-subscription-reads", "5"))
            .willSetStateTo("zero"));
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .inScenario("quota")
            .whenScenarioStateIs("zero")
            .willReturn(okJson("{}").withHeader("x-ms-ratelimit-remaining-subscription-reads", "0"))
            .willSetStateTo("after"));
    arm.server.stubFor(
        get(urlPathEqualTo(SITE))
            .inScenario("quota")
            .whenScenarioStateIs("after")
            .willReturn(
                okJson("{}").withHeader("x-ms-ratelimit-remaining-subscription-reads", "250")));
    arm.server.stubFor(
        put(urlPathEqualTo(SITE))
            .willReturn(
                okJson("{}").withHeader("x-ms-ratelimit-remaining-subscription-writes", "1199")));
    ArmClient client =
        arm.builder()
            .throttle(new ArmThrottleOptions(25, Duration.ofSeconds(1), Duration.ofSeconds(20)))
            .build();

    client.get(SITE, "v"); // quota unknown: no wait; learns 11999
    client.get(SITE, "v"); // 11999 left: no wait; learns 5
    assertThat(arm.sleeps).isEmpty();
    client.get(SITE, "v"); // 5 < 25: slows down; learns 0
    assertThat(arm.sleeps).containsExactly(Duration.ofSeconds(1));
    client.put(SITE, "v", JSON.createObjectNode()); // writes are counted apart: no wait
    assertThat(arm.sleeps).containsExactly(Duration.ofSeconds(1));
    client.get(SITE, "v"); // exhausted: waits, then forgets; learns 250
    client.get(SITE, "v"); // 250: no wait
    assertThat(arm.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(20));
  }

  @Test
  void waitsForALongRunningOperationThroughAzureAsyncOperation() throws Exception {
    String server =
        "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/TestGroup/providers/Microsoft.DBforPostgreSQL/flexibleServers/pgtestsvr4";
    String op =
        "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/providers/Microsoft.DBforPostgreSQL/locations/westus/azureAsyncOperation/op1";
    arm.server.stubFor(
        patch(urlPathEqualTo(server))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader(
                        "Azure-AsyncOperation", arm.endpoint() + op + "?api-version=2024-08-01")
                    .withHeader("Location", arm.endpoint() + op + "?api-version=2024-08-01")
                    .withHeader("Retry-After", "3")));
    arm.server.stubFor(
        get(urlPathEqualTo(op))
            .inScenario("lro")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                okJson("{\"name\":\"op1\",\"status\":\"InProgress\"}")
                    .withHeader("Retry-After", "7"))
            .willSetStateTo("done"));
    arm.server.stubFor(
        get(urlPathEqualTo(op))
            .inScenario("lro")
            .whenScenarioStateIs("done")
            .willReturn(okJson("{\"name\":\"op1\",\"status\":\"Succeeded\"}")));
    arm.server.stubFor(
        get(urlPathEqualTo(server))
            .willReturn(okJson("{\"properties\":{\"backup\":{\"backupRetentionDays\":30}}}")));
    ArmClient client = arm.client();

    ArmResponse started =
        client.send(
            HttpMethod.PATCH,
            server,
            "2024-08-01",
            JSON.readTree("{\"properties\":{\"backup\":{\"backupRetentionDays\":30}}}"));
    assertThat(started.isLongRunning()).isTrue();
    ArmResponse done = client.waitForCompletion(started, Duration.ofMinutes(5));

    assertThat(done.body().path("properties").path("backup").path("backupRetentionDays").asInt())
        .isEqualTo(30);
    assertThat(arm.sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(7));
  }

  @Test
  void aFailedLongRunningOperationThrowsItsError() {
    String op = "/providers/Microsoft.Storage/operations/op2";
    arm.server.stubFor(
        put(urlPathEqualTo("/res"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Azure-AsyncOperation", arm.endpoint() + op)));
    arm.server.stubFor(
        get(urlPathEqualTo(op))
            .willReturn(
                okJson(
                    "{\"status\":\"Failed\",\"error\":{\"code\":\"Conflict\",\"message\":\"Another operation is in progress\"}}")));
    ArmClient client = arm.client();
    ArmResponse started = client.send(HttpMethod.PUT, "/res", "1", JSON.createObjectNode());

    assertThatThrownBy(() -> client.waitForCompletion(started, Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(
            ArmException.class,
            e -> {
              assertThat(e.code()).isEqualTo("Conflict");
              assertThat(e.getMessage()).contains("ended Failed").contains("Another operation");
            });
  }

  @Test
  void refusesPlainHttpOffLoopbackAndBadPaths() {
    assertThatThrownBy(
            () ->
                new ArmClientBuilder()
                    .endpoint("http://management.example.com")
                    .allowInsecureLoopback(true)
                    .credential(new StaticTokenCredential("t"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-loopback");
    assertThatThrownBy(
            () ->
                new ArmClientBuilder()
                    .endpoint(arm.endpoint())
                    .credential(new StaticTokenCredential("t"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowInsecureLoopback(true)");
    ArmClient client = arm.client();
    assertThatThrownBy(() -> client.get("subscriptions/x", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with '/'");
    assertThatThrownBy(() -> client.get("/subscriptions/a b", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whitespace");
    assertThat(client.toString()).doesNotContain("token");
  }

  @Test
  void defaultEndpointAndScopeArePublicCloud() {
    ArmClient client = new ArmClientBuilder().credential(new StaticTokenCredential("t")).build();
    assertThat(client.endpoint()).isEqualTo("https://management.azure.com");
    assertThat(client.toString()).contains("https://management.azure.com/.default");
    ArmClient gov =
        new ArmClientBuilder()
            .endpoint("https://management.usgovcloudapi.net/")
            .credential(new StaticTokenCredential("t"))
            .build();
    assertThat(gov.toString()).contains("https://management.usgovcloudapi.net/.default");
  }

  @Test
  void httpLoggingNeverPrintsBodiesOrTheToken() {
    com.azure.core.http.policy.HttpLogOptions asked =
        new com.azure.core.http.policy.HttpLogOptions()
            .setLogLevel(com.azure.core.http.policy.HttpLogDetailLevel.BODY_AND_HEADERS)
            .addAllowedHeaderName("Authorization");
    com.azure.core.http.policy.HttpLogOptions used = ArmClientBuilder.redacting(asked);
    assertThat(used.getLogLevel()).isEqualTo(com.azure.core.http.policy.HttpLogDetailLevel.HEADERS);
    assertThat(used.getAllowedHttpHeaderNames())
        .doesNotContain(com.azure.core.http.HttpHeaderName.AUTHORIZATION);
    assertThat(
            ArmClientBuilder.redacting(
                    new com.azure.core.http.policy.HttpLogOptions()
                        .setLogLevel(com.azure.core.http.policy.HttpLogDetailLevel.BODY))
                .getLogLevel())
        .isEqualTo(com.azure.core.http.policy.HttpLogDetailLevel.BASIC);
  }

  @Test
  void aFailedWriteKeepsItsSecretBodyOutOfTheException() throws Exception {
    arm.server.stubFor(
        put(urlPathEqualTo(SITE + "/config/backup"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"Code\":\"BadRequest\",\"Message\":\"The provided SAS URL is invalid.\"}")));
    JsonNode body =
        JSON.readTree(
            "{\"properties\":{\"storageAccountUrl\":\"https://a.blob.core.windows.net/c?sig=TOPSECRET\"}}");

    assertThatThrownBy(() -> arm.client().put(SITE + "/config/backup", "2023-12-01", body))
        .isInstanceOfSatisfying(
            ArmException.class,
            e -> {
              assertThat(e.code()).isEqualTo("BadRequest");
              assertThat(e.getMessage()).doesNotContain("TOPSECRET");
              assertThat(e.getResponse().getRequest().getBodyAsBinaryData()).isNull();
              assertThat(e.getResponse().getRequest().getHeaders().getValue("Authorization"))
                  .isNull();
            });
  }
}
