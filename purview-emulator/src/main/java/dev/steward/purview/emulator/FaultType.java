package dev.steward.purview.emulator;

/** What the emulator does to a request instead of (or on top of) answering it normally. */
public enum FaultType {
  /** HTTP 429 with {@code Retry-After} (also what the rate limit answers). */
  THROTTLED,
  /** HTTP 503 with {@code Retry-After}. */
  UNAVAILABLE,
  /** HTTP 500, error code {@code ATLAS-500-00-001}. */
  INTERNAL_ERROR,
  /** The connection is dropped after half of the response body was sent. */
  RESET,
  /** A well-framed 2xx response whose JSON body is cut in half (malformed JSON). */
  TRUNCATED,
  /** The response was delayed; only counted, see {@link Faults#delay(java.time.Duration)}. */
  DELAYED
}
