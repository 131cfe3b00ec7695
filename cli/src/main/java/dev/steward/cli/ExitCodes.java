package dev.steward.cli;

/**
 * The exit codes of the {@code steward} command. Scripts depend on them: they never change meaning.
 */
public final class ExitCodes {

  /** The command did what was asked and found nothing to report. */
  public static final int OK = 0;

  /**
   * The command ran and found something the caller asked to be told about, for example drift at or
   * above {@code --fail-on}.
   */
  public static final int FOUND = 1;

  /** The command line or an input file was wrong; nothing was done. */
  public static final int USAGE = 2;

  /** A runtime or service failure: the service refused, timed out or answered nonsense. */
  public static final int FAILURE = 3;

  private ExitCodes() {}
}
