package dev.steward.guard;

import dev.steward.guard.models.DataProfile;
import dev.steward.guard.models.DataSample;
import dev.steward.guard.models.SignalResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link DataSample} into a {@link DataProfile}: every signal is assessed and the
 * confidence is the sum of their contributions, capped at 1.0, so each signal's share of the
 * verdict is visible in the explanation.
 */
public final class TestDataDetector {

  private final List<TestDataSignal> signals;

  private TestDataDetector(List<TestDataSignal> signals) {
    this.signals = List.copyOf(signals);
  }

  /**
   * The detector with {@link TestDataSignals#defaults()}.
   *
   * @return the detector
   */
  public static TestDataDetector defaults() {
    return new TestDataDetector(TestDataSignals.defaults());
  }

  /**
   * A detector with the given signals.
   *
   * @param signals the signals, assessed in order
   * @return the detector
   */
  public static TestDataDetector of(List<TestDataSignal> signals) {
    return new TestDataDetector(Objects.requireNonNull(signals, "signals"));
  }

  /**
   * The signals.
   *
   * @return the signals, in order
   */
  public List<TestDataSignal> signals() {
    return signals;
  }

  /**
   * Profiles a sample.
   *
   * @param sample the facts gathered from a source
   * @return the profile
   */
  public DataProfile profile(DataSample sample) {
    List<SignalResult> results = new ArrayList<>(signals.size());
    double sum = 0.0;
    for (TestDataSignal signal : signals) {
      SignalResult result = Objects.requireNonNull(signal.assess(sample), "a signal answered null");
      results.add(result);
      sum += result.contribution();
    }
    return new DataProfile(sample.source(), Math.min(1.0, sum), results);
  }
}
