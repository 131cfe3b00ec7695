package dev.steward.drift.implementation;

import java.util.ArrayList;
import java.util.List;

/**
 * A path in a rules file: dot-separated field names, {@code []} after a name for "each element",
 * {@code *} for any field name, and a leading {@code **.} for "this field name at any depth".
 *
 * @param floating whether the pattern started with {@code **.}
 * @param segments field names, {@link #ANY} or {@link #ELEMENT}
 */
public record PathPattern(boolean floating, List<String> segments) {

  /** Segment standing for any field name. */
  public static final String ANY = "*";

  /** Segment standing for each element of an array. */
  public static final String ELEMENT = "[]";

  /**
   * Parses a path.
   *
   * @param text the path, {@code ""} for the resource itself
   * @param allowWildcards whether {@code *} and {@code **.} are allowed
   * @return the pattern
   * @throws IllegalArgumentException when the path is malformed
   */
  public static PathPattern parse(String text, boolean allowWildcards) {
    boolean floating = false;
    String rest = text;
    if (rest.startsWith("**.")) {
      if (!allowWildcards) {
        throw new IllegalArgumentException("'**.' is not allowed in this path: '" + text + "'");
      }
      floating = true;
      rest = rest.substring(3);
      if (rest.isEmpty() || rest.contains(".") || rest.contains("[") || rest.contains("*")) {
        throw new IllegalArgumentException(
            "'**.' must be followed by one field name, as in '**.provisioningState': '"
                + text
                + "'");
      }
    }
    List<String> segments = new ArrayList<>();
    if (!rest.isEmpty()) {
      for (String part : rest.split("\\.", -1)) {
        String name = part;
        int elements = 0;
        while (name.endsWith("[]")) {
          name = name.substring(0, name.length() - 2);
          elements++;
        }
        if (name.isEmpty()
            || name.contains("[")
            || name.contains("]")
            || (name.contains("*") && !name.equals(ANY))) {
          throw new IllegalArgumentException("malformed path '" + text + "' at '" + part + "'");
        }
        if (name.equals(ANY) && !allowWildcards) {
          throw new IllegalArgumentException("'*' is not allowed in this path: '" + text + "'");
        }
        segments.add(name);
        for (int i = 0; i < elements; i++) {
          segments.add(ELEMENT);
        }
      }
    }
    return new PathPattern(floating, List.copyOf(segments));
  }
}
