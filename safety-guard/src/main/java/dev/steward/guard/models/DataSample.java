package dev.steward.guard.models;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Facts gathered from a data source, for test-data signals to judge.
 *
 * @param source the source's name, for messages; never a secret
 * @param userCount how many users the source has, or {@code -1} when unknown
 * @param userIdentifiers a sample of the users' identifiers (user name, e-mail), at most a few
 *     thousand; used for pattern matching only and never reported
 * @param rowCount rows counted across the source's tables, or {@code -1} when unknown
 * @param rowCountComplete {@code false} when counting stopped at a limit, so the source has at
 *     least {@code rowCount} rows
 * @param markers seed and fixture markers found, for example {@code table 'fixtures'}
 */
public record DataSample(
    String source,
    long userCount,
    List<String> userIdentifiers,
    long rowCount,
    boolean rowCountComplete,
    Set<String> markers) {

  /**
   * Checks and copies the fields.
   *
   * @param source the source's name
   * @param userCount the user count or -1
   * @param userIdentifiers a sample of identifiers
   * @param rowCount the row count or -1
   * @param rowCountComplete whether the row count is complete
   * @param markers markers found
   */
  public DataSample {
    Objects.requireNonNull(source, "source");
    userIdentifiers = List.copyOf(userIdentifiers);
    markers = Set.copyOf(markers);
  }

  /**
   * A sample with users only, for tests and simple sources.
   *
   * @param source the source's name
   * @param userIdentifiers every user's identifier
   * @return the sample; the user count is the number of identifiers, the row count is unknown
   */
  public static DataSample ofUsers(String source, List<String> userIdentifiers) {
    return new DataSample(source, userIdentifiers.size(), userIdentifiers, -1, false, Set.of());
  }
}
