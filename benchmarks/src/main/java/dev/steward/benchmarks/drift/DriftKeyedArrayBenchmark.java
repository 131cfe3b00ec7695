package dev.steward.benchmarks.drift;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Goal 3: a 10,000-element keyed array (NSG rules), shuffled, one element changed. Steward keys the
 * array by {@code name}; zjsonpatch 0.6.2 runs an LCS over it; json-patch 1.13 compares by index.
 * Beside them, the brief's own reference: a plain hash-by-name diff. All single-shot; the
 * competitors' iterations are capped (zjsonpatch: 1 shot, no warm-up, because one shot takes over
 * half a minute; json-patch: 1 warm-up, 3 shots), which favours Steward's warmed-up shots only
 * slightly. Each trial prints how many operations or drifts it reported.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class DriftKeyedArrayBenchmark {

  static final int SIZE = 10_000;

  private final DriftEngine engine = DriftEngine.create();
  private ObjectNode before;
  private ObjectNode after;
  private int reported = -1;

  /** Builds the array and its shuffled, changed copy (seeded). */
  @Setup
  public void setUp() {
    before = DriftFixtures.bigNsg(SIZE);
    after = DriftFixtures.shuffledWithOneChange(before, 42);
    DriftFixtures.settle();
  }

  /** Prints the size of the last result. */
  @TearDown
  public void report() {
    System.out.printf("%n[drift] reported: %,d%n", reported);
  }

  /**
   * Steward: keyed by name, one drift. A shot takes milliseconds, so 30 warm-up shots (well under a
   * second) let the JIT finish compiling it, as the competitors' long shots do within themselves.
   */
  @Benchmark
  @Warmup(iterations = 30)
  @Measurement(iterations = 10)
  public List<Drift> steward() {
    List<Drift> d = engine.diff(before, after);
    reported = d.size();
    return d;
  }

  /**
   * The reference: a plain hash-by-name diff with Jackson's {@code equals} (the brief
   * measured about 29 ms for it), warmed up like Steward.
   */
  @Benchmark
  @Warmup(iterations = 30)
  @Measurement(iterations = 10)
  public int hashByName() {
    reported = DriftFixtures.hashByNameDiff(before, after);
    return reported;
  }

  /** zjsonpatch 0.6.2: LCS, then move compaction. */
  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public JsonNode zjsonpatch() {
    JsonNode patch = com.flipkart.zjsonpatch.JsonDiff.asJson(before, after);
    reported = patch.size();
    return patch;
  }

  /** json-patch 1.13: arrays by index. */
  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public JsonNode jsonPatch() {
    JsonNode patch = com.github.fge.jsonpatch.diff.JsonDiff.asJson(before, after);
    reported = patch.size();
    return patch;
  }
}
