package dev.steward.cli.serve;

/**
 * A request the API refuses, answered as {@code {"error":{"code","message","target"}}} with the
 * status (the Azure REST error shape). Messages name the field and the problem, never a secret.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String target;

  ApiException(int status, String code, String message, String target) {
    super(message);
    this.status = status;
    this.code = code;
    this.target = target;
  }

  static ApiException invalid(String target, String message) {
    return new ApiException(400, "InvalidRequest", message, target);
  }

  static ApiException notFound(String target, String message) {
    return new ApiException(404, "NotFound", message, target);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  String target() {
    return target;
  }
}
