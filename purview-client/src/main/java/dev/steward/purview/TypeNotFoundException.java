package dev.steward.purview;

import com.azure.core.http.HttpResponse;

/**
 * No type definition with the given name or guid ({@code ATLAS-404-00-001}, {@code
 * ATLAS-404-00-002}, or HTTP 404 on a type route).
 */
public class TypeNotFoundException extends PurviewException {
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
  public TypeNotFoundException(
      String message,
      HttpResponse response,
      String errorCode,
      String errorMessage,
      String requestId) {
    super(message, response, errorCode, errorMessage, requestId);
  }
}
