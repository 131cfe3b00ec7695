package dev.steward.governance.backup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.governance.arm.ArmWireMock;
import dev.steward.governance.audit.AuditRecord;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.backup.implementation.ContainerSas;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupEnsurerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTAINER =
      Fixtures.STORAGE + "/blobServices/default/containers/webapp-backups";
  private static final String KEY1 =
      "dGVzdC1hY2NvdW50LWtleS0xLW5vdC1hLXJlYWwta2V5LWZvci1zdGV3YXJkLXRlc3Rz";

  private final ArmWireMock arm = new ArmWireMock();
  @TempDir Path auditDir;

  @AfterEach
  void stop() {
    arm.close();
  }

  private BackupEnsurer ensurer() {
    return new BackupEnsurer(arm.client(), arm.clock);
  }

  private void storage(boolean containerExists) {
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.STORAGE))
            .willReturn(okJson(Fixtures.load("storage/account.json", arm.endpoint()))));
    arm.server.stubFor(
        get(urlPathEqualTo(CONTAINER))
            .willReturn(
                containerExists
                    ? okJson(Fixtures.load("storage/container.json", arm.endpoint()))
                    : aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"error\":{\"code\":\"ContainerNotFound\",\"message\":\"The specified container does not exist.\"}}")));
    arm.server.stubFor(
        put(urlPathEqualTo(CONTAINER))
            .withRequestBody(equalToJson("{\"properties\":{\"publicAccess\":\"None\"}}"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.load("storage/container.json", arm.endpoint()))));
    arm.server.stubFor(
        post(urlPathEqualTo(Fixtures.STORAGE + "/listKeys"))
            .willReturn(okJson(Fixtures.load("storage/listkeys.json", arm.endpoint()))));
    arm.server.stubFor(
        put(urlPathEqualTo(Fixtures.SITE + "/config/backup")).willReturn(okJson("{}")));
  }

  @Test
  void planThenApplyDailyWebAppBackupsAndApplyingAgainChangesNothing() throws Exception {
    storage(false);
    WebAppStubs.notConfigured(arm);
    WebAppBackupOptions options =
        WebAppBackupOptions.of(Fixtures.SITE, Fixtures.STORAGE, "webapp-backups");
    AuditTrail trail = AuditTrail.builder(auditDir).build();

    BackupPlan plan = ensurer().audit(trail, "test:ensure").planWebAppBackup(options);

    assertThat(plan.changes())
        .extracting(PlannedChange::what)
        .containsExactly(
            "container",
            "enabled",
            "backupSchedule.frequency",
            "backupSchedule.startTime",
            "backupSchedule.retentionPeriodInDays",
            "backupSchedule.keepAtLeastOneBackup",
            "storageAccountUrl");
    assertThat(plan.describe())
        .contains("7 changes")
        .contains("backupSchedule.startTime: (none) -> 02:00 UTC")
        .contains("backupSchedule.retentionPeriodInDays: (none) -> 30")
        .contains("masked")
        .doesNotContain("sig=");
    assertThat(arm.server.findAll(putRequestedFor(anyUrl()))).isEmpty();
    assertThat(arm.server.findAll(postRequestedFor(urlPathEqualTo(Fixtures.STORAGE + "/listKeys"))))
        .as("the dry run fetches no key")
        .isEmpty();

    plan.apply();

    assertThat(arm.server.findAll(putRequestedFor(urlPathEqualTo(CONTAINER)))).hasSize(1);
    List<LoggedRequest> puts =
        arm.server.findAll(putRequestedFor(urlPathEqualTo(Fixtures.SITE + "/config/backup")));
    assertThat(puts).hasSize(1);
    JsonNode body = JSON.readTree(puts.get(0).getBodyAsString());
    JsonNode p = body.path("properties");
    assertThat(p.path("enabled").asBoolean()).isTrue();
    assertThat(p.path("backupName").asText()).isEqualTo("sitef6141");
    assertThat(p.path("backupSchedule").path("frequencyInterval").asInt()).isEqualTo(1);
    assertThat(p.path("backupSchedule").path("frequencyUnit").asText()).isEqualTo("Day");
    assertThat(p.path("backupSchedule").path("retentionPeriodInDays").asInt()).isEqualTo(30);
    assertThat(p.path("backupSchedule").path("keepAtLeastOneBackup").asBoolean()).isTrue();
    assertThat(p.path("backupSchedule").path("startTime").asText())
        .isEqualTo("2026-11-23T02:00:00Z");
    String url = p.path("storageAccountUrl").asText();
    assertThat(url).startsWith("https://stewardbackups.blob.core.windows.net/webapp-backups?");
    Map<String, String> q = query(url);
    assertThat(q)
        .containsEntry("sv", ContainerSas.VERSION)
        .containsEntry("sr", "c")
        .containsEntry("sp", "rwdl")
        .containsEntry("spr", "https")
        .containsEntry("st", "2026-11-23T11:55:00Z")
        .containsEntry("se", "2026-11-30T12:00:00Z");
    String expected =
        ContainerSas.sign(
            KEY1,
            String.join(
                "\n",
                "rwdl",
                "2026-11-23T11:55:00Z",
                "2026-11-30T12:00:00Z",
                "/blob/stewardbackups/webapp-backups",
                "",
                "",
                "https",
                ContainerSas.VERSION,
                "c",
                "",
                "",
                "",
                "",
                "",
                "",
                ""));
    assertThat(q.get("sig")).isEqualTo(expected);
    assertThat(plan.toString()).doesNotContain(q.get("sig"));
    assertThatThrownBy(plan::apply)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("applied already");

    // The service now holds what we wrote.
    arm.server.resetAll();
    storage(true);
    arm.server.stubFor(
        post(urlPathEqualTo(Fixtures.SITE + "/config/backup/list"))
            .willReturn(okJson(body.toString())));

    BackupPlan again = ensurer().planWebAppBackup(options);

    assertThat(again.isEmpty()).isTrue();
    assertThat(again.describe()).contains("up to date");
    assertThat(again.apply()).isEmpty();
    assertThat(arm.server.findAll(putRequestedFor(anyUrl()))).isEmpty();

    // One audit record, for the apply that changed something; no SAS in it.
    List<AuditRecord> records = trail.query(null, null, Fixtures.SITE);
    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo("backup.ensure");
              assertThat(r.outcome()).isEqualTo("APPLIED");
              assertThat(r.actor()).isEqualTo("test:ensure");
            });
    trail.close();
    try (Stream<Path> files = Files.list(auditDir)) {
      for (Path f : files.toList()) {
        assertThat(Files.readString(f)).doesNotContain("sig=").doesNotContain(KEY1);
      }
    }
  }

  @Test
  void renewsASasThatExpiresSoonAndKeepsTheRest() throws Exception {
    storage(true);
    WebAppStubs.configuredWith(arm, "web/backups-fresh.json");
    arm.clock.advance(
        Duration.ofDays(4)); // the fixture's SAS expires 2026-11-28T12:00Z: 1 day left

    BackupPlan plan =
        ensurer()
            .planWebAppBackup(
                WebAppBackupOptions.of(Fixtures.SITE, Fixtures.STORAGE, "webapp-backups"));

    assertThat(plan.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.what()).isEqualTo("storageAccountUrl");
              assertThat(c.from()).contains("expiring 2026-11-28T12:00:00Z").doesNotContain("sig");
            });
    plan.apply();
    JsonNode body =
        JSON.readTree(
            arm.server
                .findAll(putRequestedFor(urlPathEqualTo(Fixtures.SITE + "/config/backup")))
                .get(0)
                .getBodyAsString());
    assertThat(body.path("properties").path("backupSchedule").path("startTime").asText())
        .as("an unchanged start time is kept")
        .isEqualTo("2026-01-01T02:00:00Z");
    assertThat(query(body.path("properties").path("storageAccountUrl").asText()))
        .containsEntry("se", "2026-12-04T12:00:00Z");
  }

  @Test
  void aMissingStorageAccountIsCreatedInTheWebAppsRegionThenNothingToDo() throws Exception {
    String poll =
        "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/providers/Microsoft.Storage/locations/westus/asyncoperations/op-9";
    String account = Fixtures.load("storage/account.json", arm.endpoint());
    storage(false);
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.STORAGE))
            .inScenario("account")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource 'Microsoft.Storage/storageAccounts/stewardbackups' under resource group 'testrg123' was not found.\"}}")));
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.SITE))
            .willReturn(okJson("{\"name\":\"sitef6141\",\"location\":\"West US\"}")));
    arm.server.stubFor(
        put(urlPathEqualTo(Fixtures.STORAGE))
            .inScenario("account")
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader("Location", arm.endpoint() + poll + "?api-version=2023-05-01")
                    .withHeader("Retry-After", "17"))
            .willSetStateTo("created"));
    arm.server.stubFor(get(urlPathEqualTo(poll)).willReturn(okJson(account)));
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.STORAGE))
            .inScenario("account")
            .whenScenarioStateIs("created")
            .willReturn(okJson(account)));
    WebAppStubs.notConfigured(arm);
    WebAppBackupOptions options =
        WebAppBackupOptions.of(Fixtures.SITE, Fixtures.STORAGE, "webapp-backups")
            .withStorageSku("Standard_ZRS");

    BackupPlan plan = ensurer().planWebAppBackup(options);

    assertThat(plan.changes().get(0))
        .hasToString(
            "storage account: (none) -> created: StorageV2 Standard_ZRS in West US, https only,"
                + " TLS 1.2, no anonymous blob access");
    assertThat(arm.server.findAll(putRequestedFor(anyUrl()))).isEmpty();
    plan.apply();

    JsonNode created =
        JSON.readTree(
            arm.server
                .findAll(putRequestedFor(urlPathEqualTo(Fixtures.STORAGE)))
                .get(0)
                .getBodyAsString());
    assertThat(created.path("location").asText()).isEqualTo("West US");
    assertThat(created.path("sku").path("name").asText()).isEqualTo("Standard_ZRS");
    assertThat(created.path("properties").path("allowBlobPublicAccess").asBoolean(true)).isFalse();
    assertThat(arm.sleeps).containsExactly(Duration.ofSeconds(17));
    assertThat(arm.server.findAll(putRequestedFor(urlPathEqualTo(CONTAINER)))).hasSize(1);
    JsonNode config =
        JSON.readTree(
            arm.server
                .findAll(putRequestedFor(urlPathEqualTo(Fixtures.SITE + "/config/backup")))
                .get(0)
                .getBodyAsString());

    arm.server.resetAll();
    storage(true);
    arm.server.stubFor(
        post(urlPathEqualTo(Fixtures.SITE + "/config/backup/list"))
            .willReturn(okJson(config.toString())));
    assertThat(ensurer().planWebAppBackup(options).isEmpty()).isTrue();
  }

  @Test
  void postgresqlRetentionThroughALongRunningPatchThenNothingToDo() {
    String op =
        "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/providers/Microsoft.DBforPostgreSQL/locations/westus/azureAsyncOperation/op-1";
    String server = Fixtures.load("postgresql/server.json", arm.endpoint());
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.PG))
            .inScenario("pg")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(server)));
    arm.server.stubFor(
        patch(urlPathEqualTo(Fixtures.PG))
            .inScenario("pg")
            .withRequestBody(
                equalToJson("{\"properties\":{\"backup\":{\"backupRetentionDays\":30}}}"))
            .willReturn(
                aResponse()
                    .withStatus(202)
                    .withHeader(
                        "Azure-AsyncOperation", arm.endpoint() + op + "?api-version=2024-08-01")
                    .withHeader("Retry-After", "10"))
            .willSetStateTo("patched"));
    arm.server.stubFor(
        get(urlPathEqualTo(op)).willReturn(okJson("{\"name\":\"op-1\",\"status\":\"Succeeded\"}")));
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.PG))
            .inScenario("pg")
            .whenScenarioStateIs("patched")
            .willReturn(
                okJson(
                    server.replace("\"backupRetentionDays\": 7", "\"backupRetentionDays\": 30"))));

    BackupPlan plan = ensurer().planRetention(Fixtures.PG, 30);
    assertThat(plan.describe()).contains("properties.backup.backupRetentionDays: 7 -> 30");
    plan.apply();

    assertThat(arm.server.findAll(patchRequestedFor(urlPathEqualTo(Fixtures.PG)))).hasSize(1);
    assertThat(arm.sleeps).containsExactly(Duration.ofSeconds(10));
    assertThat(ensurer().planRetention(Fixtures.PG, 30).isEmpty()).isTrue();
    assertThatThrownBy(() -> ensurer().planRetention(Fixtures.PG, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("7-35 days, was 3");
  }

  @Test
  void sqlRetentionKeepsTheDifferentialIntervalThenNothingToDo() {
    String policyPath = Fixtures.SQL + "/backupShortTermRetentionPolicies/default";
    String policy = Fixtures.load("sql/short-term-retention.json", arm.endpoint());
    arm.server.stubFor(
        get(urlPathEqualTo(policyPath))
            .inScenario("sql")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(policy)));
    arm.server.stubFor(
        put(urlPathEqualTo(policyPath))
            .inScenario("sql")
            .withRequestBody(
                equalToJson(
                    "{\"properties\":{\"retentionDays\":14,\"diffBackupIntervalInHours\":24}}"))
            .willReturn(okJson(policy.replace("\"retentionDays\": 7", "\"retentionDays\": 14")))
            .willSetStateTo("updated"));
    arm.server.stubFor(
        get(urlPathEqualTo(policyPath))
            .inScenario("sql")
            .whenScenarioStateIs("updated")
            .willReturn(okJson(policy.replace("\"retentionDays\": 7", "\"retentionDays\": 14"))));

    BackupPlan plan = ensurer().planRetention(Fixtures.SQL, 14);
    assertThat(plan.changes()).singleElement().hasToString("properties.retentionDays: 7 -> 14");
    plan.apply();

    assertThat(arm.server.findAll(putRequestedFor(urlPathEqualTo(policyPath)))).hasSize(1);
    assertThat(ensurer().planRetention(Fixtures.SQL, 14).isEmpty()).isTrue();
    assertThatThrownBy(() -> ensurer().planRetention(Fixtures.SITE, 14))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("planWebAppBackup");
  }

  @Test
  void optionsNameTheBadValue() {
    assertThatThrownBy(
            () -> WebAppBackupOptions.of(Fixtures.SITE, Fixtures.STORAGE, "Bad_Container"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Bad_Container'");
    assertThatThrownBy(
            () ->
                WebAppBackupOptions.of(Fixtures.SITE, Fixtures.STORAGE, "ok-name").withHourUtc(24))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hourUtc must be 0-23, was 24");
    assertThatThrownBy(() -> WebAppBackupOptions.of(Fixtures.SITE, Fixtures.SITE, "ok-name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("storageAccountId");
  }

  private static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
