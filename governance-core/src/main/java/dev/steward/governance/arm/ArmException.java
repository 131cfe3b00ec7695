package dev.steward.governance.arm;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Azure Resource Manager answered with an error status. Carries ARM's error code and message (from
 * {@code {"error":{"code","message","details"}}}), the nested details, the HTTP status and the
 * request id ({@code x-ms-request-id}, or {@code x-ms-correlation-request-id}). The response held
 * here has no {@code Authorization} header.
 */
public class ArmException extends HttpResponseException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String code;
  private final String errorMessage;
  private final ArrayList<ArmErrorDetail> details;
  private final String requestId;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param response the response (its request without credentials), or null
   * @param code the ARM error code, or null
   * @param errorMessage ARM's error message, or null
   * @param details ARM's error details, or null
   * @param requestId the request id, or null
   */
  public ArmException(
      String message,
      HttpResponse response,
      String code,
      String errorMessage,
      List<ArmErrorDetail> details,
      String requestId) {
    super(message, response, (Object) null);
    this.statusCode = response == null ? 0 : response.getStatusCode();
    this.code = code;
    this.errorMessage = errorMessage;
    this.details = details == null ? new ArrayList<>() : new ArrayList<>(details);
    this.requestId = requestId;
  }

  /**
   * The HTTP status code.
   *
   * @return the status, or 0 when there was no response
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * ARM's error code, e.g. {@code ResourceNotFound}, {@code AuthorizationFailed}.
   *
   * @return the code, or null when the body had none
   */
  public String code() {
    return code;
  }

  /**
   * ARM's error message.
   *
   * @return the message, or null when the body had none
   */
  public String errorMessage() {
    return errorMessage;
  }

  /**
   * ARM's {@code error.details}.
   *
   * @return the details, never null
   */
  public List<ArmErrorDetail> details() {
    return List.copyOf(details);
  }

  /**
   * The request id ARM gave the call, for support tickets.
   *
   * @return the id, or null
   */
  public String requestId() {
    return requestId;
  }
}
