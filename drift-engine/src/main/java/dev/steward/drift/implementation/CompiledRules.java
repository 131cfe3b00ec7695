package dev.steward.drift.implementation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Rule data compiled into one trie per resource type, built on first use and then shared. */
public final class CompiledRules {

  private final RuleData data;
  private final Map<String, TypeRules> byType = new ConcurrentHashMap<>();
  private final int childSlashes;

  /**
   * Compiles rule data.
   *
   * @param data the merged rule data
   */
  public CompiledRules(RuleData data) {
    this.data = data;
    int fewest = Integer.MAX_VALUE;
    for (String t : data.children.keySet()) {
      fewest = Math.min(fewest, slashes(t));
    }
    this.childSlashes = fewest;
  }

  private static int slashes(String type) {
    int n = 0;
    for (int i = type.indexOf('/'); i >= 0; i = type.indexOf('/', i + 1)) {
      n++;
    }
    return n;
  }

  /**
   * Whether a resource type, as written (any case), may be a child type that folds into a parent:
   * only types with as many segments as some child type can, so most resources are ruled out
   * without building their lower-case type.
   *
   * @param declaredType the type as the snapshot writes it
   * @return whether {@link #child} may know it
   */
  public boolean mayBeChild(String declaredType) {
    return slashes(declaredType) >= childSlashes
        && child(declaredType.toLowerCase(java.util.Locale.ROOT)) != null;
  }

  /**
   * The rules for a resource type.
   *
   * @param type lower-case type
   * @return the compiled rules
   */
  public TypeRules forType(String type) {
    return byType.computeIfAbsent(type, this::compile);
  }

  private TypeRules compile(String type) {
    List<RuleData.TypeData> sections = new ArrayList<>();
    if (data.types.containsKey("*")) {
      sections.add(data.types.get("*"));
    }
    if (!type.equals("*") && data.types.containsKey(type)) {
      sections.add(data.types.get(type));
    }
    List<SeverityRule> rules = new ArrayList<>();
    for (SeverityRule r : data.severity.values()) {
      if (r.appliesTo(type)) {
        rules.add(r);
      }
    }
    return new TypeRules(type, sections, rules);
  }

  /**
   * How child resources of a type fold into their parent.
   *
   * @param childType lower-case type
   * @return the spec, or {@code null} when the type is not folded
   */
  public RuleData.ChildSpec child(String childType) {
    return data.children.get(childType);
  }

  /**
   * Whether any child type folds into this parent type.
   *
   * @param parentType lower-case type
   * @return whether the type has foldable children
   */
  public boolean hasChildren(String parentType) {
    for (RuleData.ChildSpec c : data.children.values()) {
      if (c.parentType().equals(parentType)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The merged data.
   *
   * @return the data
   */
  public RuleData data() {
    return data;
  }
}
