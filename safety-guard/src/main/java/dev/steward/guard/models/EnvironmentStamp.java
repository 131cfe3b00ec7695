package dev.steward.guard.models;

import java.time.Instant;
import java.util.Objects;

/**
 * The environment stamp stored in a target, as {@code dev.steward.guard.JdbcStamps} reads it.
 *
 * @param environment the environment the target belongs to
 * @param stampedAt when it was stamped, or {@code null} when not recorded
 * @param stampedBy who stamped it, or {@code null} when not recorded
 */
public record EnvironmentStamp(Environment environment, Instant stampedAt, String stampedBy) {

  /**
   * Checks the fields.
   *
   * @param environment the environment
   * @param stampedAt when, or {@code null}
   * @param stampedBy who, or {@code null}
   */
  public EnvironmentStamp {
    Objects.requireNonNull(environment, "environment");
    if (!environment.isConcrete()) {
      throw new IllegalArgumentException(
          "a stamp names a concrete environment, not " + environment);
    }
  }
}
