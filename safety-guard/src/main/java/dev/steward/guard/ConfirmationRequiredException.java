package dev.steward.guard;

import dev.steward.guard.models.Decision;

/**
 * The operation needs a typed confirmation naming its target ({@link
 * Decision#confirmationPhrase()}), and none was given.
 */
public class ConfirmationRequiredException extends ProductionGuardException {

  private static final long serialVersionUID = 1L;

  /**
   * Wraps a {@code REQUIRE_CONFIRMATION} decision.
   *
   * @param decision the decision
   */
  public ConfirmationRequiredException(Decision decision) {
    super(decision);
  }
}
