package dev.steward.guard;

import dev.steward.guard.models.Confirmation;
import dev.steward.guard.models.ConfirmationRequest;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A confirmation provider your code feeds: call {@link #confirm(String)} with what a person typed
 * (for example in an approval form), then run the guarded operation. Each confirmation is handed
 * out once, for the target it names.
 */
public final class ProgrammaticConfirmations implements ConfirmationProvider {

  private final Clock clock;
  private final ConcurrentMap<String, Confirmation> pending = new ConcurrentHashMap<>();

  ProgrammaticConfirmations(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records a typed confirmation, given now.
   *
   * @param typed what the person typed, for example {@code CONFIRM_DANGEROUS_OPERATION orders-db}
   * @return the confirmation recorded
   */
  public Confirmation confirm(String typed) {
    Confirmation confirmation =
        new Confirmation(
            Confirmations.next("programmatic"), typed.strip(), clock.instant(), "programmatic");
    pending.put(confirmation.typed(), confirmation);
    return confirmation;
  }

  /**
   * How many confirmations wait to be used.
   *
   * @return the count
   */
  public int pendingCount() {
    return pending.size();
  }

  /** Hands out (and forgets) the pending confirmation for the request's phrase, if any. */
  @Override
  public Optional<Confirmation> request(ConfirmationRequest request) {
    return Optional.ofNullable(pending.remove(request.phrase()));
  }
}
