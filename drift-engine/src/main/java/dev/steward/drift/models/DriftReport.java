package dev.steward.drift.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of one comparison: a summary and the drifts, sorted by severity (most severe first),
 * then resource id, then path.
 *
 * @param summary counts of resources, drifts and suppressed noise
 * @param drifts the drifts, in report order
 * @param locations where each resource starts in its snapshot file, keyed by lower-case resource id
 *     (the current snapshot's location, or the baseline's for a removed resource); empty for
 *     snapshots that were not read from files
 */
public record DriftReport(
    DriftSummary summary, List<Drift> drifts, Map<String, SourceLocation> locations) {

  /** Report order: severity, then resource id (ignoring case), then path. */
  public static final Comparator<Drift> ORDER =
      Comparator.comparing(Drift::severity)
          .thenComparing(d -> d.resourceId().toLowerCase(Locale.ROOT))
          .thenComparing(Drift::path);

  /** Copies the drifts into report order. */
  public DriftReport {
    drifts = drifts.stream().sorted(ORDER).toList();
    locations = Map.copyOf(locations);
  }

  /**
   * The location of a resource in its snapshot file.
   *
   * @param resourceId the resource id, in any case
   * @return the location, or {@code null} when unknown
   */
  public SourceLocation locationOf(String resourceId) {
    return locations.get(resourceId.toLowerCase(Locale.ROOT));
  }

  /**
   * The report as JSON: {@code {"summary": {...}, "drifts": [...]}}. Secrets are already masked in
   * every drift.
   *
   * @return a new JSON tree
   */
  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ObjectNode s = root.putObject("summary");
    ObjectNode resources = s.putObject("resources");
    resources.put("baseline", summary.baselineResources());
    resources.put("current", summary.currentResources());
    resources.put("added", summary.addedResources());
    resources.put("removed", summary.removedResources());
    resources.put("changed", summary.changedResources());
    ObjectNode counts = s.putObject("drifts");
    counts.put("total", summary.totalDrifts());
    summary.drifts().forEach((k, v) -> counts.put(k.name().toLowerCase(Locale.ROOT), v));
    ObjectNode suppressed = s.putObject("suppressed");
    suppressed.put("total", summary.totalSuppressed());
    summary.suppressed().forEach((k, v) -> suppressed.put(k.name().toLowerCase(Locale.ROOT), v));
    if (summary.pending() > 0 || summary.flapping() > 0) {
      ObjectNode debounce = s.putObject("debounce");
      debounce.put("pending", summary.pending());
      debounce.put("flapping", summary.flapping());
    }
    ArrayNode list = root.putArray("drifts");
    for (Drift d : drifts) {
      ObjectNode o = list.addObject();
      o.put("resourceId", d.resourceId());
      o.put("resourceType", d.resourceType());
      o.put("path", d.path());
      o.put("change", d.change().name());
      o.set("before", orNull(d.before()));
      o.set("after", orNull(d.after()));
      o.put("severity", d.severity().name());
      o.put("rule", d.rule());
      o.put("certainty", d.certainty().name());
    }
    return root;
  }

  private static JsonNode orNull(JsonNode node) {
    return node == null || node.isMissingNode() ? JsonNodeFactory.instance.nullNode() : node;
  }
}
