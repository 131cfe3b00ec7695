package dev.steward.drift.models;

/**
 * A severity rule as a report describes it (for example in SARIF's rule list).
 *
 * @param id the rule id, unique within the rule set
 * @param title a one-line description of the weakening the rule detects
 * @param severity the severity of a weakening change (the reverse change is LOW)
 * @param policyId the GUID of the Azure Policy built-in definition the rule mirrors, or {@code
 *     null}
 * @param policyName the display name of that Azure Policy definition, or {@code null}
 */
public record RuleDescription(
    String id, String title, Severity severity, String policyId, String policyName) {

  /**
   * A link to the Azure Policy definition the rule mirrors.
   *
   * @return the portal URL of the built-in definition, or {@code null} when the rule names none
   */
  public String policyUri() {
    return policyId == null
        ? null
        : "https://portal.azure.com/#blade/Microsoft_Azure_Policy/PolicyDetailBlade/definitionId/"
            + "%2Fproviders%2FMicrosoft.Authorization%2FpolicyDefinitions%2F"
            + policyId;
  }
}
