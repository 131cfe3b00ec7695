package dev.steward.governance.quality;

import java.util.Locale;

/**
 * A dataset's service-level status as shown in Purview: {@code Good}, {@code At risk}, {@code
 * Breached}.
 */
public enum SlaStatus {
  /** Meets its quality objectives. */
  GOOD("Good"),
  /** Degraded: below the good threshold. */
  AT_RISK("At risk"),
  /** Below the at-risk threshold. */
  BREACHED("Breached");

  private final String label;

  SlaStatus(String label) {
    this.label = label;
  }

  /**
   * The value written to Purview.
   *
   * @return {@code Good}, {@code At risk} or {@code Breached}
   */
  public String label() {
    return label;
  }

  /**
   * Whether this status flags the asset with the at-risk classification.
   *
   * @return true for {@link #AT_RISK} and {@link #BREACHED}
   */
  public boolean atRisk() {
    return this != GOOD;
  }

  /**
   * Parses a label or constant name, case-insensitively ({@code At risk}, {@code at_risk}, {@code
   * AT-RISK}).
   *
   * @param text the text
   * @return the status
   * @throws IllegalArgumentException when the text is none of them
   */
  public static SlaStatus parse(String text) {
    String key =
        text == null
            ? ""
            : text.strip().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    return switch (key) {
      case "good", "ok" -> GOOD;
      case "at risk", "atrisk", "warning" -> AT_RISK;
      case "breached", "breach" -> BREACHED;
      default ->
          throw new IllegalArgumentException(
              "slaStatus '" + text + "' is not one of Good, At risk, Breached");
    };
  }
}
