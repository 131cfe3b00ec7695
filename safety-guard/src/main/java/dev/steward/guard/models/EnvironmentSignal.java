package dev.steward.guard.models;

import java.util.Objects;
import java.util.Optional;

/**
 * One piece of evidence about the environment, as a detector saw it.
 *
 * @param detector the detector that saw it, for example {@code azure-app-service}
 * @param evidence what was seen, for example {@code WEBSITE_SLOT_NAME=staging (deployment slot)};
 *     never a secret
 * @param indicates the environment it points to, or {@code null} when it is informational only (for
 *     example a Functions runtime variable without a hosting signal)
 * @param decisive whether it settles the question alone (an explicit declaration); detection stops
 *     at the first decisive signal
 */
public record EnvironmentSignal(
    String detector, String evidence, Environment indicates, boolean decisive) {

  /**
   * Checks the fields.
   *
   * @param detector the detector
   * @param evidence what was seen
   * @param indicates the environment, or {@code null}
   * @param decisive whether it is decisive
   */
  public EnvironmentSignal {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(evidence, "evidence");
    if (decisive && (indicates == null || !indicates.isConcrete())) {
      throw new IllegalArgumentException("a decisive signal must indicate a concrete environment");
    }
  }

  /**
   * A signal pointing to an environment.
   *
   * @param detector the detector
   * @param evidence what was seen
   * @param indicates the environment
   * @return the signal
   */
  public static EnvironmentSignal of(String detector, String evidence, Environment indicates) {
    return new EnvironmentSignal(detector, evidence, indicates, false);
  }

  /**
   * An informational signal that points to no environment.
   *
   * @param detector the detector
   * @param evidence what was seen
   * @return the signal
   */
  public static EnvironmentSignal info(String detector, String evidence) {
    return new EnvironmentSignal(detector, evidence, null, false);
  }

  /**
   * The environment the signal points to.
   *
   * @return the environment, or empty for an informational signal
   */
  public Optional<Environment> environment() {
    return Optional.ofNullable(indicates);
  }

  @Override
  public String toString() {
    return detector
        + ": "
        + evidence
        + (indicates == null ? "" : " -> " + indicates.label())
        + (decisive ? " (explicit)" : "");
  }
}
