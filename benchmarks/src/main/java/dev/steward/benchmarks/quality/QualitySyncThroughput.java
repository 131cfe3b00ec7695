package dev.steward.benchmarks.quality;

import dev.steward.governance.quality.QualityMapping;
import dev.steward.governance.quality.QualitySchema;
import dev.steward.governance.quality.QualityScore;
import dev.steward.governance.quality.QualitySync;
import dev.steward.governance.quality.SyncReport;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.FaultType;
import dev.steward.purview.emulator.PurviewEmulator;
import dev.steward.purview.models.QueryOptions;
import dev.steward.purview.models.SearchResultValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The quality sync against a throttled emulator: N generated datasets, the emulator answering 429
 * above R operations per second, the client rate-limited to the same R. Reports the operations the
 * sync achieved per second as a share of the budget R, the write calls, and the failed writes
 * (goal: at least 95 % of the budget, zero failed). One dataset in ten is at risk (a second write:
 * the classification). A second run with the same scores shows the idempotent reconcile (reads
 * only).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.steward.benchmarks.quality.QualitySyncThroughput 10000 25
 * </pre>
 */
public final class QualitySyncThroughput {

  private QualitySyncThroughput() {}

  /**
   * Runs the measurement.
   *
   * @param args datasets (default 10000), budget in operations per second (default 25), concurrency
   *     (default 8)
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int budget = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    try (PurviewEmulator emulator = PurviewEmulator.builder().generate(n).start()) {
      PurviewDataMapClient setup = client(emulator, 0);
      List<String> guids = new ArrayList<>();
      for (SearchResultValue v :
          setup.discovery().query(QueryOptions.builder().keywords("*").limit(1000).build())) {
        guids.add(v.id());
      }
      List<QualityMapping.Entry> entries = new ArrayList<>();
      List<QualityScore> scores = new ArrayList<>();
      Random random = new Random(42);
      Instant at = Instant.parse("2026-11-23T06:00:00Z");
      for (int i = 0; i < guids.size(); i++) {
        String id = "dataset-" + i;
        entries.add(QualityMapping.Entry.of(id, QualityMapping.Target.guid(guids.get(i))));
        double overall = i % 10 == 0 ? 60 + random.nextInt(25) : 90 + random.nextInt(10);
        scores.add(
            QualityScore.of(id, overall, at)
                .with(Map.of("completeness", 90.0 + random.nextInt(10)), i % 7, null, null));
      }
      QualityMapping mapping = QualityMapping.of(QualitySchema.qalita(), entries);
      QualitySync.builder(setup, mapping).build().ensureDefinitions();

      emulator.faults().rateLimit(budget);
      emulator.resetStats();
      QualitySync sync =
          QualitySync.builder(client(emulator, budget), mapping).concurrency(concurrency).build();
      long t0 = System.nanoTime();
      SyncReport report = sync.sync(scores);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long requests = emulator.stats().requests();
      long throttled = emulator.stats().faults(FaultType.THROTTLED);
      long served = requests - throttled;
      System.out.println(report.summary());
      System.out.printf(
          Locale.ROOT,
          "datasets %,d, budget %d ops/s, concurrency %d: %.1f s, %,d write calls (%.1f/s), %,d"
              + " operations served (%.1f/s = %.1f %% of the budget), %,d throttled (429), %d failed"
              + " writes%n",
          guids.size(),
          budget,
          concurrency,
          seconds,
          report.writeCalls(),
          report.writeCalls() / seconds,
          served,
          served / seconds,
          100 * served / seconds / budget,
          throttled,
          report.failed().size());

      emulator.resetStats();
      long t1 = System.nanoTime();
      SyncReport again = sync.sync(scores);
      System.out.printf(
          Locale.ROOT,
          "second run: %d write calls, %,d read operations, %.1f s%n",
          again.writeCalls(),
          emulator.stats().requests(),
          (System.nanoTime() - t1) / 1e9);
    }
  }

  private static PurviewDataMapClient client(PurviewEmulator emulator, int rate) {
    PurviewDataMapClientBuilder b =
        new PurviewDataMapClientBuilder()
            .endpoint(emulator.endpoint())
            .credential(new StaticTokenCredential(emulator.token()))
            .allowInsecureLoopback(true);
    if (rate > 0) {
      b.rateLimit(rate);
    }
    return b.buildClient();
  }
}
