package dev.steward.drift;

import dev.steward.drift.models.SourceLocation;

/**
 * A rules file is wrong. The message names the file, the line and column, and the offending rule
 * (its id, or its place in the file when it has none).
 */
public class DriftRulesException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient SourceLocation location;
  private final String rule;

  /**
   * Creates a rules error.
   *
   * @param location where the offending rule starts
   * @param rule the rule's id or place, for example {@code severity[3]} or {@code
   *     types.microsoft.storage/storageaccounts}
   * @param message what is wrong
   * @param cause the parser's exception, or {@code null}
   */
  public DriftRulesException(
      SourceLocation location, String rule, String message, Throwable cause) {
    super(location + ": rule '" + rule + "': " + message, cause);
    this.location = location;
    this.rule = rule;
  }

  /**
   * Where the offending rule starts.
   *
   * @return file, line and column
   */
  public SourceLocation location() {
    return location;
  }

  /**
   * The offending rule's id or place in the file.
   *
   * @return the rule
   */
  public String rule() {
    return rule;
  }
}
