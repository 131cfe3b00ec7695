package dev.steward.purview;

import com.azure.core.http.HttpResponse;

/**
 * The write carried a stale {@code lastModifiedTS} (HTTP 412 Precondition Failed): someone changed
 * the object since it was read. Read it again and retry.
 */
public class ConcurrentModificationException extends PurviewException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param response the response (request without credentials)
   * @param errorCode the Atlas error code, or null
   * @param errorMessage the service's message, or null
   * @param requestId the request id, or null
   */
  public ConcurrentModificationException(
      String message,
      HttpResponse response,
      String errorCode,
      String errorMessage,
      String requestId) {
    super(message, response, errorCode, errorMessage, requestId);
  }
}
