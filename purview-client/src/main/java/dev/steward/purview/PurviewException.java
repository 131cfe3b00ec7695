package dev.steward.purview;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;

/**
 * A failure reported by Purview: the HTTP status, the Atlas {@code errorCode} and {@code
 * errorMessage} from the body, and the {@code requestId} to quote to Microsoft support.
 *
 * <p>Subclasses name the failures callers handle differently. The attached {@link #getResponse()}
 * never carries the {@code Authorization} header.
 */
public class PurviewException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorCode;
  private final String errorMessage;
  private final String requestId;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param response the response (request without credentials)
   * @param errorCode the Atlas error code, or null
   * @param errorMessage the service's message, or null
   * @param requestId the request id, or null
   */
  public PurviewException(
      String message,
      HttpResponse response,
      String errorCode,
      String errorMessage,
      String requestId) {
    super(message, response, (Object) null);
    this.statusCode = response == null ? 0 : response.getStatusCode();
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.requestId = requestId;
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message the full message
   * @param response the response (request without credentials)
   * @param requestId the request id, or null
   * @param cause the cause
   */
  public PurviewException(
      String message, HttpResponse response, String requestId, Throwable cause) {
    super(message, response, cause);
    this.statusCode = response == null ? 0 : response.getStatusCode();
    this.errorCode = null;
    this.errorMessage = null;
    this.requestId = requestId;
  }

  /**
   * The HTTP status.
   *
   * @return the status code
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The Atlas error code, e.g. {@code ATLAS-404-00-005}.
   *
   * @return the code, or null when the body had none
   */
  public String errorCode() {
    return errorCode;
  }

  /**
   * The service's own message.
   *
   * @return the message, or null when the body had none
   */
  public String errorMessage() {
    return errorMessage;
  }

  /**
   * The request id (from the body, else the response headers).
   *
   * @return the id, or null when the service sent none
   */
  public String requestId() {
    return requestId;
  }
}
