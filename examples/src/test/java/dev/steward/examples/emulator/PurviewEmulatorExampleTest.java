package dev.steward.examples.emulator;

import static org.assertj.core.api.Assertions.assertThat;

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

  // The demo estate: Azure SQL, ADLS, Data Factory lineage, Synapse, Databricks, a glossary.
  @RegisterExtension
  static PurviewEmulatorExtension purview = PurviewEmulatorExtension.withSeed("demo");

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
}
