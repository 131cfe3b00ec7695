package dev.steward.governance.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.arm.ArmWireMock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetentionReportTest {
  private final ArmWireMock arm = new ArmWireMock();

  @AfterEach
  void stop() {
    arm.close();
  }

  @Test
  void findsBackupsOlderThanRetentionFailuresAndGaps() {
    WebAppStubs.configuredWithThreePages(arm);
    BackupStatus status = new BackupStatusReader(arm.client(), arm.clock).read(Fixtures.SITE);

    RetentionReport report = RetentionReport.of(status);

    assertThat(report.retentionDays()).isEqualTo(30);
    assertThat(report.olderThanRetention())
        .extracting(BackupRecord::name)
        .containsExactly("sitef6141_12300");
    assertThat(report.failing()).extracting(BackupRecord::name).containsExactly("sitef6141_12346");
    assertThat(report.missingDays()).containsExactly(LocalDate.parse("2026-11-20"));
    assertThat(report.isClean()).isFalse();
    assertThat(report.describe())
        .contains("older than retention (30 days): 1")
        .contains("2026-11-20");
    assertThat(report.toJson().path("clean").asBoolean()).isFalse();
  }

  @Test
  void aWebAppWithoutConfigurationNotesWhatCannotBeChecked() {
    WebAppStubs.notConfigured(arm);
    BackupStatus status = new BackupStatusReader(arm.client(), arm.clock).read(Fixtures.SITE);

    RetentionReport report = RetentionReport.of(status);

    assertThat(report.isClean()).isTrue();
    assertThat(report.notes())
        .containsExactly(
            "no retention is configured: backups older than retention cannot be checked",
            "the schedule is not daily: gaps in a daily series are not checked");
  }
}
