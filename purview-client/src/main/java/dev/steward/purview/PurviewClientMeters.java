package dev.steward.purview;

/**
 * The names and tag keys of the meters a {@link PurviewDataMapClient} records when its builder was
 * given a Micrometer {@code MeterRegistry} ({@link PurviewDataMapClientBuilder#meterRegistry}).
 * Without a registry the client records nothing.
 *
 * <p>Every tag is low-cardinality: {@link #TAG_OPERATION} is the request's route template (its
 * fixed path segments joined by dots, such as {@code entity.guid} for {@code
 * /atlas/v2/entity/guid/{guid}}), never a guid, a name or a URL.
 */
public final class PurviewClientMeters {
  /**
   * Timer: one sample per logical request (all its retries included), tagged {@link
   * #TAG_OPERATION}, {@link #TAG_METHOD}, {@link #TAG_STATUS} and {@link #TAG_OUTCOME}.
   */
  public static final String REQUESTS = "steward.purview.requests";

  /**
   * Counter: retries the client made, tagged {@link #TAG_OPERATION}, {@link #TAG_METHOD} and {@link
   * #TAG_REASON} (the status that caused the retry, or {@code IO_ERROR}).
   */
  public static final String RETRIES = "steward.purview.retries";

  /**
   * Counter: responses that said "slow down" (HTTP 429 or 503), tagged {@link #TAG_OPERATION} and
   * {@link #TAG_STATUS}.
   */
  public static final String THROTTLED = "steward.purview.throttled";

  /** Timer: waits for a token of the client-side rate limit (only when the bucket was empty). */
  public static final String RATE_LIMIT_WAITS = "steward.purview.rate.limit.waits";

  /** Tag key: the route template, such as {@code entity.guid} or {@code search.query}. */
  public static final String TAG_OPERATION = "operation";

  /** Tag key: the HTTP method. */
  public static final String TAG_METHOD = "method";

  /** Tag key: the HTTP status code, or {@code IO_ERROR} when no response arrived. */
  public static final String TAG_STATUS = "status";

  /**
   * Tag key: Micrometer's outcome convention: {@code SUCCESS}, {@code REDIRECTION}, {@code
   * CLIENT_ERROR}, {@code SERVER_ERROR} or {@code UNKNOWN} (no response).
   */
  public static final String TAG_OUTCOME = "outcome";

  /** Tag key: why a retry happened: the status code, or {@code IO_ERROR}. */
  public static final String TAG_REASON = "reason";

  /** The {@link #TAG_STATUS} and {@link #TAG_REASON} value when no response arrived. */
  public static final String IO_ERROR = "IO_ERROR";

  private PurviewClientMeters() {}
}
