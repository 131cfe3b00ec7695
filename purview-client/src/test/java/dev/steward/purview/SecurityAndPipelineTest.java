package dev.steward.purview;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryOptions;
import dev.steward.purview.models.AtlasEntity;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityAndPipelineTest extends WireMockSupport {
  static final String PATH = "/datamap/api/atlas/v2/entity/guid/g1?api-version=2023-09-01";

  @Test
  void noTokenInLogsAtDebugEvenWithHeadersAndBodiesLogged() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlEqualTo(PATH))
            .inScenario("s")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"entity\":{\"typeName\":\"t\",\"guid\":\"g1\"}}")));
    server.stubFor(
        get(urlEqualTo("/datamap/api/atlas/v2/entity/guid/g2?api-version=2023-09-01"))
            .willReturn(aResponse().withStatus(401)));
    CapturingLogs.clear();
    PurviewDataMapClient client =
        builder()
            .httpLogOptions(
                new HttpLogOptions()
                    .setLogLevel(HttpLogDetailLevel.BODY_AND_HEADERS)
                    .setAllowedHeaderNames(Set.of("Authorization", "x-ms-request-id")))
            .buildClient();

    client.entities().get("g1");
    Throwable failure =
        org.assertj.core.api.Assertions.catchThrowable(() -> client.entities().get("g2"));

    List<String> lines = CapturingLogs.lines();
    assertThat(lines)
        .anyMatch(
            l ->
                l.startsWith("DEBUG dev.steward.purview ")
                    && l.contains("GET /atlas/v2/entity/guid/g1 -> HTTP 200"));
    assertThat(lines).anyMatch(l -> l.contains("retry 1 of 4"));
    // azure-core's HTTP logging saw the header and redacted it, although the options allowed it.
    assertThat(lines)
        .anyMatch(
            l ->
                l.contains("\"HTTP request\"")
                    && l.contains("redactedHeaders")
                    && l.contains("Authorization"));
    assertThat(String.join("\n", lines)).doesNotContain(TOKEN).doesNotContain("Bearer ");
    assertThat(failure).isInstanceOf(AuthenticationException.class);
    assertThat(failure.getMessage()).doesNotContain(TOKEN);
    AuthenticationException auth = (AuthenticationException) failure;
    assertThat(
            auth.getResponse()
                .getRequest()
                .getHeaders()
                .getValue(com.azure.core.http.HttpHeaderName.AUTHORIZATION))
        .isNull();
    assertThat(auth.getResponse().getRequest().getUrl().toString()).contains("/entity/guid/g2");
    server.verify(
        getRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void credentialAndBuilderNeverPrintTheToken() {
    assertThat(new StaticTokenCredential(TOKEN).toString()).doesNotContain(TOKEN);
    assertThat(builder().toString()).doesNotContain(TOKEN);
  }

  @Test
  void plainHttpIsRefusedExceptOnLoopbackWithTheExplicitSwitch() {
    var cred = new StaticTokenCredential(TOKEN);
    assertThatThrownBy(
            () ->
                new PurviewDataMapClientBuilder()
                    .endpoint("http://contoso.purview.azure.com")
                    .credential(cred)
                    .allowInsecureLoopback(true)
                    .buildClient())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http")
        .hasMessageContaining("https");
    assertThatThrownBy(
            () ->
                new PurviewDataMapClientBuilder()
                    .endpoint("http://10.0.0.5:8080")
                    .credential(cred)
                    .allowInsecureLoopback(true)
                    .buildClient())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PurviewDataMapClientBuilder()
                    .endpoint(endpoint())
                    .credential(cred)
                    .buildClient())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowInsecureLoopback(true)");
    assertThat(
            new PurviewDataMapClientBuilder()
                .endpoint("http://localhost:1")
                .credential(cred)
                .allowInsecureLoopback(true)
                .buildClient())
        .isNotNull();
    assertThat(
            new PurviewDataMapClientBuilder()
                .endpoint("http://[::1]:1")
                .credential(cred)
                .allowInsecureLoopback(true)
                .buildClient())
        .isNotNull();
    assertThat(
            new PurviewDataMapClientBuilder().accountName("contoso").credential(cred).buildClient())
        .isNotNull();
    assertThatThrownBy(() -> new PurviewDataMapClientBuilder().accountName("bad name!"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rateLimitSpacesRequestsThroughTheSleeper() {
    server.stubFor(
        get(urlEqualTo(PATH))
            .willReturn(okJson("{\"entity\":{\"typeName\":\"t\",\"guid\":\"g1\"}}")));
    PurviewDataMapClient client = builder().rateLimit(2).buildClient();

    for (int i = 0; i < 5; i++) {
      client.entities().get("g1");
    }

    // A burst of 2, then one request each 500 ms (the fake clock only moves when the client
    // sleeps).
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(500));
  }

  @Test
  void azureRetryOptionsAreTakenOver() {
    server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));
    PurviewDataMapClient client =
        builder()
            .retryOptions(new RetryOptions(new FixedDelayOptions(2, Duration.ofSeconds(3))))
            .buildClient();

    assertThatThrownBy(() -> client.entities().get("g1"))
        .isInstanceOf(PurviewException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("gave up after 3 attempts");
    assertThat(sleeps).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(1500));
  }

  @Test
  void modelsKeepUnknownFieldsAndAreImmutable() throws Exception {
    var mapper = dev.steward.purview.implementation.JsonMapper.get();
    AtlasEntity e =
        mapper.readValue(
            "{\"typeName\":\"t\",\"version\":0.0,\"createTime\":1605766397985.0,\"status\":\"active\",\"brandNew\":{\"x\":1}}",
            AtlasEntity.class);
    assertThat(e.additionalProperties()).containsKey("brandNew");
    assertThat(e.version()).isZero();
    assertThat(e.createdAt()).isEqualTo(java.time.Instant.ofEpochMilli(1605766397985L));
    assertThat(e.status()).isEqualTo(dev.steward.purview.models.EntityStatus.ACTIVE);
    assertThat(mapper.writeValueAsString(e)).contains("\"brandNew\":{\"x\":1}");
    AtlasEntity built = AtlasEntity.builder("t").qualifiedName("q").build();
    assertThatThrownBy(() -> built.attributes().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
