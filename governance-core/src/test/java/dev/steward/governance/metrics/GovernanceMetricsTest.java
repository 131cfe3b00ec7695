package dev.steward.governance.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.steward.drift.models.Certainty;
import dev.steward.drift.models.ChangeType;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.DriftSummary;
import dev.steward.drift.models.NoiseClass;
import dev.steward.drift.models.Severity;
import dev.steward.governance.extract.AssetTypes;
import dev.steward.governance.extract.CatalogExtractor;
import dev.steward.governance.extract.ExtractionRequest;
import dev.steward.governance.extract.ExtractionResult;
import dev.steward.governance.quality.QualityMapping;
import dev.steward.governance.quality.QualityScore;
import dev.steward.governance.quality.QualitySync;
import dev.steward.governance.quality.QualityWebhookHandler;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.ManualSchedulingClock;
import dev.steward.governance.schedule.MisfirePolicy;
import dev.steward.governance.schedule.Schedule;
import dev.steward.guard.ProductionGuard;
import dev.steward.guard.models.AuditEvent;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.Target;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.PurviewEmulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceMetricsTest {
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final String SQL = "mssql://contoso-sql.database.windows.net/sales/dbo/";

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  @TempDir Path dir;
  PurviewEmulator emulator;
  ExecutorService pool;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  PurviewDataMapClient client() {
    emulator = PurviewEmulator.builder().seed("demo").start();
    return new PurviewDataMapClientBuilder()
        .endpoint(emulator.endpoint())
        .credential(new StaticTokenCredential(emulator.token()))
        .allowInsecureLoopback(true)
        .sleeper(d -> {})
        .buildClient();
  }

  @Test
  void extractionCountsAssetsByTypePagesRunsAndTheLastSuccess() {
    CatalogExtractor extractor =
        CatalogExtractor.builder(client())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .meterRegistry(registry)
            .build();
    assertThat(registry.get("steward.extraction.last.success").gauge().value()).isNaN();

    ExtractionResult result =
        extractor.extractToFile(
            ExtractionRequest.builder().pageSize(5).build(), dir.resolve("out.jsonl"));

    assertThat(result.written()).isPositive();
    assertThat(registry.get("steward.extraction.runs").tag("outcome", "success").timer().count())
        .isEqualTo(1);
    assertThat(registry.get("steward.extraction.pages").counter().count())
        .isEqualTo(result.pages());
    // Types outside AssetTypes (the emulator's estate has some) are capped to "other".
    java.util.Set<String> known = new java.util.HashSet<>();
    AssetTypes.friendlyNames().values().forEach(known::addAll);
    Map<String, Long> expected = new java.util.TreeMap<>();
    result
        .byType()
        .forEach((t, n) -> expected.merge(known.contains(t) ? t : "other", n, Long::sum));
    assertThat(expected).containsKey("other");
    double total = 0;
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      assertThat(
              registry.get("steward.extraction.assets").tag("type", e.getKey()).counter().count())
          .as(e.getKey())
          .isEqualTo(e.getValue().doubleValue());
      total += e.getValue();
    }
    assertThat(registry.get("steward.extraction.assets").counters()).hasSize(expected.size());
    assertThat(
            registry.get("steward.extraction.assets").counters().stream()
                .mapToDouble(c -> c.count())
                .sum())
        .isEqualTo(total)
        .isEqualTo(result.written());
    assertThat(registry.get("steward.extraction.last.success").gauge().value())
        .isEqualTo(NOW.getEpochSecond());

    assertThatThrownBy(
            () ->
                extractor.extractToFile(
                    ExtractionRequest.builder().assetTypes("no_such_type").build(),
                    dir.resolve("bad.jsonl")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(registry.get("steward.extraction.runs").tag("outcome", "failure").timer().count())
        .isEqualTo(1);
  }

  @Test
  void assetTypesOutsideTheKnownSetAreCountedAsOther() {
    dev.steward.governance.implementation.MicrometerGovernanceMetrics.forExtraction(registry)
        .extractionSucceeded(
            Map.of("azure_sql_table", 3L, "contoso_custom_thing", 2L, "another_custom", 1L),
            java.util.Set.of("azure_sql_table"),
            1,
            Duration.ofSeconds(2),
            NOW);

    assertThat(registry.get("steward.extraction.assets").counters()).hasSize(2);
    assertThat(registry.get("steward.extraction.assets").tag("type", "other").counter().count())
        .isEqualTo(3);
    assertThat(
            registry
                .get("steward.extraction.assets")
                .tag("type", "azure_sql_table")
                .counter()
                .count())
        .isEqualTo(3);
  }

  QualityMapping mapping() {
    return QualityMapping.parse(
        "mapping.yaml",
        String.join(
            "\n",
            "mappings:",
            "  - qalitaDatasetId: sales.customers",
            "    purview:",
            "      resolve: {typeName: azure_sql_table, qualifiedName: '" + SQL + "customers'}",
            "  - qalitaDatasetId: sales.orders",
            "    purview:",
            "      resolve: {typeName: azure_sql_table, qualifiedName: '" + SQL + "orders'}",
            "  - qalitaDatasetId: sales.ghost",
            "    purview:",
            "      resolve: {typeName: azure_sql_table, qualifiedName: '" + SQL + "ghost'}",
            ""));
  }

  static List<QualityScore> scores(double orders) {
    Instant at = Instant.parse("2026-11-20T08:00:00Z");
    List<QualityScore> s = new ArrayList<>();
    s.add(QualityScore.of("sales.customers", 96.5, at));
    s.add(QualityScore.of("sales.orders", orders, at));
    s.add(QualityScore.of("sales.ghost", 99, at));
    s.add(QualityScore.of("sales.unmapped", 50, at));
    return s;
  }

  @Test
  void qualitySyncCountsDatasetsByStatusAndSlaAndWebhookDeliveries() {
    QualitySync sync = QualitySync.builder(client(), mapping()).meterRegistry(registry).build();
    sync.ensureDefinitions();

    sync.plan(scores(72));
    assertThat(registry.find("steward.quality.syncs").timers()).isEmpty();
    assertThat(registry.find("steward.quality.datasets").counters()).isEmpty();

    sync.sync(scores(72));
    assertThat(datasets("WRITTEN")).isEqualTo(2);
    assertThat(datasets("UNRESOLVED")).isEqualTo(1);
    assertThat(datasets("UNMAPPED")).isEqualTo(1);
    assertThat(sla("GOOD")).isEqualTo(1);
    assertThat(sla("AT_RISK")).isEqualTo(1);
    assertThat(sla("BREACHED")).isZero();

    sync.sync(scores(72));
    assertThat(datasets("UNCHANGED")).isEqualTo(2);
    assertThat(registry.get("steward.quality.syncs").tag("outcome", "success").timer().count())
        .isEqualTo(2);
    // The SLA gauge counts datasets, not syncs.
    assertThat(sla("GOOD")).isEqualTo(1);
    assertThat(sla("AT_RISK")).isEqualTo(1);

    byte[] secret = "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
    QualityWebhookHandler handler =
        QualityWebhookHandler.builder(sync, secret).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    byte[] body =
        ("{\"id\":\"e-1\",\"event\":\"quality_score_changed\",\"sourceId\":\"sales.orders\","
                + "\"scores\":{\"overall\":20},\"measuredAt\":\"2026-11-23T08:59:00Z\"}")
            .getBytes(StandardCharsets.UTF_8);
    long ts = NOW.getEpochSecond();
    assertThat(handler.handle(headers(ts, body, secret), body).status()).isEqualTo(200);
    byte[] wrong = "fedcba9876543210fedcba".getBytes(StandardCharsets.UTF_8);
    assertThat(handler.handle(headers(ts, body, wrong), body).status()).isEqualTo(401);
    assertThat(handler.handle(headers(ts, body, secret), body).status()).isEqualTo(409);

    assertThat(webhook("accepted", "200")).isEqualTo(1);
    assertThat(webhook("rejected", "401")).isEqualTo(1);
    assertThat(webhook("rejected", "409")).isEqualTo(1);
    // The event moved orders from at risk to breached.
    assertThat(sla("AT_RISK")).isZero();
    assertThat(sla("BREACHED")).isEqualTo(1);
  }

  static Map<String, List<String>> headers(long ts, byte[] body, byte[] secret) {
    return Map.of(
        QualityWebhookHandler.SIGNATURE_HEADER,
        List.of(QualityWebhookHandler.sign(secret, ts, body)),
        QualityWebhookHandler.TIMESTAMP_HEADER,
        List.of(Long.toString(ts)));
  }

  double datasets(String status) {
    return registry.get("steward.quality.datasets").tag("status", status).counter().count();
  }

  double sla(String status) {
    return registry.get("steward.quality.sla").tag("status", status).gauge().value();
  }

  double webhook(String result, String status) {
    return registry
        .get("steward.quality.webhook.events")
        .tags("result", result, "status", status)
        .counter()
        .count();
  }

  @Test
  void schedulerRecordsRunsAgesIntervalsAndRunningJobs() throws Exception {
    ManualSchedulingClock clock = new ManualSchedulingClock(NOW);
    CountDownLatch release = new CountDownLatch(1);
    pool = Executors.newCachedThreadPool();
    try (InProcessGovernanceScheduler scheduler =
        InProcessGovernanceScheduler.builder()
            .clock(clock)
            .executor(pool)
            .meterRegistry(registry)
            .job("ok", context -> JobOutcome.succeeded("done"))
            .job(
                "broken",
                context -> {
                  throw new IllegalStateException("no");
                })
            .job(
                "slow",
                context -> {
                  release.await();
                  return JobOutcome.succeeded("late");
                })
            .build()) {
      scheduler.schedule(JobSpec.builder("hourly-ok", "ok", Schedule.parse("hourly :00")).build());
      scheduler.schedule(
          JobSpec.builder("hourly-broken", "broken", Schedule.parse("hourly :00")).build());
      assertThat(gauge("steward.scheduler.job.interval", "hourly-ok")).isEqualTo(3600);
      assertThat(gauge("steward.scheduler.job.last.run.age", "hourly-ok")).isNaN();
      // Never succeeded yet: the scheduling time stands in.
      assertThat(gauge("steward.scheduler.job.last.success", "hourly-broken"))
          .isEqualTo(NOW.getEpochSecond());

      for (int hour = 1; hour <= 3; hour++) {
        int expected = hour;
        clock.advance(Duration.ofHours(1));
        await(() -> runs("ok", "SUCCEEDED") == expected && runs("broken", "FAILED") == expected);
      }
      clock.advance(Duration.ofMinutes(10));

      assertThat(gauge("steward.scheduler.job.last.run.age", "hourly-ok")).isEqualTo(600);
      assertThat(gauge("steward.scheduler.job.last.success", "hourly-ok"))
          .isEqualTo(NOW.plus(Duration.ofHours(3)).getEpochSecond());
      assertThat(gauge("steward.scheduler.job.last.success", "hourly-broken"))
          .isEqualTo(NOW.getEpochSecond());
      assertThat(registry.get("steward.scheduler.jobs.running").gauge().value()).isZero();
      // Re-scheduling (a new schedule for the same id) keeps the last success.
      scheduler.schedule(JobSpec.builder("hourly-ok", "ok", Schedule.parse("every 30m")).build());
      assertThat(gauge("steward.scheduler.job.interval", "hourly-ok")).isEqualTo(1800);
      assertThat(gauge("steward.scheduler.job.last.success", "hourly-ok"))
          .isEqualTo(NOW.plus(Duration.ofHours(3)).getEpochSecond());

      scheduler.schedule(
          JobSpec.builder("slow", "slow", Schedule.parse("every 5m"))
              .misfirePolicy(MisfirePolicy.SKIP)
              .build());
      clock.advance(Duration.ofMinutes(5));
      await(() -> registry.get("steward.scheduler.jobs.running").gauge().value() == 1);
      clock.advance(Duration.ofMinutes(5));
      assertThat(
              registry
                  .get("steward.scheduler.job.skipped")
                  .tag("job.type", "slow")
                  .counter()
                  .count())
          .isEqualTo(1);
      release.countDown();
      await(() -> registry.get("steward.scheduler.jobs.running").gauge().value() == 0);
      assertThat(runs("slow", "SUCCEEDED")).isEqualTo(1);

      scheduler.cancel("hourly-ok");
      assertThat(registry.find("steward.scheduler.job.interval").tag("job.id", "hourly-ok").gauge())
          .isNull();
      assertThat(registry.find("steward.scheduler.job.interval").gauges()).hasSize(2);
    }
  }

  double runs(String type, String outcome) {
    var timer =
        registry
            .find("steward.scheduler.job.runs")
            .tags("job.type", type, "outcome", outcome)
            .timer();
    return timer == null ? 0 : timer.count();
  }

  double gauge(String name, String job) {
    return registry.get(name).tag("job.id", job).gauge().value();
  }

  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.onSpinWait();
      Thread.yield();
    }
  }

  static Drift drift(String id, String type, String path, Severity severity) {
    return new Drift(
        id,
        type,
        path,
        ChangeType.MODIFIED,
        IntNode.valueOf(1),
        IntNode.valueOf(2),
        severity,
        Drift.DEFAULT_RULE,
        Certainty.CERTAIN);
  }

  static DriftReport report(List<Drift> drifts, Map<NoiseClass, Long> suppressed) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    drifts.forEach(d -> counts.merge(d.severity(), 1, Integer::sum));
    return new DriftReport(
        new DriftSummary(3, 3, 0, 0, 2, counts, suppressed, 0, 0), drifts, Map.of());
  }

  @Test
  void driftRecordsCurrentNewSuppressedAndSnapshotDuration() {
    DriftMetrics metrics = new DriftMetrics(registry);
    String vm = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/a";
    String kv = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/k";

    metrics.record(
        report(
            List.of(
                drift(vm, "Microsoft.Compute/virtualMachines", "properties.size", Severity.HIGH),
                drift(
                    kv, "Microsoft.KeyVault/vaults", "properties.publicAccess", Severity.CRITICAL),
                drift(kv, "Microsoft.KeyVault/vaults", "tags.owner", Severity.LOW)),
            Map.of(NoiseClass.VOLATILE, 4L, NoiseClass.CASE, 1L)),
        Duration.ofSeconds(12));
    assertThat(current("CRITICAL", "microsoft.keyvault/vaults")).isEqualTo(1);
    assertThat(current("HIGH", "microsoft.compute/virtualmachines")).isEqualTo(1);
    assertThat(newDrifts("CRITICAL", "microsoft.keyvault/vaults")).isEqualTo(1);

    // The critical drift was fixed, the high one stays, a medium one appeared.
    metrics.record(
        report(
            List.of(
                drift(vm, "Microsoft.Compute/virtualMachines", "properties.size", Severity.HIGH),
                drift(vm, "Microsoft.Compute/virtualMachines", "properties.zone", Severity.MEDIUM)),
            Map.of(NoiseClass.VOLATILE, 2L)),
        Duration.ofSeconds(8));

    assertThat(current("CRITICAL", "microsoft.keyvault/vaults")).isZero();
    assertThat(current("LOW", "microsoft.keyvault/vaults")).isZero();
    assertThat(current("HIGH", "microsoft.compute/virtualmachines")).isEqualTo(1);
    assertThat(current("MEDIUM", "microsoft.compute/virtualmachines")).isEqualTo(1);
    assertThat(newDrifts("HIGH", "microsoft.compute/virtualmachines")).isEqualTo(1);
    assertThat(newDrifts("MEDIUM", "microsoft.compute/virtualmachines")).isEqualTo(1);
    assertThat(
            registry.get("steward.drift.new").counters().stream().mapToDouble(c -> c.count()).sum())
        .isEqualTo(4);
    assertThat(registry.get("steward.drift.suppressed").tag("class", "VOLATILE").counter().count())
        .isEqualTo(6);
    assertThat(registry.get("steward.drift.suppressed").tag("class", "CASE").counter().count())
        .isEqualTo(1);
    assertThat(registry.get("steward.drift.snapshots").timer().count()).isEqualTo(2);
    assertThat(registry.get("steward.drift.snapshots").timer().totalTime(TimeUnit.SECONDS))
        .isEqualTo(20);
  }

  double current(String severity, String type) {
    return registry
        .get("steward.drift.current")
        .tags("severity", severity, "resource.type", type)
        .gauge()
        .value();
  }

  double newDrifts(String severity, String type) {
    return registry
        .get("steward.drift.new")
        .tags("severity", severity, "resource.type", type)
        .counter()
        .count();
  }

  @Test
  void guardDecisionsAreCountedByKindOutcomeAndEnvironment() {
    List<String> delegated = new ArrayList<>();
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(Map.of("STEWARD_ENVIRONMENT", "production"))
            .auditSink(GuardMetrics.decorate(registry, event -> delegated.add(event.outcome())))
            .build();

    guard.evaluate(Operation.read(Target.named("orders-db")));
    guard.evaluate(Operation.read(Target.named("orders-db")));
    String destructive =
        new AuditEvent(NOW, "p", guard.evaluate(Operation.destructive(Target.named("orders-db"))))
            .outcome();

    assertThat(destructive).isNotEqualTo("allowed");
    assertThat(decisions("read", "allowed")).isEqualTo(2);
    assertThat(decisions("destructive", destructive)).isEqualTo(1);
    assertThat(registry.get("steward.guard.decisions").counters()).hasSize(2);
    assertThat(delegated).containsExactly("allowed", "allowed", destructive);
  }

  double decisions(String kind, String outcome) {
    return registry
        .get("steward.guard.decisions")
        .tags("kind", kind, "outcome", outcome, "environment", "production")
        .counter()
        .count();
  }
}
