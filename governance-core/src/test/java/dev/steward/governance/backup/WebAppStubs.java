package dev.steward.governance.backup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.steward.governance.arm.ArmWireMock;

/** WireMock stubs for the web app fixtures. */
final class WebAppStubs {
  private WebAppStubs() {}

  /** The configured web app whose backups span three pages; newest success 30 h old. */
  static void configuredWithThreePages(ArmWireMock arm) {
    config(arm);
    String e = arm.endpoint();
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.SITE + "/backups"))
            .atPriority(5)
            .willReturn(okJson(Fixtures.load("web/backups-page1.json", e))));
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.SITE + "/backups"))
            .withQueryParam("$skiptoken", equalTo("page2"))
            .atPriority(1)
            .willReturn(okJson(Fixtures.load("web/backups-page2.json", e))));
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.SITE + "/backups"))
            .withQueryParam("$skiptoken", equalTo("page3"))
            .atPriority(1)
            .willReturn(okJson(Fixtures.load("web/backups-page3.json", e))));
  }

  /** The configured web app whose backup list is one fixture. */
  static void configuredWith(ArmWireMock arm, String backupsFixture) {
    config(arm);
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.SITE + "/backups"))
            .atPriority(1)
            .willReturn(okJson(Fixtures.load(backupsFixture, arm.endpoint()))));
  }

  /** A web app with no backup configured and no backups. */
  static void notConfigured(ArmWireMock arm) {
    arm.server.stubFor(
        post(urlPathEqualTo(Fixtures.SITE + "/config/backup/list"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(Fixtures.load("web/no-backup-config.json", arm.endpoint()))));
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.SITE + "/backups"))
            .willReturn(okJson(Fixtures.load("web/backups-empty.json", arm.endpoint()))));
  }

  private static void config(ArmWireMock arm) {
    arm.server.stubFor(
        post(urlPathEqualTo(Fixtures.SITE + "/config/backup/list"))
            .withQueryParam("api-version", equalTo("2023-12-01"))
            .willReturn(okJson(Fixtures.load("web/backup-config.json", arm.endpoint()))));
  }
}
