package dev.steward.benchmarks.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.DriftEngine;
import dev.steward.drift.models.Drift;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Goal 4: the keyed-array diff scales linearly: 100k elements cost at most 12x 10k elements. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class DriftScalingBenchmark {

  @Param({"10000", "100000"})
  public int elements;

  private final DriftEngine engine = DriftEngine.create();
  private ObjectNode before;
  private ObjectNode after;

  /** Builds the array and its shuffled, changed copy (seeded). */
  @Setup
  public void setUp() {
    before = DriftFixtures.bigNsg(elements);
    after = DriftFixtures.shuffledWithOneChange(before, 42);
    if (engine.diff(before, after).size() != 1) {
      throw new IllegalStateException("expected exactly one drift");
    }
    DriftFixtures.settle();
  }

  /** Steward's keyed diff. */
  @Benchmark
  public List<Drift> steward() {
    return engine.diff(before, after);
  }
}
