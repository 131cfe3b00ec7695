package dev.steward.purview.models;

/**
 * What adding classifications does about those already on the entity (the service answers HTTP 400
 * {@code ATLAS-400-00-01B} when one is).
 */
public enum ExistingClassification {
  /** Fail with {@code ClassificationAlreadyAssociatedException} (the service's behaviour). */
  FAIL,
  /** Leave the ones already there untouched and add the others: an idempotent add. */
  SKIP,
  /** Add the new ones and update the ones already there with the given attributes. */
  UPDATE
}
