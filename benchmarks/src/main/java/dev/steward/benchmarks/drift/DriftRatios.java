package dev.steward.benchmarks.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import dev.steward.drift.DriftEngine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The drift benchmark ratios measured interleaved: after a warm-up of both contenders, each round
 * times Steward and its baseline back to back in one JVM, in CPU time, and the median ratio over
 * the rounds is printed. Goals 1, 2 and 4 use the thread's CPU time (fine-grained); goal 3 uses the
 * process's CPU time, so that the competitors' garbage collection counts. Time spent waiting for a
 * core never counts. On a shared machine, where load changes between JMH's sequential forks and
 * preemption inflates wall time, this is the steadier figure; the JMH classes remain the reference
 * ({@code java -jar benchmarks.jar Drift}). The fixtures are settled ({@link DriftFixtures#settle})
 * before they are timed.
 *
 * <p>Run: {@code java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar
 * dev.steward.benchmarks.drift.DriftRatios [rounds] [--goals=1234] [--zjsonpatch] [--curve]};
 * {@code --curve} prints only the per-element time of goal 4's keyed-array diff, and of a plain
 * hash-by-name diff of the same trees, against the size of the two trees, from 2,500 to 160,000
 * elements.
 */
public final class DriftRatios {

  private static final DriftEngine ENGINE = DriftEngine.create();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
  private static boolean processClock;

  private static long cpu() {
    return processClock ? OS.getProcessCpuTime() : THREAD.getCurrentThreadCpuTime();
  }

  private static Object sink;

  private DriftRatios() {}

  /**
   * Average CPU time of one call, in nanoseconds, over a batch. On the process clock a full
   * collection runs first, outside the timed batch, so that garbage or a concurrent marking cycle
   * left by the previous batch (the other contender's) is not billed to this one; each side's own
   * collections during its batch still count.
   */
  private static double time(Supplier<Object> task, int batch) {
    if (processClock) {
      System.gc();
    }
    long t0 = cpu();
    for (int i = 0; i < batch; i++) {
      sink = task.get();
    }
    return (cpu() - t0) / (double) batch;
  }

  /**
   * How many calls make one timed batch: as many as ran in 50 ms of wall time (short batches,
   * interleaved, see the same machine state), or, on the process clock (which the OS may advance in
   * 10 ms steps), twice as many as ran in half a second of process CPU time, so that the clock's
   * granularity stays near 1% of a batch.
   */
  private static int batchFor(Supplier<Object> task) {
    long t0 = processClock ? cpu() : System.nanoTime();
    long span = processClock ? 500_000_000L : 25_000_000L;
    int n = 0;
    while ((processClock ? cpu() : System.nanoTime()) - t0 < span) {
      sink = task.get();
      n++;
    }
    return Math.max(1, n * 2);
  }

  /**
   * Runs both contenders, alternately, for three seconds (and at least twice each), so that the JIT
   * has compiled both before anything is timed. Without it the first rounds time interpreted or
   * partly compiled code, and Steward's longer code paths take longer to compile than {@code
   * equals}.
   */
  private static void warmUp(Supplier<Object> steward, Supplier<Object> baseline) {
    long t0 = System.nanoTime();
    for (int n = 0; n < 2 || System.nanoTime() - t0 < 3_000_000_000L; n++) {
      sink = steward.get();
      sink = baseline.get();
    }
  }

  private static double[] ratio(
      String name, int rounds, Supplier<Object> steward, Supplier<Object> baseline) {
    warmUp(steward, baseline);
    int bs = batchFor(steward);
    int bb = batchFor(baseline);
    double[] r = new double[rounds];
    double[] base = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      double s = time(steward, bs);
      double b = time(baseline, bb);
      r[i] = s / b;
      base[i] = b;
    }
    Arrays.sort(r);
    Arrays.sort(base);
    System.out.printf(
        "%-58s median %7.2fx  (min %.2fx, max %.2fx; baseline median %,.1f us)%n",
        name, r[rounds / 2], r[0], r[rounds - 1], base[rounds / 2] / 1000);
    return r;
  }

  /**
   * Prints the ratios.
   *
   * @param args rounds (default 15), and {@code --zjsonpatch} to include the minute-long zjsonpatch
   *     shot
   * @throws IOException never (fixtures are built in memory)
   */
  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 15;
    boolean zjson = Arrays.asList(args).contains("--zjsonpatch");
    String goals = "1234";
    for (String a : args) {
      if (a.startsWith("--goals=")) {
        goals = a.substring(8);
      }
    }
    System.out.printf(
        "JVM: %s, heap %,d MB, %s%n",
        System.getProperty("java.vm.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getRuntimeMXBean().getInputArguments());
    if (Arrays.asList(args).contains("--curve")) {
      curve(rounds);
      return;
    }
    if (goals.contains("1")) {
      goal1(rounds);
    }
    if (goals.contains("2")) {
      goal2(rounds);
    }
    if (goals.contains("3") || goals.contains("4")) {
      goals34(rounds, zjson, goals.contains("3"), goals.contains("4"));
    }
  }

  private static void goal1(int rounds) throws IOException {
    var m = DriftFixtures.MAPPER;
    JsonNode r1 = m.readTree(DriftFixtures.nsg(1).toString());
    JsonNode r2 = m.readTree(r1.toString());
    JsonNode rn = m.readTree(DriftFixtures.noisy(DriftFixtures.nsg(1)).toString());
    ArrayNode est = DriftFixtures.estate(780);
    ArrayNode estNoisy = m.createArrayNode();
    est.forEach(r -> estNoisy.add(DriftFixtures.noisy((ObjectNode) r)));
    JsonNode e1 = m.readTree(est.toString());
    JsonNode e2 = m.readTree(est.toString());
    JsonNode en = m.readTree(estNoisy.toString());
    System.out.printf(
        "resource %,d bytes, estate %,d bytes%n", r1.toString().length(), est.toString().length());
    DriftFixtures.settle();

    System.out.println("goal 1: diff of pre-parsed pairs vs JsonNode.equals of the identical pair");
    ratio(
        "  NSG resource (5.7 KB), identical (goal <= 1.2x)",
        rounds,
        () -> ENGINE.diff(r1, r2),
        () -> r1.equals(r2));
    ratio(
        "  estate (2.2 MB), identical (goal <= 1.2x)",
        rounds,
        () -> ENGINE.compare(e1, e2),
        () -> e1.equals(e2));
    ratio(
        "  NSG resource (5.7 KB), noisy no-drift (goal <= 3x)",
        rounds,
        () -> ENGINE.diff(r1, rn),
        () -> r1.equals(r2));
    ratio(
        "  estate (2.2 MB), noisy no-drift (goal <= 3x)",
        rounds,
        () -> ENGINE.compare(e1, en),
        () -> e1.equals(e2));
  }

  private static void goal2(int rounds) {
    var m = DriftFixtures.MAPPER;
    ArrayNode thousand = DriftFixtures.estate(1000);
    ArrayNode thousandNoisy = m.createArrayNode();
    thousand.forEach(r -> thousandNoisy.add(DriftFixtures.noisy((ObjectNode) r)));
    byte[] b1 = thousand.toString().getBytes(StandardCharsets.UTF_8);
    byte[] b2 = thousandNoisy.toString().getBytes(StandardCharsets.UTF_8);
    DriftFixtures.settle();
    System.out.println("goal 2: bytes -> report for 1,000 resources vs two readTree calls");
    ratio(
        "  identical bytes (goal <= 1.3x)",
        rounds,
        () -> ENGINE.compare("baseline", b1, "current", b1),
        () -> {
          try {
            return new Object[] {m.readTree(b1), m.readTree(b1)};
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
    ratio(
        "  baseline + noisy current (goal <= 1.3x)",
        rounds,
        () -> ENGINE.compare("baseline", b1, "current", b2),
        () -> {
          try {
            return new Object[] {m.readTree(b1), m.readTree(b2)};
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static void goals34(int rounds, boolean zjson, boolean goal3, boolean goal4) {
    ObjectNode big = DriftFixtures.bigNsg(10_000);
    ObjectNode bigChanged = DriftFixtures.shuffledWithOneChange(big, 42);
    DriftFixtures.settle();
    if (goal3) {
      System.out.println("goal 3: 10,000 NSG rules, shuffled, one changed (process CPU time)");
      processClock = true;
      int drifts = ENGINE.diff(big, bigChanged).size();
      int jp = com.github.fge.jsonpatch.diff.JsonDiff.asJson(big, bigChanged).size();
      double[] vsJsonPatch =
          ratio(
              "  json-patch 1.13 / Steward (goal >= 50x)",
              Math.min(rounds, 5),
              () -> com.github.fge.jsonpatch.diff.JsonDiff.asJson(big, bigChanged),
              () -> ENGINE.diff(big, bigChanged));
      System.out.printf("  Steward drifts: %d, json-patch operations: %,d%n", drifts, jp);
      ratio(
          "  Steward / plain hash-by-name diff (the brief's reference)",
          rounds,
          () -> ENGINE.diff(big, bigChanged),
          () -> DriftFixtures.hashByNameDiff(big, bigChanged));
      if (zjson) {
        double s1 = time(() -> ENGINE.diff(big, bigChanged), 100);
        System.gc();
        long t0 = cpu();
        JsonNode zp = com.flipkart.zjsonpatch.JsonDiff.asJson(big, bigChanged);
        double z = cpu() - t0;
        double s2 = time(() -> ENGINE.diff(big, bigChanged), 100);
        System.out.printf(
            "  zjsonpatch 0.6.2 / Steward (goal >= 1000x): %.0fx  (one zjsonpatch shot %.1f s,"
                + " %,d operations; Steward %.1f ms before, %.1f ms after)%n",
            z / ((s1 + s2) / 2), z / 1e9, zp.size(), s1 / 1e6, s2 / 1e6);
      }
      sink = vsJsonPatch;
      processClock = false;
    }
    if (goal4) {
      ObjectNode big100 = DriftFixtures.bigNsg(100_000);
      ObjectNode big100Changed = DriftFixtures.shuffledWithOneChange(big100, 42);
      ObjectNode copy = big.deepCopy();
      ObjectNode copy100 = big100.deepCopy();
      byte[] bytes = big.toString().getBytes(StandardCharsets.UTF_8);
      byte[] bytesChanged = bigChanged.toString().getBytes(StandardCharsets.UTF_8);
      byte[] bytes100 = big100.toString().getBytes(StandardCharsets.UTF_8);
      byte[] bytes100Changed = big100Changed.toString().getBytes(StandardCharsets.UTF_8);
      // both sizes' trees compacted alike
      DriftFixtures.settle();
      System.out.println("goal 4: scaling, 100k / 10k elements (goal <= 12x)");
      double[] steward =
          ratio(
              "  Steward, pre-parsed trees",
              Math.min(rounds, 7),
              () -> ENGINE.diff(big100, big100Changed),
              () -> ENGINE.diff(big, bigChanged));
      double[] equals =
          ratio(
              "  reference: Jackson equals, unshuffled copies",
              Math.min(rounds, 7),
              () -> big100.equals(copy100),
              () -> big.equals(copy));
      double[] byName =
          ratio(
              "  reference: plain hash-by-name diff, same trees",
              Math.min(rounds, 7),
              () -> DriftFixtures.hashByNameDiff(big100, big100Changed),
              () -> DriftFixtures.hashByNameDiff(big, bigChanged));
      System.out.printf(
          "  Steward's scaling / equals': %.2f; / the hash-by-name diff's: %.2f%n",
          steward[steward.length / 2] / equals[equals.length / 2],
          steward[steward.length / 2] / byName[byName.length / 2]);
      ratio(
          "  Steward, bytes to report",
          Math.min(rounds, 7),
          () -> ENGINE.compare("before", bytes100, "after", bytes100Changed),
          () -> ENGINE.compare("before", bytes, "after", bytesChanged));
    }
  }

  /**
   * Goal 4's diff at growing sizes: CPU time per element (median over rounds) against the heap the
   * two trees occupy (measured after a full collection). Linear work shows as a flat line while the
   * trees fit in the cache, then a step once they do not.
   */
  private static void curve(int rounds) {
    System.out.println("goal 4 curve: shuffled keyed array with one change, per element");
    java.lang.management.MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    for (int n : new int[] {2_500, 5_000, 10_000, 20_000, 40_000, 80_000, 160_000}) {
      System.gc();
      long before = mem.getHeapMemoryUsage().getUsed();
      ObjectNode a = DriftFixtures.bigNsg(n);
      ObjectNode b = DriftFixtures.shuffledWithOneChange(a, 42);
      System.gc();
      long trees = mem.getHeapMemoryUsage().getUsed() - before;
      Supplier<Object> task = () -> ENGINE.diff(a, b);
      Supplier<Object> byName = () -> DriftFixtures.hashByNameDiff(a, b);
      int batch = batchFor(task);
      int batchByName = batchFor(byName);
      double[] per = new double[rounds];
      double[] perByName = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        per[i] = time(task, batch) / n;
        perByName[i] = time(byName, batchByName) / n;
      }
      Arrays.sort(per);
      Arrays.sort(perByName);
      System.out.printf(
          "  %,9d elements  trees %6.1f MB  Steward median %6.0f ns/element (min %.0f, max %.0f)"
              + "  hash-by-name diff %6.0f ns/element%n",
          n, trees / 1e6, per[rounds / 2], per[0], per[rounds - 1], perByName[rounds / 2]);
      sink = a;
      sink = b;
    }
  }
}
