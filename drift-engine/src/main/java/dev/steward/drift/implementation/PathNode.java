package dev.steward.drift.implementation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One position in a resource type's rule trie. Fields are set while compiling, then only read. */
public final class PathNode {

  /** A severity rule anchored below a node, with the path from that node to the anchor. */
  public record Below(List<String> relative, SeverityRule rule) {}

  final Map<String, PathNode> fields = new HashMap<>(4);
  PathNode any;
  PathNode element;
  boolean isVolatile;
  boolean secret;
  Comparison comparison;
  RuleData.ArraySpec array;
  List<RuleData.DefaultSpec> defaults = List.of();
  List<SeverityRule> rules = List.of();
  List<Below> below = List.of();

  PathNode step(String segment) {
    if (segment.equals(PathPattern.ELEMENT)) {
      if (element == null) {
        element = new PathNode();
      }
      return element;
    }
    if (segment.equals(PathPattern.ANY)) {
      if (any == null) {
        any = new PathNode();
      }
      return any;
    }
    return fields.computeIfAbsent(segment, k -> new PathNode());
  }

  void addDefault(RuleData.DefaultSpec d) {
    List<RuleData.DefaultSpec> l = new ArrayList<>(defaults);
    l.add(d);
    defaults = List.copyOf(l);
  }

  void addRule(SeverityRule r) {
    List<SeverityRule> l = new ArrayList<>(rules);
    l.add(r);
    rules = List.copyOf(l);
  }

  void addBelow(Below b) {
    List<Below> l = new ArrayList<>(below);
    l.add(b);
    below = List.copyOf(l);
  }

  void mergeFrom(PathNode f) {
    isVolatile |= f.isVolatile;
    secret |= f.secret;
    if (comparison == null) {
      comparison = f.comparison;
    }
    if (array == null) {
      array = f.array;
    }
    for (RuleData.DefaultSpec d : f.defaults) {
      addDefault(d);
    }
  }

  /**
   * The comparison at this node.
   *
   * @param n the node, or {@code null}
   * @return its comparison, {@link Comparison#AUTO} when none
   */
  static Comparison comparisonOf(PathNode n) {
    return n == null || n.comparison == null ? Comparison.AUTO : n.comparison;
  }
}
