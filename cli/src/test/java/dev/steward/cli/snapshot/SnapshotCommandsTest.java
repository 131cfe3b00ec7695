package dev.steward.cli.snapshot;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.governance.audit.AuditRecord;
import dev.steward.governance.audit.AuditTrail;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code steward snapshot} and {@code steward drift-watch} against ARM on WireMock (loopback). */
class SnapshotCommandsTest {

  static final Path FIXTURES =
      Path.of("..", "governance-core", "src", "test", "resources", "snapshot");
  static final String SUB = "cfbbd179-59d2-4052-aa06-9270a38aa9d6";
  static final String RG = "/providers/Microsoft.ResourceGraph/resources";
  static final String NSG =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/rg1/providers/Microsoft.Network/"
          + "networkSecurityGroups/testnsg";
  static final String TOKEN1 = "eyAibm8iOiAibHVjayIsICJidXQiOiAibmljZSIsICJ0cnkiOiAiISIgfQ==";
  static final String TOKEN2 = "eyAibm8yIjogImx1Y2syIiwgImJ1dDIiOiAibmljZTIiLCAidHJ5MiI6ICIhIiB9";

  @TempDir Path dir;
  WireMockServer server;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  static String fixture(String name) {
    try {
      return Files.readString(FIXTURES.resolve(name));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cmd = Steward.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  void network() {
    server.stubFor(post(urlPathEqualTo(RG)).willReturn(okJson(fixture("rg-network.json"))));
    server.stubFor(
        get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Network"))
            .willReturn(okJson(fixture("provider-network.json"))));
    server.stubFor(
        get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Storage"))
            .willReturn(okJson(fixture("provider-storage.json"))));
    server.stubFor(get(urlPathEqualTo(NSG)).willReturn(okJson(fixture("nsg-current.json"))));
    server.stubFor(
        get(urlPathEqualTo(NSG + "/securityRules/rule1"))
            .willReturn(okJson(fixture("securityrule-current.json"))));
    server.stubFor(
        get(urlPathEqualTo(
                "/subscriptions/"
                    + SUB
                    + "/resourceGroups/res9101/providers/Microsoft.Storage/storageAccounts/sto4445"))
            .willReturn(okJson(fixture("storage-current.json"))));
  }

  @Test
  void snapshotWritesJsonLinesAcrossPages() throws IOException {
    server.stubFor(
        post(urlPathEqualTo(RG))
            .withRequestBody(matchingJsonPath("$.options['$skipToken']", absent()))
            .willReturn(okJson(fixture("rg-page1.json"))));
    server.stubFor(
        post(urlPathEqualTo(RG))
            .withRequestBody(matchingJsonPath("$.options['$skipToken']", equalTo(TOKEN1)))
            .willReturn(okJson(fixture("rg-page2.json"))));
    server.stubFor(
        post(urlPathEqualTo(RG))
            .withRequestBody(matchingJsonPath("$.options['$skipToken']", equalTo(TOKEN2)))
            .willReturn(okJson(fixture("rg-page3.json"))));
    Path file = dir.resolve("out/current.jsonl");

    int code =
        run(
            "snapshot",
            "--endpoint",
            endpoint(),
            "--token",
            "t0k",
            "--subscription",
            SUB,
            "--type",
            "Microsoft.Compute/disks",
            "--resource-group",
            "RG1",
            "--page-size",
            "3",
            "--out",
            file.toString());

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("snapshot: 8 resources (3 pages) in ");
    assertThat(out.toString()).doesNotContain("t0k");
    assertThat(Files.readAllLines(file))
        .hasSize(8)
        .allSatisfy(l -> assertThat(l).startsWith("{\"id\":"));
    server.verify(
        3,
        postRequestedFor(urlPathEqualTo(RG))
            .withRequestBody(
                matchingJsonPath(
                    "$.query",
                    equalTo(
                        "Resources\n| where type in~ ('Microsoft.Compute/disks')\n"
                            + "| where resourceGroup =~ 'RG1'")))
            .withHeader("Authorization", equalTo("Bearer t0k")));
  }

  @Test
  void snapshotRejectsBadFilterValuesAndReportsServiceErrors() {
    assertThat(
            run(
                "snapshot",
                "--endpoint",
                endpoint(),
                "--token",
                "t",
                "--subscription",
                SUB,
                "--resource-group",
                "rg' | project x",
                "--out",
                dir.resolve("x.jsonl").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("resource group 'rg' | project x' is not a resource group");
    assertThat(server.getAllServeEvents()).isEmpty();

    server.stubFor(
        post(urlPathEqualTo(RG))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client"
                            + " does not have authorization to perform action"
                            + " 'Microsoft.ResourceGraph/resources/read'.\"}}")));
    assertThat(
            run(
                "snapshot",
                "--endpoint",
                endpoint(),
                "--token",
                "t",
                "--subscription",
                SUB,
                "--out",
                dir.resolve("x.jsonl").toString()))
        .isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).contains("AuthorizationFailed");
    assertThat(dir.resolve("x.jsonl")).doesNotExist();
  }

  @Test
  void driftWatchRunsOnceRecordsTheCriticalDriftAndExitsOnFailOn() throws IOException {
    network();
    Path baseline = dir.resolve("baseline.jsonl");
    Files.writeString(baseline, fixture("baseline.jsonl"));
    Path home = dir.resolve("home");

    int code =
        run(
            "drift-watch",
            "--home",
            home.toString(),
            "--endpoint",
            endpoint(),
            "--token",
            "t",
            "--baseline",
            baseline.toString(),
            "--subscription",
            SUB,
            "--full",
            "--every",
            "1h",
            "--runs",
            "1",
            "--fail-on",
            "critical");

    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.FOUND);
    assertThat(err.toString()).contains("drift-watch: watching " + SUB).contains("every 1h, 1 run");
    assertThat(out.toString())
        .contains("run 1 at ")
        .contains(": SUCCEEDED 1 drift (critical 1, high 0, medium 0, low 0)")
        .contains(
            "  CRITICAL "
                + NSG
                + " properties.securityRules[name=AllowSSH].properties.sourceAddressPrefix"
                + " [nsg-open-management-port]");
    assertThat(home.resolve("snapshots/drift-watch.jsonl")).exists();
    assertThat(AuditTrail.query(home.resolve("audit"), null, null, NSG))
        .singleElement()
        .extracting(AuditRecord::action, AuditRecord::outcome)
        .containsExactly("drift.detected", "CRITICAL");
  }

  @Test
  void driftWatchRefusesABadBaselineBeforeCallingAzure() throws IOException {
    Path baseline = dir.resolve("baseline.jsonl");
    Files.writeString(baseline, "{\"id\":\"/a\"}\n{\"id\":\"/b\",}\n");

    int code =
        run(
            "drift-watch",
            "--home",
            dir.resolve("home").toString(),
            "--endpoint",
            endpoint(),
            "--token",
            "t",
            "--baseline",
            baseline.toString(),
            "--subscription",
            SUB,
            "--runs",
            "1");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--baseline: " + baseline + ":2:");
    assertThat(server.getAllServeEvents()).isEmpty();

    assertThat(
            run(
                "drift-watch",
                "--endpoint",
                endpoint(),
                "--baseline",
                dir.resolve("missing.jsonl").toString(),
                "--subscription",
                SUB,
                "--runs",
                "0"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--runs must be at least 1, was 0");
  }
}
