package dev.steward.guard.models;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The environment this process runs in, with the evidence that led there.
 *
 * @param environment the result; {@link Environment#UNKNOWN} with a {@code failure} when detection
 *     failed
 * @param signals every signal seen, in chain order
 * @param failure why detection failed, or {@code null} when it did not; a failed detection
 *     prohibits every operation
 */
public record EnvironmentDetection(
    Environment environment, List<EnvironmentSignal> signals, String failure) {

  /**
   * Checks and copies the fields.
   *
   * @param environment the result
   * @param signals the evidence
   * @param failure the failure, or {@code null}
   */
  public EnvironmentDetection {
    Objects.requireNonNull(environment, "environment");
    signals = List.copyOf(signals);
  }

  /**
   * A failed detection.
   *
   * @param failure what went wrong
   * @return the detection, {@link Environment#UNKNOWN} with the failure
   */
  public static EnvironmentDetection failed(String failure) {
    return new EnvironmentDetection(
        Environment.UNKNOWN, List.of(), Objects.requireNonNull(failure, "failure"));
  }

  /**
   * Why detection failed.
   *
   * @return the failure, or empty when detection worked
   */
  public Optional<String> failureMessage() {
    return Optional.ofNullable(failure);
  }

  /**
   * The evidence in one line, for messages: the signals that point to an environment, or {@code no
   * signal} when there are none.
   *
   * @return the summary
   */
  public String evidenceSummary() {
    if (failure != null) {
      return "detection failed: " + failure;
    }
    StringBuilder text = new StringBuilder();
    for (EnvironmentSignal signal : signals) {
      if (signal.indicates() != null) {
        if (text.length() > 0) {
          text.append("; ");
        }
        text.append(signal.evidence());
      }
    }
    return text.length() == 0 ? "no signal" : text.toString();
  }
}
