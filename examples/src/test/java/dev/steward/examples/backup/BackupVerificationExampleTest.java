package dev.steward.examples.backup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.governance.backup.BackupPlan;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the example against WireMock on 127.0.0.1 serving ARM's response shapes. */
class BackupVerificationExampleTest {
  private static final String SITE =
      "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testrg123/providers/Microsoft.Web/sites/sitef6141";
  private static final String STORAGE =
      "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testrg123/providers/Microsoft.Storage/storageAccounts/stewardbackups";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
  private static final Map<String, String> PRODUCTION = Map.of("STEWARD_ENVIRONMENT", "production");

  private WireMockServer arm;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @BeforeEach
  void start() {
    arm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    arm.start();
  }

  @AfterEach
  void stop() {
    arm.stop();
  }

  private String endpoint() {
    return "http://127.0.0.1:" + arm.port();
  }

  private void backups(String... finished) {
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < finished.length; i++) {
      value
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"")
          .append(SITE)
          .append("/backups/")
          .append(100 + i)
          .append("\",\"properties\":{\"id\":")
          .append(100 + i)
          .append(",\"name\":\"sitef6141_")
          .append(100 + i)
          .append("\",\"status\":\"Succeeded\",\"sizeInBytes\":56091883,\"created\":\"")
          .append(finished[i])
          .append("\",\"finishedTimeStamp\":\"")
          .append(finished[i])
          .append("\"}}");
    }
    arm.stubFor(
        post(urlPathEqualTo(SITE + "/config/backup/list"))
            .willReturn(
                okJson(
                    "{\"properties\":{\"enabled\":true,\"storageAccountUrl\":\"https://stewardbackups.blob.core.windows.net/webapp-backups?se=2026-11-28T12%3A00%3A00Z&sig=x\","
                        + "\"backupSchedule\":{\"frequencyInterval\":1,\"frequencyUnit\":\"Day\",\"keepAtLeastOneBackup\":true,"
                        + "\"retentionPeriodInDays\":30,\"startTime\":\"2026-01-01T02:00:00Z\"}}}")));
    arm.stubFor(
        get(urlPathEqualTo(SITE + "/backups"))
            .withHeader("Authorization", equalTo("Bearer arm-token"))
            .willReturn(okJson("{\"value\":[" + value + "]}")));
  }

  @Test
  void aThirtyHourOldBackupBlocksThePurgeAndAFreshOneAsksForConfirmation() {
    backups("2026-11-22T06:00:00Z");
    Decision refused =
        BackupVerificationExample.checkBeforePurge(
            BackupVerificationExample.loopbackArmClient(endpoint(), "arm-token"),
            SITE,
            PRODUCTION,
            CLOCK,
            out);
    assertThat(refused.verdict()).isEqualTo(Verdict.PROHIBIT);

    arm.resetAll();
    backups("2026-11-23T11:00:00Z", "2026-11-22T06:00:00Z");
    Decision confirm =
        BackupVerificationExample.checkBeforePurge(
            BackupVerificationExample.loopbackArmClient(endpoint(), "arm-token"),
            SITE,
            PRODUCTION,
            CLOCK,
            out);
    assertThat(confirm.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("latest successful backup: 2026-11-22T06:00:00Z (30 h ago)")
        .contains("PROHIBIT")
        .contains("latest successful backup: 2026-11-23T11:00:00Z (60 min ago)")
        .contains("REQUIRE_CONFIRMATION");
  }

  @Test
  void theBackupPlanIsADryRunThatMasksTheSas() {
    backups("2026-11-23T11:00:00Z");
    arm.stubFor(
        get(urlPathEqualTo(STORAGE))
            .willReturn(
                okJson(
                    "{\"name\":\"stewardbackups\",\"properties\":{\"primaryEndpoints\":{\"blob\":\"https://stewardbackups.blob.core.windows.net/\"}}}")));
    arm.stubFor(
        get(urlPathEqualTo(STORAGE + "/blobServices/default/containers/webapp-backups"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"ContainerNotFound\",\"message\":\"The specified container does not exist.\"}}")));

    BackupPlan plan =
        BackupVerificationExample.planDailyBackups(
            BackupVerificationExample.loopbackArmClient(endpoint(), "arm-token"),
            SITE,
            STORAGE,
            "webapp-backups",
            false,
            CLOCK,
            out);

    assertThat(plan.isApplied()).isFalse();
    // Schedule, retention and a SAS valid 5 more days are already right: only the container is new.
    assertThat(plan.changes()).extracting(c -> c.what()).containsExactly("container");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("container: (none) -> created, private")
        .doesNotContain("sig=");
    assertThat(arm.findAll(putRequestedFor(anyUrl()))).isEmpty();
  }
}
