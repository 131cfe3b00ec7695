package dev.steward.guard;

import dev.steward.guard.models.Confirmation;
import dev.steward.guard.models.ConfirmationRequest;
import java.util.Optional;

/**
 * Asks for a typed confirmation when a decision is {@link
 * dev.steward.guard.models.Verdict#REQUIRE_CONFIRMATION}. Built-in providers are in {@link
 * Confirmations}: programmatic, console prompt, environment variable.
 *
 * <p>The provider only collects what was typed; the guard checks it: the text must be exactly
 * {@link ConfirmationRequest#phrase()} (naming the target), given within {@link
 * ConfirmationRequest#validFor()}, and its {@link dev.steward.guard.models.Confirmation#id()} not
 * used before. A provider that throws ends in {@code PROHIBIT}.
 */
@FunctionalInterface
public interface ConfirmationProvider {

  /**
   * Asks for a confirmation.
   *
   * @param request what needs confirming, and the phrase that confirms it
   * @return the confirmation given, or empty when none was (the next provider is asked)
   * @throws Exception when asking failed
   */
  Optional<Confirmation> request(ConfirmationRequest request) throws Exception;
}
