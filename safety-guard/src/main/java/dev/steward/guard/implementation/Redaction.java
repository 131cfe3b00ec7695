package dev.steward.guard.implementation;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of messages and the audit trail. Not public API.
 *
 * <p>JDBC URLs and driver messages can carry credentials: {@code user:password@host}, {@code
 * password=...} (PostgreSQL, MySQL, SQL Server) and {@code ;PASSWORD=...} (H2). Those values are
 * replaced by {@code ***}.
 */
public final class Redaction {

  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "(?i)((?:password|passwd|pwd|secret|token|sig|accountkey|sharedaccesskey|client_secret)"
              + "\\s*=\\s*)[^;&\\s'\"]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@\\s:;]+):[^@/\\s]*@");
  private static final int MAX_VALUE = 120;

  private Redaction() {}

  /**
   * Masks credentials in a URL or a message.
   *
   * @param text the text, may be {@code null}
   * @return the text with secrets masked ({@code ""} for {@code null})
   */
  public static String secrets(String text) {
    if (text == null) {
      return "";
    }
    String masked = KEY_VALUE.matcher(text).replaceAll("$1***");
    return USER_INFO.matcher(masked).replaceAll("$1:***@");
  }

  /**
   * An environment-variable value made safe to print: control characters removed, at most 120
   * characters.
   *
   * @param value the value
   * @return the printable value
   */
  public static String printable(String value) {
    StringBuilder text = new StringBuilder(Math.min(value.length(), MAX_VALUE + 1));
    for (int i = 0; i < value.length() && text.length() < MAX_VALUE; i++) {
      char c = value.charAt(i);
      text.append(Character.isISOControl(c) ? '?' : c);
    }
    if (value.length() > MAX_VALUE) {
      text.append('…');
    }
    return text.toString();
  }

  /**
   * Describes a failure in one line, secrets masked: the exception's simple class name and message,
   * then its causes' messages.
   *
   * @param failure the failure
   * @return the description
   */
  public static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    Throwable current = failure;
    for (int depth = 0; current != null && depth < 4; depth++) {
      if (depth > 0) {
        text.append(" <- ");
      }
      String message = current.getMessage();
      String type = current.getClass().getSimpleName();
      text.append(type.isEmpty() ? current.getClass().getName() : type);
      if (message != null && !message.isBlank()) {
        text.append(": ").append(message.strip().replaceAll("\\s*\\R\\s*", " "));
      }
      current = current.getCause() == current ? null : current.getCause();
    }
    return secrets(text.toString());
  }
}
