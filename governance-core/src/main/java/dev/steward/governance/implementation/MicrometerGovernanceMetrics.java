package dev.steward.governance.implementation;

import dev.steward.governance.metrics.GovernanceMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link GovernanceMetrics} on a Micrometer registry. Loaded only when an engine was given a
 * registry.
 */
public final class MicrometerGovernanceMetrics implements GovernanceMetrics {
  /** SLA statuses, in the order of {@code SlaStatus}. */
  private static final String[] SLA = {"GOOD", "AT_RISK", "BREACHED"};

  /**
   * Shared gauge state per registry, so several engines on one registry report one value (a gauge
   * id registered twice keeps its first state object).
   */
  private static final Map<MeterRegistry, Shared> SHARED =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final MeterRegistry registry;
  private final Shared shared;

  /** Gauge state of one registry. */
  private static final class Shared {
    final AtomicLong lastExtractionMillis = new AtomicLong(-1);
    final Map<String, String> slaByDataset = new ConcurrentHashMap<>();
  }

  /**
   * Creates the recorder.
   *
   * @param registry the registry
   */
  public MicrometerGovernanceMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "meterRegistry");
    this.shared = SHARED.computeIfAbsent(registry, r -> new Shared());
  }

  /**
   * The extraction recorder: registers the last-success gauge.
   *
   * @param registry the registry
   * @return the recorder
   */
  public static MicrometerGovernanceMetrics forExtraction(MeterRegistry registry) {
    MicrometerGovernanceMetrics metrics = new MicrometerGovernanceMetrics(registry);
    AtomicLong last = metrics.shared.lastExtractionMillis;
    Gauge.builder(
            GovernanceMeters.EXTRACTION_LAST_SUCCESS,
            last,
            l -> l.get() < 0 ? Double.NaN : l.get() / 1000.0)
        .description("When the last successful extraction completed, epoch seconds")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
    return metrics;
  }

  /**
   * The quality-sync recorder: registers the SLA gauges.
   *
   * @param registry the registry
   * @return the recorder
   */
  public static MicrometerGovernanceMetrics forQuality(MeterRegistry registry) {
    MicrometerGovernanceMetrics metrics = new MicrometerGovernanceMetrics(registry);
    Map<String, String> sla = metrics.shared.slaByDataset;
    for (String status : SLA) {
      Gauge.builder(
              GovernanceMeters.QUALITY_SLA,
              sla,
              m -> m.values().stream().filter(status::equals).count())
          .description("Datasets in each SLA status, by their latest synced score")
          .tag(GovernanceMeters.TAG_STATUS, status)
          .strongReference(true)
          .register(registry);
    }
    return metrics;
  }

  @Override
  public void extractionSucceeded(
      Map<String, Long> byType,
      Set<String> knownTypes,
      int pages,
      Duration duration,
      Instant completed) {
    runs(GovernanceMeters.EXTRACTION_RUNS, "success").record(duration);
    byType.forEach(
        (type, count) ->
            Counter.builder(GovernanceMeters.EXTRACTION_ASSETS)
                .description("Assets written by catalogue extractions")
                .tag(
                    GovernanceMeters.TAG_TYPE,
                    knownTypes.contains(type) ? type : GovernanceMeters.OTHER)
                .register(registry)
                .increment(count));
    Counter.builder(GovernanceMeters.EXTRACTION_PAGES)
        .description("Search pages read by catalogue extractions")
        .register(registry)
        .increment(pages);
    shared.lastExtractionMillis.set(completed.toEpochMilli());
  }

  @Override
  public void extractionFailed(Duration duration) {
    runs(GovernanceMeters.EXTRACTION_RUNS, "failure").record(duration);
  }

  @Override
  public void qualitySynced(
      Map<String, Long> statusCounts, Map<String, String> slaByDataset, Duration duration) {
    runs(GovernanceMeters.QUALITY_SYNCS, "success").record(duration);
    statusCounts.forEach(
        (status, count) ->
            Counter.builder(GovernanceMeters.QUALITY_DATASETS)
                .description("Datasets handled by quality syncs, by outcome")
                .tag(GovernanceMeters.TAG_STATUS, status)
                .register(registry)
                .increment(count));
    shared.slaByDataset.putAll(slaByDataset);
  }

  @Override
  public void qualitySyncFailed(Duration duration) {
    runs(GovernanceMeters.QUALITY_SYNCS, "failure").record(duration);
  }

  @Override
  public void webhookEvent(int status) {
    Counter.builder(GovernanceMeters.QUALITY_WEBHOOK_EVENTS)
        .description("Quality webhook deliveries")
        .tag(GovernanceMeters.TAG_RESULT, status >= 200 && status < 300 ? "accepted" : "rejected")
        .tag(GovernanceMeters.TAG_STATUS, Integer.toString(status))
        .register(registry)
        .increment();
  }

  private Timer runs(String name, String outcome) {
    return Timer.builder(name).tag(GovernanceMeters.TAG_OUTCOME, outcome).register(registry);
  }
}
