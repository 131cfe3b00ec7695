package dev.steward.examples.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.purview.emulator.FaultType;
import dev.steward.purview.emulator.PurviewEmulator;
import dev.steward.purview.emulator.PurviewEmulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Example: test your own Purview code against the local emulator. One emulator serves the class;
 * before each test its faults are cleared and its counters reset.
 */
class PurviewEmulatorExampleTest {

  // snippet:begin emulator-junit-extension
  // The demo estate: Azure SQL, ADLS, Data Factory lineage, Synapse, Databricks, a glossary.
  @RegisterExtension
  static PurviewEmulatorExtension purview = PurviewEmulatorExtension.withSeed("demo");

  // snippet:end emulator-junit-extension

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> search(String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(purview.endpoint() + "/datamap/api/search/query?api-version=2023-09-01"))
            .header("Authorization", "Bearer " + purview.token())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void findsTheTablesThatHoldEmailAddresses() throws Exception {
    HttpResponse<String> response =
        search(
            "{\"filter\":{\"and\":[{\"objectType\":\"Tables\"},{\"classification\":\"MICROSOFT.PERSONAL.EMAIL\"}]}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"@search.count\":1", "\"name\":\"customers\"");
  }

  // snippet:begin emulator-junit-test
  @Test
  void retriesAThrottledCall(PurviewEmulator emulator) throws Exception {
    emulator.faults().failNext(1, FaultType.THROTTLED); // the next request gets 429 + Retry-After

    HttpResponse<String> first = search("{\"keywords\":\"orders\"}");
    HttpResponse<String> retried = search("{\"keywords\":\"orders\"}");

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(emulator.stats().requests("POST /search/query")).isEqualTo(2);
    assertThat(emulator.stats().faults(FaultType.THROTTLED)).isEqualTo(1);
  }

  // snippet:end emulator-junit-test

  @Test
  void injectsFaultsOnChosenRoutesAndCountsThem(PurviewEmulator emulator) throws Exception {
    // snippet:begin emulator-faults
    emulator.faults().failNext(2); // 503, 503, then normal
    // The third search from now: the connection drops mid-body.
    emulator.faults().onRoute("POST /search/query").failRequests(FaultType.RESET, 3);
    // Also: failFraction(0.1, type) (the same requests on every run), TRUNCATED bodies,
    // rateLimit(25).retryAfter(Duration.ofMillis(50)), delay(Duration.ofMillis(5)).
    // snippet:end emulator-faults

    assertThat(search("{\"keywords\":\"orders\"}").statusCode()).isEqualTo(503);
    assertThat(search("{\"keywords\":\"orders\"}").statusCode()).isEqualTo(503);
    assertThatThrownBy(() -> search("{\"keywords\":\"orders\"}")).isInstanceOf(IOException.class);
    assertThat(search("{\"keywords\":\"orders\"}").statusCode()).isEqualTo(200);

    // snippet:begin emulator-stats
    long searches =
        emulator.stats().requests("POST /search/query"); // per route, as the spec has it
    long unavailable = emulator.stats().faults(FaultType.UNAVAILABLE);
    // snippet:end emulator-stats
    assertThat(searches).isEqualTo(4);
    assertThat(unavailable).isEqualTo(2);
    assertThat(emulator.stats().faults(FaultType.RESET)).isEqualTo(1);
  }

  @Test
  void startsAnEmulatorInProcess() throws Exception {
    // snippet:begin emulator-embedded
    try (PurviewEmulator purview =
        PurviewEmulator.builder() // 127.0.0.1, an ephemeral port
            .seed("demo") // or .generate(100_000), .stateFile(path)
            .start()) {
      String endpoint = purview.endpoint(); // http://127.0.0.1:PORT; APIs under /datamap/api
      String token = purview.token(); // send it as "Authorization: Bearer <token>"
      pointYourCodeAt(endpoint, token);
    }
    // snippet:end emulator-embedded
  }

  private void pointYourCodeAt(String endpoint, String token) throws Exception {
    assertThat(endpoint).startsWith("http://127.0.0.1:");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(endpoint + "/datamap/api/atlas/v2/types/typedefs"))
            .header("Authorization", "Bearer " + token)
            .build();
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(200);
  }
}
