package dev.steward.purview;

import com.azure.core.http.HttpResponse;

/**
 * The service refused the credential (HTTP 401) or the identity lacks a Purview role (HTTP 403).
 * The message names the token scope and the role needed.
 */
public class AuthenticationException extends PurviewException {
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
  public AuthenticationException(
      String message,
      HttpResponse response,
      String errorCode,
      String errorMessage,
      String requestId) {
    super(message, response, errorCode, errorMessage, requestId);
  }
}
