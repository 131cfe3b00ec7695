/**
 * Steward's drift engine: compares a baseline snapshot of Azure resources with a current one and
 * reports only real changes, each classified by what it does to security.
 *
 * <p>Entry points: {@link dev.steward.drift.DriftEngine} for one comparison, {@link
 * dev.steward.drift.DriftMonitor} for debounced comparisons over time, and {@link
 * dev.steward.drift.DriftRules} for the rule data.
 */
module dev.steward.drift {
  requires transitive com.fasterxml.jackson.databind;

  exports dev.steward.drift;
  exports dev.steward.drift.models;
}
