package dev.steward.guard.implementation;

/**
 * Just enough JSON writing for the audit trail, with careful string escaping (RFC 8259): quotes,
 * backslashes, every control character, the JavaScript line separators U+2028/U+2029 and unpaired
 * surrogates. Not public API.
 */
public final class Json {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /**
   * Appends {@code value} as a JSON string literal, or {@code null}.
   *
   * @param out where to append
   * @param value the string, may be {@code null}
   * @return {@code out}
   */
  public static StringBuilder string(StringBuilder out, String value) {
    if (value == null) {
      return out.append("null");
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            unicode(out, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicode(out, c);
          } else {
            out.append(c);
          }
      }
    }
    return out.append('"');
  }

  /**
   * Appends {@code "name":} (with a leading comma unless {@code first}).
   *
   * @param out where to append
   * @param name the field name
   * @param first whether this is the object's first field
   * @return {@code out}
   */
  public static StringBuilder field(StringBuilder out, String name, boolean first) {
    if (!first) {
      out.append(',');
    }
    return string(out, name).append(':');
  }

  private static void unicode(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
