package dev.steward.purview;

import com.azure.core.http.HttpResponse;

/**
 * The service broke the paging contract, e.g. it sent a continuation token it had already sent,
 * which would otherwise loop forever.
 */
public class PagingException extends PurviewException {
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
  public PagingException(
      String message,
      HttpResponse response,
      String errorCode,
      String errorMessage,
      String requestId) {
    super(message, response, errorCode, errorMessage, requestId);
  }
}
