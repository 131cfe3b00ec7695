package dev.steward.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.guard.models.DataProfile;
import dev.steward.guard.models.DataSample;
import dev.steward.guard.models.SignalResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TestDataDetectorTest {

  private static DataSample users(String... identifiers) {
    return DataSample.ofUsers("db", List.of(identifiers));
  }

  @Test
  void theSeedsFiveUsersWithFourTestAccountsScoreOne() {
    DataProfile profile =
        TestDataDetector.defaults()
            .profile(users("admin", "demo", "test_user", "sample@example.com", "bharath"));
    assertThat(profile.confidence()).isEqualTo(1.0);
    assertThat(profile.looksLikeTestData(0.7)).isTrue();
    assertThat(profile.signals().get(0).explanation())
        .isEqualTo(
            "4 of 5 users (80%) match test patterns ('admin' x1, 'demo' x1, 'test' x1,"
                + " 'sample' x1)");
  }

  @Test
  void aYoungProductionDatabaseWithOneAdminStaysBelowTheThreshold() {
    DataProfile profile =
        TestDataDetector.defaults()
            .profile(
                new DataSample(
                    "prod",
                    5,
                    List.of("admin", "ann@contoso.com", "bob", "chen", "dana"),
                    800,
                    true,
                    Set.of()));
    assertThat(profile.confidence()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(profile.looksLikeTestData(0.7)).isFalse();
  }

  @Test
  void aLargeRealDatabaseScoresNearZero() {
    DataProfile profile =
        TestDataDetector.defaults()
            .profile(
                new DataSample(
                    "prod",
                    52_311,
                    List.of("ann@contoso.com", "bob@fabrikam.com", "qa-test@contoso.com"),
                    1_000_000,
                    false,
                    Set.of()));
    assertThat(profile.confidence()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(profile.signals().get(0).explanation()).contains("1 of 3 sampled users");
    assertThat(profile.signals().get(1).contribution()).isZero();
    assertThat(profile.signals().get(2).explanation()).isEqualTo("at least 1000000 rows in all");
  }

  @Test
  void eachSignalExplainsItself() {
    assertThat(TestDataSignals.smallUserCount(10, 0.25).assess(users("a")).explanation())
        .isEqualTo("1 user, fewer than 10");
    assertThat(
            TestDataSignals.smallUserCount(10, 0.25)
                .assess(new DataSample("x", -1, List.of(), -1, false, Set.of()))
                .contribution())
        .isZero();
    assertThat(
            TestDataSignals.tinyData(1000, 0.15)
                .assess(new DataSample("x", 0, List.of(), 12, true, Set.of())))
        .isEqualTo(new SignalResult("tiny-data", 0.15, "12 rows in all, fewer than 1000"));
    assertThat(
            TestDataSignals.fixtureMarkers(0.5)
                .assess(new DataSample("x", 0, List.of(), -1, false, Set.of("table 'seeds'")))
                .contribution())
        .isEqualTo(0.5);
    assertThat(TestDataSignals.testUserShare(List.of("x"), 1.0).assess(users()).explanation())
        .isEqualTo("no users");
  }

  @Test
  void patternsAreConfigurable() {
    TestDataDetector detector =
        TestDataDetector.of(
            List.of(
                TestDataSignals.testUserShareMatching(
                    Map.of("qa-prefix", Pattern.compile("^qa-")), 1.0)));
    assertThat(detector.profile(users("qa-1", "ann", "qa-2", "bob")).confidence()).isEqualTo(0.5);
    assertThat(detector.profile(users("ann", "bob")).explanation())
        .isEqualTo("no test-data signal");
  }

  @Test
  void theConfidenceIsCappedAndWeightsAreChecked() {
    TestDataDetector detector =
        TestDataDetector.of(
            List.of(TestDataSignals.fixtureMarkers(1.0), TestDataSignals.smallUserCount(10, 1.0)));
    assertThat(
            detector
                .profile(new DataSample("x", 1, List.of("a"), -1, false, Set.of("stamped test")))
                .confidence())
        .isEqualTo(1.0);
    assertThatThrownBy(() -> TestDataSignals.tinyData(10, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
