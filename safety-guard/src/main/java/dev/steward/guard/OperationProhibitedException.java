package dev.steward.guard;

import dev.steward.guard.models.Decision;

/** The guard prohibited the operation ({@code PROHIBIT}). */
public class OperationProhibitedException extends ProductionGuardException {

  private static final long serialVersionUID = 1L;

  /**
   * Wraps a {@code PROHIBIT} decision.
   *
   * @param decision the decision
   */
  public OperationProhibitedException(Decision decision) {
    super(decision);
  }
}
