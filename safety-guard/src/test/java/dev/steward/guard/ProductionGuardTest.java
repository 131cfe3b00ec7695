package dev.steward.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.guard.models.AuditEvent;
import dev.steward.guard.models.Check;
import dev.steward.guard.models.DataProfile;
import dev.steward.guard.models.DataSample;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Environment;
import dev.steward.guard.models.Grant;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.OperationKind;
import dev.steward.guard.models.Reason;
import dev.steward.guard.models.Source;
import dev.steward.guard.models.Target;
import dev.steward.guard.models.Verdict;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProductionGuardTest {

  private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
  private final RecordingAuditSink audit = new RecordingAuditSink();

  private ProductionGuard.Builder guard(Map<String, String> env) {
    return ProductionGuard.builder()
        .environmentVariables(env)
        .clock(clock)
        .auditSink(audit)
        .principal("alice");
  }

  private ProductionGuard inEnvironment(String environment) {
    return guard(Map.of("STEWARD_ENVIRONMENT", environment)).build();
  }

  private static Source seedSource() {
    return Source.profiled(
        TestDataDetector.defaults()
            .profile(
                DataSample.ofUsers(
                    "local ai_learning.db",
                    List.of("admin", "demo", "test_user", "sample@example.com", "bharath"))));
  }

  private static List<Check> checks(Decision decision, Verdict verdict) {
    return decision.reasons().stream()
        .filter(r -> r.verdict() == verdict)
        .map(Reason::check)
        .toList();
  }

  // --- plain decisions ---------------------------------------------------------------------

  @Test
  void readsAreAlwaysAllowedEvenOnProductionFromDevelopment() {
    Decision decision =
        inEnvironment("development")
            .evaluate(Operation.read(Target.stamped("orders-db", Environment.PRODUCTION)));
    assertThat(decision.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(decision.reasons()).isEmpty();
  }

  @Test
  void writesInDevelopmentToAnUnstampedTargetAreAllowed() {
    Decision decision = inEnvironment("development").evaluate(Operation.write(Target.named("db")));
    assertThat(decision.isAllowed()).isTrue();
    assertThat(decision.grant()).isEqualTo(Grant.NONE);
    assertThat(decision.headline()).startsWith("ALLOW: write on 'db' (unstamped) in development");
  }

  @Test
  void destructiveInDevelopmentIsAllowed() {
    assertThat(
            inEnvironment("development")
                .evaluate(Operation.destructive(Target.stamped("db", Environment.DEVELOPMENT)))
                .verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void writesInProductionToProductionAreTheNormalBusiness() {
    assertThat(
            inEnvironment("production")
                .evaluate(Operation.write(Target.stamped("orders-db", Environment.PRODUCTION)))
                .verdict())
        .isEqualTo(Verdict.ALLOW);
  }

  @Test
  void destructiveInProductionNeedsAConfirmationNamingTheTarget() {
    Decision decision =
        inEnvironment("production")
            .evaluate(Operation.destructive(Target.named("orders-db")).named("purge"));
    assertThat(decision.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    assertThat(decision.confirmationPhrase()).isEqualTo("CONFIRM_DANGEROUS_OPERATION orders-db");
    Reason reason = decision.reasons().get(0);
    assertThat(reason.check()).isEqualTo(Check.CONFIRMATION);
    assertThat(reason.message())
        .contains("destructive 'purge' on 'orders-db'")
        .contains("production");
    assertThat(reason.wayOut())
        .contains("CONFIRM_DANGEROUS_OPERATION orders-db")
        .contains("STEWARD_CONFIRM")
        .contains("STEWARD_GUARD_OVERRIDE=destructive:orders-db");
  }

  @Test
  void requireConfirmationTurnsAProductionWriteIntoAConfirmation() {
    Decision decision =
        inEnvironment("production")
            .evaluate(Operation.write(Target.named("orders-db")).withConfirmationRequired());
    assertThat(decision.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    assertThat(decision.reasons().get(0).message()).contains("asks for a typed confirmation");
  }

  @Test
  void unknownEnvironmentProtectsWritesAndSaysHowToDeclareIt() {
    Decision decision =
        guard(Map.of()).build().evaluate(Operation.write(Target.named("orders-db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    assertThat(decision.environment().environment()).isEqualTo(Environment.UNKNOWN);
    assertThat(decision.reasons().get(0).message()).contains("environment is unknown");
    assertThat(decision.reasons().get(0).wayOut())
        .contains("STEWARD_ENVIRONMENT=production|staging|test|development");
  }

  @Test
  void mixedEnvironmentProtectsDestructiveOperations() {
    Decision decision =
        guard(Map.of("WEBSITE_SITE_NAME", "shop", "FLASK_ENV", "development"))
            .build()
            .evaluate(Operation.destructive(Target.named("orders-db")));
    assertThat(decision.environment().environment()).isEqualTo(Environment.MIXED);
    assertThat(decision.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
  }

  @Test
  void readsInAnUnknownEnvironmentAreAllowed() {
    assertThat(guard(Map.of()).build().evaluate(Operation.read(Target.named("x"))).isAllowed())
        .isTrue();
  }

  // --- stamps -----------------------------------------------------------------------------

  @Test
  void aProductionStampedTargetIsNotChangedFromDevelopment() {
    Decision decision =
        guard(Map.of("FLASK_ENV", "development"))
            .build()
            .evaluate(Operation.write(Target.stamped("orders-db", Environment.PRODUCTION)));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    Reason reason = decision.reasons().get(0);
    assertThat(reason.check()).isEqualTo(Check.STAMP);
    assertThat(reason.overridable()).isTrue();
    assertThat(reason.message())
        .contains("'orders-db' is stamped production but this process runs in development")
        .contains("FLASK_ENV=development");
    assertThat(reason.wayOut())
        .contains("STEWARD_GUARD_OVERRIDE=write:orders-db")
        .contains("steward guard stamp");
    assertThatThrownBy(
            () ->
                guard(Map.of("FLASK_ENV", "development"))
                    .build()
                    .check(Operation.write(Target.stamped("orders-db", Environment.PRODUCTION))))
        .isInstanceOf(EnvironmentMismatchException.class);
  }

  @Test
  void aProductionStampReachedFromAnUnknownProcessTellsHowToDeclare() {
    Decision decision =
        guard(Map.of())
            .build()
            .evaluate(Operation.destructive(Target.stamped("orders-db", Environment.PRODUCTION)));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).wayOut()).contains("STEWARD_ENVIRONMENT=");
  }

  @Test
  void aProductionProcessWritingATestStampedTargetNeedsAConfirmation() {
    Decision decision =
        inEnvironment("production")
            .evaluate(Operation.write(Target.stamped("scratch", Environment.TEST)));
    assertThat(decision.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    assertThat(decision.reasons().get(0).check()).isEqualTo(Check.STAMP);
  }

  @Test
  void developmentWritingAStagingStampedTargetIsAllowed() {
    assertThat(
            inEnvironment("development")
                .evaluate(Operation.write(Target.stamped("qa-db", Environment.STAGING)))
                .isAllowed())
        .isTrue();
  }

  @Test
  void protectedEnvironmentsAreConfigurable() {
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "development"))
            .protectedEnvironments(List.of(Environment.PRODUCTION, Environment.STAGING))
            .build();
    assertThat(guard.evaluate(Operation.write(Target.stamped("qa", Environment.STAGING))).verdict())
        .isEqualTo(Verdict.PROHIBIT);
  }

  @Test
  void registeredTargetStampsApplyToNamedTargets() {
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "development"))
            .targetStamp("orders-db", Environment.PRODUCTION)
            .build();
    assertThat(guard.target("orders-db").stamp()).contains(Environment.PRODUCTION);
    assertThat(guard.target("other").stamp()).isEmpty();
    assertThat(guard.evaluate(Operation.write(guard.target("orders-db"))).verdict())
        .isEqualTo(Verdict.PROHIBIT);
  }

  @Test
  void aStampLookupIsReadAtEvaluation() {
    AtomicInteger reads = new AtomicInteger();
    Target target =
        Target.withStampFrom(
            "orders-db",
            () -> {
              reads.incrementAndGet();
              return Optional.of(Environment.PRODUCTION);
            });
    Decision decision = inEnvironment("development").evaluate(Operation.write(target));
    assertThat(reads).hasValue(1);
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.operation().target().stamp()).contains(Environment.PRODUCTION);
  }

  // --- fail closed --------------------------------------------------------------------------

  @Test
  void aFailingStampLookupProhibits() {
    Target target =
        Target.withStampFrom(
            "orders-db",
            () -> {
              throw new java.sql.SQLException("connection refused; password=hunter2");
            });
    Decision decision = inEnvironment("production").evaluate(Operation.write(target));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).message())
        .contains("could not read the environment stamp of 'orders-db'")
        .contains("connection refused")
        .doesNotContain("hunter2");
  }

  @Test
  void aFailingDetectorProhibitsEverythingEvenReads() {
    ProductionGuard guard =
        guard(Map.of())
            .detectors(
                List.of(
                    env -> {
                      throw new IllegalStateException("IMDS unreachable");
                    }))
            .build();
    Decision decision = guard.evaluate(Operation.read(Target.named("orders-db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).check()).isEqualTo(Check.ENVIRONMENT);
    assertThat(decision.reasons().get(0).message()).contains("IMDS unreachable");
    assertThat(decision.reasons().get(0).wayOut()).contains("STEWARD_ENVIRONMENT=");
  }

  @Test
  void anInvalidExplicitEnvironmentProhibits() {
    Decision decision =
        guard(Map.of("STEWARD_ENVIRONMENT", "prod-eu"))
            .build()
            .evaluate(Operation.write(Target.named("db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).message()).contains("prod-eu");
  }

  @Test
  void aHangingDetectorTimesOutIntoProhibit() {
    CountDownLatch never = new CountDownLatch(1);
    ProductionGuard guard =
        guard(Map.of())
            .checkTimeout(Duration.ofMillis(100))
            .detectors(
                List.of(
                    env -> {
                      never.await();
                      return List.of();
                    }))
            .build();
    try {
      Decision decision = guard.evaluate(Operation.write(Target.named("db")));
      assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
      assertThat(decision.reasons().get(0).message())
          .contains("environment detection did not finish within 100ms");
    } finally {
      never.countDown();
    }
  }

  @Test
  void aDetectionThatRecoversIsRetriedAndThenCached() {
    AtomicInteger calls = new AtomicInteger();
    ProductionGuard guard =
        guard(Map.of())
            .detectors(
                List.of(
                    env -> {
                      if (calls.incrementAndGet() == 1) {
                        throw new IllegalStateException("first call fails");
                      }
                      return EnvironmentDetectors.declared(Environment.DEVELOPMENT).detect(env);
                    }))
            .build();
    assertThat(guard.environment().failureMessage()).isPresent();
    assertThat(guard.environment().environment()).isEqualTo(Environment.DEVELOPMENT);
    guard.environment();
    assertThat(calls).hasValue(2);
  }

  @Test
  void aSignalThatThrowsInsideTheGuardProhibits() {
    Decision decision =
        inEnvironment("production")
            .evaluate(
                Operation.dataDeployment(
                    new Source("weird", () -> null), Target.named("orders-db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).message()).contains("the profiler returned no profile");
  }

  // --- test data ----------------------------------------------------------------------------

  @Test
  void theSeedScenarioIsProhibitedTowardsProduction() {
    Decision decision =
        guard(Map.of("FLASK_ENV", "development"))
            .build()
            .evaluate(
                Operation.dataDeployment(
                        seedSource(), Target.stamped("production-db", Environment.PRODUCTION))
                    .named("push local database"));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.profile()).map(DataProfile::confidence).contains(1.0);
    assertThat(checks(decision, Verdict.PROHIBIT)).containsExactly(Check.STAMP, Check.TEST_DATA);
    assertThat(ProductionGuard.exceptionFor(decision))
        .isExactlyInstanceOf(OperationProhibitedException.class);
    assertThat(decision.message())
        .contains("source 'local ai_learning.db' looks like test data (confidence 1.00")
        .contains("4 of 5 users (80%) match test patterns")
        .contains("never lifted by a confirmation or an override");
  }

  @Test
  void testDataIsProhibitedEvenFromProductionAndEvenWithAnOverride() {
    ProductionGuard guard =
        guard(
                Map.of(
                    "STEWARD_ENVIRONMENT", "production",
                    "STEWARD_GUARD_OVERRIDE", "data-deployment:orders-db"))
            .build();
    Decision decision =
        guard.evaluate(Operation.dataDeployment(seedSource(), Target.named("orders-db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(checks(decision, Verdict.PROHIBIT)).containsExactly(Check.TEST_DATA);
  }

  @Test
  void realLookingDataNeedsOnlyAConfirmation() {
    Source replica =
        Source.profiled(
            TestDataDetector.defaults()
                .profile(
                    new DataSample(
                        "nightly replica",
                        5000,
                        List.of("ann@contoso.com", "bob@fabrikam.com", "admin@contoso.com"),
                        250_000,
                        false,
                        java.util.Set.of())));
    Decision decision =
        inEnvironment("production")
            .evaluate(Operation.dataDeployment(replica, Target.named("orders-db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    assertThat(decision.profile().orElseThrow().confidence()).isLessThan(0.7);
  }

  @Test
  void aDataDeploymentBetweenDevelopmentDatabasesIsNotProfiled() {
    AtomicInteger profiled = new AtomicInteger();
    Source source =
        new Source(
            "local",
            () -> {
              profiled.incrementAndGet();
              return TestDataDetector.defaults()
                  .profile(DataSample.ofUsers("local", List.of("admin")));
            });
    Decision decision =
        inEnvironment("development")
            .evaluate(Operation.dataDeployment(source, Target.named("dev")));
    assertThat(decision.isAllowed()).isTrue();
    assertThat(profiled).hasValue(0);
  }

  @Test
  void aDataDeploymentWithoutSourceOntoProductionIsProhibited() {
    Decision decision =
        inEnvironment("production")
            .evaluate(Operation.of(OperationKind.DATA_DEPLOYMENT, Target.named("orders-db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).message()).contains("names no source");
  }

  @Test
  void aFailingProfilerProhibits() {
    Source broken =
        new Source(
            "local",
            () -> {
              throw new java.sql.SQLException("table USERS not found");
            });
    Decision decision =
        inEnvironment("production")
            .evaluate(Operation.dataDeployment(broken, Target.named("orders-db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).message())
        .contains("could not profile source 'local'")
        .contains("table USERS not found");
  }

  @Test
  void aHangingProfilerTimesOutIntoProhibit() {
    CountDownLatch never = new CountDownLatch(1);
    Source hanging =
        new Source(
            "slow",
            () -> {
              never.await();
              return null;
            });
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .checkTimeout(Duration.ofMillis(100))
            .build();
    try {
      Decision decision = guard.evaluate(Operation.dataDeployment(hanging, Target.named("db")));
      assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
      assertThat(decision.reasons().get(0).message())
          .contains("profiling source 'slow' did not finish within 100ms");
    } finally {
      never.countDown();
    }
  }

  @Test
  void theTestDataThresholdIsConfigurable() {
    Source half = Source.profiled(new DataProfile("half", 0.5, List.of()));
    ProductionGuard strict =
        guard(Map.of("STEWARD_ENVIRONMENT", "production")).testDataThreshold(0.5).build();
    assertThat(strict.evaluate(Operation.dataDeployment(half, Target.named("db"))).verdict())
        .isEqualTo(Verdict.PROHIBIT);
    assertThat(
            inEnvironment("production")
                .evaluate(Operation.dataDeployment(half, Target.named("db")))
                .verdict())
        .isEqualTo(Verdict.REQUIRE_CONFIRMATION);
  }

  // --- backups ------------------------------------------------------------------------------

  @Test
  void aRecentBackupSatisfiesTheRequirement() {
    InMemoryBackupVerifier backups =
        new InMemoryBackupVerifier()
            .record("orders-db", clock.instant().minus(Duration.ofHours(2)), "bk-1");
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production")).backupVerifier(backups).build();
    assertThat(
            guard
                .evaluate(Operation.write(Target.named("orders-db")).withBackupRequired())
                .isAllowed())
        .isTrue();
  }

  @Test
  void aStaleBackupProhibits() {
    InMemoryBackupVerifier backups =
        new InMemoryBackupVerifier()
            .record("orders-db", clock.instant().minus(Duration.ofHours(30)), "bk-1")
            .record("orders-db", clock.instant().minus(Duration.ofHours(40)), "bk-0");
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production")).backupVerifier(backups).build();
    Decision decision =
        guard.evaluate(Operation.write(Target.named("orders-db")).withBackupRequired());
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).message())
        .contains("bk-1")
        .contains("is 1d 6h old, more than the allowed 1d");
    assertThatThrownBy(
            () -> guard.check(Operation.write(Target.named("orders-db")).withBackupRequired()))
        .isInstanceOf(BackupRequiredException.class);
  }

  @Test
  void theBackupAgeIsConfigurable() {
    InMemoryBackupVerifier backups =
        new InMemoryBackupVerifier()
            .record("orders-db", clock.instant().minus(Duration.ofHours(30)), "bk-1");
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .backupVerifier(backups)
            .maxBackupAge(Duration.ofHours(48))
            .build();
    assertThat(
            guard
                .evaluate(Operation.write(Target.named("orders-db")).withBackupRequired())
                .isAllowed())
        .isTrue();
  }

  @Test
  void noBackupProhibits() {
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .backupVerifier(new InMemoryBackupVerifier())
            .build();
    Decision decision =
        guard.evaluate(Operation.write(Target.named("orders-db")).withBackupRequired());
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).message())
        .contains("no restorable backup of 'orders-db' is known");
  }

  @Test
  void noVerifierProhibitsWhenABackupIsRequired() {
    Decision decision =
        inEnvironment("production")
            .evaluate(Operation.write(Target.named("orders-db")).withBackupRequired());
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).message()).contains("no BackupVerifier");
  }

  @Test
  void aFailingVerifierProhibits() {
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .backupVerifier(
                target -> {
                  throw new IllegalStateException("ARM returned 503");
                })
            .build();
    Decision decision =
        guard.evaluate(Operation.write(Target.named("orders-db")).withBackupRequired());
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).message()).contains("ARM returned 503");
  }

  @Test
  void aHangingVerifierTimesOutIntoProhibit() {
    CountDownLatch never = new CountDownLatch(1);
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .checkTimeout(Duration.ofMillis(100))
            .backupVerifier(
                target -> {
                  never.await();
                  return Optional.empty();
                })
            .build();
    try {
      Decision decision =
          guard.evaluate(Operation.write(Target.named("orders-db")).withBackupRequired());
      assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
      assertThat(decision.reasons().get(0).message()).contains("did not finish within 100ms");
    } finally {
      never.countDown();
    }
  }

  @Test
  void backupsAreNotAskedForUnprotectedTargets() {
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "development"))
            .backupVerifier(
                target -> {
                  throw new AssertionError("must not be asked");
                })
            .build();
    assertThat(guard.evaluate(Operation.write(Target.named("db")).withBackupRequired()).isAllowed())
        .isTrue();
  }

  @Test
  void policyCanRequireBackupsForAKind() {
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .requireBackupFor(OperationKind.DESTRUCTIVE)
            .build();
    Decision decision = guard.evaluate(Operation.destructive(Target.named("orders-db")));
    assertThat(checks(decision, Verdict.PROHIBIT)).containsExactly(Check.BACKUP);
  }

  // --- policy ---------------------------------------------------------------------------------

  @Test
  void aPolicyProhibitionIsHardAndCannotBeConfirmed() {
    ProgrammaticConfirmations confirmations = Confirmations.programmatic(clock);
    ProductionGuard guard =
        guard(
                Map.of(
                    "STEWARD_ENVIRONMENT", "production",
                    "STEWARD_GUARD_OVERRIDE", "destructive:orders-db"))
            .prohibit(OperationKind.DESTRUCTIVE, Environment.PRODUCTION)
            .confirmationProvider(confirmations)
            .build();
    confirmations.confirm("CONFIRM_DANGEROUS_OPERATION orders-db");
    Decision decision = guard.evaluate(Operation.destructive(Target.named("orders-db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(checks(decision, Verdict.PROHIBIT)).containsExactly(Check.POLICY);
    assertThat(decision.reasons().get(0).wayOut()).contains("no confirmation or override");
  }

  // --- confirmations ----------------------------------------------------------------------

  @Test
  void aProgrammaticConfirmationNamingTheTargetAllowsOnce() {
    ProgrammaticConfirmations confirmations = Confirmations.programmatic(clock);
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .confirmationProvider(confirmations)
            .build();
    confirmations.confirm("CONFIRM_DANGEROUS_OPERATION orders-db");
    Decision first = guard.evaluate(Operation.destructive(Target.named("orders-db")));
    assertThat(first.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(first.grant()).isEqualTo(Grant.CONFIRMED);
    assertThat(first.reasons()).extracting(Reason::check).contains(Check.CONFIRMATION);
    Decision second = guard.evaluate(Operation.destructive(Target.named("orders-db")));
    assertThat(second.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    assertThatThrownBy(() -> guard.check(Operation.destructive(Target.named("orders-db"))))
        .isInstanceOf(ConfirmationRequiredException.class)
        .hasMessageContaining("CONFIRM_DANGEROUS_OPERATION orders-db");
  }

  @Test
  void aConfirmationForAnotherTargetDoesNotCount() {
    ProgrammaticConfirmations confirmations = Confirmations.programmatic(clock);
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .confirmationProvider(confirmations)
            .build();
    confirmations.confirm("CONFIRM_DANGEROUS_OPERATION billing-db");
    assertThat(guard.evaluate(Operation.destructive(Target.named("orders-db"))).verdict())
        .isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    assertThat(confirmations.pendingCount()).isEqualTo(1);
  }

  @Test
  void anExpiredConfirmationIsRejected() {
    ProgrammaticConfirmations confirmations = Confirmations.programmatic(clock);
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .confirmationProvider(confirmations)
            .build();
    confirmations.confirm("CONFIRM_DANGEROUS_OPERATION orders-db");
    clock.advance(Duration.ofMinutes(6));
    Decision decision = guard.evaluate(Operation.destructive(Target.named("orders-db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    assertThat(decision.reasons().get(1).message())
        .contains("expired: given 6m ago, a confirmation is valid for 5m");
  }

  @Test
  void theEnvironmentVariableConfirmsOnceAndOnlyItsTarget() {
    ProductionGuard guard =
        guard(
                Map.of(
                    "STEWARD_ENVIRONMENT", "production",
                    "STEWARD_CONFIRM", "CONFIRM_DANGEROUS_OPERATION orders-db"))
            .build();
    assertThat(guard.evaluate(Operation.destructive(Target.named("billing-db"))).verdict())
        .isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    Decision confirmed = guard.evaluate(Operation.destructive(Target.named("orders-db")));
    assertThat(confirmed.grant()).isEqualTo(Grant.CONFIRMED);
    assertThat(confirmed.reasons().get(1).message())
        .contains("confirmed by environment variable STEWARD_CONFIRM");
    Decision again = guard.evaluate(Operation.destructive(Target.named("orders-db")));
    assertThat(again.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    assertThat(again.reasons().get(1).message()).contains("already used");
  }

  @Test
  void theEnvironmentVariableConfirmationExpires() {
    ProductionGuard guard =
        guard(
                Map.of(
                    "STEWARD_ENVIRONMENT", "production",
                    "STEWARD_CONFIRM", "CONFIRM_DANGEROUS_OPERATION orders-db"))
            .build();
    clock.advance(Duration.ofMinutes(10));
    assertThat(guard.evaluate(Operation.destructive(Target.named("orders-db"))).verdict())
        .isEqualTo(Verdict.REQUIRE_CONFIRMATION);
  }

  @Test
  void theEnvironmentVariableCanBeSwitchedOff() {
    ProductionGuard guard =
        guard(
                Map.of(
                    "STEWARD_ENVIRONMENT", "production",
                    "STEWARD_CONFIRM", "CONFIRM_DANGEROUS_OPERATION orders-db"))
            .confirmFromEnvironment(false)
            .build();
    assertThat(guard.evaluate(Operation.destructive(Target.named("orders-db"))).verdict())
        .isEqualTo(Verdict.REQUIRE_CONFIRMATION);
  }

  @Test
  void theConsolePromptShowsTheReasonsAndAcceptsTheExactPhrase() {
    StringWriter screen = new StringWriter();
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .confirmationProvider(
                Confirmations.console(
                    new BufferedReader(new StringReader("CONFIRM_DANGEROUS_OPERATION orders-db\n")),
                    new PrintWriter(screen),
                    clock))
            .build();
    Decision decision = guard.evaluate(Operation.destructive(Target.named("orders-db")));
    assertThat(decision.grant()).isEqualTo(Grant.CONFIRMED);
    assertThat(screen.toString())
        .contains("The guard needs a confirmation for destructive on 'orders-db' in production")
        .contains("Type 'CONFIRM_DANGEROUS_OPERATION orders-db' to continue (valid 5m)");
  }

  @Test
  void aConsoleAnswerThatIsNotThePhraseIsRejected() {
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .confirmationProvider(
                Confirmations.console(
                    new BufferedReader(new StringReader("yes\n")),
                    new PrintWriter(new StringWriter()),
                    clock))
            .build();
    Decision decision = guard.evaluate(Operation.destructive(Target.named("orders-db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    assertThat(decision.reasons().get(1).message())
        .contains("does not name this target")
        .doesNotContain("yes");
  }

  @Test
  void aConsoleAtEndOfInputGivesNothing() {
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .confirmationProvider(
                Confirmations.console(
                    new BufferedReader(new StringReader("")),
                    new PrintWriter(new StringWriter()),
                    clock))
            .build();
    assertThat(guard.evaluate(Operation.destructive(Target.named("orders-db"))).verdict())
        .isEqualTo(Verdict.REQUIRE_CONFIRMATION);
  }

  @Test
  void aFailingConfirmationProviderProhibits() {
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .confirmationProvider(
                request -> {
                  throw new java.io.IOException("terminal closed");
                })
            .build();
    Decision decision = guard.evaluate(Operation.destructive(Target.named("orders-db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(1).message()).contains("terminal closed");
  }

  @Test
  void aConfirmationDoesNotLiftAHardProhibition() {
    ProgrammaticConfirmations confirmations = Confirmations.programmatic(clock);
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .confirmationProvider(confirmations)
            .build();
    confirmations.confirm("CONFIRM_DANGEROUS_OPERATION orders-db");
    Decision decision =
        guard.evaluate(Operation.destructive(Target.named("orders-db")).withBackupRequired());
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(confirmations.pendingCount()).isEqualTo(1);
  }

  // --- overrides ----------------------------------------------------------------------------

  @Test
  void anExactOverrideLiftsAStampMismatchOnceAndIsAudited() {
    ProductionGuard guard =
        guard(
                Map.of(
                    "FLASK_ENV", "development",
                    "STEWARD_GUARD_OVERRIDE", "write:orders-db"))
            .build();
    Operation write = Operation.write(Target.stamped("orders-db", Environment.PRODUCTION));
    Decision overridden = guard.evaluate(write);
    assertThat(overridden.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(overridden.grant()).isEqualTo(Grant.OVERRIDDEN);
    assertThat(audit.last().outcome()).isEqualTo("overridden");
    assertThat(overridden.reasons().get(1).message())
        .contains("STEWARD_GUARD_OVERRIDE (write:orders-db) lifted")
        .contains("now spent");
    Decision second = guard.evaluate(write);
    assertThat(second.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(second.reasons().get(1).message()).contains("already used");
  }

  @Test
  void anOverrideForAnotherKindOrTargetDoesNothing() {
    ProductionGuard guard =
        guard(
                Map.of(
                    "STEWARD_ENVIRONMENT", "production",
                    "STEWARD_GUARD_OVERRIDE", "write:orders-db"))
            .build();
    assertThat(guard.evaluate(Operation.destructive(Target.named("orders-db"))).verdict())
        .isEqualTo(Verdict.REQUIRE_CONFIRMATION);
    assertThat(guard.evaluate(Operation.destructive(Target.named("orders"))).verdict())
        .isEqualTo(Verdict.REQUIRE_CONFIRMATION);
  }

  @Test
  void aPresenceOnlyOverrideIsIgnoredAndExplained() {
    for (String value :
        List.of("1", "true", "0", "destructive", "destructive:", "drop:orders-db")) {
      ProductionGuard guard =
          guard(Map.of("STEWARD_ENVIRONMENT", "production", "STEWARD_GUARD_OVERRIDE", value))
              .build();
      Decision decision = guard.evaluate(Operation.destructive(Target.named("orders-db")));
      assertThat(decision.verdict()).as(value).isEqualTo(Verdict.REQUIRE_CONFIRMATION);
      assertThat(decision.reasons())
          .as(value)
          .anyMatch(
              r ->
                  r.check() == Check.OVERRIDE
                      && r.message().contains("is ignored")
                      && r.wayOut().contains("STEWARD_GUARD_OVERRIDE=destructive:orders-db"));
    }
  }

  @Test
  void anOverrideSetInCodeWorksLikeTheVariable() {
    ProductionGuard guard =
        guard(Map.of("STEWARD_ENVIRONMENT", "production"))
            .overrideOnce(OperationKind.DESTRUCTIVE, "orders-db")
            .build();
    assertThat(guard.evaluate(Operation.destructive(Target.named("orders-db"))).grant())
        .isEqualTo(Grant.OVERRIDDEN);
    assertThat(guard.evaluate(Operation.destructive(Target.named("orders-db"))).verdict())
        .isEqualTo(Verdict.REQUIRE_CONFIRMATION);
  }

  // --- audit ----------------------------------------------------------------------------------

  @Test
  void everyDecisionIsAuditedWithPrincipalTimeAndEvidence() {
    ProductionGuard guard = guard(Map.of("FLASK_ENV", "development")).build();
    guard.evaluate(Operation.write(Target.named("db")));
    guard.evaluate(Operation.write(Target.stamped("prod", Environment.PRODUCTION)));
    assertThat(audit.events).hasSize(2);
    AuditEvent allowed = audit.events.get(0);
    assertThat(allowed.outcome()).isEqualTo("allowed");
    assertThat(allowed.principal()).isEqualTo("alice");
    assertThat(allowed.time()).isEqualTo(clock.instant());
    assertThat(allowed.decision().environment().evidenceSummary())
        .isEqualTo("FLASK_ENV=development");
    assertThat(audit.events.get(1).outcome()).isEqualTo("prohibited");
  }

  @Test
  void aFailingAuditSinkTurnsAnAllowIntoAProhibit() {
    AtomicInteger attempts = new AtomicInteger();
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(Map.of("STEWARD_ENVIRONMENT", "development"))
            .auditSink(
                event -> {
                  attempts.incrementAndGet();
                  throw new java.io.UncheckedIOException(new java.io.IOException("disk full"));
                })
            .build();
    Decision decision = guard.evaluate(Operation.write(Target.named("db")));
    assertThat(decision.verdict()).isEqualTo(Verdict.PROHIBIT);
    assertThat(decision.reasons().get(0).check()).isEqualTo(Check.AUDIT);
    assertThat(decision.reasons().get(0).message()).contains("disk full");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void aSinkThatIsNotInterestedIsNotCalled() {
    AtomicInteger calls = new AtomicInteger();
    AuditSink quiet =
        new AuditSink() {
          @Override
          public void record(AuditEvent event) {
            calls.incrementAndGet();
          }

          @Override
          public boolean isEnabled(Verdict verdict, Grant grant) {
            return verdict != Verdict.ALLOW;
          }
        };
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(Map.of("STEWARD_ENVIRONMENT", "development"))
            .auditSink(quiet)
            .build();
    guard.evaluate(Operation.write(Target.named("db")));
    guard.evaluate(Operation.write(Target.stamped("p", Environment.PRODUCTION)));
    assertThat(calls).hasValue(1);
  }

  @Test
  void thePrincipalDefaultsToTheUser() {
    assertThat(
            ProductionGuard.builder()
                .environmentVariables(Map.of("USER", "deploy-bot"))
                .build()
                .principal())
        .isEqualTo("deploy-bot");
    assertThat(ProductionGuard.builder().environmentVariables(Map.of()).build().principal())
        .isEqualTo("unknown");
  }

  @Test
  void runAndCallRunOnlyWhenAllowed() {
    ProductionGuard guard = inEnvironment("production");
    AtomicInteger ran = new AtomicInteger();
    guard.run(Operation.write(Target.named("db")), ran::incrementAndGet);
    assertThat(guard.call(Operation.read(Target.named("db")), () -> "rows")).isEqualTo("rows");
    assertThatThrownBy(
            () -> guard.run(Operation.destructive(Target.named("db")), ran::incrementAndGet))
        .isInstanceOf(ConfirmationRequiredException.class);
    assertThat(ran).hasValue(1);
  }

  @Test
  void builderRejectsNonsense() {
    ProductionGuard.Builder builder = ProductionGuard.builder();
    assertThatThrownBy(() -> builder.environment(Environment.MIXED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.testDataThreshold(0.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.protectedEnvironments(List.of(Environment.UNKNOWN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.checkTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                ProductionGuard.exceptionFor(
                    inEnvironment("development").evaluate(Operation.read(Target.named("x")))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
