package dev.steward.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.drift.implementation.Canonical;
import dev.steward.drift.implementation.SnapshotDiff;
import dev.steward.drift.implementation.SnapshotReader;
import dev.steward.drift.implementation.Trees;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.DriftSummary;
import dev.steward.drift.models.NoiseClass;
import dev.steward.drift.models.Severity;
import dev.steward.drift.models.SourceLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a baseline snapshot of Azure resources with a current one and reports the real changes:
 * parse, canonicalise, drop volatile paths, key arrays, diff, classify by direction-aware severity
 * rules, report. Thread-safe: each call uses its own working state.
 *
 * <pre>{@code
 * DriftEngine engine = DriftEngine.builder().rules(DriftRules.defaults()).build();
 * DriftReport report = engine.compare(Path.of("baseline.json"), Path.of("current.json"));
 * }</pre>
 */
public final class DriftEngine {

  /** Snapshot pairs larger than this (in bytes, both files together) are compared streaming. */
  public static final long DEFAULT_STREAMING_THRESHOLD = 64L << 20;

  private final DriftRules rules;
  private final long streamingThreshold;

  private DriftEngine(Builder b) {
    this.rules = b.rules;
    this.streamingThreshold = b.streamingThreshold;
  }

  /**
   * An engine with the default rules.
   *
   * @return the engine
   */
  public static DriftEngine create() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a new builder with the default rules
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The rules this engine runs on.
   *
   * @return the rules
   */
  public DriftRules rules() {
    return rules;
  }

