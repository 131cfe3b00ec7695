package dev.steward.guard;

import dev.steward.guard.models.SignalResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The built-in test-data signals. Their default weights are tuned so that the incident this guard
 * exists for (5 users, 4 of them {@code admin}/{@code demo}/{@code test}-like) scores 1.0, while a
 * young production database with a handful of real users and one {@code admin} stays below the
 * default threshold of 0.7:
 *
 * <table>
 *   <caption>Default signals</caption>
 *   <tr><th>signal</th><th>adds</th></tr>
 *   <tr><td>{@link #testUserShare}</td><td>share of users matching test patterns x 1.0</td></tr>
 *   <tr><td>{@link #smallUserCount}</td><td>0.25 when fewer than 10 users</td></tr>
 *   <tr><td>{@link #tinyData}</td><td>0.15 when fewer than 1000 rows in all</td></tr>
 *   <tr><td>{@link #fixtureMarkers}</td><td>0.5 when seed or fixture markers are present</td></tr>
 * </table>
 */
public final class TestDataSignals {

  /**
   * The default test patterns: case-insensitive substrings of a user's identifier (user name,
   * e-mail).
   */
  public static final List<String> DEFAULT_TEST_PATTERNS =
      List.of(
          "admin",
          "demo",
          "test",
          "sample",
          "dummy",
          "fake",
          "example.com",
          "example.org",
          "example.net",
          "localhost",
          "mailinator");

  private TestDataSignals() {}

  /**
   * The default signals with their default weights.
   *
   * @return test-user share, small user count, tiny data, fixture markers
   */
  public static List<TestDataSignal> defaults() {
    return List.of(
        testUserShare(DEFAULT_TEST_PATTERNS, 1.0),
        smallUserCount(10, 0.25),
        tinyData(1000, 0.15),
        fixtureMarkers(0.5));
  }

  /**
   * Adds {@code weight x share} of users whose identifier contains one of {@code substrings}
   * (case-insensitive).
   *
   * @param substrings the test patterns, for example {@link #DEFAULT_TEST_PATTERNS}
   * @param weight the contribution when every user matches
   * @return the signal
   */
  public static TestDataSignal testUserShare(List<String> substrings, double weight) {
    Map<String, Pattern> patterns = new LinkedHashMap<>();
    for (String substring : substrings) {
      patterns.put(substring, Pattern.compile(Pattern.quote(substring), Pattern.CASE_INSENSITIVE));
    }
    return testUserShareMatching(patterns, weight);
  }

  /**
   * Adds {@code weight x share} of users whose identifier matches one of {@code patterns} ({@link
   * java.util.regex.Matcher#find()}).
   *
   * @param patterns the patterns by label; the label appears in explanations
   * @param weight the contribution when every user matches
   * @return the signal
   */
  public static TestDataSignal testUserShareMatching(Map<String, Pattern> patterns, double weight) {
    checkWeight(weight);
    Map<String, Pattern> copy = new LinkedHashMap<>(patterns);
    return sample -> {
      List<String> identifiers = sample.userIdentifiers();
      if (identifiers.isEmpty()) {
        return new SignalResult(
            "test-user-share",
            0.0,
            sample.userCount() == 0 ? "no users" : "no user identifiers to match");
      }
      Map<String, Integer> hits = new LinkedHashMap<>();
      int matching = 0;
      for (String identifier : identifiers) {
        for (Map.Entry<String, Pattern> pattern : copy.entrySet()) {
          if (identifier != null && pattern.getValue().matcher(identifier).find()) {
            hits.merge(pattern.getKey(), 1, Integer::sum);
            matching++;
            break;
          }
        }
      }
      double share = (double) matching / identifiers.size();
      StringBuilder text = new StringBuilder();
      text.append(matching)
          .append(" of ")
          .append(identifiers.size())
          .append(identifiers.size() < sample.userCount() ? " sampled" : "")
          .append(" users (")
          .append(Math.round(share * 100))
          .append("%) match test patterns");
      if (!hits.isEmpty()) {
        List<String> parts = new ArrayList<>();
        hits.forEach((label, count) -> parts.add("'" + label + "' x" + count));
        text.append(" (").append(String.join(", ", parts)).append(')');
      }
      return new SignalResult("test-user-share", share * weight, text.toString());
    };
  }

  /**
   * Adds {@code weight} when the source has fewer than {@code threshold} users (and the count is
   * known).
   *
   * @param threshold the user count below which data looks like test data, for example 10
   * @param weight the contribution
   * @return the signal
   */
  public static TestDataSignal smallUserCount(long threshold, double weight) {
    checkWeight(weight);
    return sample -> {
      long users = sample.userCount();
      if (users < 0) {
        return new SignalResult("small-user-count", 0.0, "user count unknown");
      }
      boolean small = users < threshold;
      return new SignalResult(
          "small-user-count",
          small ? weight : 0.0,
          users
              + (users == 1 ? " user" : " users")
              + (small ? ", fewer than " : ", at least ")
              + threshold);
    };
  }

  /**
   * Adds {@code weight} when the source holds fewer than {@code threshold} rows across its tables
   * (and the count is known).
   *
   * @param threshold the row count below which data looks like test data, for example 1000
   * @param weight the contribution
   * @return the signal
   */
  public static TestDataSignal tinyData(long threshold, double weight) {
    checkWeight(weight);
    return sample -> {
      long rows = sample.rowCount();
      if (rows < 0) {
        return new SignalResult("tiny-data", 0.0, "row count unknown");
      }
      boolean tiny = sample.rowCountComplete() && rows < threshold;
      String counted = sample.rowCountComplete() ? rows + " rows" : "at least " + rows + " rows";
      return new SignalResult(
          "tiny-data",
          tiny ? weight : 0.0,
          counted + " in all" + (tiny ? ", fewer than " + threshold : ""));
    };
  }

  /**
   * Adds {@code weight} when the sample carries seed or fixture markers (for example a table named
   * {@code fixtures}, or a source stamped {@code development}).
   *
   * @param weight the contribution
   * @return the signal
   */
  public static TestDataSignal fixtureMarkers(double weight) {
    checkWeight(weight);
    return sample -> {
      if (sample.markers().isEmpty()) {
        return new SignalResult("fixture-markers", 0.0, "no seed or fixture markers");
      }
      List<String> markers = new ArrayList<>(sample.markers());
      markers.sort(null);
      return new SignalResult(
          "fixture-markers", weight, "seed/fixture markers: " + String.join(", ", markers));
    };
  }

  private static void checkWeight(double weight) {
    if (!(weight >= 0.0 && weight <= 1.0)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "a weight is between 0.0 and 1.0: %s", weight));
    }
  }
}
