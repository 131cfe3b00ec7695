package dev.steward.benchmarks.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.DriftEngine;
import dev.steward.drift.models.DriftReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Goal 2: bytes to report for 1,000 resources (a baseline and a noisy current snapshot) vs two
 * {@code ObjectMapper.readTree} calls on the same bytes (goal at most 1.3x).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class DriftEndToEndBenchmark {

  private final DriftEngine engine = DriftEngine.create();
  private byte[] baseline;
  private byte[] current;

  /** Serialises the two snapshots. */
  @Setup
  public void setUp() {
    ArrayNode base = DriftFixtures.estate(1000);
    ArrayNode cur = DriftFixtures.MAPPER.createArrayNode();
    base.forEach(r -> cur.add(DriftFixtures.noisy((ObjectNode) r)));
    baseline = base.toString().getBytes(StandardCharsets.UTF_8);
    current = cur.toString().getBytes(StandardCharsets.UTF_8);
    System.out.printf(
        "%n[drift] 1,000 resources: %,d + %,d bytes%n", baseline.length, current.length);
    DriftFixtures.settle();
  }

  /** The floor: parse both snapshots into trees. */
  @Benchmark
  public void twoReadTree(Blackhole bh) throws IOException {
    JsonNode a = DriftFixtures.MAPPER.readTree(baseline);
    JsonNode b = DriftFixtures.MAPPER.readTree(current);
    bh.consume(a);
    bh.consume(b);
  }

  /** Steward: parse, match by id, canonicalise, diff, classify, report. */
  @Benchmark
  public DriftReport steward() {
    return engine.compare("baseline", baseline, "current", current);
  }
}
