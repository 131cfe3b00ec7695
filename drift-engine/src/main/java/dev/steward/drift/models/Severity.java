package dev.steward.drift.models;

import java.util.Locale;

/** How much a drift matters to security, most severe first. */
public enum Severity {
  /** Opens the resource to the internet or destroys a safety net: act now. */
  CRITICAL,
  /** A clear weakening of a security control. */
  HIGH,
  /** A change that deserves a look: size, identity, rule ordering, encryption source. */
  MEDIUM,
  /** Everything else, including every strengthening change. */
  LOW;

  /**
   * Parses a severity name, ignoring case.
   *
   * @param name {@code critical}, {@code high}, {@code medium} or {@code low}
   * @return the severity
   * @throws IllegalArgumentException when the name is none of these
   */
  public static Severity parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown severity '" + name + "' (expected critical, high, medium or low)", e);
    }
  }

  /**
   * Whether this severity is the same as or more severe than another.
   *
   * @param other the threshold
   * @return {@code true} when this is at or above {@code other}
   */
  public boolean isAtLeast(Severity other) {
    return ordinal() <= other.ordinal();
  }
}
