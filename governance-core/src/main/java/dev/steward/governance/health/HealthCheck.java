package dev.steward.governance.health;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * Checks one dependency: Purview, ARM, Key Vault, the audit trail, the scheduler. Implementations
 * may block (network calls); {@link CompositeHealthCheck} runs them in parallel, bounds each with a
 * timeout and measures the latency, so a check only says what it found.
 *
 * <p>A check reports a broken dependency through {@link Health#down(String)}; an exception it
 * throws is reported as {@link HealthStatus#DOWN} with the exception's message, so an exception
 * message must not hold a secret either.
 */
public interface HealthCheck {

  /**
   * The check's name, stable and short ({@code purview:contoso}, {@code audit}, {@code scheduler}),
   * shown in reports and used as a metric tag.
   *
   * @return the name
   */
  String name();

  /**
   * Checks the dependency.
   *
   * @return what was found
   * @throws Exception when the check itself fails (reported as {@link HealthStatus#DOWN})
   */
  Health check() throws Exception;

  /**
   * A check from a name and a body.
   *
   * @param name the check's name
   * @param body what it does
   * @return the check
   */
  static HealthCheck of(String name, Callable<Health> body) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(body, "body");
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Health check() throws Exception {
        return body.call();
      }

      @Override
      public String toString() {
        return "HealthCheck[" + name + "]";
      }
    };
  }
}
