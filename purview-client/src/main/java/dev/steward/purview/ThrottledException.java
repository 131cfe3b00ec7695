package dev.steward.purview;

import com.azure.core.http.HttpResponse;
import java.time.Duration;

/**
 * Purview kept answering 429 (too many requests) or 503 (service unavailable) until the retry
 * budget (attempts or total time) ran out. Consider {@code rateLimit(opsPerSecond)} on the builder:
 * each Data Map capacity unit allows 25 operations per second.
 */
public class ThrottledException extends PurviewException {
  private static final long serialVersionUID = 1L;

  private final int attempts;
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param response the last response (request without credentials)
   * @param errorCode the Atlas error code, or null
   * @param errorMessage the service's message, or null
   * @param requestId the request id, or null
   * @param attempts how many attempts were made
   * @param retryAfter the last delay the service asked for, or null
   */
  public ThrottledException(
      String message,
      HttpResponse response,
      String errorCode,
      String errorMessage,
      String requestId,
      int attempts,
      Duration retryAfter) {
    super(message, response, errorCode, errorMessage, requestId);
    this.attempts = attempts;
    this.retryAfter = retryAfter;
  }

  /**
   * How many attempts were made.
   *
   * @return attempts, at least 1
   */
  public int attempts() {
    return attempts;
  }

  /**
   * The last delay the service asked for ({@code Retry-After} and its variants).
   *
   * @return the delay, or null when the service named none
   */
  public Duration retryAfter() {
    return retryAfter;
  }
}
