package dev.steward.guard;

import dev.steward.guard.models.DataSample;
import dev.steward.guard.models.SignalResult;

/**
 * One signal that data looks like test data. Built-in signals are in {@link TestDataSignals};
 * combine signals with {@link TestDataDetector}.
 */
@FunctionalInterface
public interface TestDataSignal {

  /**
   * Judges a sample.
   *
   * @param sample the facts gathered from the source
   * @return the contribution to the confidence (0.0 when the signal does not apply) and what was
   *     seen; the explanation must not contain user identifiers or any other secret
   */
  SignalResult assess(DataSample sample);
}
