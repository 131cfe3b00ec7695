package dev.steward.governance.arm.implementation;

import java.util.Locale;

/** Which hosts count as loopback for {@code allowInsecureLoopback}. */
public final class Loopback {
  private Loopback() {}

  /**
   * Whether a host is loopback without resolving it: {@code localhost}, 127.0.0.0/8 or {@code ::1}.
   *
   * @param host the host as written in the URL
   * @return true for loopback
   */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }
}
