package dev.steward.cli.backup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.governance.audit.AuditTrail;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BackupCommandTest {
  @TempDir Path home;

  private static final String SITE =
      "/subscriptions/34adfa4f-cedf-4dc0-ba29-b6d1a69ab345/resourceGroups/testrg123/providers/Microsoft.Web/sites/sitef6141";
  private static final String PG =
      "/subscriptions/ffffffff-ffff-ffff-ffff-ffffffffffff/resourceGroups/TestGroup/providers/Microsoft.DBforPostgreSQL/flexibleServers/pgtestsvr";
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

  private WireMockServer server;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private int run(String... args) {
    CommandLine commandLine = Steward.commandLine();
    BackupCommand backup = (BackupCommand) commandLine.getSubcommands().get("backup").getCommand();
    backup.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    backup.sleeper = sleeps::add;
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  private void webApp(String finished) {
    server.stubFor(
        post(urlPathEqualTo(SITE + "/config/backup/list"))
            .willReturn(
                okJson(
                    "{\"properties\":{\"backupName\":\"sitef6141\",\"enabled\":true,"
                        + "\"storageAccountUrl\":\"https://acct.blob.core.windows.net/bk?sv=2022-11-02&se=2026-11-28T12%3A00%3A00Z&sr=c&sp=rwdl&sig=SECRETSIG\","
                        + "\"backupSchedule\":{\"frequencyInterval\":1,\"frequencyUnit\":\"Day\",\"keepAtLeastOneBackup\":true,"
                        + "\"retentionPeriodInDays\":30,\"startTime\":\"2026-01-01T02:00:00Z\"}}}")));
    server.stubFor(
        get(urlPathEqualTo(SITE + "/backups"))
            .willReturn(
                okJson(
                    "{\"value\":[{\"id\":\""
                        + SITE
                        + "/backups/1\",\"properties\":{\"id\":1,\"name\":\"sitef6141_1\",\"status\":\"Succeeded\","
                        + "\"sizeInBytes\":1024,\"created\":\"2026-11-21T02:00:00Z\",\"finishedTimeStamp\":\""
                        + finished
                        + "\"}}]}")));
  }

  @Test
  void statusPrintsTheStatusAndRetentionReportWithoutTheSas() {
    webApp("2026-11-22T06:00:00Z");

    int code =
        run("backup", "status", "--resource", SITE, "--arm-endpoint", endpoint(), "--token", "t");

    assertThat(code).isEqualTo(ExitCodes.FOUND);
    assertThat(out.toString())
        .contains("latest successful backup: 2026-11-22T06:00:00Z (30 h ago)")
        .contains("schedule: every 1 day at 02:00 UTC, kept 30 days")
        .contains("days without a successful backup: 0")
        .contains("problem: the latest successful backup is 30 h old")
        .doesNotContain("SECRETSIG");
  }

  @Test
  void statusAsJson() throws Exception {
    webApp("2026-11-23T06:00:00Z");

    int code =
        run(
            "backup",
            "status",
            "--resource",
            SITE,
            "--arm-endpoint",
            endpoint(),
            "--token",
            "t",
            "--output",
            "json");

    assertThat(code).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.path("latestSuccessfulBackupAge").asText()).isEqualTo("PT6H");
    assertThat(json.path("retentionReport").path("clean").asBoolean()).isTrue();
    assertThat(out.toString()).doesNotContain("SECRETSIG");
  }

  @Test
  void verifyFailsOnAStaleBackupAndPassesWithALongerMaxAge() {
    webApp("2026-11-22T06:00:00Z");

    assertThat(
            run(
                "backup",
                "verify",
                "--resource",
                SITE,
                "--arm-endpoint",
                endpoint(),
                "--token",
                "t"))
        .isEqualTo(ExitCodes.FOUND);
    assertThat(out.toString())
        .contains("NOT verified")
        .contains("30 h old, older than the allowed 24 h");

    assertThat(
            run(
                "backup",
                "verify",
                "--resource",
                SITE,
                "--arm-endpoint",
                endpoint(),
                "--token",
                "t",
                "--max-age",
                "36h"))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("verified: the latest successful backup");
  }

  @Test
  void verifyFailsClosedWithExit3WhenArmFails() {
    server.stubFor(
        post(urlPathEqualTo(SITE + "/config/backup/list"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"boom\"}}")));

    assertThat(
            run(
                "backup",
                "verify",
                "--resource",
                SITE,
                "--arm-endpoint",
                endpoint(),
                "--token",
                "t"))
        .isEqualTo(ExitCodes.FAILURE);
    assertThat(out.toString())
        .contains("NOT verified: could not read the backups")
        .contains("InternalServerError");
    assertThat(sleeps).isNotEmpty();
  }

  @Test
  void ensureIsADryRunUntilApply() {
    server.stubFor(
        get(urlPathEqualTo(PG))
            .willReturn(
                okJson(
                    "{\"properties\":{\"state\":\"Ready\",\"backup\":{\"backupRetentionDays\":7}}}")));
    server.stubFor(patch(urlPathEqualTo(PG)).willReturn(okJson("{}")));

    assertThat(
            run(
                "backup",
                "ensure",
                "--resource",
                PG,
                "--retention-days",
                "30",
                "--arm-endpoint",
                endpoint(),
                "--token",
                "t"))
        .isEqualTo(ExitCodes.FOUND);
    assertThat(out.toString())
        .contains("properties.backup.backupRetentionDays: 7 -> 30")
        .contains("dry run: nothing written");
    assertThat(server.findAll(patchRequestedFor(urlPathEqualTo(PG)))).isEmpty();

    assertThat(
            run(
                "backup",
                "ensure",
                "--resource",
                PG,
                "--retention-days",
                "30",
                "--arm-endpoint",
                endpoint(),
                "--token",
                "t",
                "--home",
                home.toString(),
                "--apply"))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("applied.");
    assertThat(server.findAll(patchRequestedFor(urlPathEqualTo(PG)))).hasSize(1);
    assertThat(AuditTrail.query(home.resolve("audit"), null, null, PG))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.action()).isEqualTo("backup.ensure");
              assertThat(r.outcome()).isEqualTo("APPLIED");
              assertThat(r.actor()).isEqualTo("cli:backup-ensure");
            });
  }

  @Test
  void badInputExitsWith2() {
    assertThat(run("backup", "status", "--resource", "not-an-id", "--token", "t"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Not an ARM resource id");
    assertThat(
            run(
                "backup",
                "ensure",
                "--resource",
                PG,
                "--retention-days",
                "3",
                "--arm-endpoint",
                endpoint(),
                "--token",
                "t"))
        .isEqualTo(ExitCodes.USAGE);
    server.stubFor(
        get(urlPathEqualTo(PG))
            .willReturn(okJson("{\"properties\":{\"backup\":{\"backupRetentionDays\":7}}}")));
    assertThat(
            run(
                "backup",
                "ensure",
                "--resource",
                SITE,
                "--arm-endpoint",
                endpoint(),
                "--token",
                "t"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--storage-account and --container");
    assertThat(run("backup", "verify", "--resource", SITE, "--max-age", "soon", "--token", "t"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(
            run(
                "backup",
                "status",
                "--resource",
                SITE,
                "--arm-endpoint",
                "http://arm.example.com",
                "--token",
                "t"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("non-loopback");
  }

  @Test
  void helpDocumentsTheExitCodes() {
    assertThat(run("backup", "ensure", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("1   changes pending (dry run)")
        .contains("--apply")
        .contains("--arm-endpoint");
  }
}
