package dev.steward.governance.extract;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the last successful extraction for a key (a connection) got to.
 *
 * @param key the checkpoint key
 * @param highWatermark the latest asset update time seen
 * @param completedAt when that run completed
 * @param assets how many assets it wrote
 */
public record Checkpoint(String key, Instant highWatermark, Instant completedAt, long assets) {
  /** Checks the arguments. */
  public Checkpoint {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(highWatermark, "highWatermark");
    Objects.requireNonNull(completedAt, "completedAt");
  }
}
