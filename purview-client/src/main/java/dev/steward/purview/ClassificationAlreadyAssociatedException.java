package dev.steward.purview;

import com.azure.core.http.HttpResponse;

/**
 * The entity already has the classification being added (HTTP 400 {@code ATLAS-400-00-01B}). Pass
 * {@code ExistingClassification.SKIP} or {@code UPDATE} to make the add idempotent instead of
 * catching this.
 */
public class ClassificationAlreadyAssociatedException extends PurviewException {
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
  public ClassificationAlreadyAssociatedException(
      String message,
      HttpResponse response,
      String errorCode,
      String errorMessage,
      String requestId) {
    super(message, response, errorCode, errorMessage, requestId);
  }
}
