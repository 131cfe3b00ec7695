package dev.steward.guard;

/**
 * {@link Guards#verify} found an annotated method that can be called without the guard, or an
 * annotation the binder cannot honour. Meant to fail a unit test in your project.
 */
public class UnguardedMethodException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which methods and the way out
   */
  public UnguardedMethodException(String message) {
    super(message);
  }
}
