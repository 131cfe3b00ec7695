package dev.steward.guard.models;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The guard's answer for one operation: the verdict, how it was reached, and the reasons a person
 * can act on.
 *
 * @param verdict {@link Verdict#ALLOW}, {@link Verdict#REQUIRE_CONFIRMATION} or {@link
 *     Verdict#PROHIBIT}
 * @param grant how an allowed operation was allowed ({@link Grant#NONE} when the rules allowed it
 *     outright, and for every verdict but {@code ALLOW})
 * @param operation the operation, with its target's stamp as read for this decision
 * @param environment the environment of the process and its evidence
 * @param reasons the findings, most relevant first; empty when nothing stood in the way
 * @param sourceProfile the profile of a data deployment's source, or {@code null} when none was
 *     taken
 */
public record Decision(
    Verdict verdict,
    Grant grant,
    Operation operation,
    EnvironmentDetection environment,
    List<Reason> reasons,
    DataProfile sourceProfile) {

  /**
   * Checks and copies the fields.
   *
   * @param verdict the verdict
   * @param grant the grant
   * @param operation the operation
   * @param environment the environment
   * @param reasons the reasons
   * @param sourceProfile the source profile, or {@code null}
   */
  public Decision {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(environment, "environment");
    reasons = List.copyOf(reasons);
    if (grant != Grant.NONE && verdict != Verdict.ALLOW) {
      throw new IllegalArgumentException("only an ALLOW decision carries a grant");
    }
  }

  /**
   * Whether the operation may go ahead.
   *
   * @return {@code true} for {@link Verdict#ALLOW}
   */
  public boolean isAllowed() {
    return verdict == Verdict.ALLOW;
  }

  /**
   * The exact text that confirms this operation, for example {@code CONFIRM_DANGEROUS_OPERATION
   * orders-db}.
   *
   * @return the phrase
   */
  public String confirmationPhrase() {
    return ConfirmationRequest.phraseFor(operation.target().name());
  }

  /**
   * The profile of a data deployment's source.
   *
   * @return the profile, or empty when none was taken
   */
  public Optional<DataProfile> profile() {
    return Optional.ofNullable(sourceProfile);
  }

  /**
   * The first line of {@link #message()}: verdict, operation, target and environment, for example
   * {@code PROHIBIT: destructive on 'orders-db' (stamped production) in development}.
   *
   * @return the headline
   */
  public String headline() {
    String how =
        grant == Grant.NONE
            ? verdict.name()
            : verdict.name() + " (" + grant.name().toLowerCase(Locale.ROOT) + ")";
    Target target = operation.target();
    String stamp = target.stamp().map(s -> " (stamped " + s.label() + ")").orElse(" (unstamped)");
    String what =
        operation.name().equals(operation.kind().label())
            ? operation.kind().label()
            : operation.kind().label() + " '" + operation.name() + "'";
    return how
        + ": "
        + what
        + " on '"
        + target.name()
        + "'"
        + stamp
        + " in "
        + environment.environment().label()
        + " ["
        + environment.evidenceSummary()
        + "]";
  }

  /**
   * The whole decision for a person: the headline, then one line per reason with its way out.
   *
   * @return the message
   */
  public String message() {
    StringBuilder text = new StringBuilder(headline());
    for (Reason reason : reasons) {
      text.append(System.lineSeparator()).append("  - ").append(reason);
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
