package dev.steward.guard.models;

import java.util.Locale;
import java.util.Optional;

/**
 * The class of environment a process runs in, or a target belongs to.
 *
 * <p>{@link #UNKNOWN} (no signal) and {@link #MIXED} (contradicting signals) are never declared;
 * they are detection results, and the guard treats both as protected for writes and destructive
 * operations (fail closed).
 */
public enum Environment {
  /** A developer's machine. */
  DEVELOPMENT,
  /** Automated tests, QA and CI. */
  TEST,
  /** Pre-production: staging, UAT, non-production deployment slots. */
  STAGING,
  /** Production: real users, real data. */
  PRODUCTION,
  /** No signal said where this process runs. */
  UNKNOWN,
  /** Signals contradict each other (for example a development hint on an App Service). */
  MIXED;

  /**
   * The lower-case name used in messages, stamps and the command line, for example {@code
   * production}.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether this value can be declared or stamped (every value but {@link #UNKNOWN} and {@link
   * #MIXED}).
   *
   * @return {@code true} for a concrete environment
   */
  public boolean isConcrete() {
    return this != UNKNOWN && this != MIXED;
  }

  /**
   * Parses a conventional environment name, case-insensitively: {@code production}, {@code prod},
   * {@code prd}, {@code live}; {@code staging}, {@code stage}, {@code stg}, {@code preprod}, {@code
   * uat}; {@code test}, {@code testing}, {@code qa}, {@code ci}; {@code development}, {@code dev},
   * {@code local}.
   *
   * @param value a name such as the value of {@code ASPNETCORE_ENVIRONMENT}; may be {@code null}
   * @return the concrete environment it names, or empty when it names none
   */
  public static Optional<Environment> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "production":
      case "prod":
      case "prd":
      case "live":
        return Optional.of(PRODUCTION);
      case "staging":
      case "stage":
      case "stg":
      case "preprod":
      case "pre-prod":
      case "preproduction":
      case "uat":
        return Optional.of(STAGING);
      case "test":
      case "testing":
      case "qa":
      case "ci":
        return Optional.of(TEST);
      case "development":
      case "dev":
      case "local":
        return Optional.of(DEVELOPMENT);
      default:
        return Optional.empty();
    }
  }
}
