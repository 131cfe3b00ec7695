package dev.steward.drift.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.steward.drift.models.Certainty;
import dev.steward.drift.models.ChangeType;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.NoiseClass;
import dev.steward.drift.models.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Compares one resource's baseline and current trees under its type's rules and emits drifts. One
 * instance per thread; reusable across resources. Equal subtrees are skipped by {@code equals}
 * before any rule is consulted, and no object is allocated for them.
 */
public final class Differ {

  /** The text that replaces a secret in every printed value. */
  public static final String MASK = "***";

  /** Fields tried first, in order, as the natural key of an array of objects without a rule. */
  static final List<String> KEY_CANDIDATES =
      List.of("name", "id", "key", "lun", "value", "objectId", "type");

  private final CompiledRules rules;
  private final boolean fast;
  private final long[] noise = new long[NoiseClass.values().length];
  private final List<Drift> drifts = new ArrayList<>();

  private TypeRules tr;
  private String resourceId;
  private String resourceType;
  private final LazyScope scope = new LazyScope();
  private JsonNode rootA;
  private JsonNode rootB;

  private PathNode[] fNode = new PathNode[32];
  private JsonNode[] fA = new JsonNode[32];
  private JsonNode[] fB = new JsonNode[32];
  // a frame's path segment: a field name, the key fields of a keyed array element (its key values
  // are read from the frame's baseline element, or current when added: [name=AllowSSH]), or a
  // ValueSeg
  private Object[] fSeg = new Object[32];
  private int depth = -1;

  private int silent;
  private boolean silentDiffers;
  private Certainty certainty = Certainty.CERTAIN;

  // classification of the drift being emitted
  private Severity weakest;
  private String weakestRule;
  private String strengthening;
  private Severity changed;
  private String changedRule;

  /** An element of a set or unkeyed array in a path: {@code [10.0.0.0/24]}. */
  private record ValueSeg(JsonNode value) {}

  /**
   * Creates a differ.
   *
   * @param rules the compiled rules
   */
  public Differ(CompiledRules rules) {
    this(rules, true);
  }

  /**
   * Creates a differ, with or without its fast paths. The reference walk ({@code fast} false)
   * decides equality with {@link JsonNode#equals(Object)} and matches keyed arrays through maps;
   * tests prove the fast paths give the same drifts and noise counts.
   *
   * @param rules the compiled rules
   * @param fast whether to use the fast paths ({@link Trees#equal}, the array index)
   */
  public Differ(CompiledRules rules, boolean fast) {
    this.rules = rules;
    this.fast = fast;
  }

  /** Equality of two present nodes, with the meaning of {@link JsonNode#equals(Object)}. */
  private boolean same(JsonNode a, JsonNode b) {
    return fast ? Trees.equal(a, b) : a.equals(b);
  }

  /**
   * Compares one resource. Either side may be {@code null} (the resource was added or removed).
   *
   * @param id the resource id to report
   * @param type the lower-case resource type
   * @param a the baseline resource, or {@code null}
   * @param b the current resource, or {@code null}
   * @return the number of drifts emitted for this resource
   */
  public int resource(String id, String type, JsonNode a, JsonNode b) {
    if (a != null && b != null && same(a, b)) {
      return 0;
    }
    return unequal(id, type, a, b);
  }

  /**
   * Compares one resource whose two sides the caller has found unequal (or one of which is {@code
   * null}), without testing their equality again.
   *
   * @param id the resource id to report
   * @param type the lower-case resource type
   * @param a the baseline resource, or {@code null}
   * @param b the current resource, or {@code null}
   * @return the number of drifts emitted for this resource
   */
  public int unequal(String id, String type, JsonNode a, JsonNode b) {
    int before = drifts.size();
    tr = rules.forType(type);
    resourceId = id;
    resourceType = type;
    scope.reset(id);
    rootA = a;
    rootB = b;
    depth = -1;
    push(tr.root, a, b, null);
    if (a == null) {
      emit(ChangeType.ADDED, null, b);
    } else if (b == null) {
      emit(ChangeType.REMOVED, a, null);
    } else {
      value(tr.root, a, b);
    }
    depth = -1;
    rootA = null;
    rootB = null;
    return drifts.size() - before;
  }

  /**
   * Counts noise found outside the tree walk (for example folded child resources).
   *
   * @param c the class
   * @param n how many
   */
  public void countNoise(NoiseClass c, long n) {
    noise[c.ordinal()] += n;
  }

  /**
   * The drifts emitted so far.
   *
   * @return the live list
   */
  public List<Drift> drifts() {
    return drifts;
  }

  /**
   * Suppressed noise so far, indexed by {@link NoiseClass#ordinal()}.
   *
   * @return the live counters
   */
  public long[] noise() {
    return noise;
  }

  /**
   * Forgets what was compared since an earlier state: the drifts after the first {@code size}, and
   * the noise counted since.
   *
   * @param size how many drifts to keep
   * @param counted the noise counters as they were, from {@link #noise()}
   */
  void restore(int size, long[] counted) {
    drifts.subList(size, drifts.size()).clear();
    System.arraycopy(counted, 0, noise, 0, noise.length);
  }

  // ---------------------------------------------------------------- walk

