package dev.steward.governance.health;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.steward.governance.arm.ArmClient;
import dev.steward.governance.arm.ArmClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ARM health check: GET /subscriptions through the ARM client, mapped to UP or DOWN. */
class ArmHealthCheckTest {

  private WireMockServer server;
  private ArmClient arm;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    arm =
        new ArmClientBuilder()
            .endpoint("http://127.0.0.1:" + server.port())
            .allowInsecureLoopback(true)
            .credential(new StaticTokenCredential("t0k3n"))
            .build();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private void subscriptions(int status, String body) {
    server.stubFor(
        WireMock.get(WireMock.urlPathEqualTo(HealthChecks.ARM_PROBE))
            .withQueryParam("api-version", WireMock.equalTo(HealthChecks.ARM_PROBE_API_VERSION))
            .willReturn(
                WireMock.aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-ms-request-id", "req-42")
                    .withBody(body)));
  }

  @Test
  void upWithTheSubscriptionsTheIdentitySees() throws Exception {
    // Shape from Azure/azure-rest-api-specs, resources/subscriptions GetSubscriptions example.
    subscriptions(
        200,
        "{\"value\":[{\"id\":\"/subscriptions/291bba3f-e0a5-47bc-a099-3bdcb2a50a05\","
            + "\"subscriptionId\":\"291bba3f-e0a5-47bc-a099-3bdcb2a50a05\","
            + "\"displayName\":\"Example Subscription\",\"state\":\"Enabled\"}],"
            + "\"count\":{\"type\":\"Total\",\"value\":1}}");

    Health health = HealthChecks.arm(arm).check();

    assertThat(health.status()).isEqualTo(HealthStatus.UP);
    assertThat(health.detail()).isEqualTo("reachable and authorised: 1 subscription(s)");
    assertThat(server.findAll(WireMock.getRequestedFor(WireMock.anyUrl())))
        .singleElement()
        .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer t0k3n"));
  }

  @Test
  void noSubscriptionIsUpButSaysSo() throws Exception {
    subscriptions(200, "{\"value\":[]}");
    assertThat(HealthChecks.arm(arm).check().detail()).contains("sees no subscription");
  }

  @Test
  void aRejectedTokenIsDownWithTheCodeAndRequestIdButNoToken() throws Exception {
    subscriptions(
        401,
        "{\"error\":{\"code\":\"InvalidAuthenticationToken\","
            + "\"message\":\"The access token is invalid.\"}}");

    Health health = HealthChecks.arm(arm).check();

    assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(health.detail())
        .contains("HTTP 401", "InvalidAuthenticationToken", "req-42")
        .doesNotContain("t0k3n");
  }
}
