package dev.steward.governance.extract;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an extraction did.
 *
 * @param written assets written in this run
 * @param resumed assets an interrupted earlier run had already written (skipped now)
 * @param pages search pages read
 * @param byType assets written by type name, in type-name order
 * @param vanished assets the search listed but that were gone when fetched (deleted meanwhile)
 * @param since the update-time lower bound actually used, if any
 * @param highWatermark the latest update time seen, saved as the new checkpoint
 * @param deleted guids gone since the previous reconciling run (when reconciling)
 * @param duration wall time of the run
 */
public record ExtractionResult(
    long written,
    long resumed,
    int pages,
    Map<String, Long> byType,
    long vanished,
    Optional<Instant> since,
    Optional<Instant> highWatermark,
    List<String> deleted,
    Duration duration) {

  /** Copies the collections. */
  public ExtractionResult {
    byType = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byType));
    deleted = List.copyOf(deleted);
  }

  /**
   * Every asset the output holds: written now plus resumed.
   *
   * @return the total
   */
  public long total() {
    return written + resumed;
  }
}