  private void push(PathNode n, JsonNode a, JsonNode b, Object seg) {
    depth++;
    if (depth == fNode.length) {
      int len = depth * 2;
      fNode = Arrays.copyOf(fNode, len);
      fA = Arrays.copyOf(fA, len);
      fB = Arrays.copyOf(fB, len);
      fSeg = Arrays.copyOf(fSeg, len);
    }
    fNode[depth] = n;
    fA[depth] = a;
    fB[depth] = b;
    fSeg[depth] = seg;
  }

  private void pop() {
    fA[depth] = null;
    fB[depth] = null;
    fSeg[depth] = null;
    depth--;
  }

  private void noise(NoiseClass c) {
    if (silent == 0) {
      noise[c.ordinal()]++;
    }
  }

  /**
   * Both sides present and unequal: every caller has just found {@code !same(a, b)}, so the
   * equality is not tested again here (testing it again walked each differing subtree once more per
   * level of depth).
   */
  private void value(PathNode n, JsonNode a, JsonNode b) {
    if (n != null && (n.secret || n.isVolatile)) {
      noise(n.secret ? NoiseClass.SECRET : NoiseClass.VOLATILE);
      return;
    }
    if (a.isObject() && b.isObject()) {
      object(n, a, b);
      return;
    }
    if (a.isArray() && b.isArray()) {
      array(n, (ArrayNode) a, (ArrayNode) b);
      return;
    }
    if (!a.isContainerNode() && !b.isContainerNode()) {
      NoiseClass c = Scalars.equivalent(PathNode.comparisonOf(n), a, b, scope.get());
      if (c != null) {
        noise(c);
        return;
      }
    }
    if (a.isNull() || b.isNull()) {
      absentOrNull(n, a.isNull() ? b : a, a.isNull(), ChangeType.MODIFIED);
      return;
    }
    emit(ChangeType.MODIFIED, a, b);
  }

