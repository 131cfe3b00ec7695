package dev.steward.guard.models;

import java.time.Instant;
import java.util.Objects;

/**
 * A typed confirmation, as a confirmation provider received it. The guard accepts it only when the
 * typed text is exactly the phrase naming the target, it is recent enough, and its id has not been
 * used before.
 *
 * @param id identifies this confirmation, so it is accepted once only
 * @param typed what the person typed, for example {@code CONFIRM_DANGEROUS_OPERATION orders-db}
 * @param issuedAt when it was given
 * @param provider where it came from, for example {@code console} or {@code env STEWARD_CONFIRM}
 */
public record Confirmation(String id, String typed, Instant issuedAt, String provider) {

  /**
   * Checks the fields.
   *
   * @param id the id
   * @param typed the typed text
   * @param issuedAt when it was given
   * @param provider where it came from
   */
  public Confirmation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(typed, "typed");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(provider, "provider");
  }
}
