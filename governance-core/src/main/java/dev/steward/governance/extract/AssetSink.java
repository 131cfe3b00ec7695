package dev.steward.governance.extract;

import java.io.IOException;
import java.util.Set;

/**
 * Where extracted assets go. The extractor calls {@link #write} once per asset, then {@link
 * #commit()} when the run is complete; {@link #close()} always follows. A sink that can resume an
 * interrupted run reports what it already holds through {@link #alreadyWritten()}, and the
 * extractor skips those assets, so the result holds every asset exactly once.
 */
public interface AssetSink extends AutoCloseable {

  /**
   * The guids this sink already holds from an interrupted run of the same extraction.
   *
   * @return guids to skip; empty for a sink that does not resume
   */
  default Set<String> alreadyWritten() {
    return Set.of();
  }

  /**
   * What a person should do after a failed run, for the error message: how to resume.
   *
   * @return a short sentence
   */
  default String resumeHint() {
    return "run the extraction again to retry";
  }

  /**
   * Writes one asset.
   *
   * @param asset the asset
   * @throws IOException when writing fails; the run stops and can be resumed
   */
  void write(CatalogAsset asset) throws IOException;

  /**
   * The run is complete: make the output visible.
   *
   * @throws IOException when publishing the output fails
   */
  void commit() throws IOException;

  /**
   * Releases resources. Without a prior {@link #commit()}, the output stays invisible (and, for
   * resumable sinks, kept for the next run).
   *
   * @throws IOException when releasing fails
   */
  @Override
  void close() throws IOException;
}
