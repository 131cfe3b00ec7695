package dev.steward.guard;

import dev.steward.guard.models.Decision;

/**
 * Prohibited because the target's environment stamp says production (or another protected
 * environment) and this process runs elsewhere (the Rails {@code EnvironmentMismatchError}).
 */
public class EnvironmentMismatchException extends OperationProhibitedException {

  private static final long serialVersionUID = 1L;

  /**
   * Wraps a {@code PROHIBIT} decision whose only prohibiting check is the stamp.
   *
   * @param decision the decision
   */
  public EnvironmentMismatchException(Decision decision) {
    super(decision);
  }
}
