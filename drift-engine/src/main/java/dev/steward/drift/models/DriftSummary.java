package dev.steward.drift.models;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts for one comparison: resources, drifts by severity, and suppressed noise by class.
 *
 * @param baselineResources resources in the baseline snapshot
 * @param currentResources resources in the current snapshot
 * @param addedResources resources only in the current snapshot
 * @param removedResources resources only in the baseline snapshot
 * @param changedResources resources in both with at least one drift
 * @param drifts drifts by severity (every severity present, zero when none)
 * @param suppressed differences recognised as noise, by class (every class present)
 * @param pending drifts seen but not yet confirmed by the monitor (0 without a monitor)
 * @param flapping drifts held back because their path is flapping (0 without a monitor)
 */
public record DriftSummary(
    int baselineResources,
    int currentResources,
    int addedResources,
    int removedResources,
    int changedResources,
    Map<Severity, Integer> drifts,
    Map<NoiseClass, Long> suppressed,
    int pending,
    int flapping) {

  /** Copies the maps, filling in every severity and noise class. */
  public DriftSummary {
    EnumMap<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      bySeverity.put(s, drifts == null ? 0 : drifts.getOrDefault(s, 0));
    }
    EnumMap<NoiseClass, Long> byClass = new EnumMap<>(NoiseClass.class);
    for (NoiseClass c : NoiseClass.values()) {
      byClass.put(c, suppressed == null ? 0L : suppressed.getOrDefault(c, 0L));
    }
    drifts = Collections.unmodifiableMap(bySeverity);
    suppressed = Collections.unmodifiableMap(byClass);
  }

  /**
   * The number of drifts of every severity.
   *
   * @return the total
   */
  public int totalDrifts() {
    return drifts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * The number of suppressed differences of every class.
   *
   * @return the total
   */
  public long totalSuppressed() {
    return suppressed.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The number of drifts at or above a severity.
   *
   * @param threshold the lowest severity counted
   * @return the count
   */
  public int driftsAtOrAbove(Severity threshold) {
    int n = 0;
    for (Map.Entry<Severity, Integer> e : drifts.entrySet()) {
      if (e.getKey().isAtLeast(threshold)) {
        n += e.getValue();
      }
    }
    return n;
  }
}
