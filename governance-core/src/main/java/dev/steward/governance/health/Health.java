package dev.steward.governance.health;

import java.util.Objects;

/**
 * What one {@link HealthCheck} found: a status and a one-line detail a person can act on. The
 * detail never holds a secret (tokens, keys, connection strings, query strings of URLs).
 *
 * @param status the status
 * @param detail what was seen, one line
 */
public record Health(HealthStatus status, String detail) {

  private static final int MAX_DETAIL = 500;

  /** Checks the status and keeps the detail to one short line. */
  public Health {
    Objects.requireNonNull(status, "status");
    detail = oneLine(detail);
  }

  /**
   * A healthy result.
   *
   * @param detail what was seen
   * @return the health
   */
  public static Health up(String detail) {
    return new Health(HealthStatus.UP, detail);
  }

  /**
   * A working dependency with a problem.
   *
   * @param detail the problem
   * @return the health
   */
  public static Health degraded(String detail) {
    return new Health(HealthStatus.DEGRADED, detail);
  }

  /**
   * A dependency that does not work.
   *
   * @param detail what failed and, where known, what to do about it
   * @return the health
   */
  public static Health down(String detail) {
    return new Health(HealthStatus.DOWN, detail);
  }

  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.strip();
    int newline = line.indexOf('\n');
    if (newline >= 0) {
      line = line.substring(0, newline).strip();
    }
    return line.length() > MAX_DETAIL ? line.substring(0, MAX_DETAIL) + "..." : line;
  }
}
