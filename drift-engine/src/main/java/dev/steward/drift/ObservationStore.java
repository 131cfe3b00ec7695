package dev.steward.drift;

import dev.steward.drift.models.PathHistory;
import java.util.Map;

/**
 * Where a {@link DriftMonitor} keeps per-path observations between runs. Implementations need not
 * be thread-safe: a monitor loads once and saves once per observation.
 */
public interface ObservationStore {

  /**
   * Loads every path's history.
   *
   * @return histories keyed by {@code lower-case resource id + " " + path}; empty when none
   */
  Map<String, PathHistory> load();

  /**
   * Replaces the stored histories.
   *
   * @param histories the histories to keep
   */
  void save(Map<String, PathHistory> histories);
}
