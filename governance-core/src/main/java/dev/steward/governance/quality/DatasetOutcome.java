package dev.steward.governance.quality;

/**
 * What happened to one mapped dataset (or field) in a run.
 *
 * @param key the score key ({@code dataset} or {@code dataset#field})
 * @param target the Purview target as mapped (guid or {@code typeName:qualifiedName})
 * @param guid the resolved entity guid, or null when unresolved
 * @param status the outcome
 * @param change the planned or written change, or null when none was computed
 * @param reason why it was unresolved, stale or failed, or null
 * @param errorCode the Atlas error code of a failure (e.g. {@code ATLAS-404-00-005}), or null
 */
public record DatasetOutcome(
    String key,
    String target,
    String guid,
    Status status,
    PlannedChange change,
    String reason,
    String errorCode) {

  /** The outcome of one dataset. */
  public enum Status {
    /** Differences were written. */
    WRITTEN,
    /** Dry run: differences were found and not written. */
    PLANNED,
    /** Already in sync: nothing written. */
    UNCHANGED,
    /** Purview holds a newer measurement ({@code updatedAt}): nothing written. */
    STALE,
    /** The mapped entity could not be found. */
    UNRESOLVED,
    /** A write failed. */
    FAILED,
    /** The score's dataset or field is not in the mapping. */
    UNMAPPED
  }
}
