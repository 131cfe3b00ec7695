package dev.steward.governance.health;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.purview.StaticTokenCredential;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpEndpointHealthCheckTest {

  private static final String SCOPE = "https://management.azure.com/.default";
  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    for (int status : new int[] {200, 401, 403, 503}) {
      server.stubFor(
          WireMock.get(WireMock.urlPathEqualTo("/" + status))
              .willReturn(WireMock.aResponse().withStatus(status)));
    }
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private List<String> authorizations() {
    return server.findAll(WireMock.getRequestedFor(WireMock.anyUrl())).stream()
        .map(LoggedRequest.class::cast)
        .map(r -> r.getHeader("Authorization"))
        .toList();
  }

  private Health check(int status) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/" + status + "?sig=s3cr3t");
    return HttpEndpointHealthCheck.builder("arm", uri)
        .credential(new StaticTokenCredential("t0k3n"), SCOPE)
        .build()
        .check();
  }

  @Test
  void statusMapping() throws Exception {
    Health ok = check(200);
    assertThat(ok.status()).isEqualTo(HealthStatus.UP);
    assertThat(ok.detail()).startsWith("HTTP 200 from http://127.0.0.1:").endsWith("/200");
    assertThat(authorizations()).containsExactly("Bearer t0k3n");

    Health forbidden = check(403);
    assertThat(forbidden.status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(forbidden.detail()).contains("reachable and authenticated");

    Health unauthorised = check(401);
    assertThat(unauthorised.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(unauthorised.detail()).contains("the token was refused").contains(SCOPE);

    Health failing = check(503);
    assertThat(failing.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(failing.detail()).startsWith("HTTP 503 from");

    for (Health h : List.of(ok, forbidden, unauthorised, failing)) {
      assertThat(h.detail()).doesNotContain("t0k3n").doesNotContain("s3cr3t");
    }
  }

  @Test
  void unreachableIsDown() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Health health =
        HttpEndpointHealthCheck.builder("kv", URI.create("http://127.0.0.1:" + closed + "/"))
            .build()
            .check();
    assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(health.detail()).startsWith("cannot reach http://127.0.0.1:" + closed);
  }

  @Test
  void neverSendsATokenOverPlainHttpToARemoteHost() throws Exception {
    Health health =
        HttpEndpointHealthCheck.builder("arm", URI.create("http://management.example.invalid/"))
            .credential(new StaticTokenCredential("t0k3n"), SCOPE)
            .build()
            .check();
    assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(health.detail()).startsWith("refusing to send a token over plain HTTP");
  }

  @Test
  void aTokenFailureIsDown() throws Exception {
    Health health =
        HttpEndpointHealthCheck.builder("arm", URI.create("https://management.azure.com/"))
            .credential(
                request -> {
                  throw new IllegalStateException("AADSTS7000215: invalid client secret");
                },
                SCOPE)
            .build()
            .check();
    assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(health.detail()).contains("no token for " + SCOPE).contains("AADSTS7000215");
  }
}
