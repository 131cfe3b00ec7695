package dev.steward.governance.backup.implementation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A blob-container service SAS signed with a storage account key (Shared Key), as documented in
 * "Create a service SAS" for signed version 2020-12-06 and later: the string to sign is
 * permissions, start, expiry, canonicalized resource ({@code /blob/{account}/{container}}),
 * identifier, IP, protocol, version, resource ({@code c}), snapshot time, encryption scope and the
 * five response-header overrides, one per line.
 */
public final class ContainerSas {
  /** The signed version. */
  public static final String VERSION = "2022-11-02";

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  private ContainerSas() {}

  /**
   * Builds the SAS query string (without the leading {@code ?}).
   *
   * @param account the storage account name
   * @param container the container name
   * @param accountKey the base64 account key
   * @param permissions the permissions in canonical order, e.g. {@code rwdl}
   * @param start when the SAS becomes valid
   * @param expiry when it stops being valid
   * @return the query string; a secret
   */
  public static String build(
      String account,
      String container,
      String accountKey,
      String permissions,
      Instant start,
      Instant expiry) {
    String st = ISO.format(start.truncatedTo(ChronoUnit.SECONDS));
    String se = ISO.format(expiry.truncatedTo(ChronoUnit.SECONDS));
    String toSign =
        String.join(
            "\n",
            permissions,
            st,
            se,
            "/blob/" + account + "/" + container,
            "",
            "",
            "https",
            VERSION,
            "c",
            "",
            "",
            "",
            "",
            "",
            "",
            "");
    String sig = sign(accountKey, toSign);
    return "sv="
        + VERSION
        + "&spr=https"
        + "&st="
        + enc(st)
        + "&se="
        + enc(se)
        + "&sr=c"
        + "&sp="
        + permissions
        + "&sig="
        + enc(sig);
  }

  /**
   * HMAC-SHA256 of a string with a base64 key, base64-encoded.
   *
   * @param base64Key the key
   * @param text the text
   * @return the signature
   */
  public static String sign(String base64Key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The storage account key is not base64", e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
