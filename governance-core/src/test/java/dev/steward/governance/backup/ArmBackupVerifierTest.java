package dev.steward.governance.backup;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.governance.arm.ArmWireMock;
import dev.steward.guard.ProductionGuard;
import dev.steward.guard.models.Check;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.Target;
import dev.steward.guard.models.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArmBackupVerifierTest {
  private final ArmWireMock arm = new ArmWireMock();

  @AfterEach
  void stop() {
    arm.close();
  }

  private ArmBackupVerifier verifier() {
    return ArmBackupVerifier.builder(new BackupStatusReader(arm.client(), arm.clock)).build();
  }

  private ProductionGuard guard() {
    return ProductionGuard.builder()
        .environmentVariables(Map.of("STEWARD_ENVIRONMENT", "production"))
        .clock(arm.clock)
        .backupVerifier(verifier())
        .requireBackupFor(dev.steward.guard.models.OperationKind.DESTRUCTIVE)
        .build();
  }

  @Test
  void
      theGuardRefusesADestructiveOperationOnA30HourOldBackupThenAsksForConfirmationAfterAFreshOne() {
    WebAppStubs.configuredWithThreePages(arm);
    ProductionGuard guard = guard();
    Operation purge =
        Operation.destructive(Target.stamped(Fixtures.SITE, Environment.PRODUCTION)).named("purge");

    Decision refused = guard.evaluate(purge);

    assertThat(refused.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(refused.reasons())
        .anySatisfy(
            r -> {
              assertThat(r.check()).isEqualTo(Check.BACKUP);
              assertThat(r.message())
                  .contains("sitef6141_12345")
                  .contains("2026-11-22T06:00:00Z")
                  .contains("1d 6h old");
            });

    // A backup completes at 11:00 (an hour before the fixed clock).
    arm.server.resetAll();
    WebAppStubs.configuredWith(arm, "web/backups-fresh.json");

    Decision confirm = guard.evaluate(purge);

    assertThat(confirm.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    assertThat(confirm.confirmationPhrase()).contains(Fixtures.SITE);
  }

  @Test
  void failsClosedWithAReasonWhenOnlyFailedOrRunningBackupsExist() {
    WebAppStubs.configuredWith(arm, "web/backups-failed-and-running.json");

    assertThatThrownBy(() -> verifier().latestRestorableBackup(Target.named(Fixtures.SITE)))
        .isInstanceOf(BackupVerificationException.class)
        .hasMessageContaining("no successful backup")
        .hasMessageContaining("1 in progress")
        .hasMessageContaining("ended Failed");
    Decision d =
        guard()
            .evaluate(Operation.destructive(Target.stamped(Fixtures.SITE, Environment.PRODUCTION)));
    assertThat(d.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(d.reasons())
        .anySatisfy(r -> assertThat(r.message()).contains("no successful backup"));
  }

  @Test
  void failsClosedWhenNoBackupIsConfiguredOrArmFails() {
    WebAppStubs.notConfigured(arm);
    BackupVerification none = verifier().verify(Fixtures.SITE);
    assertThat(none.passed()).isFalse();
    assertThat(none.reason()).contains("no backup schedule is configured");

    arm.server.resetAll();
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.PG))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"boom\"}}")));
    BackupVerification failed = verifier().verify(Fixtures.PG);
    assertThat(failed.passed()).isFalse();
    assertThat(failed.status()).isNull();
    assertThat(failed.reason())
        .contains("could not read the backups")
        .contains("InternalServerError");
    Decision d =
        guard()
            .evaluate(Operation.destructive(Target.stamped(Fixtures.PG, Environment.PRODUCTION)));
    assertThat(d.verdict()).isEqualTo(Verdict.PROHIBIT);
  }

  @Test
  void verifyPassesOnlyYoungerThanTheAllowedAge() {
    WebAppStubs.configuredWithThreePages(arm);
    BackupVerification stale = verifier().verify(Fixtures.SITE);
    assertThat(stale.passed()).isFalse();
    assertThat(stale.reason()).contains("30 h old, older than the allowed 24 h");

    BackupStatusReader reader = new BackupStatusReader(arm.client(), arm.clock);
    BackupVerification lenient =
        ArmBackupVerifier.builder(reader)
            .maxAge(Duration.ofHours(36))
            .build()
            .verify(Fixtures.SITE);
    assertThat(lenient.passed()).isTrue();
    assertThat(lenient.reason()).contains("2026-11-22T06:00:00Z").contains("is restorable");
  }

  @Test
  void mapsGuardTargetNamesToResourceIds() throws Exception {
    WebAppStubs.configuredWith(arm, "web/backups-fresh.json");
    ArmBackupVerifier v =
        ArmBackupVerifier.builder(new BackupStatusReader(arm.client(), arm.clock))
            .resourceIds(Map.of("orders-web", Fixtures.SITE))
            .build();

    assertThat(v.latestRestorableBackup(Target.named("orders-web")))
        .hasValueSatisfying(
            b -> {
              assertThat(b.target()).isEqualTo("orders-web");
              assertThat(b.completedAt()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
              assertThat(b.reference()).endsWith("backup sitef6141_12348");
            });
    assertThatThrownBy(() -> v.latestRestorableBackup(Target.named("unknown-db")))
        .isInstanceOf(BackupVerificationException.class)
        .hasMessageContaining("no ARM resource id is known for guard target 'unknown-db'");
  }

  @Test
  void sqlPointInTimeRestoreSatisfiesTheGuard() {
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.SQL))
            .willReturn(okJson(Fixtures.load("sql/database.json", arm.endpoint()))));
    arm.server.stubFor(
        get(urlPathEqualTo(Fixtures.SQL + "/backupShortTermRetentionPolicies/default"))
            .willReturn(okJson(Fixtures.load("sql/short-term-retention.json", arm.endpoint()))));

    Decision d =
        guard()
            .evaluate(Operation.destructive(Target.stamped(Fixtures.SQL, Environment.PRODUCTION)));

    assertThat(d.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
  }
}
