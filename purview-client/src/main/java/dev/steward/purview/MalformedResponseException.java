package dev.steward.purview;

import com.azure.core.http.HttpResponse;

/**
 * A success response whose body is not the JSON expected: truncated, malformed, or empty. Nothing
 * half-parsed is returned.
 */
public class MalformedResponseException extends PurviewException {
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
  public MalformedResponseException(
      String message,
      HttpResponse response,
      String errorCode,
      String errorMessage,
      String requestId) {
    super(message, response, errorCode, errorMessage, requestId);
  }

  /**
   * Creates the exception with the parse failure as its cause.
   *
   * @param message the full message
   * @param response the response (request without credentials)
   * @param requestId the request id, or null
   * @param cause the parse failure
   */
  public MalformedResponseException(
      String message, HttpResponse response, String requestId, Throwable cause) {
    super(message, response, requestId, cause);
  }
}
