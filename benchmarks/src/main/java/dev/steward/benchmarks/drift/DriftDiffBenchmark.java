package dev.steward.benchmarks.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.drift.DriftEngine;
import java.io.IOException;
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
 * Goal 1: diff of a pre-parsed identical pair vs {@code JsonNode.equals} (goal at most 1.2x), and
 * of a noisy no-drift pair (volatile fields changed, keyed arrays reordered) vs {@code
 * JsonNode.equals} of the identical pair (goal at most 3x). {@code resource} is one 3 KB NSG;
 * {@code estate} is about 2 MB of NSGs, storage accounts and key vaults.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class DriftDiffBenchmark {

  @Param({"resource", "estate"})
  public String size;

  private final DriftEngine engine = DriftEngine.create();
  private JsonNode base;
  private JsonNode same;
  private JsonNode noisy;

  /** Parses the pairs from text, so no subtree is shared between the two sides. */
  @Setup
  public void setUp() throws IOException {
    JsonNode a;
    JsonNode n;
    if (size.equals("resource")) {
      a = DriftFixtures.nsg(1);
      n = DriftFixtures.noisy(DriftFixtures.nsg(1));
    } else {
      a = DriftFixtures.estate(780);
      com.fasterxml.jackson.databind.node.ArrayNode arr = DriftFixtures.MAPPER.createArrayNode();
      a.forEach(
          r -> arr.add(DriftFixtures.noisy((com.fasterxml.jackson.databind.node.ObjectNode) r)));
      n = arr;
    }
    String text = a.toString();
    base = DriftFixtures.MAPPER.readTree(text);
    same = DriftFixtures.MAPPER.readTree(text);
    noisy = DriftFixtures.MAPPER.readTree(n.toString());
    if (!diff(base, noisy).equals(0) || !diff(base, same).equals(0)) {
      throw new IllegalStateException("fixtures must be drift-free");
    }
    System.out.printf("%n[drift] %s: %,d bytes%n", size, text.length());
    DriftFixtures.settle();
  }

  private Object diff(JsonNode a, JsonNode b) {
    return size.equals("resource")
        ? engine.diff(a, b).size()
        : engine.compare(a, b).drifts().size();
  }

  /** The floor: Jackson's structural equality of an identical pair. */
  @Benchmark
  public boolean jacksonEqualsIdentical() {
    return base.equals(same);
  }

  /** Steward on the identical pair. */
  @Benchmark
  public Object stewardIdentical() {
    return diff(base, same);
  }

  /** Steward on the noisy no-drift pair. */
  @Benchmark
  public Object stewardNoisy() {
    return diff(base, noisy);
  }
}
