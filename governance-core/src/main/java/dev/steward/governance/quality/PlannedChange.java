package dev.steward.governance.quality;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reconcile would write to one entity: only the differences from what is there.
 *
 * @param key the score key ({@code dataset} or {@code dataset#field})
 * @param guid the entity
 * @param set attributes of the group to set, with their new values
 * @param clear attributes of the group to clear (dimensions the newer measurement no longer has)
 * @param before the current values of the attributes this change sets or clears
 * @param addClassification true to add the at-risk classification
 * @param removeClassification true to remove it
 */
public record PlannedChange(
    String key,
    String guid,
    Map<String, Object> set,
    List<String> clear,
    Map<String, Object> before,
    boolean addClassification,
    boolean removeClassification) {

  /** Copies the collections (keeping order; {@code before} may hold nulls). */
  public PlannedChange {
    set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
    clear = List.copyOf(clear);
    before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
  }

  /**
   * Whether there is nothing to write.
   *
   * @return true when in sync
   */
  public boolean isEmpty() {
    return set.isEmpty() && clear.isEmpty() && !addClassification && !removeClassification;
  }

  /**
   * The number of write calls the change takes.
   *
   * @return 0 to 3
   */
  public int writeCalls() {
    return (set.isEmpty() ? 0 : 1)
        + (clear.isEmpty() ? 0 : 1)
        + (addClassification ? 1 : 0)
        + (removeClassification ? 1 : 0);
  }
}
