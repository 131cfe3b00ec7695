package dev.steward.purview;

import java.time.Duration;

/**
 * Waits between retries and for rate-limit tokens. The seam that lets tests assert delays without
 * waiting; the default sleeps the calling thread.
 */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps the calling thread. */
  Sleeper SYSTEM =
      duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);

  /**
   * Waits for a duration.
   *
   * @param duration how long; never negative
   * @throws InterruptedException if the thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;
}
