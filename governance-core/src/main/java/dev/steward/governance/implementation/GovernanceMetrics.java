package dev.steward.governance.implementation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What extraction and quality sync report. Names no Micrometer type, so the engines hold {@link
 * #NONE} without Micrometer on the class path; {@link MicrometerGovernanceMetrics} records it.
 */
public interface GovernanceMetrics {
  /** Records nothing. */
  GovernanceMetrics NONE = new GovernanceMetrics() {};

  /**
   * An extraction succeeded.
   *
   * @param byType assets written by type name
   * @param knownTypes the type names kept as tag values (others count as {@code other})
   * @param pages search pages read
   * @param duration how long the run took
   * @param completed when it completed
   */
  default void extractionSucceeded(
      Map<String, Long> byType,
      Set<String> knownTypes,
      int pages,
      Duration duration,
      Instant completed) {}

  /**
   * An extraction failed.
   *
   * @param duration how long the run took until it failed
   */
  default void extractionFailed(Duration duration) {}

  /**
   * A quality sync ran (not a dry run).
   *
   * @param statusCounts datasets by outcome status name
   * @param slaByDataset the SLA status name of each dataset whose score Purview now holds
   * @param duration how long it took
   */
  default void qualitySynced(
      Map<String, Long> statusCounts, Map<String, String> slaByDataset, Duration duration) {}

  /**
   * A quality sync failed.
   *
   * @param duration how long it took until it failed
   */
  default void qualitySyncFailed(Duration duration) {}

  /**
   * A webhook delivery was answered.
   *
   * @param status the HTTP status answered
   */
  default void webhookEvent(int status) {}
}
