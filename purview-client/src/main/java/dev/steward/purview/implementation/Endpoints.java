package dev.steward.purview.implementation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Endpoint validation: https everywhere, plain http only on loopback and only when asked. */
public final class Endpoints {
  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.\\d{1,3}){3}");
  private static final Pattern ACCOUNT =
      Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]{1,61}[a-zA-Z0-9]");

  private Endpoints() {}

  /**
   * Whether a host names this machine: {@code localhost}, 127.0.0.0/8 or {@code ::1}, decided from
   * the text alone (no DNS lookup).
   *
   * @param host the host
   * @return true for a loopback host
   */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || IPV4_LOOPBACK.matcher(h).matches()
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1");
  }

  /**
   * Checks an endpoint and returns the Data Map API base URL ({@code {endpoint}/datamap/api}).
   *
   * @param endpoint the account endpoint, e.g. {@code https://contoso.purview.azure.com}
   * @param allowInsecureLoopback whether http:// is allowed on loopback hosts
   * @return the base URL without a trailing slash
   */
  public static String apiBase(String endpoint, boolean allowInsecureLoopback) {
    URI uri;
    try {
      uri = new URI(endpoint.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Purview endpoint is not a URL: '" + endpoint + "'", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(
          "Purview endpoint must be an https:// URL such as https://<account>.purview.azure.com, was '"
              + endpoint
              + "'");
    }
    if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "Purview endpoint must not carry user info, a query or a fragment: '" + endpoint + "'");
    }
    if (scheme.equals("http")) {
      if (!isLoopback(host)) {
        throw new IllegalArgumentException(
            "Purview endpoint '"
                + endpoint
                + "' uses plain http: bearer tokens are only sent over"
                + " https. Plain http is allowed only for loopback hosts (an emulator), with"
                + " allowInsecureLoopback(true).");
      }
      if (!allowInsecureLoopback) {
        throw new IllegalArgumentException(
            "Purview endpoint '"
                + endpoint
                + "' is plain http on a loopback host; call"
                + " allowInsecureLoopback(true) on the builder to use a local emulator.");
      }
    }
    String base = endpoint.trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base.endsWith("/datamap/api") ? base : base + "/datamap/api";
  }

  /**
   * The endpoint of an account name.
   *
   * @param accountName the Purview account name
   * @return {@code https://{accountName}.purview.azure.com}
   */
  public static String ofAccount(String accountName) {
    if (accountName == null || !ACCOUNT.matcher(accountName).matches()) {
      throw new IllegalArgumentException(
          "Purview account name must be 3-63 letters, digits or hyphens, was '"
              + accountName
              + "'");
    }
    return "https://" + accountName.toLowerCase(Locale.ROOT) + ".purview.azure.com";
  }
}
