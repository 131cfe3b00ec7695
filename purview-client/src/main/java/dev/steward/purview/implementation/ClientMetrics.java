package dev.steward.purview.implementation;

import java.time.Duration;

/**
 * What the pipeline reports about itself. Free of Micrometer on purpose: the client loads only this
 * interface unless a {@code MeterRegistry} was given, so applications without Micrometer on their
 * class path or module path never touch a Micrometer type.
 */
public interface ClientMetrics {
  /** Records nothing. */
  ClientMetrics NONE = new ClientMetrics() {};

  /**
   * A logical request finished (retries included).
   *
   * @param path the request's URL path (reduced to a route template by the implementation)
   * @param method the HTTP method
   * @param status the final status code, or -1 when no response arrived
   * @param duration how long the request took, retries and waits included
   */
  default void request(String path, String method, int status, Duration duration) {}

  /**
   * The client is about to retry.
   *
   * @param path the request's URL path
   * @param method the HTTP method
   * @param status the status that caused the retry, or -1 for an I/O failure
   */
  default void retry(String path, String method, int status) {}

  /**
   * The service answered 429 or 503.
   *
   * @param path the request's URL path
   * @param status 429 or 503
   */
  default void throttled(String path, int status) {}

  /**
   * The client waited for a rate-limit token.
   *
   * @param wait how long
   */
  default void rateLimitWait(Duration wait) {}
}
