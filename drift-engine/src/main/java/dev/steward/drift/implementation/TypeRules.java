package dev.steward.drift.implementation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The compiled rules for one resource type: a trie of paths plus field names at any depth. */
public final class TypeRules {

  final String type;
  final PathNode root = new PathNode();
  final Map<String, PathNode> floating = new HashMap<>();

  TypeRules(String type, List<RuleData.TypeData> sections, List<SeverityRule> rules) {
    this.type = type;
    for (RuleData.TypeData t : sections) {
      for (String p : t.volatiles) {
        node(p).isVolatile = true;
      }
      for (String p : t.secrets) {
        node(p).secret = true;
      }
      t.compare.forEach((p, c) -> node(p).comparison = c);
      t.arrays.forEach((p, a) -> node(p).array = a);
      t.defaults.values().forEach(d -> node(d.path()).addDefault(d));
    }
    applyFloating(root);
    for (SeverityRule r : rules) {
      List<String> segs = r.path().segments();
      PathNode n = root;
      for (int i = 0; i < segs.size(); i++) {
        n.addBelow(new PathNode.Below(List.copyOf(segs.subList(i, segs.size())), r));
        n = n.step(segs.get(i));
      }
      n.addRule(r);
    }
  }

  private PathNode node(String path) {
    PathPattern p = PathPattern.parse(path, true);
    PathNode n;
    if (p.floating()) {
      n = floating.computeIfAbsent(p.segments().get(0), k -> new PathNode());
    } else {
      n = root;
      for (String s : p.segments()) {
        n = n.step(s);
      }
    }
    return n;
  }

  private void applyFloating(PathNode n) {
    List<PathNode> next = new ArrayList<>();
    for (Map.Entry<String, PathNode> e : n.fields.entrySet()) {
      PathNode f = floating.get(e.getKey());
      if (f != null) {
        e.getValue().mergeFrom(f);
      }
      next.add(e.getValue());
    }
    if (n.any != null) {
      next.add(n.any);
    }
    if (n.element != null) {
      next.add(n.element);
    }
    for (PathNode c : next) {
      applyFloating(c);
    }
  }

  /**
   * The rule node for a field of an object at {@code parent}.
   *
   * @param parent the object's node, or {@code null}
   * @param name the field name
   * @return the field's node, or {@code null} when no rule covers it
   */
  PathNode child(PathNode parent, String name) {
    if (parent != null) {
      PathNode c = parent.fields.get(name);
      if (c != null) {
        return c;
      }
      if (parent.any != null) {
        return parent.any;
      }
    }
    return floating.get(name);
  }

  /**
   * The resource type these rules are for.
   *
   * @return lower-case type
   */
  public String type() {
    return type;
  }
}