  private void object(PathNode n, JsonNode a, JsonNode b) {
    int matched = 0;
    // b's fields are walked alongside a's while the names agree (one service wrote both), so
    // b is searched by name only from the first field where they do not
    Iterator<Map.Entry<String, JsonNode>> side = fast ? b.fields() : null;
    for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      JsonNode va = e.getValue();
      JsonNode vb = null;
      if (side != null && side.hasNext()) {
        Map.Entry<String, JsonNode> s = side.next();
        if (s.getKey() == name || s.getKey().equals(name)) {
          vb = s.getValue();
        } else {
          side = null;
        }
      }
      if (vb == null) {
        vb = b.get(name);
      }
      if (vb == null) {
        PathNode c = tr.child(n, name);
        push(c, va, MissingNode.getInstance(), name);
        absentOrNull(c, va, false, ChangeType.REMOVED);
      } else {
        matched++;
        if (va == vb || same(va, vb)) {
          continue; // equal subtree: no rule lookup, no allocation
        }
        PathNode c = tr.child(n, name);
        push(c, va, vb, name);
        value(c, va, vb);
      }
      pop();
    }
    if (b.size() > matched) {
      for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!a.has(e.getKey())) {
          PathNode c = tr.child(n, e.getKey());
          push(c, MissingNode.getInstance(), e.getValue(), e.getKey());
          absentOrNull(c, e.getValue(), true, ChangeType.ADDED);
          pop();
        }
      }
    }
  }

  /**
   * One side absent (or JSON null), the other {@code present}. Defaults from the table for the
   * absent side's apiVersion make them equal; otherwise a drift, POSSIBLE when the table has a
   * default for the path that does not cover that apiVersion.
   */
  private void absentOrNull(PathNode c, JsonNode present, boolean presentIsCurrent, ChangeType ch) {
    if (c != null && (c.secret || c.isVolatile)) {
      noise(c.secret ? NoiseClass.SECRET : NoiseClass.VOLATILE);
      return;
    }
    Certainty cert = Certainty.CERTAIN;
    if (c != null && !c.defaults.isEmpty()) {
      JsonNode root = presentIsCurrent ? rootA : rootB; // the side where the value is absent
      String api = root == null ? null : root.path("apiVersion").textValue();
      boolean inRange = false;
      for (RuleData.DefaultSpec d : c.defaults) {
        if (d.range().contains(api)) {
          inRange = true;
          if (equivalent(c, d.value(), present)) {
            noise(NoiseClass.DEFAULT);
            return;
          }
        }
      }
      if (!inRange) {
        cert = Certainty.POSSIBLE;
      }
    }
    certainty = cert;
    if (ch == ChangeType.MODIFIED) {
      emit(ch, presentIsCurrent ? fA[depth] : present, presentIsCurrent ? present : fB[depth]);
    } else {
      emit(ch, presentIsCurrent ? null : present, presentIsCurrent ? present : null);
    }
    certainty = Certainty.CERTAIN;
  }

  private boolean equivalent(PathNode c, JsonNode x, JsonNode y) {
    if (same(x, y)) {
      return true;
    }
    boolean saved = silentDiffers;
    silentDiffers = false;
    silent++;
    push(c, x, y, "");
    value(c, x, y);
    pop();
    silent--;
    boolean same = !silentDiffers;
    silentDiffers = saved;
    return same;
  }

  // ---------------------------------------------------------------- arrays

  private void array(PathNode n, ArrayNode a, ArrayNode b) {
    RuleData.ArraySpec spec = n == null ? null : n.array;
    PathNode en = n == null ? null : n.element;
    if (spec != null && spec.set()) {
      multiset(en, a, b);
      return;
    }
    if (spec != null && keyed(en, a, b, spec.key())) {
      return;
    }
    if (allScalars(a) && allScalars(b)) {
      multiset(en, a, b);
      return;
    }
    if (allObjects(a) && allObjects(b)) {
      List<String> key = detectKey(a, b);
      if (key != null && keyed(en, a, b, key)) {
        return;
      }
    }
    multiset(en, a, b);
  }

  private static boolean allScalars(ArrayNode a) {
    for (JsonNode e : a) {
      if (e.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static boolean allObjects(ArrayNode a) {
    for (JsonNode e : a) {
      if (!e.isObject()) {
        return false;
      }
    }
    return true;
  }

  /** The first field that is a scalar in every element of both arrays and unique in each. */
  private static List<String> detectKey(ArrayNode a, ArrayNode b) {
    JsonNode first = a.isEmpty() ? b.get(0) : a.get(0);
    return detectKey(
        first == null ? List.of() : first::fieldNames,
        k ->
            uniqueScalar(a.size(), i -> a.get(i).get(k))
                && uniqueScalar(b.size(), i -> b.get(i).get(k)));
  }

  /**
   * The natural key of an array of objects without a rule: the first of {@link #KEY_CANDIDATES},
   * then of the first element's fields, that is unique in both arrays.
   *
   * @param firstFields the first element's field names
   * @param uniqueInBoth whether a field is a unique scalar in both arrays ({@link #uniqueScalar})
   * @return the key, or {@code null} when no field is
   */
  static List<String> detectKey(Iterable<String> firstFields, Predicate<String> uniqueInBoth) {
    List<String> candidates = new ArrayList<>(KEY_CANDIDATES);
    for (String f : firstFields) {
      if (!candidates.contains(f)) {
        candidates.add(f);
      }
    }
    for (String k : candidates) {
      if (uniqueInBoth.test(k)) {
        return List.of(k);
      }
    }
    return null;
  }

  /**
   * Whether n values (an array's elements' values of one field) are all scalars, none null, and
   * unique ignoring case.
   *
   * @param n how many
   * @param value the i-th value, or {@code null} when the element lacks the field
   * @return whether they can key the array
   */
  static boolean uniqueScalar(int n, IntFunction<JsonNode> value) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      JsonNode v = value.apply(i);
      if (v == null
          || !v.isValueNode()
          || v.isNull()
          || !seen.add(v.asText().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  /**
   * How each key field's values compare (CIDR-typed keys match by canonical form).
   *
   * @param tr the type's rules
   * @param en the array element's rule node
   * @param key the key fields
   * @return one comparison per key field
   */
  static Comparison[] keyComparisons(TypeRules tr, PathNode en, List<String> key) {
    Comparison[] cmp = new Comparison[key.size()];
    for (int i = 0; i < cmp.length; i++) {
      cmp[i] = PathNode.comparisonOf(tr.child(en, key.get(i)));
    }
    return cmp;
  }

  private LinkedHashMap<String, JsonNode> index(PathNode en, ArrayNode arr, List<String> key) {
    Comparison[] cmp = keyComparisons(tr, en, key);
    LinkedHashMap<String, JsonNode> m = new LinkedHashMap<>(arr.size() * 2);
    for (JsonNode e : arr) {
      if (!e.isObject()) {
        return null;
      }
      String k = keyOf(e::get, key, cmp);
      if (k == null || m.put(k, e) != null) {
        return null;
      }
    }
    return m;
  }

  private static LinkedHashMap<String, JsonNode> rawIndex(ArrayNode arr, List<String> key) {
    if (key.size() != 1) {
      return null;
    }
    String k = key.get(0);
    LinkedHashMap<String, JsonNode> m = new LinkedHashMap<>(arr.size() * 2);
    for (JsonNode e : arr) {
      JsonNode v = e.get(k);
      if (v == null || !v.isTextual() || m.put(v.textValue(), e) != null) {
        return null;
      }
    }
    return m;
  }

  /**
   * An element's key as matching compares it: ignoring case (names, GUIDs, ids), and by value for
   * CIDR-typed key fields.
   *
   * @param field an element's field by name, {@code null} when absent
   * @param key the key fields
   * @param cmp their comparisons ({@link #keyComparisons})
   * @return the key, or {@code null} when a key field is absent, null or not a scalar
   */
  static String keyOf(Function<String, JsonNode> field, List<String> key, Comparison[] cmp) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cmp.length; i++) {
      JsonNode v = field.apply(key.get(i));
      if (v == null || !v.isValueNode() || v.isNull()) {
        return null;
      }
      if (cmp[i] == Comparison.CIDR || cmp[i] == Comparison.ADDRESS_PREFIX) {
        sb.append(Scalars.canonicalKey(cmp[i], v));
      } else {
        sb.append(v.asText().toLowerCase(Locale.ROOT));
      }
      sb.append('\u0000');
    }
    return sb.toString();
  }

  private boolean keyed(PathNode en, ArrayNode a, ArrayNode b, List<String> key) {
    if (fast) {
      if (key.size() == 1) {
        String k = key.get(0);
        boolean large = a.size() > SCAN || b.size() > SCAN;
        int[] hashed = large ? hashedPartners(a, b, k) : BY_TEXT;
        if (hashed != null && hashed != BY_TEXT && pairs(en, a, b, key, hashed, k)) {
          return true;
        }
        // small arrays, a repeated hash, or a collision: the key texts decide
        int[] partner = hashed == null ? null : exactPartners(a, b, k);
        if (partner != null) {
          pairs(en, a, b, key, partner, null);
          return true;
        }
      }
      int[] partner = foldedPartners(a, b, key, keyComparisons(tr, en, key));
      if (partner == null) {
        return false; // not keyable by these fields
      }
      pairs(en, a, b, key, partner, null);
      return true;
    }
    // The reference: keys as written when every baseline key is found so, else case-folded and
    // typed keys, matched through maps.
    LinkedHashMap<String, JsonNode> ma = rawIndex(a, key);
    LinkedHashMap<String, JsonNode> mb = ma == null ? null : rawIndex(b, key);
    if (mb == null || !mb.keySet().containsAll(ma.keySet())) {
      ma = index(en, a, key);
      mb = ma == null ? null : index(en, b, key);
    }
    if (mb == null) {
      return false;
    }
    int before = drifts.size();
    boolean wasDiffering = silentDiffers;
    for (Map.Entry<String, JsonNode> e : ma.entrySet()) {
      JsonNode ea = e.getValue();
      JsonNode eb = mb.get(e.getKey());
      if (eb != null && (ea == eb || same(ea, eb))) {
        continue;
      }
      push(en, ea, eb, key);
      if (eb == null) {
        element(en, ChangeType.REMOVED, ea);
      } else {
        value(en, ea, eb);
      }
      pop();
    }
    for (Map.Entry<String, JsonNode> e : mb.entrySet()) {
      if (!ma.containsKey(e.getKey())) {
        push(en, null, e.getValue(), key);
        element(en, ChangeType.ADDED, e.getValue());
        pop();
      }
    }
    boolean clean = silent > 0 ? silentDiffers == wasDiffering : drifts.size() == before;
    if (clean && !sameOrder(ma, mb)) {
      noise(NoiseClass.ORDER);
    }
    return true;
  }

  /**
   * The keyed pairs of the fast path, walked as the reference walks its maps: baseline elements in
   * order (removed, or compared with their partner), then the added ones in current order, then the
   * reordering. {@code partner[i]} is the position in b of a's element i, or -1. When {@code
   * verify} names the key field, the partners were found by hashes of their keys, and each pair's
   * keys are compared before anything is reported: at the first that differ (a hash collision) this
   * returns {@code false}, having reported nothing.
   */
  private boolean pairs(
      PathNode en, ArrayNode a, ArrayNode b, List<String> key, int[] partner, String verify) {
    int na = a.size();
    int nb = b.size();
    boolean[] taken = new boolean[nb];
    boolean inOrder = na == nb;
    int before = drifts.size();
    boolean wasDiffering = silentDiffers;
    if (verify == null) {
      // partners found by their key texts: each pair is walked once, as the reference walks it
      boolean walk = en == null || !(en.secret || en.isVolatile);
      for (int i = 0; i < na; i++) {
        JsonNode ea = a.get(i);
        int j = partner[i];
        if (j < 0) {
          inOrder = false;
          push(en, ea, null, key);
          element(en, ChangeType.REMOVED, ea);
          pop();
          continue;
        }
        taken[j] = true;
        inOrder &= j == i;
        JsonNode eb = b.get(j);
        if (ea == eb) {
          continue;
        }
        if (walk && ea.isObject() && eb.isObject()) {
          // an object walk skips equal fields itself: no equality test of the pair first
          push(en, ea, eb, key);
          object(en, ea, eb);
          pop();
        } else if (!Trees.equal(ea, eb)) {
          push(en, ea, eb, key);
          value(en, ea, eb);
          pop();
        }
      }
    } else {
      boolean[] differing = new boolean[na];
      boolean any = false;
      for (int i = 0; i < na; i++) {
        JsonNode ea = a.get(i);
        int j = partner[i];
        if (j < 0) {
          inOrder = false;
          differing[i] = any = true;
          continue;
        }
        taken[j] = true;
        inOrder &= j == i;
        JsonNode eb = b.get(j);
        if (!keyText(ea, verify).equals(keyText(eb, verify))) {
          return false;
        }
        if (ea != eb && !Trees.equal(ea, eb)) {
          differing[i] = any = true;
        }
      }
      for (int i = 0; any && i < na; i++) {
        if (differing[i]) {
          JsonNode ea = a.get(i);
          int j = partner[i];
          push(en, ea, j < 0 ? null : b.get(j), key);
          if (j < 0) {
            element(en, ChangeType.REMOVED, ea);
          } else {
            value(en, ea, b.get(j));
          }
          pop();
        }
      }
    }
    for (int j = 0; j < nb; j++) {
      if (!taken[j]) {
        JsonNode eb = b.get(j);
        push(en, null, eb, key);
        element(en, ChangeType.ADDED, eb);
        pop();
      }
    }
    boolean clean = silent > 0 ? silentDiffers == wasDiffering : drifts.size() == before;
    if (clean && !inOrder) {
      noise(NoiseClass.ORDER);
    }
    return true;
  }

  /** A result of {@link #hashedPartners}: hashes repeat, so the key texts must decide. */
  private static final int[] BY_TEXT = new int[0];

  /**
   * The partners of the exact matching, found by 64-bit hashes of the key texts, each side read
   * once in its own order (so in memory order for parsed trees): no text of one side is visited in
   * the other side's order, which for large arrays is most of the cost. {@code null} when a key is
   * missing or not text, or a baseline key's hash is not found (then its text is not either: the
   * keys are folded); {@link #BY_TEXT} when a hash repeats on one side (a repeated key, or a
   * collision). The partners are candidates: {@link #pairs} compares each pair's keys.
   */
  private static int[] hashedPartners(ArrayNode a, ArrayNode b, String k) {
    int na = a.size();
    int nb = b.size();
    long[] hb = keyHashes(b, k);
    long[] ha = hb == null ? null : keyHashes(a, k);
    if (ha == null) {
      return null;
    }
    int mask = Integer.highestOneBit(Math.max(nb, 1) * 2 + 1) * 2 - 1;
    long[] hashes = new long[mask + 1];
    int[] slots = new int[mask + 1];
    Arrays.fill(slots, -1);
    for (int j = 0; j < nb; j++) {
      int h = (int) (hb[j] ^ (hb[j] >>> 32)) & mask;
      while (slots[h] >= 0) {
        if (hashes[h] == hb[j]) {
          return BY_TEXT;
        }
        h = (h + 1) & mask;
      }
      hashes[h] = hb[j];
      slots[h] = j;
    }
    int[] partner = new int[na];
    boolean[] taken = new boolean[nb];
    for (int i = 0; i < na; i++) {
      int h = (int) (ha[i] ^ (ha[i] >>> 32)) & mask;
      while (slots[h] >= 0 && hashes[h] != ha[i]) {
        h = (h + 1) & mask;
      }
      if (slots[h] < 0) {
        return null; // not found as written
      }
      if (taken[slots[h]]) {
        return BY_TEXT;
      }
      partner[i] = slots[h];
      taken[slots[h]] = true;
    }
    return partner;
  }

  /** The 64-bit hashes of the elements' text keys, in order; {@code null} when one has none. */
  private static long[] keyHashes(ArrayNode arr, String k) {
    long[] hashes = new long[arr.size()];
    for (int i = 0; i < hashes.length; i++) {
      String t = keyText(arr.get(i), k);
      if (t == null) {
        return null;
      }
      hashes[i] = hash64(t);
    }
    return hashes;
  }

  /** A 64-bit hash of a text (FNV-1a over its chars, then mixed). */
  private static long hash64(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 29;
    return h * 0xbf58476d1ce4e5b9L;
  }

  /** Arrays up to this size are matched by scanning, which beats hashing for them. */
  private static final int SCAN = 8;

  /**
   * The reference's exact matching (keys as written): each baseline element's partner when every
   * key is a text, unique on each side, and every baseline key is found; {@code null} otherwise
   * (then the keys are folded). Small arrays are matched by scanning, larger ones through one
   * open-addressing index of positions (no entry, boxing or case-folded key per element).
   */
  private static int[] exactPartners(ArrayNode a, ArrayNode b, String k) {
    int nb = b.size();
    int na = a.size();
    String[] keys = new String[nb];
    for (int j = 0; j < nb; j++) {
      keys[j] = keyText(b.get(j), k);
      if (keys[j] == null) {
        return null;
      }
    }
    int[] partner = new int[na];
    boolean[] taken = new boolean[nb];
    if (nb <= SCAN) {
      for (int j = 1; j < nb; j++) {
        for (int q = 0; q < j; q++) {
          if (keys[q].equals(keys[j])) {
            return null; // a key twice
          }
        }
      }
      for (int i = 0; i < na; i++) {
        String t = keyText(a.get(i), k);
        int j = t == null ? nb : i < nb && t.equals(keys[i]) ? i : 0;
        while (j < nb && !t.equals(keys[j])) {
          j++;
        }
        if (j == nb || taken[j]) {
          return null; // not found as written, or a baseline key twice
        }
        partner[i] = j;
        taken[j] = true;
      }
      return partner;
    }
    int mask = Integer.highestOneBit(nb * 2 + 1) * 2 - 1;
    int[] slots = new int[mask + 1];
    Arrays.fill(slots, -1);
    for (int j = 0; j < nb; j++) {
      int h = keys[j].hashCode() & mask;
      while (slots[h] >= 0) {
        if (keys[slots[h]].equals(keys[j])) {
          return null;
        }
        h = (h + 1) & mask;
      }
      slots[h] = j;
    }
    for (int i = 0; i < na; i++) {
      String t = keyText(a.get(i), k);
      if (t == null) {
        return null;
      }
      int h = t.hashCode() & mask;
      while (slots[h] >= 0 && !keys[slots[h]].equals(t)) {
        h = (h + 1) & mask;
      }
      if (slots[h] < 0 || taken[slots[h]]) {
        return null;
      }
      partner[i] = slots[h];
      taken[slots[h]] = true;
    }
    return partner;
  }

  /**
   * The reference's folded matching ({@link #index} on both sides, {@link #keyOf} keys): each
   * baseline element's partner or -1; {@code null} when either side cannot be indexed (an element
   * not an object, a key field missing, null or not a scalar, a key twice). Keys of plain ASCII
   * text, the common case, are folded while hashing and compared in place; other keys are built by
   * {@link #keyOf}.
   */
  private static int[] foldedPartners(
      ArrayNode a, ArrayNode b, List<String> key, Comparison[] cmp) {
    int n = key.size();
    int na = a.size();
    int nb = b.size();
    String[] texts = new String[(na + nb) * n];
    boolean ascii = !typed(cmp);
    for (int i = 0; i < na + nb; i++) {
      JsonNode e = i < na ? a.get(i) : b.get(i - na);
      if (!e.isObject()) {
        return null;
      }
      for (int f = 0; f < n; f++) {
        JsonNode v = e.get(key.get(f));
        if (v == null || !v.isValueNode() || v.isNull()) {
          return null;
        }
        if (ascii && v.isTextual()) {
          texts[i * n + f] = v.textValue();
        } else {
          ascii = false;
        }
      }
    }
    if (!ascii) {
      return keyedPartners(a, b, key, cmp);
    }
    int[] hashes = new int[na + nb];
    for (int i = 0; i < na + nb; i++) {
      long h = foldedHash(texts, i * n, n);
      if (h < 0) {
        return keyedPartners(a, b, key, cmp); // not plain ASCII: fold as the reference does
      }
      hashes[i] = (int) h;
    }
    int[] partner = new int[na];
    if (na <= SCAN && nb <= SCAN) {
      // small arrays: compare the hashes pairwise instead of building tables
      for (int x = 1; x < na + nb; x++) {
        for (int y = x < na ? 0 : na; y < x; y++) {
          int same = hashes[x] == hashes[y] ? foldedCompare(texts, x * n, y * n, n) : 0;
          if (same != 0) {
            return same < 0 ? keyedPartners(a, b, key, cmp) : null; // null: a key twice
          }
        }
      }
      for (int i = 0; i < na; i++) {
        partner[i] = -1;
        for (int j = 0; j < nb && partner[i] < 0; j++) {
          int q = (i + j) % nb; // from the same position on
          int same = hashes[i] == hashes[na + q] ? foldedCompare(texts, i * n, (na + q) * n, n) : 0;
          if (same < 0) {
            return keyedPartners(a, b, key, cmp);
          }
          partner[i] = same > 0 ? q : -1;
        }
      }
      return partner;
    }
    int mask = Integer.highestOneBit(Math.max(na, nb) * 2 + 1) * 2 - 1;
    int[] inA = new int[mask + 1];
    int[] inB = new int[mask + 1];
    Arrays.fill(inA, -1);
    Arrays.fill(inB, -1);
    for (int i = 0; i < na + nb; i++) {
      int[] slots = i < na ? inA : inB;
      int h = hashes[i] & mask;
      for (; slots[h] >= 0; h = (h + 1) & mask) {
        int same = foldedCompare(texts, slots[h] * n, i * n, n);
        if (same != 0) {
          return same < 0 ? keyedPartners(a, b, key, cmp) : null; // null: a key twice
        }
      }
      slots[h] = i;
    }
    for (int i = 0; i < na; i++) {
      partner[i] = -1;
      for (int h = hashes[i] & mask; inB[h] >= 0 && partner[i] < 0; h = (h + 1) & mask) {
        int same = foldedCompare(texts, inB[h] * n, i * n, n);
        if (same < 0) {
          return keyedPartners(a, b, key, cmp);
        }
        partner[i] = same > 0 ? inB[h] - na : -1;
      }
    }
    return partner;
  }

  /** {@link #foldedPartners} through the keys {@link #keyOf} builds. */
  private static int[] keyedPartners(ArrayNode a, ArrayNode b, List<String> key, Comparison[] cmp) {
    return keyedPartners(
        a.size(),
        b.size(),
        i -> keyOf(a.get(i)::get, key, cmp),
        j -> keyOf(b.get(j)::get, key, cmp));
  }

  /**
   * Differ.index on both sides, then the pairing: each baseline element's partner by its key, or
   * -1; {@code null} when a key is {@code null} (the element cannot be keyed) or repeats on one
   * side.
   *
   * @param na the baseline elements
   * @param nb the current elements
   * @param keyA the i-th baseline element's key ({@link #keyOf}), or {@code null}
   * @param keyB the j-th current element's key, or {@code null}
   * @return the partners, or {@code null}
   */
  static int[] keyedPartners(int na, int nb, IntFunction<String> keyA, IntFunction<String> keyB) {
    Map<String, Integer> positions = new HashMap<>(nb * 2);
    for (int j = 0; j < nb; j++) {
      String k = keyB.apply(j);
      if (k == null || positions.put(k, j) != null) {
        return null;
      }
    }
    Set<String> seen = new HashSet<>(na * 2);
    int[] partner = new int[na];
    for (int i = 0; i < na; i++) {
      String k = keyA.apply(i);
      if (k == null || !seen.add(k)) {
        return null;
      }
      partner[i] = positions.getOrDefault(k, -1);
    }
    return partner;
  }

  /**
   * Whether any key field compares as an address (its key is a canonical form, not the text).
   *
   * @param cmp the key fields' comparisons
   * @return whether one is typed
   */
  static boolean typed(Comparison[] cmp) {
    for (Comparison c : cmp) {
      if (c == Comparison.CIDR || c == Comparison.ADDRESS_PREFIX) {
        return true;
      }
    }
    return false;
  }

  /** ASCII without NUL (which {@link #keyOf} uses to separate the fields of a key). */
  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 || c == 0) {
        return false;
      }
    }
    return true;
  }

  /** How many trailing chars of each key text the hash reads (keys differ at the end). */
  private static final int KEY_TAIL = 8;

  /**
   * A hash of key texts folded to lower case, from each text's last {@value #KEY_TAIL} chars; -1
   * when one of those is not ASCII, or is NUL (which {@link #keyOf} uses to separate the fields of
   * a key). Texts equal in lower case have equal hashes: their ASCII tails fold alike whatever
   * precedes them.
   */
  private static long foldedHash(String[] texts, int from, int n) {
    int h = 1;
    for (int f = from; f < from + n; f++) {
      String t = texts[f];
      int len = t.length();
      for (int i = Math.max(0, len - KEY_TAIL); i < len; i++) {
        char c = t.charAt(i);
        if (c >= 0x80 || c == 0) {
          return -1;
        }
        h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
      h = 31 * h + 1; // the field separator
    }
    return (h ^ (h >>> 16)) & 0xFFFFFFFFL;
  }

  /**
   * Whether key texts are equal in lower case, field by field: 1 yes, 0 no, -1 when a char met is
   * not ASCII or is NUL (then the reference's {@code toLowerCase} decides, through {@link #keyOf}).
   */
  private static int foldedCompare(String[] texts, int x, int y, int n) {
    for (int f = 0; f < n; f++) {
      String s = texts[x + f];
      String t = texts[y + f];
      if (s.equals(t)) {
        // equal as written, so equal in lower case; and the fields before and after it decide
        // alone whether the keys keyOf joins are equal (a NUL here shifts no field boundary)
        continue;
      }
      int len = s.length();
      if (len != t.length()) {
        return isAscii(s) && isAscii(t) ? 0 : -1;
      }
      for (int i = 0; i < len; i++) {
        char c = s.charAt(i);
        char d = t.charAt(i);
        if (c >= 0x80 || d >= 0x80 || c == 0 || d == 0) {
          return -1;
        }
        if (c != d && ((c | 0x20) != (d | 0x20) || (c | 0x20) < 'a' || (c | 0x20) > 'z')) {
          return 0; // the texts differ here, and lower-casing maps the ASCII before one to one
        }
      }
    }
    return 1;
  }

  private static String keyText(JsonNode e, String k) {
    JsonNode v = e.get(k);
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  private static boolean sameOrder(Map<String, JsonNode> ma, Map<String, JsonNode> mb) {
    if (ma.size() != mb.size()) {
      return false;
    }
    Iterator<String> ib = mb.keySet().iterator();
    for (String k : ma.keySet()) {
      if (!k.equals(ib.next())) {
        return false;
      }
    }
    return true;
  }

  private void element(PathNode en, ChangeType change, JsonNode v) {
    if (en != null && (en.secret || en.isVolatile)) {
      noise(en.secret ? NoiseClass.SECRET : NoiseClass.VOLATILE);
      return;
    }
    emit(change, change == ChangeType.REMOVED ? v : null, change == ChangeType.ADDED ? v : null);
  }

  private void multiset(PathNode en, ArrayNode a, ArrayNode b) {
    Comparison cmp = PathNode.comparisonOf(en);
    LinkedHashMap<String, List<JsonNode>> ma = buckets(cmp, a);
    LinkedHashMap<String, List<JsonNode>> mb = buckets(cmp, b);
    int before = drifts.size();
    boolean wasDiffering = silentDiffers;
    NoiseClass form = null;
    for (Map.Entry<String, List<JsonNode>> e : ma.entrySet()) {
      List<JsonNode> la = e.getValue();
      List<JsonNode> lb = mb.get(e.getKey());
      int nb = lb == null ? 0 : lb.size();
      for (int i = nb; i < la.size(); i++) {
        push(en, la.get(i), null, new ValueSeg(la.get(i)));
        element(en, ChangeType.REMOVED, la.get(i));
        pop();
      }
      if (lb != null && !la.get(0).equals(lb.get(0)) && !la.get(0).isContainerNode()) {
        form = Scalars.equivalent(cmp, la.get(0), lb.get(0), scope.get());
      }
    }
    for (Map.Entry<String, List<JsonNode>> e : mb.entrySet()) {
      List<JsonNode> lb = e.getValue();
      List<JsonNode> la = ma.get(e.getKey());
      for (int i = la == null ? 0 : la.size(); i < lb.size(); i++) {
        push(en, null, lb.get(i), new ValueSeg(lb.get(i)));
        element(en, ChangeType.ADDED, lb.get(i));
        pop();
      }
    }
    boolean clean = silent > 0 ? silentDiffers == wasDiffering : drifts.size() == before;
    if (clean) {
      noise(form != null ? form : NoiseClass.ORDER);
    }
  }

  /**
   * What {@link #multiset} counts for two arrays that hold the same elements as multisets: the
   * noise class of the form difference, or {@link NoiseClass#ORDER}; {@code null} when an element
   * was added or removed (then the differ reports drifts).
   *
   * @param cmp how the elements compare
   * @param a the baseline array
   * @param b the current array
   * @param scope the resource's scope, for resource ids
   * @return the noise class, or {@code null}
   */
  static NoiseClass multisetNoise(Comparison cmp, ArrayNode a, ArrayNode b, String scope) {
    LinkedHashMap<String, List<JsonNode>> ma = buckets(cmp, a);
    LinkedHashMap<String, List<JsonNode>> mb = buckets(cmp, b);
    if (ma.size() != mb.size()) {
      return null;
    }
    NoiseClass form = null;
    for (Map.Entry<String, List<JsonNode>> e : ma.entrySet()) {
      List<JsonNode> la = e.getValue();
      List<JsonNode> lb = mb.get(e.getKey());
      if (lb == null || lb.size() != la.size()) {
        return null;
      }
      if (!la.get(0).equals(lb.get(0)) && !la.get(0).isContainerNode()) {
        form = Scalars.equivalent(cmp, la.get(0), lb.get(0), scope);
      }
    }
    return form != null ? form : NoiseClass.ORDER;
  }

  private static LinkedHashMap<String, List<JsonNode>> buckets(Comparison cmp, ArrayNode arr) {
    LinkedHashMap<String, List<JsonNode>> m = new LinkedHashMap<>(arr.size() * 2);
    for (JsonNode e : arr) {
      m.computeIfAbsent(Scalars.canonicalKey(cmp, e), k -> new ArrayList<>(1)).add(e);
    }
    return m;
  }

  // ---------------------------------------------------------------- emit

  private void emit(ChangeType change, JsonNode before, JsonNode after) {
    if (silent > 0) {
      silentDiffers = true;
      return;
    }
    PathNode here = fNode[depth];
    weakest = null;
    weakestRule = null;
    strengthening = null;
    changed = null;
    changedRule = null;
    for (int i = 0; i <= depth; i++) {
      PathNode fn = fNode[i];
      if (fn != null) {
        for (SeverityRule r : fn.rules) {
          consider(r, r.judge(side(fA[i]), side(fB[i]), change));
        }
      }
    }
    if (here != null) {
      for (PathNode.Below below : here.below) {
        SeverityRule r = below.rule();
        List<JsonNode> sb = navigate(fA[depth], below.relative());
        List<JsonNode> sa = navigate(fB[depth], below.relative());
        if (!r.anyChange() || !(sb.isEmpty() || sa.isEmpty() || sb.equals(sa))) {
          consider(r, r.judge(sb, sa, change));
        }
      }
    }
    // Direction-aware rules decide first; an anyChange rule can only raise a weakening, and
    // applies on its own only when no direction-aware rule spoke.
    Severity severity;
    String rule;
    if (weakest != null) {
      boolean raise = changed != null && changed.ordinal() < weakest.ordinal();
      severity = raise ? changed : weakest;
      rule = raise ? changedRule : weakestRule;
    } else if (strengthening != null) {
      severity = Severity.LOW;
      rule = strengthening;
    } else if (changed != null) {
      severity = changed;
      rule = changedRule;
    } else {
      severity = Severity.LOW;
      rule = Drift.DEFAULT_RULE;
    }
    drifts.add(
        new Drift(
            resourceId,
            resourceType,
            renderPath(),
            change,
            present(here, before),
            present(here, after),
            severity,
            rule,
            certainty));
  }

  private void consider(SeverityRule r, SeverityRule.Verdict v) {
    switch (v) {
      case WEAKENING -> {
        if (weakest == null || r.severity().ordinal() < weakest.ordinal()) {
          weakest = r.severity();
          weakestRule = r.id();
        }
      }
      case STRENGTHENING -> {
        if (strengthening == null) {
          strengthening = r.id();
        }
      }
      case CHANGE -> {
        if (changed == null || r.severity().ordinal() < changed.ordinal()) {
          changed = r.severity();
          changedRule = r.id();
        }
      }
      default -> {}
    }
  }

  private static List<JsonNode> side(JsonNode v) {
    return v == null ? List.of() : List.of(v);
  }

  private static List<JsonNode> navigate(JsonNode from, List<String> path) {
    if (from == null) {
      return List.of();
    }
    List<JsonNode> cur = List.of(from);
    for (String seg : path) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : cur) {
        if (seg.equals(PathPattern.ELEMENT)) {
          if (n.isArray()) {
            n.forEach(next::add);
          }
        } else {
          next.add(n.path(seg));
        }
      }
      cur = next;
    }
    return cur;
  }

  private String renderPath() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= depth; i++) {
      Object seg = fSeg[i];
      if (seg instanceof String s) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(s);
      } else if (seg instanceof List<?> key) {
        JsonNode element = fA[i] != null ? fA[i] : fB[i]; // the baseline's, unless added
        sb.append('[');
        for (int j = 0; j < key.size(); j++) {
          if (j > 0) {
            sb.append(',');
          }
          String f = (String) key.get(j);
          sb.append(f).append('=').append(element.path(f).asText());
        }
        sb.append(']');
      } else if (seg instanceof ValueSeg v) {
        String text =
            v.value().isTextual()
                ? v.value().textValue()
                : v.value().isContainerNode() ? Canonical.json(v.value()) : v.value().toString();
        sb.append('[')
            .append(text.length() > 80 ? text.substring(0, 77) + "..." : text)
            .append(']');
      }
    }
    return sb.toString();
  }

  /**
   * A value as reports show it: secrets masked, volatile fields dropped. Containers are copied; the
   * snapshot trees are never changed.
   */
  private JsonNode present(PathNode n, JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return null;
    }
    if (n != null && n.secret) {
      return v.isNull() ? v : TextNode.valueOf(MASK);
    }
    if (v.isObject()) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        PathNode c = tr.child(n, e.getKey());
        if (c != null && c.isVolatile) {
          continue;
        }
        o.set(e.getKey(), present(c, e.getValue()));
      }
      return o;
    }
    if (v.isArray()) {
      ArrayNode arr = JsonNodeFactory.instance.arrayNode();
      PathNode en = n == null ? null : n.element;
      for (JsonNode e : v) {
        arr.add(present(en, e));
      }
      return arr;
    }
    return v;
  }
}
