package dev.steward.drift.implementation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.drift.models.NoiseClass;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Scalar equivalence: the typed comparisons behind {@link Comparison}. */
public final class Scalars {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Scalars() {}

  /**
   * Compares two scalar (or embedded-JSON) values that are not {@code equals}.
   *
   * @param cmp how the path compares
   * @param a the baseline value
   * @param b the current value
   * @param scope the owning resource's scope ({@code /subscriptions/s/resourcegroups/r/}), lower
   *     case, or {@code null}
   * @return the noise class that makes them equivalent, or {@code null} when they differ
   */
  @SuppressWarnings("fallthrough") // an address prefix is a CIDR with extra spellings
  public static NoiseClass equivalent(Comparison cmp, JsonNode a, JsonNode b, String scope) {
    switch (cmp) {
      case EXACT:
        return null;
      case IGNORE_CASE:
        if (a.isTextual() && b.isTextual() && a.textValue().equalsIgnoreCase(b.textValue())) {
          return NoiseClass.CASE;
        }
        break;
      case LOCATION:
        if (a.isTextual() && b.isTextual() && locationEquals(a.textValue(), b.textValue())) {
          return NoiseClass.CASE;
        }
        break;
      case RESOURCE_ID:
        if (a.isTextual() && b.isTextual()) {
          NoiseClass c = resourceIdEquivalent(a.textValue(), b.textValue(), scope);
          if (c != null) {
            return c;
          }
        }
        break;
      case ADDRESS_PREFIX:
        if (a.isTextual() && b.isTextual() && isAnywhere(a) && isAnywhere(b)) {
          return NoiseClass.CIDR;
        }
      // fall through: an address prefix is also a CIDR
      case CIDR:
        if (a.isTextual() && b.isTextual()) {
          String ca = canonicalCidr(a.textValue());
          if (ca != null && ca.equals(canonicalCidr(b.textValue()))) {
            return NoiseClass.CIDR;
          }
        }
        break;
      case JSON:
        if (a.isTextual() && b.isTextual() && embeddedJsonEquals(a.textValue(), b.textValue())) {
          return NoiseClass.EMBEDDED_JSON;
        }
        break;
      default:
        break;
    }
    return auto(a, b);
  }

