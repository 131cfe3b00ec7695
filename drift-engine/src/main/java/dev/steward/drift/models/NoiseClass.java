package dev.steward.drift.models;

/**
 * The kinds of noise the engine recognises and suppresses. The report counts each suppressed
 * difference by class, so a user can see what was ignored and why.
 */
public enum NoiseClass {
  /** A volatile or read-only path changed (etag, provisioningState, systemData, timestamps...). */
  VOLATILE,
  /** One side absent, the other equal to the documented default for that type and apiVersion. */
  DEFAULT,
  /** An array differed only in element order (keyed arrays, sets). */
  ORDER,
  /** Ids, types, locations or enum-like values differed only in case or spacing. */
  CASE,
  /** Numbers differed only in form ({@code 1} and {@code 1.0}). */
  NUMBER,
  /** Instants differed only in form (offset, fraction digits). */
  INSTANT,
  /** ISO-8601 durations differed only in form ({@code PT60M} and {@code PT1H}). */
  DURATION,
  /** IP and CIDR forms differed only in form ({@code 1.2.3.4} and {@code 1.2.3.4/32}). */
  CIDR,
  /** JSON embedded in a string differed only in formatting or key order. */
  EMBEDDED_JSON,
  /** A short resource name against the full resource id in the same scope. */
  RESOURCE_ID,
  /** A child resource matched its inline twin in the parent's array. */
  CHILD_RESOURCE,
  /** A secret or write-only value: never compared, never printed. */
  SECRET
}
