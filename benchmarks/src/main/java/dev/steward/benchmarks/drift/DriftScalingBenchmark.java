package dev.steward.benchmarks.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.DriftEngine;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import java.nio.charset.StandardCharsets;
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

/**
 * Goal 4: the keyed-array diff scales linearly, 100k elements against 10k (goal at most 12x). With
 * it, three references at the same sizes: Jackson's {@code equals} of the unshuffled copies, which
 * reads every node once in memory order (the ratio any walk over these trees has on this machine,
 * where 10k elements fit in the cache and 100k do not), a plain hash-by-name diff of the shuffled
 * pair (the least any keyed diff of these trees does), and Steward from bytes, whose structural
 * tape is compact and read in order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class DriftScalingBenchmark {

  @Param({"10000", "100000"})
  public int elements;

  private final DriftEngine engine = DriftEngine.create();
  private ObjectNode before;
  private ObjectNode after;
  private ObjectNode copy;
  private byte[] beforeBytes;
  private byte[] afterBytes;

  /** Builds the array, its shuffled, changed copy (seeded) and an unshuffled copy. */
  @Setup
  public void setUp() {
    before = DriftFixtures.bigNsg(elements);
    after = DriftFixtures.shuffledWithOneChange(before, 42);
    copy = before.deepCopy();
    beforeBytes = before.toString().getBytes(StandardCharsets.UTF_8);
    afterBytes = after.toString().getBytes(StandardCharsets.UTF_8);
    if (engine.diff(before, after).size() != 1
        || DriftFixtures.hashByNameDiff(before, after) != 1
        || engine.compare("before", beforeBytes, "after", afterBytes).drifts().size() != 1) {
      throw new IllegalStateException("expected exactly one drift");
    }
    DriftFixtures.settle();
  }

  /** Steward's keyed diff of the pre-parsed trees. */
  @Benchmark
  public List<Drift> steward() {
    return engine.diff(before, after);
  }

  /** The reference walk: Jackson's equality of the tree and its unshuffled copy. */
  @Benchmark
  public boolean jacksonEqualsInOrder() {
    return before.equals(copy);
  }

  /**
   * The least a keyed diff of the same trees can do: a plain hash-by-name diff with Jackson's
   * {@code equals} (the brief's reference). It visits the shuffled side out of memory order, as
   * Steward must.
   */
  @Benchmark
  public int hashByName() {
    return DriftFixtures.hashByNameDiff(before, after);
  }

  /** Steward from bytes to report. */
  @Benchmark
  public DriftReport stewardBytes() {
    return engine.compare("before", beforeBytes, "after", afterBytes);
  }
}
