package dev.steward.governance.quality;

import java.time.Duration;
import java.util.List;

/**
 * The result of one reconcile run.
 *
 * @param dryRun true when nothing was written
 * @param outcomes one outcome per score key, in score order
 * @param writeCalls the number of write calls made
 * @param duration how long the run took
 */
public record SyncReport(
    boolean dryRun, List<DatasetOutcome> outcomes, long writeCalls, Duration duration) {

  /** Copies the outcomes. */
  public SyncReport {
    outcomes = List.copyOf(outcomes);
  }

  /**
   * Datasets (and fields) with a score, mapped or not.
   *
   * @return the count
   */
  public long seen() {
    return outcomes.size();
  }

  /**
   * Mapped datasets whose entity was found.
   *
   * @return the count
   */
  public long resolved() {
    return outcomes.stream().filter(o -> o.guid() != null).count();
  }

  /**
   * Mapped datasets whose entity was not found.
   *
   * @return the outcomes
   */
  public List<DatasetOutcome> unresolved() {
    return with(DatasetOutcome.Status.UNRESOLVED);
  }

  /**
   * Datasets written (or, in a dry run, with a planned change).
   *
   * @return the count
   */
  public long written() {
    return count(dryRun ? DatasetOutcome.Status.PLANNED : DatasetOutcome.Status.WRITTEN);
  }

  /**
   * Datasets already in sync, or holding a newer measurement.
   *
   * @return the count
   */
  public long unchanged() {
    return count(DatasetOutcome.Status.UNCHANGED) + count(DatasetOutcome.Status.STALE);
  }

  /**
   * Datasets whose write failed.
   *
   * @return the outcomes
   */
  public List<DatasetOutcome> failed() {
    return with(DatasetOutcome.Status.FAILED);
  }

  /**
   * Scores for datasets or fields the mapping does not know.
   *
   * @return the count
   */
  public long unmapped() {
    return count(DatasetOutcome.Status.UNMAPPED);
  }

  /**
   * The changes planned or written.
   *
   * @return the changes
   */
  public List<PlannedChange> plan() {
    return outcomes.stream()
        .filter(
            o ->
                o.status() == DatasetOutcome.Status.PLANNED
                    || o.status() == DatasetOutcome.Status.WRITTEN)
        .map(DatasetOutcome::change)
        .toList();
  }

  /**
   * Whether every mapped dataset is in sync: none unresolved, none failed.
   *
   * @return true when clean
   */
  public boolean clean() {
    return unresolved().isEmpty() && failed().isEmpty();
  }

  /**
   * A one-line summary.
   *
   * @return the summary
   */
  public String summary() {
    return String.format(
        "%s: %d seen, %d resolved, %d unresolved, %d %s, %d unchanged, %d failed, %d unmapped,"
            + " %d write calls in %d ms",
        dryRun ? "plan" : "sync",
        seen(),
        resolved(),
        unresolved().size(),
        written(),
        dryRun ? "to write" : "written",
        unchanged(),
        failed().size(),
        unmapped(),
        writeCalls,
        duration.toMillis());
  }

  private long count(DatasetOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).count();
  }

  private List<DatasetOutcome> with(DatasetOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).toList();
  }
}