  private static NoiseClass auto(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0 ? NoiseClass.NUMBER : null;
    }
    if (!a.isTextual() || !b.isTextual()) {
      return null;
    }
    String x = a.textValue();
    String y = b.textValue();
    if (looksLikeResourceId(x) && looksLikeResourceId(y)) {
      return x.equalsIgnoreCase(y) ? NoiseClass.CASE : null;
    }
    if (looksLikeInstant(x) && looksLikeInstant(y)) {
      Instant ix = instant(x);
      return ix != null && ix.equals(instant(y)) ? NoiseClass.INSTANT : null;
    }
    if (looksLikeDuration(x) && looksLikeDuration(y)) {
      Object dx = duration(x);
      return dx != null && dx.equals(duration(y)) ? NoiseClass.DURATION : null;
    }
    if (looksLikeJson(x) && looksLikeJson(y)) {
      return embeddedJsonEquals(x, y) ? NoiseClass.EMBEDDED_JSON : null;
    }
    return null;
  }

  /**
   * A key for a scalar such that equivalent scalars (under {@code cmp}) get equal keys; used for
   * multisets.
   *
   * @param cmp how the values compare
   * @param v the value
   * @return the key
   */
  @SuppressWarnings("fallthrough") // an address prefix is a CIDR with extra spellings
  public static String canonicalKey(Comparison cmp, JsonNode v) {
    if (v.isNumber()) {
      BigDecimal d = v.decimalValue().stripTrailingZeros();
      return "n:" + d.toPlainString();
    }
    if (!v.isTextual()) {
      return v.isContainerNode() ? "j:" + Canonical.json(v) : "s:" + v.asText();
    }
    String s = v.textValue();
    switch (cmp) {
      case EXACT:
        return "t:" + s;
      case IGNORE_CASE:
      case RESOURCE_ID:
        return "t:" + s.toLowerCase(Locale.ROOT);
      case LOCATION:
        return "t:" + s.replace(" ", "").toLowerCase(Locale.ROOT);
      case ADDRESS_PREFIX:
        if (isAnywhere(v)) {
          return "c:anywhere";
        }
      // fall through
      case CIDR:
        String c = canonicalCidr(s);
        return c == null ? "t:" + s : "c:" + c;
      default:
        break;
    }
    if (looksLikeResourceId(s)) {
      return "t:" + s.toLowerCase(Locale.ROOT);
    }
    if (looksLikeInstant(s)) {
      Instant i = instant(s);
      if (i != null) {
        return "i:" + i;
      }
    }
    return "t:" + s;
  }

  /**
   * Whether an NSG address prefix means "anywhere".
   *
   * @param v the value
   * @return {@code true} for {@code *}, {@code 0.0.0.0/0}, {@code ::/0}, {@code Internet}, {@code
   *     Any}
   */
  public static boolean isAnywhere(JsonNode v) {
    if (!v.isTextual()) {
      return false;
    }
    String s = v.textValue().trim();
    return s.equals("*")
        || s.equals("0.0.0.0/0")
        || s.equals("::/0")
        || s.equalsIgnoreCase("Internet")
        || s.equalsIgnoreCase("Any");
  }

  /**
   * Whether an NSG port range ({@code *}, {@code 22}, {@code 3000-4000}) covers a port.
   *
   * @param range the range
   * @param port the port
   * @return {@code true} when covered
   */
  public static boolean portRangeCovers(String range, int port) {
    String r = range.trim();
    if (r.equals("*")) {
      return true;
    }
    try {
      int dash = r.indexOf('-');
      if (dash < 0) {
        return Integer.parseInt(r) == port;
      }
      int lo = Integer.parseInt(r.substring(0, dash).trim());
      int hi = Integer.parseInt(r.substring(dash + 1).trim());
      return lo <= port && port <= hi;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static boolean locationEquals(String a, String b) {
    int i = 0;
    int j = 0;
    while (true) {
      while (i < a.length() && a.charAt(i) == ' ') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == ' ') {
        j++;
      }
      if (i == a.length() || j == b.length()) {
        return i == a.length() && j == b.length();
      }
      if (Character.toLowerCase(a.charAt(i)) != Character.toLowerCase(b.charAt(j))) {
        return false;
      }
      i++;
      j++;
    }
  }

  static boolean looksLikeResourceId(String s) {
    return s.regionMatches(true, 0, "/subscriptions/", 0, 15)
        || s.regionMatches(true, 0, "/providers/", 0, 11);
  }

  private static NoiseClass resourceIdEquivalent(String a, String b, String scope) {
    if (a.equalsIgnoreCase(b)) {
      return NoiseClass.CASE;
    }
    boolean fullA = looksLikeResourceId(a);
    boolean fullB = looksLikeResourceId(b);
    if (fullA == fullB || scope == null) {
      return null;
    }
    String full = fullA ? a : b;
    String shortName = fullA ? b : a;
    if (shortName.contains("/") || !full.regionMatches(true, 0, scope, 0, scope.length())) {
      return null;
    }
    int slash = full.lastIndexOf('/');
    return full.substring(slash + 1).equalsIgnoreCase(shortName) ? NoiseClass.RESOURCE_ID : null;
  }

  /**
   * The scope ({@code /subscriptions/s/resourcegroups/r/}, lower case) of a resource id.
   *
   * @param id the resource id
   * @return the scope, or {@code null} when the id has no resource group
   */
  public static String scopeOf(String id) {
    String lower = id.toLowerCase(Locale.ROOT);
    int rg = lower.indexOf("/resourcegroups/");
    if (!lower.startsWith("/subscriptions/") || rg < 0) {
      return null;
    }
    int end = lower.indexOf('/', rg + 16);
    return end < 0 ? lower + "/" : lower.substring(0, end + 1);
  }

  static boolean looksLikeInstant(String s) {
    int n = s.length();
    return n >= 19
        && n <= 40
        && s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && (s.charAt(10) == 'T' || s.charAt(10) == 't' || s.charAt(10) == ' ')
        && Character.isDigit(s.charAt(0));
  }

  static Instant instant(String s) {
    String t = s.replace(' ', 'T');
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  static boolean looksLikeDuration(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    return c == 'P'
        || c == 'p'
        || (c == '-' && s.length() > 1 && (s.charAt(1) == 'P'))
        || (Character.isDigit(c) && s.indexOf(':') > 0 && s.length() <= 20);
  }

  /** An ISO-8601 duration or period, or a .NET TimeSpan ({@code [d.]hh:mm:ss}), as a value. */
  static Object duration(String s) {
    String t = s.trim();
    try {
      if (t.indexOf(':') > 0) {
        int dot = t.indexOf('.');
        long days = 0;
        if (dot > 0 && dot < t.indexOf(':')) {
          days = Long.parseLong(t.substring(0, dot));
          t = t.substring(dot + 1);
        }
        String[] p = t.split(":");
        if (p.length != 3) {
          return null;
        }
        return Duration.ofDays(days)
            .plusHours(Long.parseLong(p[0]))
            .plusMinutes(Long.parseLong(p[1]))
            .plusNanos(new BigDecimal(p[2]).movePointRight(9).longValueExact());
      }
      String u = t.toUpperCase(Locale.ROOT);
      if (u.contains("T")) {
        return Duration.parse(u);
      }
      Period period = Period.parse(u);
      return period.getYears() == 0 && period.getMonths() == 0
          ? Duration.ofDays(period.getDays())
          : period.normalized();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static boolean looksLikeJson(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  static boolean embeddedJsonEquals(String a, String b) {
    try {
      JsonNode x = MAPPER.readTree(a);
      JsonNode y = MAPPER.readTree(b);
      return x != null && x.isContainerNode() && x.equals(Scalars::numericOrEqual, y);
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static int numericOrEqual(JsonNode x, JsonNode y) {
    if (x.equals(y)) {
      return 0;
    }
    if (x.isNumber() && y.isNumber()) {
      return x.decimalValue().compareTo(y.decimalValue());
    }
    return 1;
  }

  /**
   * An IP address or CIDR block in canonical form ({@code 1.2.3.4/32}), or {@code null} when the
   * text is neither.
   *
   * @param s the text
   * @return the canonical form
   */
  public static String canonicalCidr(String s) {
    String t = s.trim();
    int slash = t.indexOf('/');
    String addr = slash < 0 ? t : t.substring(0, slash);
    byte[] bytes = parseIp(addr);
    if (bytes == null) {
      return null;
    }
    int max = bytes.length * 8;
    int prefix = max;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(t.substring(slash + 1));
      } catch (NumberFormatException e) {
        return null;
      }
      if (prefix < 0 || prefix > max) {
        return null;
      }
    }
    return Arrays.toString(bytes) + "/" + prefix;
  }

  private static byte[] parseIp(String addr) {
    if (addr.indexOf(':') >= 0) {
      if (!addr.matches("[0-9a-fA-F:.]+")) {
        return null;
      }
      try {
        return InetAddress.getByName(addr).getAddress(); // an IPv6 literal: no name lookup
      } catch (UnknownHostException | SecurityException e) {
        return null;
      }
    }
    String[] parts = addr.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (parts[i].isEmpty()
          || parts[i].length() > 3
          || !parts[i].chars().allMatch(Character::isDigit)) {
        return null;
      }
      int v = Integer.parseInt(parts[i]);
      if (v > 255) {
        return null;
      }
      b[i] = (byte) v;
    }
    return b;
  }
}