  /**
   * Compares two snapshot files. Pairs above the streaming threshold are compared with the baseline
   * indexed by id and byte offset, so memory does not grow with the snapshot size.
   *
   * @param baseline the baseline snapshot
   * @param current the current snapshot
   * @return the report
   * @throws DriftInputException when a snapshot is malformed (file, line and column named)
   * @throws UncheckedIOException when a file cannot be read
   */
  public DriftReport compare(Path baseline, Path current) {
    try {
      long size = Files.size(baseline) + Files.size(current);
      if (size > streamingThreshold) {
        SnapshotDiff diff = new SnapshotDiff(rules.compiled());
        diff.streaming(baseline, baseline.toString(), current, current.toString());
        return report(diff);
      }
      return compare(
          baseline.toString(),
          Files.readAllBytes(baseline),
          current.toString(),
          Files.readAllBytes(current));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("snapshot not found: " + e.getFile(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshots", e);
    }
  }

  /**
   * Compares two snapshots held as bytes.
   *
   * @param baselineName the baseline's name in messages
   * @param baseline the baseline snapshot
   * @param currentName the current snapshot's name in messages
   * @param current the current snapshot
   * @return the report
   * @throws DriftInputException when a snapshot is malformed
   */
  public DriftReport compare(
      String baselineName, byte[] baseline, String currentName, byte[] current) {
    SnapshotDiff tapes = new SnapshotDiff(rules.compiled());
    if (tapes.tapes(baselineName, baseline, currentName, current)) {
      return report(tapes);
    }
    LinkedHashMap<String, SnapshotReader.Entry> a =
        SnapshotDiff.readAll(baselineName, new ByteArrayInputStream(baseline));
    LinkedHashMap<String, SnapshotReader.Entry> b =
        SnapshotDiff.readAll(currentName, current, baseline, a);
    SnapshotDiff diff = new SnapshotDiff(rules.compiled());
    diff.inMemory(a, b);
    return report(diff);
  }

  /**
   * Compares two snapshots held as trees: each a resource object, an array of them, {@code
   * {"value":[...]}} or {@code {"data":[...]}}. The trees are not changed.
   *
   * @param baseline the baseline snapshot
   * @param current the current snapshot
   * @return the report
   * @throws DriftInputException when a resource has no id
   */
  public DriftReport compare(JsonNode baseline, JsonNode current) {
    SnapshotDiff trees = new SnapshotDiff(rules.compiled());
    if (trees.trees(resources(baseline), resources(current))) {
      return report(trees);
    }
    SnapshotDiff diff = new SnapshotDiff(rules.compiled());
    LinkedHashMap<String, SnapshotReader.Entry> a = entries("baseline", baseline, null);
    diff.inMemory(a, entries("current", current, new ArrayList<>(a.values())));
    return report(diff);
  }

  /**
   * Compares one resource's baseline and current bodies. Either may be {@code null} (added or
   * removed).
   *
   * @param baseline the baseline resource, or {@code null}
   * @param current the current resource, or {@code null}
   * @return the drifts in report order
   */
  public List<Drift> diff(JsonNode baseline, JsonNode current) {
    JsonNode any = current != null ? current : Objects.requireNonNull(baseline, "baseline");
    if (baseline != null && Trees.equal(baseline, current)) {
      return List.of(); // the no-drift fast path: nothing is allocated
    }
    SnapshotDiff diff = new SnapshotDiff(rules.compiled());
    String id = any.path("id").asText("");
    String type = Canonical.resourceType(any.path("type").textValue(), id);
    if (diff.differ().resource(id, type, baseline, current) == 0) {
      return List.of();
    }
    return diff.differ().drifts().stream().sorted(DriftReport.ORDER).toList();
  }

  /**
   * A snapshot's resources: a resource object, an array of them, {"value":[...]} or {"data":[...]};
   * a view of the array, not a copy.
   */
  private static List<JsonNode> resources(JsonNode snapshot) {
    JsonNode list = snapshot;
    if (snapshot.isObject() && !snapshot.has("id") && snapshot.path("value").isArray()) {
      list = snapshot.get("value");
    } else if (snapshot.isObject() && !snapshot.has("id") && snapshot.path("data").isArray()) {
      list = snapshot.get("data");
    }
    if (!list.isArray()) {
      return List.of(snapshot);
    }
    JsonNode array = list;
    return new AbstractList<>() {
      @Override
      public JsonNode get(int index) {
        return array.get(index);
      }

      @Override
      public int size() {
        return array.size();
      }
    };
  }

  /**
   * Indexes a snapshot's resources by lower-case id. {@code aligned} is the baseline in order, when
   * indexing the current snapshot: a resource whose id (and declared type) is written exactly as
   * the baseline resource's at the same position reuses that resource's key and type instead of
   * case-folding them again (snapshots usually list resources in the same order).
   */
  private static LinkedHashMap<String, SnapshotReader.Entry> entries(
      String name, JsonNode snapshot, List<SnapshotReader.Entry> aligned) {
    List<JsonNode> resources = resources(snapshot);
    LinkedHashMap<String, SnapshotReader.Entry> map = new LinkedHashMap<>(resources.size() * 2);
    for (int i = 0; i < resources.size(); i++) {
      JsonNode r = resources.get(i);
      JsonNode idNode = r.path("id");
      if (!r.isObject() || !idNode.isTextual() || idNode.asText().isBlank()) {
        throw new DriftInputException(
            new SourceLocation(name + "[" + i + "]", 0, 0), "resource has no 'id'", null);
      }
      String id = idNode.asText();
      String declared = r.path("type").textValue();
      SnapshotReader.Entry same = aligned != null && i < aligned.size() ? aligned.get(i) : null;
      String key;
      String type;
      if (same != null
          && same.id().equals(id)
          && Objects.equals(same.tree().path("type").textValue(), declared)) {
        key = same.key();
        type = same.type();
      } else {
        key = id.toLowerCase(Locale.ROOT);
        type = Canonical.resourceType(declared, id);
      }
      SnapshotReader.Entry e = new SnapshotReader.Entry(id, key, type, r, null, 0, 0);
      if (map.putIfAbsent(e.key(), e) != null) {
        throw new DriftInputException(
            new SourceLocation(name + "[" + i + "]", 0, 0),
            "duplicate resource id '" + id + "'",
            null);
      }
    }
    return map;
  }

  private static DriftReport report(SnapshotDiff diff) {
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    for (Drift d : diff.differ().drifts()) {
      bySeverity.merge(d.severity(), 1, Integer::sum);
    }
    Map<NoiseClass, Long> noise = new EnumMap<>(NoiseClass.class);
    long[] counters = diff.differ().noise();
    for (NoiseClass c : NoiseClass.values()) {
      noise.put(c, counters[c.ordinal()]);
    }
    int[] n = diff.counts();
    DriftSummary summary = new DriftSummary(n[0], n[1], n[2], n[3], n[4], bySeverity, noise, 0, 0);
    return new DriftReport(summary, diff.differ().drifts(), diff.locations());
  }

  /** Builds a {@link DriftEngine}. */
  public static final class Builder {
    private DriftRules rules = DriftRules.defaults();
    private long streamingThreshold = DEFAULT_STREAMING_THRESHOLD;

    private Builder() {}

    /**
     * The rules to run on (default: {@link DriftRules#defaults()}).
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder rules(DriftRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * The combined size of two snapshot files above which they are compared streaming (default
     * {@value DriftEngine#DEFAULT_STREAMING_THRESHOLD} bytes; 0 streams always).
     *
     * @param bytes the threshold
     * @return this builder
     */
    public Builder streamingThreshold(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("streamingThreshold must be >= 0");
      }
      this.streamingThreshold = bytes;
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     */
    public DriftEngine build() {
      return new DriftEngine(this);
    }
  }
}
