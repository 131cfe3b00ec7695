package dev.steward.drift.implementation;

/**
 * A range of ARM api-versions such as {@code >=2019-04-01} or {@code >=2016-10-01 <2019-09-01}.
 * Versions compare by their date part; a snapshot without an {@code apiVersion} matches only the
 * unbounded range.
 *
 * @param min inclusive lower bound (date part), or {@code null}
 * @param max exclusive upper bound (date part), or {@code null}
 */
public record ApiVersionRange(String min, String max) {

  /** Every api-version, including unknown. */
  public static final ApiVersionRange ALL = new ApiVersionRange(null, null);

  /**
   * Parses a range: {@code *}, {@code >=DATE}, {@code <DATE}, or both separated by a space.
   *
   * @param text the range, or {@code null} for all
   * @return the range
   * @throws IllegalArgumentException when malformed
   */
  public static ApiVersionRange parse(String text) {
    if (text == null || text.isBlank() || text.trim().equals("*")) {
      return ALL;
    }
    String min = null;
    String max = null;
    for (String part : text.trim().split("\\s+")) {
      if (part.startsWith(">=")) {
        min = date(part.substring(2), text);
      } else if (part.startsWith("<")) {
        max = date(part.substring(1), text);
      } else {
        throw new IllegalArgumentException(
            "malformed apiVersions '"
                + text
                + "' (expected '>=YYYY-MM-DD', '<YYYY-MM-DD' or both)");
      }
    }
    return new ApiVersionRange(min, max);
  }

  private static String date(String v, String text) {
    if (!v.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      throw new IllegalArgumentException("malformed api-version '" + v + "' in '" + text + "'");
    }
    return v.substring(0, 10);
  }

  /**
   * Whether a snapshot's api-version is in this range.
   *
   * @param apiVersion the snapshot's {@code apiVersion}, or {@code null} when it has none
   * @return {@code true} when inside
   */
  public boolean contains(String apiVersion) {
    if (min == null && max == null) {
      return true;
    }
    if (apiVersion == null || apiVersion.length() < 10) {
      return false;
    }
    String d = apiVersion.substring(0, 10);
    return (min == null || d.compareTo(min) >= 0) && (max == null || d.compareTo(max) < 0);
  }
}
