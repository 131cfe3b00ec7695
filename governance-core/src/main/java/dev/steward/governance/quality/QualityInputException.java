package dev.steward.governance.quality;

/**
 * A mapping or score input that cannot be used. The message names the file, the line and column
 * (1-based, when known), the entry and what is wrong.
 */
public final class QualityInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String entry;

  /**
   * Creates the exception.
   *
   * @param file the file (or source name)
   * @param line the 1-based line, 0 when unknown
   * @param column the 1-based column, 0 when unknown
   * @param entry the entry, e.g. {@code mappings[2] (retail.sales.daily)}, or null
   * @param problem what is wrong
   */
  public QualityInputException(String file, int line, int column, String entry, String problem) {
    super(
        file
            + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "")
            + ": "
            + (entry == null ? "" : entry + ": ")
            + problem);
    this.file = file;
    this.line = line;
    this.column = column;
    this.entry = entry;
  }

  /**
   * The file or source name.
   *
   * @return the file
   */
  public String file() {
    return file;
  }

  /**
   * The 1-based line, 0 when unknown.
   *
   * @return the line
   */
  public int line() {
    return line;
  }

  /**
   * The 1-based column, 0 when unknown.
   *
   * @return the column
   */
  public int column() {
    return column;
  }

  /**
   * The entry the problem is in, or null.
   *
   * @return the entry
   */
  public String entry() {
    return entry;
  }
}
