package dev.steward.examples.snapshot;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.Severity;
import dev.steward.governance.arm.ArmClient;
import dev.steward.governance.arm.ArmClientBuilder;
import dev.steward.governance.audit.AuditRecord;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.snapshot.DriftWatchResult;
import dev.steward.purview.StaticTokenCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example against ARM on WireMock, with the Azure REST API specs' response shapes. */
class SnapshotAndDiffExampleTest {

  static final Path FIXTURES =
      Path.of("..", "governance-core", "src", "test", "resources", "snapshot");
  static final String SUB = "cfbbd179-59d2-4052-aa06-9270a38aa9d6";
  static final String NSG =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/rg1/providers/Microsoft.Network/networkSecurityGroups/testnsg";

  @TempDir Path dir;
  WireMockServer server;

  @BeforeEach
  void start() throws IOException {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    stubArm();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  static String fixture(String name) throws IOException {
    return Files.readString(FIXTURES.resolve(name));
  }

  ArmClient arm;
  Path baseline;

  void stubArm() throws IOException {
    // Resource Graph lists the one NSG; its provider and its full body follow.
    server.stubFor(
        post(urlPathEqualTo("/providers/Microsoft.ResourceGraph/resources"))
            .willReturn(
                okJson(
                    "{\"totalRecords\":1,\"count\":1,\"resultTruncated\":\"false\",\"data\":"
                        + "[{\"id\":\""
                        + NSG
                        + "\",\"name\":\"testnsg\","
                        + "\"type\":\"microsoft.network/networksecuritygroups\"}]}")));
    server.stubFor(
        get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Network"))
            .willReturn(okJson(fixture("provider-network.json"))));
    server.stubFor(get(urlPathEqualTo(NSG)).willReturn(okJson(fixture("nsg-current.json"))));
    baseline = dir.resolve("baseline.jsonl");
    // the baseline's first line is the NSG as it should be
    Files.writeString(baseline, fixture("baseline.jsonl").lines().findFirst().orElseThrow());
    arm =
        new ArmClientBuilder()
            .endpoint("http://127.0.0.1:" + server.port())
            .allowInsecureLoopback(true)
            .credential(new StaticTokenCredential("example-token"))
            .build();
  }

  @Test
  void snapshotsTheNsgsAndFindsTheRuleOpenedToTheInternet() throws IOException {

    DriftReport report =
        SnapshotAndDiffExample.run(arm, SUB, baseline, dir.resolve("current.jsonl"));

    assertThat(report.drifts())
        .singleElement()
        .satisfies(
            (Drift d) -> {
              assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(d.resourceId()).isEqualTo(NSG);
              assertThat(d.rule()).isEqualTo("nsg-open-management-port");
            });
    assertThat(Files.readAllLines(dir.resolve("current.jsonl"))).hasSize(1);
    server.verify(
        postRequestedFor(urlPathEqualTo("/providers/Microsoft.ResourceGraph/resources"))
            .withRequestBody(
                matchingJsonPath(
                    "$.query",
                    WireMock.equalTo(
                        "Resources\n| where type in~ ('Microsoft.Network/networkSecurityGroups')"))));
  }

  @Test
  void theWatchRecordsTheCriticalDriftAndTellsTheListener() throws Exception {
    List<DriftWatchResult> results = new CopyOnWriteArrayList<>();
    CountDownLatch ran = new CountDownLatch(1);
    try (AuditTrail trail = AuditTrail.builder(dir.resolve("audit")).build();
        InProcessGovernanceScheduler scheduler =
            SnapshotAndDiffExample.watch(
                arm,
                SUB,
                baseline,
                dir.resolve("current.jsonl"),
                trail,
                r -> {
                  results.add(r);
                  ran.countDown();
                })) {
      assertThat(scheduler.runNow("nsg-watch")).isTrue();
      assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(results.get(0).report().summary().drifts().get(Severity.CRITICAL)).isEqualTo(1);
      assertThat(trail.query(null, null, NSG))
          .singleElement()
          .extracting(AuditRecord::action, AuditRecord::outcome)
          .containsExactly("drift.detected", "CRITICAL");
    }
  }
}
