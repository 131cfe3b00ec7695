package dev.steward.governance.extract;

/**
 * An extraction that could not finish. The message says how far it got and how to resume; the cause
 * is the underlying failure (typically a {@code PurviewException} after retries).
 */
public final class ExtractionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long written;

  /**
   * Creates the exception.
   *
   * @param message what happened, how far the run got and how to resume
   * @param written assets written before the failure (kept by resumable sinks)
   * @param cause the underlying failure
   */
  public ExtractionException(String message, long written, Throwable cause) {
    super(message, cause);
    this.written = written;
  }

  /**
   * Assets written before the failure.
   *
   * @return the count
   */
  public long written() {
    return written;
  }
}
