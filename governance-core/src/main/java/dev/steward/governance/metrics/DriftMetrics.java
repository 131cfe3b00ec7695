package dev.steward.governance.metrics;

import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.NoiseClass;
import dev.steward.drift.models.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records drift reports as the {@code steward.drift.*} meters of {@link GovernanceMeters}: the
 * drifts of the latest report by severity and resource type (a gauge), drifts new since the
 * previous report (a counter), noise suppressed by class, and snapshot duration. drift-engine
 * itself knows nothing of metrics; feed each report here.
 *
 * <pre>{@code
 * DriftMetrics metrics = new DriftMetrics(registry);
 * DriftReport report = engine.compare(baseline, current);
 * metrics.record(report, snapshotDuration);
 * }</pre>
 *
 * <p>A drift is identified by resource id, path and change type (case-insensitive), so the first
 * report recorded counts all its drifts as new. Resource types are lower-cased; Azure resource
 * types are a bounded set. Thread-safe.
 */
public final class DriftMetrics {
  private final MeterRegistry registry;
  private final Timer snapshots;
  private final Map<String, AtomicInteger> current = new ConcurrentHashMap<>();
  private Set<String> previous = Set.of();

  /**
   * Creates the recorder.
   *
   * @param registry where the meters go
   */
  public DriftMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "meterRegistry");
    this.snapshots =
        Timer.builder(GovernanceMeters.DRIFT_SNAPSHOTS)
            .description("Time to take a snapshot and compare it")
            .register(registry);
  }

  /**
   * Records one report.
   *
   * @param report the drift report
   * @param snapshotDuration how long taking the snapshot (and comparing it) took
   */
  public synchronized void record(DriftReport report, Duration snapshotDuration) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(snapshotDuration, "snapshotDuration");
    snapshots.record(snapshotDuration);
    Map<String, Integer> counts = new HashMap<>();
    Set<String> identities = new HashSet<>();
    for (Drift drift : report.drifts()) {
      String type = drift.resourceType().toLowerCase(Locale.ROOT);
      counts.merge(key(drift.severity(), type), 1, Integer::sum);
      String identity =
          (drift.resourceId() + "\n" + drift.path() + "\n" + drift.change())
              .toLowerCase(Locale.ROOT);
      identities.add(identity);
      if (!previous.contains(identity)) {
        Counter.builder(GovernanceMeters.DRIFT_NEW)
            .description("Drifts not present in the previously recorded report")
            .tag(GovernanceMeters.TAG_SEVERITY, drift.severity().name())
            .tag(GovernanceMeters.TAG_RESOURCE_TYPE, type)
            .register(registry)
            .increment();
      }
    }
    previous = identities;
    // Series of the previous report that are gone now read 0, not their old value.
    for (Map.Entry<String, AtomicInteger> e : current.entrySet()) {
      e.getValue().set(counts.getOrDefault(e.getKey(), 0));
    }
    counts.forEach(
        (key, count) -> {
          int split = key.indexOf('\n');
          gauge(Severity.valueOf(key.substring(0, split)), key.substring(split + 1)).set(count);
        });
    for (Map.Entry<NoiseClass, Long> e : report.summary().suppressed().entrySet()) {
      if (e.getValue() > 0) {
        Counter.builder(GovernanceMeters.DRIFT_SUPPRESSED)
            .description("Differences suppressed as noise")
            .tag(GovernanceMeters.TAG_NOISE_CLASS, e.getKey().name())
            .register(registry)
            .increment(e.getValue());
      }
    }
  }

  private AtomicInteger gauge(Severity severity, String type) {
    return current.computeIfAbsent(
        key(severity, type),
        k -> {
          AtomicInteger value = new AtomicInteger();
          Gauge.builder(GovernanceMeters.DRIFT_CURRENT, value, AtomicInteger::get)
              .description("Drifts in the latest recorded report")
              .tag(GovernanceMeters.TAG_SEVERITY, severity.name())
              .tag(GovernanceMeters.TAG_RESOURCE_TYPE, type)
              .strongReference(true)
              .register(registry);
          return value;
        });
  }

  private static String key(Severity severity, String type) {
    return severity.name() + "\n" + type;
  }

  @Override
  public String toString() {
    return "DriftMetrics[" + registry.getClass().getSimpleName() + "]";
  }
}
