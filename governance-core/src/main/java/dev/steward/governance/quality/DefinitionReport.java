package dev.steward.governance.quality;

import java.util.List;

/**
 * What ensuring the definitions changed in Purview.
 *
 * @param changes what was created or extended, e.g. {@code created business metadata QALITA}
 * @param warnings what differs and was left alone (an attribute with another type is never retyped)
 */
public record DefinitionReport(List<String> changes, List<String> warnings) {

  /** Copies the lists. */
  public DefinitionReport {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }

  /**
   * Whether nothing had to change.
   *
   * @return true when the definitions were already complete
   */
  public boolean unchanged() {
    return changes.isEmpty();
  }
}
