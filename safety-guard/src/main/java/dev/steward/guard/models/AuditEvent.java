package dev.steward.guard.models;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit trail: a decision, when it was made, and for whom.
 *
 * @param time when the decision was made
 * @param principal who asked (the user or service the process runs as)
 * @param decision the decision, with environment, evidence, operation, target and reasons
 */
public record AuditEvent(Instant time, String principal, Decision decision) {

  /**
   * Checks the fields.
   *
   * @param time when
   * @param principal who
   * @param decision the decision
   */
  public AuditEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(decision, "decision");
  }

  /**
   * The outcome in one word: {@code allowed}, {@code confirmed}, {@code overridden}, {@code
   * confirmation-required} or {@code prohibited}.
   *
   * @return the outcome
   */
  public String outcome() {
    switch (decision.verdict()) {
      case ALLOW:
        switch (decision.grant()) {
          case CONFIRMED:
            return "confirmed";
          case OVERRIDDEN:
            return "overridden";
          default:
            return "allowed";
        }
      case REQUIRE_CONFIRMATION:
        return "confirmation-required";
      default:
        return "prohibited";
    }
  }
}
