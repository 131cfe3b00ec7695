package dev.steward.cli.governance;

import java.net.URI;

/** Whether an endpoint is on this machine (the local emulator). */
public final class Loopback {
  private Loopback() {}

  /**
   * Whether the endpoint's host is localhost, 127.x or ::1.
   *
   * @param endpoint the endpoint URL
   * @return true for a loopback host
   */
  public static boolean isLoopback(String endpoint) {
    try {
      String host = URI.create(endpoint).getHost();
      return host != null
          && (host.equals("localhost")
              || host.startsWith("127.")
              || host.equals("[::1]")
              || host.equals("::1"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
