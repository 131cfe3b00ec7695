package dev.steward.drift.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.drift.models.ChangeType;
import dev.steward.drift.models.RuleDescription;
import dev.steward.drift.models.Severity;
import java.util.List;
import java.util.Set;

/**
 * A compiled severity rule. A rule names a path and either a condition that marks the insecure
 * state ({@code insecureWhen}), an order from weakest to strongest ({@code order}), or {@code
 * anyChange}.
 *
 * @param id unique id
 * @param title one line
 * @param types lower-case resource types, or {@code *}
 * @param path where the rule looks, relative to the resource
 * @param severity the severity of a weakening change
 * @param insecure the condition marking the insecure state, or {@code null}
 * @param order values from weakest to strongest (compared ignoring case), or {@code null}
 * @param absentAs the order value an absent value stands for, or {@code null}
 * @param anyChange whether any change at or below the path gets the severity
 * @param changes the drift changes the rule applies to (all when empty)
 * @param policyId the Azure Policy definition GUID the rule mirrors, or {@code null}
 * @param policyName that definition's display name, or {@code null}
 */
public record SeverityRule(
    String id,
    String title,
    Set<String> types,
    PathPattern path,
    Severity severity,
    Predicate insecure,
    List<String> order,
    String absentAs,
    boolean anyChange,
    Set<ChangeType> changes,
    String policyId,
    String policyName) {

  /** What a rule says about one drift. */
  public enum Verdict {
    /** The rule does not speak to this drift. */
    NOT_APPLICABLE,
    /** The drift weakens security as this rule sees it. */
    WEAKENING,
    /** The drift is the reverse of a weakening. */
    STRENGTHENING,
    /** An {@code anyChange} rule matched. */
    CHANGE
  }

  /**
   * The description used by reports.
   *
   * @return id, title, severity and policy
   */
  public RuleDescription describe() {
    return new RuleDescription(id, title, severity, policyId, policyName);
  }

  /**
   * Whether the rule covers a resource type.
   *
   * @param type lower-case type
   * @return whether it applies
   */
  public boolean appliesTo(String type) {
    return types.contains("*") || types.contains(type);
  }

  /**
   * Judges a change of the subject from {@code before} to {@code after}. Each side is the list of
   * values found at the rule's path: empty when the resource or array element does not exist on
   * that side, a {@link com.fasterxml.jackson.databind.node.MissingNode} when the field is absent.
   *
   * @param before the baseline subjects
   * @param after the current subjects
   * @param change the drift's change
   * @return the verdict
   */
  public Verdict judge(List<JsonNode> before, List<JsonNode> after, ChangeType change) {
    if (!changes.isEmpty() && !changes.contains(change)) {
      return Verdict.NOT_APPLICABLE;
    }
    if (anyChange) {
      return Verdict.CHANGE;
    }
    if (insecure != null) {
      boolean was = anyInsecure(before);
      boolean is = anyInsecure(after);
      if (is && !was) {
        return Verdict.WEAKENING;
      }
      return was && !is ? Verdict.STRENGTHENING : Verdict.NOT_APPLICABLE;
    }
    if (before.size() != 1 || after.size() != 1) {
      return Verdict.NOT_APPLICABLE;
    }
    int rb = rank(before.get(0));
    int ra = rank(after.get(0));
    if (rb < 0 || ra < 0 || ra == rb) {
      return Verdict.NOT_APPLICABLE;
    }
    return ra < rb ? Verdict.WEAKENING : Verdict.STRENGTHENING;
  }

  private boolean anyInsecure(List<JsonNode> subjects) {
    for (JsonNode s : subjects) {
      if (insecure.test(s)) {
        return true;
      }
    }
    return false;
  }

  private int rank(JsonNode v) {
    String s;
    if (v.isMissingNode() || v.isNull()) {
      s = absentAs;
    } else if (v.isValueNode()) {
      s = v.asText();
    } else {
      return -1;
    }
    if (s == null) {
      return -1;
    }
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).equalsIgnoreCase(s)) {
        return i;
      }
    }
    return -1;
  }
}
