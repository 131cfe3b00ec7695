package dev.steward.drift.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One real difference between the baseline and the current snapshot.
 *
 * @param resourceId the resource's id as the snapshot spells it
 * @param resourceType the resource type, lower-case (for example {@code
 *     microsoft.network/networksecuritygroups})
 * @param path dot path with keyed segments, for example {@code
 *     properties.securityRules[name=AllowSSH].properties.access}; {@code ""} for a whole resource
 *     added or removed
 * @param change added, removed or modified
 * @param before the baseline value, {@code null} when absent; secrets are masked
 * @param after the current value, {@code null} when absent; secrets are masked
 * @param severity how much the change matters, direction-aware
 * @param rule the id of the rule that set the severity, or {@code default}
 * @param certainty {@code POSSIBLE} when a default or write-only value is involved
 */
public record Drift(
    String resourceId,
    String resourceType,
    String path,
    ChangeType change,
    JsonNode before,
    JsonNode after,
    Severity severity,
    String rule,
    Certainty certainty) {

  /** The rule id used when no rule matched a drift. */
  public static final String DEFAULT_RULE = "default";

  /** Checks the required components. */
  public Drift {
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(certainty, "certainty");
  }
}
