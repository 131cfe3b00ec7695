package dev.steward.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server and its OpenAPI document agree on routes, methods and authentication. */
class OpenApiAgreementTest {

  @TempDir Path home;

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsServed() throws Exception {
    OpenApiDocument document = new OpenApiDocument();
    assertThat(document.root.get("openapi").asText()).startsWith("3.1");
    try (StewardServer server =
        StewardServer.builder(home)
            .config(new ServeConfig(null, 0, "env:T", null, null, null, 2, null, null))
            .env(Map.of("T", "openapi-test-token-0123456789"))
            .start()) {
      Set<String> served = new TreeSet<>();
      for (Route route : server.routes()) {
        served.add(route.method() + " " + route.template());
        assertThat(route.authenticated())
            .as("authentication of " + route.method() + " " + route.template())
            .isEqualTo(document.authenticated(route.method(), route.template()));
      }
      assertThat(served).isEqualTo(document.operations());

      ServeTestClient client = new ServeTestClient(server, "openapi-test-token-0123456789");
      ServeTestClient.Reply yaml = client.get("/api/openapi");
      assertThat(yaml.status()).isEqualTo(200);
      assertThat(yaml.raw().headers().firstValue("Content-Type")).contains("application/yaml");
      assertThat(yaml.body()).startsWith("openapi: 3.1.0");
    }
  }

  @Test
  void pathParametersMatchTheTemplates() {
    Route route = new Route("DELETE", "/api/connections/{name}", true, r -> null);
    assertThat(route.match("/api/connections/contoso")).containsEntry("name", "contoso");
    assertThat(route.match("/api/connections")).isNull();
    assertThat(route.match("/api/connections/")).isNull();
    assertThat(route.match("/api/connections/a/b")).isNull();
  }
}
