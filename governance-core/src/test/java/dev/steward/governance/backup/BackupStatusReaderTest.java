package dev.steward.governance.backup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.governance.arm.ArmAuthenticationException;
import dev.steward.governance.arm.ArmWireMock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackupStatusReaderTest {
  private final ArmWireMock arm = new ArmWireMock();

  @AfterEach
  void stop() {
    arm.close();
  }

  private BackupStatusReader reader() {
    return new BackupStatusReader(arm.client(), arm.clock);
  }

  @Test
  void webAppWithBackupsOverThreePages() {
    WebAppStubs.configuredWithThreePages(arm);

    BackupStatus s = reader().read(Fixtures.SITE);

    assertThat(s.kind()).isEqualTo(BackupKind.WEB_APP);
    assertThat(s.checkedAt()).isEqualTo(ArmWireMock.START);
    assertThat(s.latestSuccessfulBackup()).isEqualTo(Instant.parse("2026-11-22T06:00:00Z"));
    assertThat(s.latestSuccessfulBackupAge()).isEqualTo(Duration.ofHours(30));
    assertThat(s.restorable()).isTrue();
    assertThat(s.retentionDays()).isEqualTo(30);
    assertThat(s.schedule().enabled()).isTrue();
    assertThat(s.schedule().interval()).isEqualTo(Duration.ofDays(1));
    assertThat(s.schedule().startHourUtc()).isEqualTo(2);
    assertThat(s.schedule().description()).isEqualTo("every 1 day at 02:00 UTC, kept 30 days");
    assertThat(s.storageContainerUrl())
        .isEqualTo("https://stewardbackups.blob.core.windows.net/webapp-backups");
    assertThat(s.storageSasExpiry()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
    assertThat(s.earliestRestorePoint()).isEqualTo(Instant.parse("2026-10-01T06:00:00Z"));
    assertThat(s.recentBackups())
        .extracting(BackupRecord::name)
        .containsExactly(
            "sitef6141_12347",
            "sitef6141_12346",
            "sitef6141_12345",
            "sitef6141_12344",
            "sitef6141_12342",
            "sitef6141_12300");
    assertThat(s.recentBackups())
        .extracting(BackupRecord::state)
        .containsExactly(
            BackupState.IN_PROGRESS,
            BackupState.FAILED,
            BackupState.SUCCEEDED,
            BackupState.SUCCEEDED,
            BackupState.SUCCEEDED,
            BackupState.SUCCEEDED);
    BackupRecord ok = s.recentBackups().get(2);
    assertThat(ok.sizeInBytes()).isEqualTo(56091883L);
    assertThat(ok.created()).isEqualTo(Instant.parse("2026-11-22T05:58:00Z"));
    assertThat(ok.finished()).isEqualTo(Instant.parse("2026-11-22T06:00:00Z"));
    assertThat(s.problems())
        .containsExactly(
            "the latest successful backup is 30 h old: the schedule expects one every 24 h",
            "the newest finished backup sitef6141_12346 ended Failed; the latest successful one"
                + " completed 2026-11-22T06:00:00Z");
    assertThat(arm.server.getAllServeEvents()).hasSize(4);
    String json = s.toJson().toString();
    assertThat(json).contains("\"latestSuccessfulBackupAge\":\"PT30H\"").doesNotContain("sig=");
    assertThat(s.describe()).contains("30 h ago").doesNotContain("sig=");
  }

  @Test
  void webAppWithNoBackupConfigured() {
    WebAppStubs.notConfigured(arm);

    BackupStatus s = reader().read(Fixtures.SITE);

    assertThat(s.latestSuccessfulBackup()).isNull();
    assertThat(s.latestSuccessfulBackupAge()).isNull();
    assertThat(s.restorable()).isFalse();
    assertThat(s.schedule()).isNull();
    assertThat(s.retentionDays()).isNull();
    assertThat(s.recentBackups()).isEmpty();
    assertThat(s.problems())
        .containsExactly(
            "no backup schedule is configured for the web app", "the service lists no backups");
  }

  @Test
  void webAppWithOnlyFailedAndRunningBackups() {
    WebAppStubs.configuredWith(arm, "web/backups-failed-and-running.json");

    BackupStatus s = reader().read(Fixtures.SITE);

    assertThat(s.latestSuccessfulBackup()).isNull();
    assertThat(s.restorable()).isFalse();
    assertThat(s.problems())
        .containsExactly(
            "no successful backup is listed (2 listed, 1 in progress)",
            "the newest finished backup sitef6141_12350 ended Failed");
  }

  @Test
  void postgresqlFlexibleServerFromTheSpecExamples() {
    arm.clock.set(Instant.parse("2021-06-24T12:00:00Z"));
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.PG))
            .willReturn(okJson(Fixtures.load("postgresql/server.json", arm.endpoint()))));
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.PG + "/backups"))
            .willReturn(okJson(Fixtures.load("postgresql/backups.json", arm.endpoint()))));

    BackupStatus s = reader().read(Fixtures.PG);

    assertThat(s.kind()).isEqualTo(BackupKind.POSTGRESQL_FLEXIBLE);
    assertThat(s.latestSuccessfulBackup()).isEqualTo(Instant.parse("2021-06-24T06:13:31.4962137Z"));
    assertThat(s.retentionDays()).isEqualTo(7);
    assertThat(s.earliestRestorePoint()).isEqualTo(Instant.parse("2021-06-17T12:00:00.123456Z"));
    assertThat(s.pointInTimeRestore()).isTrue();
    assertThat(s.restorable()).isTrue();
    assertThat(s.schedule().managedByService()).isTrue();
    assertThat(s.recentBackups()).hasSize(11);
    assertThat(s.recentBackups().get(0).name()).isEqualTo("daily_20210624T061328");
    assertThat(s.recentBackups().get(0).status()).isEqualTo("Automatic Full");
    assertThat(s.problems()).isEmpty();
  }

  @Test
  void sqlDatabaseReportsPointInTimeRestoreAndItsRetention() {
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.SQL))
            .willReturn(okJson(Fixtures.load("sql/database.json", arm.endpoint()))));
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.SQL + "/backupShortTermRetentionPolicies/default"))
            .willReturn(okJson(Fixtures.load("sql/short-term-retention.json", arm.endpoint()))));

    BackupStatus s = reader().read(Fixtures.SQL);

    assertThat(s.kind()).isEqualTo(BackupKind.SQL_DATABASE);
    assertThat(s.retentionDays()).isEqualTo(7);
    assertThat(s.earliestRestorePoint()).isEqualTo(Instant.parse("2026-11-16T12:05:00Z"));
    assertThat(s.restorable()).isTrue();
    assertThat(s.latestSuccessfulBackupAge()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.schedule().description()).contains("differential (every 24 h)");
    assertThat(s.recentBackups()).isEmpty();
  }

  @Test
  void armErrorsPropagateTyped() {
    arm.server.stubFor(
        post(urlPathEqualTo(Fixtures.SITE + "/config/backup/list"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.load("errors/authorization-failed.json", ""))));

    assertThatThrownBy(() -> reader().read(Fixtures.SITE))
        .isInstanceOf(ArmAuthenticationException.class)
        .hasMessageContaining("AuthorizationFailed");
  }

  @Test
  void unsupportedResourcesAreNamed() {
    assertThatThrownBy(
            () ->
                reader()
                    .read(
                        "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Microsoft.Compute/virtualMachines/vm1");
    assertThatThrownBy(() -> reader().read("sitef6141"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not an ARM resource id");
  }
}
