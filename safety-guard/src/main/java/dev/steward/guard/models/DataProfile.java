package dev.steward.guard.models;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How much a data source looks like test data: a confidence from 0.0 (real data) to 1.0 (certainly
 * test data), with what each signal found.
 *
 * @param source the source's name
 * @param confidence the sum of the signals' contributions, capped at 1.0
 * @param signals each signal's finding, in order
 */
public record DataProfile(String source, double confidence, List<SignalResult> signals) {

  /**
   * Checks and copies the fields.
   *
   * @param source the source's name
   * @param confidence the confidence, 0.0 to 1.0
   * @param signals the findings
   */
  public DataProfile {
    Objects.requireNonNull(source, "source");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("a confidence is between 0.0 and 1.0: " + confidence);
    }
    signals = List.copyOf(signals);
  }

  /**
   * Whether the confidence reaches a threshold.
   *
   * @param threshold the threshold, for example 0.7
   * @return {@code true} when {@code confidence >= threshold}
   */
  public boolean looksLikeTestData(double threshold) {
    return confidence >= threshold;
  }

  /**
   * The findings in one line, for messages, for example {@code 4 of 5 users (80%) match test
   * patterns (+0.80); 5 users, fewer than 10 (+0.25)}. Signals that contributed nothing are left
   * out.
   *
   * @return the explanation
   */
  public String explanation() {
    StringBuilder text = new StringBuilder();
    for (SignalResult result : signals) {
      if (result.contribution() > 0) {
        if (text.length() > 0) {
          text.append("; ");
        }
        text.append(result.explanation())
            .append(String.format(Locale.ROOT, " (+%.2f)", result.contribution()));
      }
    }
    return text.length() == 0 ? "no test-data signal" : text.toString();
  }
}
