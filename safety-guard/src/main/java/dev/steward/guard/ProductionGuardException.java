package dev.steward.guard;

import dev.steward.guard.models.Decision;
import java.util.Objects;

/**
 * The guard refused an operation. The message is the whole {@link Decision#message()}: the
 * operation, the target, the environment and its evidence, every reason and its way out.
 *
 * <p>Subtypes: {@link ConfirmationRequiredException} ({@code REQUIRE_CONFIRMATION}), {@link
 * OperationProhibitedException} ({@code PROHIBIT}) and its refinements {@link
 * BackupRequiredException} and {@link EnvironmentMismatchException}.
 */
public class ProductionGuardException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The decision; not serialized (a decision may hold a profiler). */
  private final transient Decision decision;

  /**
   * Wraps a refusal.
   *
   * @param decision the decision that refused
   */
  protected ProductionGuardException(Decision decision) {
    super(Objects.requireNonNull(decision, "decision").message());
    this.decision = decision;
  }

  /**
   * The decision that refused the operation.
   *
   * @return the decision (null only after deserialization)
   */
  public Decision decision() {
    return decision;
  }
}
