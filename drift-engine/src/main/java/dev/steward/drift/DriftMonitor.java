package dev.steward.drift;

import dev.steward.drift.implementation.Canonical;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.DriftSummary;
import dev.steward.drift.models.PathHistory;
import dev.steward.drift.models.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Debounces drift over repeated comparisons, the way metric alerts use "M of N" periods: a drift is
 * confirmed only once it was seen in {@code K} of the last {@code N} observations (default 2 of 3).
 * A path whose value changed in at least {@code high} % of its last {@code flapWindow} observations
 * is marked flapping and held back until it falls below {@code low} % (hysteresis, as in Nagios
 * flap detection). A CRITICAL drift is never held back: it is a weakening by construction.
 *
 * <pre>{@code
 * DriftMonitor monitor = DriftMonitor.builder()
 *     .store(new FileObservationStore(Path.of("drift-state.json")))
 *     .build();
 * DriftReport confirmed = monitor.observe(engine.compare(baseline, current));
 * }</pre>
 */
public final class DriftMonitor {

  private final ObservationStore store;
  private final int confirmAfter;
  private final int window;
  private final int flapWindow;
  private final double flapHigh;
  private final double flapLow;

  private DriftMonitor(Builder b) {
    this.store = b.store;
    this.confirmAfter = b.confirmAfter;
    this.window = b.window;
    this.flapWindow = b.flapWindow;
    this.flapHigh = b.flapHigh;
    this.flapLow = b.flapLow;
  }

  /**
   * A builder.
   *
   * @return a new builder (2 of 3, flapping at 50 % / 25 % of 21 observations)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Records one comparison and returns the drifts confirmed by it. Pending and flapping drifts are
   * left out of the returned drifts and counted in its summary.
   *
   * @param report a fresh comparison
   * @return the confirmed report
   */
  public DriftReport observe(DriftReport report) {
    Map<String, PathHistory> histories = new HashMap<>(store.load());
    Map<String, Drift> now = new LinkedHashMap<>();
    for (Drift d : report.drifts()) {
      now.put(key(d), d);
    }
    // A path is forgotten once its last N observations were clean and it is not flapping.
    Map<String, PathHistory> next = new HashMap<>();
    for (String k : union(histories, now)) {
      PathHistory old = histories.getOrDefault(k, new PathHistory(List.of(), false));
      List<Integer> states = new ArrayList<>(old.states());
      Drift d = now.get(k);
      states.add(d == null ? 0 : state(d));
      int keep = Math.max(window, flapWindow);
      if (states.size() > keep) {
        states = new ArrayList<>(states.subList(states.size() - keep, states.size()));
      }
      boolean flapping = flapping(states, old.flapping());
      if (d != null || flapping || seen(states) > 0) {
        next.put(k, new PathHistory(states, flapping));
      }
    }
    List<Drift> confirmed = new ArrayList<>();
    int pending = 0;
    int flapping = 0;
    for (Map.Entry<String, Drift> e : now.entrySet()) {
      Drift d = e.getValue();
      PathHistory h = next.get(e.getKey());
      if (d.severity() == Severity.CRITICAL) {
        confirmed.add(d);
      } else if (h.flapping()) {
        flapping++;
      } else if (seen(h.states()) >= confirmAfter) {
        confirmed.add(d);
      } else {
        pending++;
      }
    }
    store.save(next);
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    confirmed.forEach(d -> bySeverity.merge(d.severity(), 1, Integer::sum));
    DriftSummary s = report.summary();
    DriftSummary summary =
        new DriftSummary(
            s.baselineResources(),
            s.currentResources(),
            s.addedResources(),
            s.removedResources(),
            s.changedResources(),
            bySeverity,
            s.suppressed(),
            pending,
            flapping);
    return new DriftReport(summary, confirmed, report.locations());
  }

  private static List<String> union(Map<String, PathHistory> a, Map<String, Drift> b) {
    List<String> keys = new ArrayList<>(a.keySet());
    for (String k : b.keySet()) {
      if (!a.containsKey(k)) {
        keys.add(k);
      }
    }
    return keys;
  }

  private int seen(List<Integer> states) {
    int n = 0;
    for (int i = Math.max(0, states.size() - window); i < states.size(); i++) {
      if (states.get(i) != 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * The share of state changes over the flap window. A window not yet full counts its unseen
   * transitions as unchanged, so one change and its revert never make a path flap.
   */
  private boolean flapping(List<Integer> states, boolean was) {
    int from = Math.max(0, states.size() - flapWindow);
    int changes = 0;
    for (int i = from + 1; i < states.size(); i++) {
      if (!states.get(i).equals(states.get(i - 1))) {
        changes++;
      }
    }
    double pct = 100.0 * changes / (flapWindow - 1);
    return was ? pct >= flapLow : pct >= flapHigh;
  }

  private static String key(Drift d) {
    return d.resourceId().toLowerCase(Locale.ROOT) + " " + d.path();
  }

  /** A non-zero hash of what the path drifted to (masked values only: no secret is hashed). */
  private static int state(Drift d) {
    String after = d.after() == null ? "" : Canonical.json(d.after());
    int h = Objects.hash(d.change(), after);
    return h == 0 ? 1 : h;
  }

  /** Builds a {@link DriftMonitor}. */
  public static final class Builder {
    private ObservationStore store;
    private int confirmAfter = 2;
    private int window = 3;
    private int flapWindow = 21;
    private double flapHigh = 50;
    private double flapLow = 25;

    private Builder() {}

    /**
     * Where observations are kept (required).
     *
     * @param store the store, for example a {@link FileObservationStore}
     * @return this builder
     */
    public Builder store(ObservationStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Confirm a drift after {@code k} of the last {@code n} observations.
     *
     * @param k observations with the drift needed, 1 to {@code n}
     * @param n observations looked at, at least 1
     * @return this builder
     */
    public Builder confirmAfter(int k, int n) {
      if (n < 1 || k < 1 || k > n) {
        throw new IllegalArgumentException(
            "confirm-after must be between 1 and the window (got " + k + " of " + n + ")");
      }
      this.confirmAfter = k;
      this.window = n;
      return this;
    }

    /**
     * Flap detection: a path is flapping once its value changed in at least {@code highPercent} %
     * of the last {@code observations}, and stops when it falls below {@code lowPercent} %.
     *
     * @param observations how many observations to look at, at least 3
     * @param highPercent the threshold to start flapping
     * @param lowPercent the threshold to stop, at most {@code highPercent}
     * @return this builder
     */
    public Builder flapDetection(int observations, double highPercent, double lowPercent) {
      if (observations < 3 || lowPercent > highPercent || lowPercent < 0 || highPercent > 100) {
        throw new IllegalArgumentException(
            "flap detection needs >= 3 observations and 0 <= low <= high <= 100");
      }
      this.flapWindow = observations;
      this.flapHigh = highPercent;
      this.flapLow = lowPercent;
      return this;
    }

    /**
     * Builds the monitor.
     *
     * @return the monitor
     */
    public DriftMonitor build() {
      Objects.requireNonNull(store, "store is required");
      return new DriftMonitor(this);
    }
  }
}
