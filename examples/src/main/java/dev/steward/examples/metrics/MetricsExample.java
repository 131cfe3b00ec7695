package dev.steward.examples.metrics;

import dev.steward.drift.models.DriftReport;
import dev.steward.examples.drift.CompareSnapshots;
import dev.steward.governance.extract.CatalogExtractor;
import dev.steward.governance.extract.ExtractionRequest;
import dev.steward.governance.metrics.DriftMetrics;
import dev.steward.governance.metrics.GuardMetrics;
import dev.steward.governance.quality.QualityMapping;
import dev.steward.governance.quality.QualityScores;
import dev.steward.governance.quality.QualitySync;
import dev.steward.governance.quality.QualityWebhookHandler;
import dev.steward.governance.schedule.GovernanceScheduler;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.Schedule;
import dev.steward.guard.ProductionGuard;
import dev.steward.guard.Slf4jAuditSink;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.Target;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.FaultType;
import dev.steward.purview.emulator.PurviewEmulator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Micrometer {@link MeterRegistry} wired into every Steward component that records meters: the
 * Purview client, a catalogue extraction run by the scheduler, a quality sync and its webhook, a
 * drift comparison and the production guard. Runs against the in-process emulator and prints the
 * meters. In a service, pass your application's registry (a {@code PrometheusMeterRegistry} for
 * {@code /metrics}) instead of the {@code SimpleMeterRegistry}.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=dev.steward.examples.metrics.MetricsExample
 * </pre>
 */
public final class MetricsExample {

  private MetricsExample() {}

  /**
   * Runs the example and prints the meters.
   *
   * @param args unused
   * @throws Exception when the example fails
   */
  public static void main(String[] args) throws Exception {
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      MeterRegistry registry = new SimpleMeterRegistry();
      run(emulator, registry, Files.createTempDirectory("steward-metrics"), System.out);
    }
  }

  /**
   * Exercises every metered component once and prints a few meters.
   *
   * @param emulator the emulator (its demo estate)
   * @param registry where the meters go
   * @param dir where the extraction output goes
   * @param out where to print
   * @throws Exception when the example fails
   */
  public static void run(
      PurviewEmulator emulator, MeterRegistry registry, Path dir, PrintStream out)
      throws Exception {
    // The emulator plays a busy account: two 429 answers, which the client retries.
    emulator.faults().retryAfter(Duration.ofMillis(50)).failNext(2, FaultType.THROTTLED);

    // 1. The client: requests, retries, throttled answers, rate-limit waits.
    // snippet:begin metrics-client
    PurviewDataMapClient client =
        new PurviewDataMapClientBuilder()
            .endpoint(emulator.endpoint())
            .credential(new StaticTokenCredential(emulator.token()))
            .allowInsecureLoopback(true)
            .rateLimit(100)
            .meterRegistry(registry)
            .buildClient();
    // snippet:end metrics-client

    // 2. The extractor, run by the scheduler: extraction and job meters.
    // snippet:begin metrics-scheduler
    CatalogExtractor extractor = CatalogExtractor.builder(client).meterRegistry(registry).build();
    CountDownLatch ran = new CountDownLatch(1); // only so the example can wait for its run
    try (GovernanceScheduler scheduler =
        InProcessGovernanceScheduler.builder()
            .meterRegistry(registry)
            .job(
                "extract-sql-tables",
                context -> {
                  try {
                    extractor.extractToFile(
                        ExtractionRequest.builder().assetTypes("sql_table").build(),
                        dir.resolve("sql-tables.jsonl"));
                    return JobOutcome.succeeded("extracted");
                  } finally {
                    ran.countDown();
                  }
                })
            .build()) {
      scheduler.schedule(
          JobSpec.builder("hourly-sql-tables", "extract-sql-tables", Schedule.parse("hourly"))
              .build());
      scheduler.runNow("hourly-sql-tables");
      if (!ran.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the extraction did not run within 60 s");
      }
      scheduler.shutdown(Duration.ofSeconds(30)); // waits for the run to be recorded
    }
    // snippet:end metrics-scheduler

    // 3. Quality sync and its webhook: datasets by outcome, SLA status, webhook deliveries.
    // snippet:begin metrics-quality
    QualitySync sync =
        QualitySync.builder(
                client, QualityMapping.parse("qalita-mapping.yaml", quality("qalita-mapping.yaml")))
            .meterRegistry(registry)
            .build();
    sync.ensureDefinitions();
    sync.sync(QualityScores.parse("qalita-scores.jsonl", quality("qalita-scores.jsonl")));
    // snippet:end metrics-quality
    byte[] secret = "example-webhook-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    QualityWebhookHandler webhook = QualityWebhookHandler.builder(sync, secret).build();
    byte[] event =
        ("{\"id\":\"evt-1\",\"event\":\"quality_score_changed\",\"sourceId\":\"sales.orders\","
                + "\"scores\":{\"overall\":55},\"measuredAt\":\""
                + Instant.now()
                + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    long now = Instant.now().getEpochSecond();
    webhook.handle(
        Map.of(
            QualityWebhookHandler.SIGNATURE_HEADER,
            List.of(QualityWebhookHandler.sign(secret, now, event)),
            QualityWebhookHandler.TIMESTAMP_HEADER,
            List.of(Long.toString(now))),
        event);

    // 4. Drift: feed each report (and how long the snapshot took) to DriftMetrics.
    // snippet:begin metrics-drift
    DriftMetrics driftMetrics = new DriftMetrics(registry);
    long started = System.nanoTime();
    DriftReport report = CompareSnapshots.run();
    driftMetrics.record(report, Duration.ofNanos(System.nanoTime() - started));
    // snippet:end metrics-drift

    // 5. The guard: count every decision next to the usual audit sink.
    // snippet:begin metrics-guard
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(Map.of("STEWARD_ENVIRONMENT", "production"))
            .auditSink(GuardMetrics.decorate(registry, new Slf4jAuditSink()))
            .build();
    // snippet:end metrics-guard
    guard.evaluate(Operation.read(Target.named("sales-db")));
    guard.evaluate(Operation.destructive(Target.named("sales-db")));

    registry.getMeters().stream()
        .filter(m -> m.getId().getName().startsWith("steward."))
        .sorted(Comparator.comparing((Meter m) -> m.getId().getName()))
        .limit(12)
        .forEach(m -> out.println(describe(m)));
  }

  private static String describe(Meter meter) {
    StringBuilder line = new StringBuilder(meter.getId().getName());
    meter
        .getId()
        .getTags()
        .forEach(t -> line.append(' ').append(t.getKey()).append('=').append(t.getValue()));
    for (var measurement : meter.measure()) {
      line.append(' ')
          .append(measurement.getStatistic().getTagValueRepresentation())
          .append('=')
          .append(measurement.getValue());
    }
    return line.toString();
  }

  private static String quality(String name) {
    try (InputStream in = MetricsExample.class.getResourceAsStream("/quality/" + name)) {
      if (in == null) {
        throw new IllegalStateException("quality/" + name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
