package dev.steward.governance.arm;

import com.azure.core.http.HttpResponse;
import java.util.List;

/**
 * ARM refused the credential (HTTP 401, after the client refreshed the token once) or the identity
 * lacks a role for the operation (HTTP 403, e.g. {@code AuthorizationFailed}). The message names
 * the token scope and what to check.
 */
public class ArmAuthenticationException extends ArmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the full message
   * @param response the response (request without credentials)
   * @param code the ARM error code, or null
   * @param errorMessage ARM's message, or null
   * @param details ARM's details, or null
   * @param requestId the request id, or null
   */
  public ArmAuthenticationException(
      String message,
      HttpResponse response,
      String code,
      String errorMessage,
      List<ArmErrorDetail> details,
      String requestId) {
    super(message, response, code, errorMessage, details, requestId);
  }
}
