package dev.steward.governance.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Method B: quality events pushed by a webhook, verified and applied through the same reconcile
 * path as a scheduled run (so a repeated event writes nothing). Transport-neutral: pass the request
 * headers and body, send back the {@link WebhookResponse}; {@code steward sync-quality serve}
 * mounts it on the JDK HTTP server, a host can mount it in its own.
 *
 * <p>Verification, in order: the signature header {@code X-Steward-Signature: sha256=HEX}, the
 * HMAC-SHA256 of {@code TIMESTAMP + "." + BODY} with the shared secret, compared in constant time
 * (401 when wrong); the timestamp header {@code X-Steward-Timestamp} (epoch seconds) within the
 * window of the clock (401 when stale); the JSON body (400 when malformed); the event id ({@code
 * X-Steward-Event-Id}, or the body's {@code id}, or the body's SHA-256) not seen within the window
 * (409 when replayed). An event id is remembered only once its event was applied, so a sender may
 * retry a failed delivery.
 */
public final class QualityWebhookHandler {

  /** The signature header. */
  public static final String SIGNATURE_HEADER = "X-Steward-Signature";

  /** The timestamp header (epoch seconds). */
  public static final String TIMESTAMP_HEADER = "X-Steward-Timestamp";

  /** The event id header. */
  public static final String EVENT_ID_HEADER = "X-Steward-Event-Id";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REMEMBERED = 100_000;

  private final QualitySync sync;
  private final byte[] secret;
  private final Clock clock;
  private final Duration window;
  private final Map<String, Instant> seen = new LinkedHashMap<>();

  private QualityWebhookHandler(Builder b) {
    this.sync = b.sync;
    this.secret = b.secret.clone();
    this.clock = b.clock;
    this.window = b.window;
  }

  /**
   * Starts a builder.
   *
   * @param sync the sync events are applied with
   * @param secret the shared HMAC secret (at least 16 bytes)
   * @return a builder
   */
  public static Builder builder(QualitySync sync, byte[] secret) {
    return new Builder(sync, secret);
  }

  /**
   * Signs a body the way senders must: {@code sha256=} + hex HMAC-SHA256 of {@code timestamp + "."
   * + body}.
   *
   * @param secret the shared secret
   * @param timestampSeconds the timestamp header value
   * @param body the body
   * @return the signature header value
   */
  public static String sign(byte[] secret, long timestampSeconds, byte[] body) {
    return "sha256=" + HexFormat.of().formatHex(hmac(secret, timestampSeconds, body));
  }

  /**
   * Handles one delivery.
   *
   * @param headers the request headers (names case-insensitive; first value used)
   * @param body the raw body
   * @return the response to send
   */
  public WebhookResponse handle(Map<String, List<String>> headers, byte[] body) {
    WebhookResponse response = answer(headers, body);
    sync.metrics().webhookEvent(response.status());
    return response;
  }

  private WebhookResponse answer(Map<String, List<String>> headers, byte[] body) {
    Map<String, String> h = new LinkedHashMap<>();
    headers.forEach(
        (k, v) -> {
          if (k != null && v != null && !v.isEmpty()) {
            h.put(k.toLowerCase(Locale.ROOT), v.get(0));
          }
        });
    String signature = h.get(SIGNATURE_HEADER.toLowerCase(Locale.ROOT));
    String timestamp = h.get(TIMESTAMP_HEADER.toLowerCase(Locale.ROOT));
    if (signature == null || timestamp == null) {
      return reply(401, "missing " + (signature == null ? SIGNATURE_HEADER : TIMESTAMP_HEADER));
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return reply(401, TIMESTAMP_HEADER + " is not epoch seconds");
    }
    byte[] expected = sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(
        expected, signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
      return reply(401, "bad signature");
    }
    Instant now = clock.instant();
    Instant sent = Instant.ofEpochSecond(ts);
    if (Duration.between(sent, now).abs().compareTo(window) > 0) {
      return reply(401, "stale timestamp: outside the " + window.toSeconds() + " s window");
    }
    JsonNode event;
    try {
      event = JSON.readTree(body);
    } catch (IOException e) {
      return reply(400, "malformed JSON body");
    }
    if (event == null || !event.isObject()) {
      return reply(400, "the body must be a JSON object");
    }
    String id = h.get(EVENT_ID_HEADER.toLowerCase(Locale.ROOT));
    if (id == null && event.hasNonNull("id")) {
      id = event.get("id").asText();
    }
    if (id == null) {
      id = HexFormat.of().formatHex(sha256(body));
    }
    QualityScore score;
    try {
      score = QualityScores.fromJson(event);
    } catch (IllegalArgumentException e) {
      return reply(400, e.getMessage());
    }
    synchronized (seen) {
      expire(now);
      if (seen.containsKey(id)) {
        return reply(409, "event " + id + " was already received");
      }
      seen.put(id, now);
    }
    boolean keep = false;
    try {
      SyncReport report;
      try {
        report = sync.sync(List.of(score));
      } catch (RuntimeException e) {
        return reply(502, "applying the event failed: " + e.getMessage());
      }
      DatasetOutcome outcome = report.outcomes().get(0);
      ObjectNode out = JSON.createObjectNode();
      out.put("event", event.path("event").asText(null));
      out.put("dataset", outcome.key());
      out.put("status", outcome.status().name());
      if (outcome.reason() != null) {
        out.put("reason", outcome.reason());
      }
      int status =
          switch (outcome.status()) {
            case WRITTEN, UNCHANGED, STALE, PLANNED -> 200;
            case UNMAPPED -> 202;
            case UNRESOLVED -> 422;
            case FAILED -> 502;
          };
      keep = status < 300;
      return new WebhookResponse(status, out.toString());
    } finally {
      if (!keep) {
        synchronized (seen) {
          seen.remove(id);
        }
      }
    }
  }

  private void expire(Instant now) {
    Instant oldest = now.minus(window.multipliedBy(2));
    for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Instant> e = it.next();
      if (e.getValue().isBefore(oldest) || seen.size() > MAX_REMEMBERED) {
        it.remove();
      } else {
        break;
      }
    }
  }

  private static WebhookResponse reply(int status, String message) {
    ObjectNode out = JSON.createObjectNode();
    out.put("error", message);
    return new WebhookResponse(status, out.toString());
  }

  private static byte[] hmac(byte[] secret, long ts, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((ts + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "QualityWebhookHandler[window=" + window + ", secret=***]";
  }

  /** Builds a {@link QualityWebhookHandler}. */
  public static final class Builder {
    private final QualitySync sync;
    private final byte[] secret;
    private Clock clock = Clock.systemUTC();
    private Duration window = Duration.ofMinutes(5);

    private Builder(QualitySync sync, byte[] secret) {
      this.sync = Objects.requireNonNull(sync, "sync");
      Objects.requireNonNull(secret, "secret");
      if (secret.length < 16) {
        throw new IllegalArgumentException(
            "the webhook secret must be at least 16 bytes, was " + secret.length);
      }
      this.secret = secret.clone();
    }

    /**
     * Sets the clock timestamps are checked against.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how far a timestamp may be from now (default 5 minutes); event ids are remembered for
     * twice as long.
     *
     * @param window the window
     * @return this builder
     */
    public Builder window(Duration window) {
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window must be positive, was " + window);
      }
      this.window = window;
      return this;
    }

    /**
     * Builds the handler.
     *
     * @return the handler
     */
    public QualityWebhookHandler build() {
      return new QualityWebhookHandler(this);
    }
  }
}
