package dev.steward.guard.models;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the guard asks a confirmation provider for.
 *
 * @param operation the operation waiting for a confirmation
 * @param environment the environment the process runs in
 * @param reasons why a confirmation is needed
 * @param phrase the exact text to type, for example {@code CONFIRM_DANGEROUS_OPERATION orders-db}
 * @param validFor how long a confirmation stays valid after it is given
 */
public record ConfirmationRequest(
    Operation operation,
    Environment environment,
    List<Reason> reasons,
    String phrase,
    Duration validFor) {

  /**
   * Checks and copies the fields.
   *
   * @param operation the operation
   * @param environment the environment
   * @param reasons the reasons
   * @param phrase the phrase
   * @param validFor the time limit
   */
  public ConfirmationRequest {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(environment, "environment");
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(phrase, "phrase");
    Objects.requireNonNull(validFor, "validFor");
  }

  /** The first word of every confirmation phrase. */
  public static final String PHRASE_PREFIX = "CONFIRM_DANGEROUS_OPERATION";

  /**
   * The phrase that confirms an operation on a target.
   *
   * @param targetName the target's name
   * @return {@code CONFIRM_DANGEROUS_OPERATION <targetName>}
   */
  public static String phraseFor(String targetName) {
    return PHRASE_PREFIX + " " + targetName;
  }
}
