package dev.steward.drift.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Rule data merged from one or more rules files, before compilation into per-type tries. */
public final class RuleData {

  /** How an array at a path is matched. */
  public record ArraySpec(List<String> key, boolean set) {}

  /** Absent equals {@code value} at {@code path} for snapshots whose apiVersion is in range. */
  public record DefaultSpec(String path, JsonNode value, ApiVersionRange range) {}

  /** Child resources of {@code childType} fold into their parent's {@code arrayPath}. */
  public record ChildSpec(String childType, String parentType, String arrayPath) {}

  /** Per-type data ({@code *} is every type). */
  public static final class TypeData {
    final LinkedHashSet<String> volatiles = new LinkedHashSet<>();
    final LinkedHashSet<String> secrets = new LinkedHashSet<>();
    final LinkedHashMap<String, Comparison> compare = new LinkedHashMap<>();
    final LinkedHashMap<String, ArraySpec> arrays = new LinkedHashMap<>();
    final LinkedHashMap<String, DefaultSpec> defaults = new LinkedHashMap<>();

    TypeData copy() {
      TypeData t = new TypeData();
      t.volatiles.addAll(volatiles);
      t.secrets.addAll(secrets);
      t.compare.putAll(compare);
      t.arrays.putAll(arrays);
      t.defaults.putAll(defaults);
      return t;
    }
  }

  final Map<String, TypeData> types = new LinkedHashMap<>();
  final LinkedHashMap<String, SeverityRule> severity = new LinkedHashMap<>();
  final Map<String, ChildSpec> children = new LinkedHashMap<>();
  final List<String> sources = new ArrayList<>();

  /**
   * A deep copy, so a merge never changes the original.
   *
   * @return the copy
   */
  public RuleData copy() {
    RuleData r = new RuleData();
    types.forEach((k, v) -> r.types.put(k, v.copy()));
    r.severity.putAll(severity);
    r.children.putAll(children);
    r.sources.addAll(sources);
    return r;
  }

  /**
   * The severity rules in file order.
   *
   * @return the rules
   */
  public List<SeverityRule> severityRules() {
    return List.copyOf(severity.values());
  }

  /**
   * The names and revisions of the files merged, in order.
   *
   * @return the sources
   */
  public List<String> sources() {
    return List.copyOf(sources);
  }

  TypeData type(String name) {
    return types.computeIfAbsent(name, k -> new TypeData());
  }
}
