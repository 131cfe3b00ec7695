package dev.steward.governance.extract;

/**
 * Receives progress while an extraction runs (after each batch of assets), on the calling thread.
 */
@FunctionalInterface
public interface ExtractionListener {

  /**
   * Called after each batch is written.
   *
   * @param progress the progress so far
   */
  void onProgress(ExtractionProgress progress);

  /**
   * A listener that does nothing.
   *
   * @return a no-op listener
   */
  static ExtractionListener none() {
    return progress -> {};
  }
}
