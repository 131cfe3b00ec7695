package dev.steward.drift.models;

/**
 * Where something starts in an input file.
 *
 * @param file the file as given by the caller (or a description such as {@code <memory>})
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourceLocation(String file, int line, int column) {

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
