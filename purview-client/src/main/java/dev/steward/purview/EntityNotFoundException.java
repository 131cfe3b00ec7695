package dev.steward.purview;

import com.azure.core.http.HttpResponse;

/**
 * No entity with the given guid or unique attributes ({@code ATLAS-404-00-005}, {@code
 * ATLAS-404-00-009}, or HTTP 404 on an entity route).
 */
public class EntityNotFoundException extends PurviewException {
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
  public EntityNotFoundException(
      String message,
      HttpResponse response,
      String errorCode,
      String errorMessage,
      String requestId) {
    super(message, response, errorCode, errorMessage, requestId);
  }
}
