package dev.steward.drift;

import dev.steward.drift.models.SourceLocation;

/**
 * A snapshot could not be read: malformed JSON, a resource without {@code id}, a duplicate id. The
 * message starts with {@code file:line:column}. It extends {@link IllegalArgumentException} because
 * it is always the input's fault, never the engine's.
 */
public class DriftInputException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Where the problem is; never null. */
  private final transient SourceLocation location;

  /**
   * Creates an input error.
   *
   * @param location where the problem is
   * @param message what is wrong, without the location
   * @param cause the parser's exception, or {@code null}
   */
  public DriftInputException(SourceLocation location, String message, Throwable cause) {
    super(location + ": " + message, cause);
    this.location = location;
  }

  /**
   * Where the problem is.
   *
   * @return file, line and column
   */
  public SourceLocation location() {
    return location;
  }
}
