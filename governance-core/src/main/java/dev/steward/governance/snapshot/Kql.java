package dev.steward.governance.snapshot;

/**
 * KQL string literals. Values are single-quoted and escaped as the Kusto reference says
 * (learn.microsoft.com/azure/kusto/query/scalar-data-types/string): a backslash escapes the quote,
 * itself, tab and newline. Other control characters are refused rather than passed on.
 */
final class Kql {

  private Kql() {}

  /**
   * Quotes a value as a KQL string literal.
   *
   * @param value the value
   * @return {@code 'value'} with {@code '}, {@code \}, tab and newline escaped
   * @throws IllegalArgumentException when the value holds another control character
   */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        default -> {
          if (Character.isISOControl(c)) {
            throw new IllegalArgumentException(
                "control character U+"
                    + String.format("%04X", (int) c)
                    + " at index "
                    + i
                    + " cannot be used in a KQL value");
          }
          out.append(c);
        }
      }
    }
    return out.append('\'').toString();
  }
}
