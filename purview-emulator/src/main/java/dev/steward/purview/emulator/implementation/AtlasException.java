package dev.steward.purview.emulator.implementation;

/**
 * A request failure, answered in Purview's error shape {@code {requestId,errorCode,errorMessage}}.
 */
public final class AtlasException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient AtlasError error;

  AtlasException(AtlasError error, String message) {
    super(message, null, false, false);
    this.error = error;
  }

  /** The error. */
  public AtlasError error() {
    return error;
  }
}
