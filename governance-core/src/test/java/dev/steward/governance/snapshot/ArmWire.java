package dev.steward.governance.snapshot;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.governance.arm.ArmClient;
import dev.steward.governance.arm.ArmClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** WireMock on loopback serving ARM and Resource Graph with the fixtures in /snapshot. */
final class ArmWire implements AutoCloseable {

  static final String SUB = "cfbbd179-59d2-4052-aa06-9270a38aa9d6";
  static final String RG = "/providers/Microsoft.ResourceGraph/resources";
  static final String NSG =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/rg1/providers/Microsoft.Network/"
          + "networkSecurityGroups/testnsg";
  static final String RULE = NSG + "/securityRules/rule1";
  static final String STORAGE =
      "/subscriptions/"
          + SUB
          + "/resourceGroups/res9101/providers/Microsoft.Storage/"
          + "storageAccounts/sto4445";
  static final String TOKEN1 = "eyAibm8iOiAibHVjayIsICJidXQiOiAibmljZSIsICJ0cnkiOiAiISIgfQ==";
  static final String TOKEN2 = "eyAibm8yIjogImx1Y2syIiwgImJ1dDIiOiAibmljZTIiLCAidHJ5MiI6ICIhIiB9";

  final WireMockServer server;

  /** Every wait the ARM client asked for (Retry-After, quota); nothing really sleeps. */
  final List<Duration> slept = new CopyOnWriteArrayList<>();

  ArmWire() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  ArmClient client() {
    return new ArmClientBuilder()
        .endpoint(endpoint())
        .allowInsecureLoopback(true)
        .credential(new StaticTokenCredential("arm-test-token"))
        .sleeper(slept::add)
        .jitter(() -> 0.5)
        .build();
  }

  static String fixture(String name) {
    try (InputStream in = ArmWire.class.getResourceAsStream("/snapshot/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture /snapshot/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The three Resource Graph pages, each matched by the $skipToken the request carries. */
  void threePages() {
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
  }

  /** One Resource Graph page of an NSG, its rule and a storage account, with providers and GETs. */
  void network(String nsgBody) {
    server.stubFor(post(urlPathEqualTo(RG)).willReturn(okJson(fixture("rg-network.json"))));
    server.stubFor(
        get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Network"))
            .willReturn(okJson(fixture("provider-network.json"))));
    server.stubFor(
        get(urlPathEqualTo("/subscriptions/" + SUB + "/providers/Microsoft.Storage"))
            .willReturn(okJson(fixture("provider-storage.json"))));
    server.stubFor(get(urlPathEqualTo(NSG)).willReturn(okJson(nsgBody)));
    server.stubFor(
        get(urlPathEqualTo(RULE)).willReturn(okJson(fixture("securityrule-current.json"))));
    server.stubFor(
        get(urlPathEqualTo(STORAGE)).willReturn(okJson(fixture("storage-current.json"))));
  }

  @Override
  public void close() {
    server.stop();
  }
}
