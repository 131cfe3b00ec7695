package dev.steward.governance.snapshot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.steward.governance.snapshot.ArmWire.NSG;
import static dev.steward.governance.snapshot.ArmWire.RG;
import static dev.steward.governance.snapshot.ArmWire.RULE;
import static dev.steward.governance.snapshot.ArmWire.STORAGE;
import static dev.steward.governance.snapshot.ArmWire.SUB;
import static dev.steward.governance.snapshot.ArmWire.TOKEN1;
import static dev.steward.governance.snapshot.ArmWire.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.drift.DriftEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceSnapshotterTest {

  static final ObjectMapper MAPPER = new ObjectMapper();

  final ArmWire wire = new ArmWire();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    wire.close();
  }

  /** A clock that moves 250 ms each time it is read: durations are exact, nothing sleeps. */
  static final class SteppingClock extends Clock {
    private Instant now = Instant.parse("2026-11-23T08:00:00Z");

    @Override
    public synchronized Instant instant() {
      Instant t = now;
      now = now.plusMillis(250);
      return t;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  ResourceSnapshotter snapshotter() {
    return ResourceSnapshotter.builder(wire.client()).clock(new SteppingClock()).build();
  }

  static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(MAPPER.readTree(line));
    }
    return out;
  }

  static List<JsonNode> bodies(List<LoggedRequest> requests) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (LoggedRequest r : requests) {
      out.add(MAPPER.readTree(r.getBodyAsString()));
    }
    return out;
  }

  @Test
  void pagesThroughThreeResourceGraphPagesWithSkipToken() throws IOException {
    wire.threePages();
    Path out = dir.resolve("snap.jsonl");
    SnapshotOptions options =
        SnapshotOptions.builder()
            .subscription(SUB)
            .resourceType("Microsoft.Compute/disks")
            .resourceType("Microsoft.Automation/automationAccounts")
            .resourceType("microsoft.automation/automationAccounts/runbooks")
            .pageSize(3)
            .build();

    SnapshotResult result = snapshotter().snapshot(options, out);

    assertThat(result.resources()).isEqualTo(8);
    assertThat(result.pages()).isEqualTo(3);
    assertThat(result.totalRecords()).isEqualTo(8);
    assertThat(result.duplicates()).isZero();
    assertThat(result.duration()).isEqualTo(Duration.ofMillis(250));
    assertThat(result.file()).isEqualTo(out.toAbsolutePath());
    List<JsonNode> written = lines(out);
    assertThat(written)
        .extracting(n -> n.get("name").asText())
        .containsExactly(
            "yetanothertest_OsDisk_1_f396cbcb625a457bb69fe2abf5975820",
            "TestAA",
            "TestRB",
            "second_OsDisk_dddddbcb625a457bb69fe2abf5975820",
            "AATest",
            "RBTest",
            "third_OsDisk_eeeeebcb625a457bb69fe2abf5975820",
            "ThirdAA");

    List<JsonNode> requests = bodies(wire.server.findAll(postRequestedFor(urlPathEqualTo(RG))));
    assertThat(requests).hasSize(3);
    JsonNode first = requests.get(0);
    assertThat(first.get("subscriptions")).hasSize(1);
    assertThat(first.get("subscriptions").get(0).asText()).isEqualTo(SUB);
    assertThat(first.get("query").asText())
        .isEqualTo(
            "Resources\n| where type in~ ('Microsoft.Compute/disks',"
                + " 'Microsoft.Automation/automationAccounts',"
                + " 'microsoft.automation/automationAccounts/runbooks')");
    assertThat(first.at("/options/$top").asInt()).isEqualTo(3);
    assertThat(first.at("/options/resultFormat").asText()).isEqualTo("objectArray");
    assertThat(first.get("options").has("$skipToken")).isFalse();
    assertThat(requests.get(1).get("options").get("$skipToken").asText()).isEqualTo(TOKEN1);
    assertThat(requests.get(1).get("query")).isEqualTo(first.get("query"));
    // every request carried the ARM api-version and a bearer token
    wire.server
        .findAll(postRequestedFor(urlPathEqualTo(RG)))
        .forEach(
            r -> {
              assertThat(r.queryParameter("api-version").firstValue())
                  .isEqualTo(ResourceSnapshotter.RESOURCE_GRAPH_API_VERSION);
              assertThat(r.getHeader("Authorization")).isEqualTo("Bearer arm-test-token");
            });
    // and the drift engine reads the file as a snapshot
    assertThat(DriftEngine.create().compare(out, out).summary().currentResources()).isEqualTo(8);
  }

  @Test
  void retriesA429WithRetryAfterInTheMiddleOfPaging() throws IOException {
    wire.threePages();
    wire.server.stubFor(
        post(urlPathEqualTo(RG))
            .inScenario("throttle")
            .whenScenarioStateIs(STARTED)
            .withRequestBody(matchingJsonPath("$.options['$skipToken']", equalTo(TOKEN1)))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "7")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"RateLimiting\",\"message\":\"Please provide below"
                            + " info when asking for support: timestamp = 2026-11-23T08:00:00Z,"
                            + " correlationId = 1\"}}"))
            .willSetStateTo("throttled"));
    wire.server.stubFor(
        post(urlPathEqualTo(RG))
            .inScenario("throttle")
            .whenScenarioStateIs("throttled")
            .withRequestBody(matchingJsonPath("$.options['$skipToken']", equalTo(TOKEN1)))
            .willReturn(okJson(fixture("rg-page2.json"))));
    Path out = dir.resolve("snap.jsonl");

    SnapshotResult result =
        snapshotter().snapshot(SnapshotOptions.builder().subscription(SUB).build(), out);

    assertThat(result.resources()).isEqualTo(8);
    assertThat(result.pages()).isEqualTo(3);
    assertThat(lines(out)).hasSize(8);
    assertThat(wire.server.findAll(postRequestedFor(urlPathEqualTo(RG)))).hasSize(4);
    // the client waited exactly what Retry-After asked for, through its sleeper seam
    assertThat(wire.slept).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void fetchesFullBodiesWithTheLatestStableApiVersionLookedUpOncePerProvider() throws IOException {
    wire.network(fixture("nsg-current.json"));
    ResourceSnapshotter snapshotter = snapshotter();
    SnapshotOptions options =
        SnapshotOptions.builder().subscription(SUB).fullResources(true).build();

    SnapshotResult first = snapshotter.snapshot(options, dir.resolve("a.jsonl"));
    SnapshotResult second = snapshotter.snapshot(options, dir.resolve("b.jsonl"));

    assertThat(first.resources()).isEqualTo(3);
    assertThat(second.resources()).isEqualTo(3);
    List<JsonNode> written = lines(dir.resolve("a.jsonl"));
    assertThat(written).extracting(n -> n.get("id").asText()).containsExactly(NSG, RULE, STORAGE);
    // the full body, not the Resource Graph row
    assertThat(written.get(0).at("/properties/securityRules/1/name").asText())
        .isEqualTo("AllowSSH");
    // networkSecurityGroups: 2025-01-01-preview is newer, but 2024-05-01 is the latest stable
    wire.server.verify(
        2,
        getRequestedFor(urlPathEqualTo(NSG)).withQueryParam("api-version", equalTo("2024-05-01")));
    // the child type has its own list, in no particular order
    wire.server.verify(
        2,
        getRequestedFor(urlPathEqualTo(RULE)).withQueryParam("api-version", equalTo("2024-05-01")));
    wire.server.verify(
        2,
        getRequestedFor(urlPathEqualTo(STORAGE))
            .withQueryParam("api-version", equalTo("2023-05-01")));
    // one provider read per namespace, over two snapshots and three types
    wire.server.verify(
        1,
        getRequestedFor(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Network"))
            .withQueryParam("api-version", equalTo(ApiVersions.PROVIDERS_API_VERSION)));
    wire.server.verify(
        1,
        getRequestedFor(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Storage")));
  }

  @Test
  void leavesOutAResourceDeletedBetweenTheQueryAndItsGet() throws IOException {
    wire.network(fixture("nsg-current.json"));
    wire.server.stubFor(
        get(urlPathEqualTo(STORAGE))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource"
                            + " 'Microsoft.Storage/storageAccounts/sto4445' under resource group"
                            + " 'res9101' was not found.\"}}")));

    SnapshotResult result =
        snapshotter()
            .snapshot(
                SnapshotOptions.builder().subscription(SUB).fullResources(true).build(),
                dir.resolve("s.jsonl"));

    assertThat(result.resources()).isEqualTo(2);
    assertThat(result.vanished()).isEqualTo(1);
    assertThat(lines(dir.resolve("s.jsonl")))
        .extracting(n -> n.get("id").asText())
        .containsExactly(NSG, RULE);
  }

  @Test
  void aServiceFailureLeavesThePreviousSnapshotUntouched() throws IOException {
    wire.threePages();
    wire.server.stubFor(
        post(urlPathEqualTo(RG))
            .withRequestBody(matchingJsonPath("$.options['$skipToken']", equalTo(TOKEN1)))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Please provide below"
                            + " info when asking for support\",\"details\":[{\"code\":"
                            + "\"InvalidSkipToken\",\"message\":\"The skip token is invalid.\"}]}}")));
    Path out = dir.resolve("snap.jsonl");
    Files.writeString(out, "{\"id\":\"/previous\"}\n");

    assertThatThrownBy(
            () -> snapshotter().snapshot(SnapshotOptions.builder().subscription(SUB).build(), out))
        .isInstanceOf(HttpResponseException.class);

    assertThat(Files.readString(out)).isEqualTo("{\"id\":\"/previous\"}\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void refusesATruncatedResultAndRowsWithoutId() {
    wire.server.stubFor(
        post(urlPathEqualTo(RG))
            .willReturn(
                okJson(
                    "{\"totalRecords\":2,\"count\":1,\"resultTruncated\":\"true\",\"data\":"
                        + "[{\"name\":\"a\"}]}")));
    Path out = dir.resolve("t.jsonl");
    SnapshotOptions options = SnapshotOptions.builder().subscription(SUB).build();

    assertThatThrownBy(() -> snapshotter().snapshot(options, out))
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining("page 1")
        .hasMessageContaining("resultTruncated");
    assertThat(out).doesNotExist();

    wire.server.stubFor(
        post(urlPathEqualTo(RG))
            .willReturn(
                okJson(
                    "{\"totalRecords\":2,\"count\":2,\"resultTruncated\":\"false\",\"data\":"
                        + "[{\"id\":\"/subscriptions/s/resourceGroups/r/providers/A.B/c/d\"},"
                        + "{\"name\":\"no-id\"}]}")));
    assertThatThrownBy(() -> snapshotter().snapshot(options, out))
        .isInstanceOf(SnapshotException.class)
        .hasMessage("Resource Graph page 1, row 2: no 'id' (the query must project the id column)");
    assertThat(out).doesNotExist();
  }

  @Test
  void writesARowRepeatedOnALaterPageOnce() throws IOException {
    wire.threePages();
    // page 3 repeats the last row of page 2, as a duplicate page would
    String page3 =
        fixture("rg-page3.json")
            .replace(
                "\"data\": [",
                "\"data\": [{\"id\": \"/subscriptions/"
                    + SUB
                    + "/resourceGroups/RG2/providers/Microsoft.Automation/automationAccounts/"
                    + "TestAA/runbooks/RBTest\", \"name\": \"RBTest\"},");
    wire.server.stubFor(
        post(urlPathEqualTo(RG))
            .withRequestBody(matchingJsonPath("$.options['$skipToken']", equalTo(ArmWire.TOKEN2)))
            .willReturn(okJson(page3)));

    SnapshotResult result =
        snapshotter()
            .snapshot(SnapshotOptions.builder().subscription(SUB).build(), dir.resolve("d.jsonl"));

    assertThat(result.resources()).isEqualTo(8);
    assertThat(result.duplicates()).isEqualTo(1);
    assertThat(lines(dir.resolve("d.jsonl"))).hasSize(8);
  }

  @Test
  void refusesAResourceTypeItsProviderDoesNotList() {
    wire.network(fixture("nsg-current.json"));
    wire.server.stubFor(
        get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Storage"))
            .willReturn(okJson("{\"namespace\":\"Microsoft.Storage\",\"resourceTypes\":[]}")));

    assertThatThrownBy(
            () ->
                snapshotter()
                    .snapshot(
                        SnapshotOptions.builder().subscription(SUB).fullResources(true).build(),
                        dir.resolve("x.jsonl")))
        .isInstanceOf(SnapshotException.class)
        .hasMessageContaining("Microsoft.Storage lists no resource type 'storageAccounts'");
    assertThat(dir.resolve("x.jsonl")).doesNotExist();
  }

  @Test
  void sendsAUsersQueryWithTheFiltersAppended() throws IOException {
    wire.server.stubFor(post(urlPathEqualTo(RG)).willReturn(okJson(fixture("rg-page3.json"))));

    snapshotter()
        .snapshot(
            SnapshotOptions.builder()
                .subscriptions(List.of(SUB, "00000000-0000-0000-0000-000000000001"))
                .query("Resources | where tags['env'] =~ 'prod'")
                .resourceGroup("rg-web(prod)")
                .build(),
            dir.resolve("q.jsonl"));

    JsonNode body = bodies(wire.server.findAll(postRequestedFor(urlPathEqualTo(RG)))).get(0);
    assertThat(body.get("query").asText())
        .isEqualTo(
            "Resources | where tags['env'] =~ 'prod'\n| where resourceGroup =~ 'rg-web(prod)'");
    assertThat(body.get("subscriptions")).hasSize(2);
  }
}
