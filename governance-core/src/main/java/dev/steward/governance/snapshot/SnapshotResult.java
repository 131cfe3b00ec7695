package dev.steward.governance.snapshot;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What a snapshot wrote.
 *
 * @param resources resources written, one JSON line each
 * @param pages Resource Graph pages read
 * @param totalRecords the {@code totalRecords} Resource Graph reported on the first page
 * @param duplicates rows skipped because an earlier page already held their id
 * @param vanished resources that Resource Graph listed but that were gone (404) when their full
 *     body was fetched; they are not in the snapshot
 * @param duration how long the snapshot took, from the first request to the file's rename
 * @param file the JSON Lines file written
 */
public record SnapshotResult(
    long resources,
    int pages,
    long totalRecords,
    long duplicates,
    long vanished,
    Duration duration,
    Path file) {

  /** Checks the arguments. */
  public SnapshotResult {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(file, "file");
  }
}
