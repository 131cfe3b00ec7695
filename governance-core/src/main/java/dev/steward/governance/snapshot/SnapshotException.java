package dev.steward.governance.snapshot;

/**
 * A snapshot could not be taken completely: Resource Graph truncated the result, a row had no
 * {@code id}, a resource type is unknown to its provider. Service failures arrive as the ARM
 * client's exceptions instead. Either way no snapshot file is written: a snapshot is complete or it
 * is not there.
 */
public class SnapshotException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and where
   */
  public SnapshotException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong and where
   * @param cause the underlying failure
   */
  public SnapshotException(String message, Throwable cause) {
    super(message, cause);
  }
}
