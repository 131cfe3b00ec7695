package dev.steward.drift.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.DriftInputException;
import dev.steward.drift.models.NoiseClass;
import dev.steward.drift.models.SourceLocation;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;

/**
 * Matches the resources of two snapshots by id (ignoring case), folds child resources into their
 * parents, and runs the {@link Differ} on each pair. Two modes: in memory (both snapshots as
 * trees), and streaming (the baseline indexed by id with byte offsets, the current snapshot read
 * one resource at a time).
 */
public final class SnapshotDiff {

  private final CompiledRules rules;
  private final Differ differ;

  private int baselineCount;
  private int currentCount;
  private int added;
  private int removed;
  private int changed;
  private int settledOnTapes;
  private int foldedWithoutDrift;
  private int narrowed;
  private final Map<String, SourceLocation> locations = new HashMap<>();

  /**
   * Creates a comparison.
   *
   * @param rules the compiled rules
   */
  public SnapshotDiff(CompiledRules rules) {
    this(rules, true);
  }

  /**
   * Creates a comparison, with or without the differ's fast paths.
   *
   * @param rules the compiled rules
   * @param fast whether the differ uses its fast paths (see {@link Differ#Differ(CompiledRules,
   *     boolean)})
   */
  public SnapshotDiff(CompiledRules rules, boolean fast) {
    this.rules = rules;
    this.differ = new Differ(rules, fast);
  }

  /**
   * The differ, holding the drifts and noise counters.
   *
   * @return the differ
   */
  public Differ differ() {
    return differ;
  }

  /**
   * Counts: baseline, current, added, removed, changed resources.
   *
   * @return five counts
   */
  public int[] counts() {
    return new int[] {baselineCount, currentCount, added, removed, changed};
  }

  /**
   * How many resource pairs {@link #tapes} settled on the bytes (equal, or only noise), without
   * reading them as trees.
   *
   * @return the count
   */
  public int settledOnTapes() {
    return settledOnTapes;
  }

  /**
   * How many resource pairs without drift {@link #tapes} compared as trees because child resources
   * fold into them.
   *
   * @return the count
   */
  public int foldedWithoutDrift() {
    return foldedWithoutDrift;
  }

  /**
   * How many resource pairs {@link #tapes} read as trees narrowed to the elements of a large keyed
   * array that differ by more than noise (the other elements stand as one shared node per pair).
   *
   * @return the count
   */
  public int narrowed() {
    return narrowed;
  }

  /**
   * Where drifted resources start in their snapshot files, by lower-case id.
   *
   * @return the locations
   */
  public Map<String, SourceLocation> locations() {
    return locations;
  }

  // ------------------------------------------------------------- in memory

  /**
   * Indexes a snapshot's resources by lower-case id, failing on duplicates.
   *
   * @param file the name used in messages
   * @param in the snapshot
   * @return the resources in file order
   */
  public static LinkedHashMap<String, SnapshotReader.Entry> readAll(String file, InputStream in) {
    LinkedHashMap<String, SnapshotReader.Entry> map = new LinkedHashMap<>();
    SnapshotReader.read(file, in, e -> put(map, e));
    return map;
  }

  /**
   * Indexes the current snapshot's resources by lower-case id, failing on duplicates, reading each
   * as a tree that shares its unchanged subtrees with the baseline resource of the same id (see
   * {@link SnapshotReader#readSharing}).
   *
   * @param file the name used in messages
   * @param current the current snapshot's bytes
   * @param baselineBytes the baseline snapshot's bytes
   * @param baseline the baseline read from {@code baselineBytes} by {@link #readAll(String,
   *     InputStream)} (read only)
   * @return the resources in file order
   */
  public static LinkedHashMap<String, SnapshotReader.Entry> readAll(
      String file,
      byte[] current,
      byte[] baselineBytes,
      LinkedHashMap<String, SnapshotReader.Entry> baseline) {
    LinkedHashMap<String, SnapshotReader.Entry> map = new LinkedHashMap<>();
    SnapshotReader.readSharing(file, current, e -> put(map, e), baselineBytes, baseline);
    return map;
  }

  /**
   * Adds a resource to an index, failing on a duplicate id.
   *
   * @param map the index
   * @param e the resource
   */
  public static void put(Map<String, SnapshotReader.Entry> map, SnapshotReader.Entry e) {
    SnapshotReader.Entry old = map.putIfAbsent(e.key(), e);
    if (old != null) {
      throw new DriftInputException(
          e.location(),
          "duplicate resource id '" + e.id() + "' (first at " + old.location() + ")",
          null);
    }
  }

  /**
   * Compares two snapshots held in memory. Trees that receive folded child resources are copied
   * first; the caller's trees are never changed.
   *
   * @param a the baseline, by lower-case id
   * @param b the current snapshot, by lower-case id
   */
  public void inMemory(
      LinkedHashMap<String, SnapshotReader.Entry> a,
      LinkedHashMap<String, SnapshotReader.Entry> b) {
    foldAll(a);
    foldAll(b);
    baselineCount = a.size();
    currentCount = b.size();
    for (SnapshotReader.Entry cur : b.values()) {
      SnapshotReader.Entry base = a.get(cur.key());
      compare(cur, base == null ? null : base.tree(), cur.tree(), cur.location());
    }
    for (SnapshotReader.Entry base : a.values()) {
      if (!b.containsKey(base.key())) {
        compare(base, base.tree(), null, base.location());
      }
    }
  }

  // ------------------------------------------------------------- on tapes

  /**
   * Compares two snapshots held as bytes on their {@link Tape}s, with the outcome of {@link
   * #inMemory} on the trees {@link #readAll} reads: a resource pair whose bytes are equal, or whose
   * differences are all noise ({@link TapeDiffer}), is settled on the bytes; every other pair, and
   * every added or removed resource, is read as trees and compared by the differ; parents that
   * receive child resources are folded and compared as trees. Returns {@code false}, having changed
   * nothing, when the snapshots need the tree path: bytes outside the tape's strict subset of JSON,
   * or a malformed snapshot or a duplicate id (the tree path reports it, located).
   *
   * @param baselineName the baseline's name in messages
   * @param baseline the baseline's bytes
   * @param currentName the current snapshot's name in messages
   * @param current the current snapshot's bytes
   * @return whether the comparison was made
   */
  public boolean tapes(String baselineName, byte[] baseline, String currentName, byte[] current) {
    Tape ta = Tape.scan(baseline, 0, baseline.length);
    if (ta == null) {
      return false;
    }
    // the same bytes (an unchanged snapshot) are scanned once
    Tape tb = Arrays.equals(baseline, current) ? ta : Tape.scan(current, 0, current.length);
    if (tb == null) {
      ta.recycle();
      return false;
    }
    try {
      return tapes(ta, baselineName, tb, currentName);
    } finally {
      ta.recycle();
      tb.recycle();
    }
  }

  private boolean tapes(Tape ta, String baselineName, Tape tb, String currentName) {
    TapeSnapshot a = TapeSnapshot.read(ta, baselineName, null);
    TapeSnapshot b = a == null ? null : TapeSnapshot.read(tb, currentName, a);
    HashMap<String, Integer> byKeyA = a == null ? null : index(a);
    HashMap<String, Integer> byKeyB = byKeyA == null || b == null ? null : index(b);
    if (byKeyB == null) {
      return false; // malformed, or a duplicate id: the tree path reports it, located
    }
    // child resources fold into their parents (as foldAll does), which are compared as trees
    JsonNode[] foldedA = new JsonNode[a.size()];
    JsonNode[] foldedB = new JsonNode[b.size()];
    BitSet childA = fold(a, byKeyA, foldedA);
    BitSet childB = fold(b, byKeyB, foldedB);
    baselineCount = a.size() - childA.cardinality();
    currentCount = b.size() - childB.cardinality();
    BitSet matched = new BitSet(a.size());
    TapeDiffer quick = new TapeDiffer();
    long[] noise = new long[NoiseClass.values().length];
    for (int j = 0; j < b.size(); j++) {
      if (childB.get(j)) {
        continue;
      }
      Integer i = byKeyA.get(b.key(j));
      if (i == null || childA.get(i)) {
        compare(b.entryOf(j), null, treeOf(b, j, foldedB), b.location(j));
        continue;
      }
      matched.set(i);
      int ea = a.entry(i);
      int eb = b.entry(j);
      boolean folded = foldedA[i] != null || foldedB[j] != null;
      if (!folded
          && (Tape.sameBytes(ta, ea, tb, eb)
              || quick.clean(rules.forType(b.type(j)), b.id(j), ta, ea, tb, eb, noise))) {
        settledOnTapes++;
        continue;
      }
      SnapshotReader.Entry cur = b.entryOf(j);
      if (!folded && quick.narrowed(noise)) {
        // a large keyed array's noise-only pairs stand as one shared node each
        narrowed++;
        compare(cur, quick.baseline(ta, ea), quick.current(tb, eb), cur.location());
        continue;
      }
      int before = changed;
      JsonNode base = treeOf(a, i, foldedA);
      // the current resource shares every subtree equal to the baseline's: only what changed is
      // built, and the differ passes the rest by identity
      compare(cur, base, folded ? treeOf(b, j, foldedB) : b.tree(j, base), cur.location());
      if (folded && changed == before) {
        foldedWithoutDrift++;
      }
    }
    for (int i = 0; i < a.size(); i++) {
      if (!matched.get(i) && !childA.get(i)) {
        SnapshotReader.Entry base = a.entryOf(i);
        compare(base, treeOf(a, i, foldedA), null, base.location());
      }
    }
    for (NoiseClass c : NoiseClass.values()) {
      differ.countNoise(c, noise[c.ordinal()]);
    }
    return true;
  }

  /** A snapshot's resources by lower-case id, or {@code null} when an id repeats. */
  private static HashMap<String, Integer> index(TapeSnapshot s) {
    HashMap<String, Integer> byKey = new HashMap<>(s.size() * 2);
    for (int i = 0; i < s.size(); i++) {
      if (byKey.putIfAbsent(s.key(i), i) != null) {
        return null;
      }
    }
    return byKey;
  }

  /**
   * Folds a snapshot's child resources into their parents, as {@link #foldAll} does: each parent
   * that receives children gets its folded tree in {@code folded}. Returns the children folded.
   */
  private BitSet fold(TapeSnapshot s, Map<String, Integer> byKey, JsonNode[] folded) {
    Map<Integer, List<Integer>> groups =
        foldGroups(s.size(), k -> true, s::key, s::type, byKey::get);
    // each tree is read anew from the bytes, so the parent needs no copy
    return fold(groups, s::tree, s::tree, s::type, folded);
  }

  /**
   * Applies fold groups: each parent's copy receives its children ({@link #fold(JsonNode, String,
   * List)}) and goes into {@code folded}. Returns the children folded.
   */
  private BitSet fold(
      Map<Integer, List<Integer>> groups,
      IntFunction<JsonNode> child,
      IntFunction<JsonNode> parentCopy,
      IntFunction<String> type,
      JsonNode[] folded) {
    BitSet children = new BitSet();
    for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
      List<JsonNode> trees = new ArrayList<>();
      for (int c : g.getValue()) {
        children.set(c);
        trees.add(child.apply(c));
      }
      int p = g.getKey();
      folded[p] = fold(parentCopy.apply(p), type.apply(p), trees);
    }
    return children;
  }

  private static JsonNode treeOf(TapeSnapshot s, int k, JsonNode[] folded) {
    return folded[k] != null ? folded[k] : s.tree(k);
  }

  /**
   * Groups the child resources of a snapshot under the parents they fold into: parent position to
   * child positions, both in snapshot order. A child folds when its parent is in the snapshot with
   * the type the rules name.
   */
  private Map<Integer, List<Integer>> foldGroups(
      int n,
      IntPredicate mayBeChild,
      IntFunction<String> key,
      IntFunction<String> type,
      Function<String, Integer> position) {
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      RuleData.ChildSpec spec = mayBeChild.test(k) ? rules.child(type.apply(k)) : null;
      if (spec != null) {
        Integer parent = position.apply(Canonical.parentOf(key.apply(k)));
        if (parent != null && type.apply(parent).equals(spec.parentType())) {
          groups.computeIfAbsent(parent, x -> new ArrayList<>()).add(k);
        }
      }
    }
    return groups;
  }

  // ------------------------------------------------------------- pre-parsed trees

  /**
   * Compares two snapshots held as trees, with the outcome of {@link #inMemory} on the same
   * resources, at close to the cost of {@code equals}: a resource whose id is written exactly as
   * the baseline resource's at the same position is paired with it without an index, equal pairs
   * are skipped before their type is read, and the other ids are matched ignoring case without
   * building lower-case strings ({@link IdIndex}); child resources fold into copies of their
   * parents. Returns {@code false} when the snapshots need the general path: a resource that is not
   * an object or has no id, or a duplicate id (the general path reports it); this comparison is
   * then incomplete and is to be discarded.
   *
   * @param a the baseline's resources
   * @param b the current snapshot's resources
   * @return whether the comparison was made
   */
  public boolean trees(List<JsonNode> a, List<JsonNode> b) {
    int drifts = differ.drifts().size();
    long[] noise = differ.noise().clone();
    int[] counts = {added, removed, changed};
    int outcome = inPlace(a, b);
    if (outcome != CHILDREN) {
      return outcome == DONE;
    }
    // start again, folding: forget what the pass compared
    differ.restore(drifts, noise);
    added = counts[0];
    removed = counts[1];
    changed = counts[2];
    return folding(a, b);
  }

  private static final int GENERAL = 0;
  private static final int DONE = 1;
  private static final int CHILDREN = 2;

  /**
   * {@link #trees} in one pass over both snapshots when neither holds a resource that may be a
   * child: each pair at the same position with the same id is compared as soon as its ids are read,
   * while its trees are in the cache (a pass that reads every id first, then compares, loads each
   * resource from memory twice once the snapshots outgrow the cache). Returns {@link #CHILDREN} at
   * the first resource whose type may fold into a parent, {@link #GENERAL} for the general path.
   */
  private int inPlace(List<JsonNode> a, List<JsonNode> b) {
    int na = a.size();
    int nb = b.size();
    String[] idA = new String[na];
    IdIndex byIdA = new IdIndex(na);
    String[] idB = new String[nb];
    boolean[] aligned = new boolean[nb];
    boolean[] matched = new boolean[na];
    for (int k = 0, n = Math.max(na, nb); k < n; k++) {
      if (k < na) {
        JsonNode r = a.get(k);
        String id = idOf(r);
        if (id == null || byIdA.add(id, IdIndex.hash(id), k) >= 0) {
          return GENERAL;
        }
        if (isChild(r, id)) {
          return CHILDREN;
        }
        idA[k] = id;
      }
      if (k < nb) {
        JsonNode r = b.get(k);
        String id = idOf(r);
        if (id == null) {
          return GENERAL;
        }
        idB[k] = id;
        aligned[k] = k < na && id.equals(idA[k]);
        JsonNode base = aligned[k] ? a.get(k) : null;
        if (base != null && Trees.equal(base, r)) {
          matched[k] = true; // an equal pair has one type, and the baseline's is not a child's
          continue;
        }
        if (isChild(r, id)) {
          return CHILDREN;
        }
        if (base != null) {
          matched[k] = true;
          count(differ.unequal(id, typeOf(r, id), base, r), base, r, null, null);
        }
      }
    }
    if (!indexUnaligned(idB, aligned, byIdA, new IdIndex(nb))) {
      return GENERAL; // a duplicate id in b
    }
    for (int j = 0; j < nb; j++) {
      if (!aligned[j]) {
        int i = byIdA.find(idB[j], IdIndex.hash(idB[j]));
        JsonNode base = i < 0 ? null : a.get(i);
        JsonNode cur = b.get(j);
        if (i >= 0) {
          matched[i] = true;
          if (Trees.equal(base, cur)) {
            continue;
          }
        }
        count(differ.unequal(idB[j], typeOf(cur, idB[j]), base, cur), base, cur, null, null);
      }
    }
    for (int i = 0; i < na; i++) {
      if (!matched[i]) {
        count(
            differ.unequal(idA[i], typeOf(a.get(i), idA[i]), a.get(i), null),
            a.get(i),
            null,
            null,
            null);
      }
    }
    baselineCount = na;
    currentCount = nb;
    return DONE;
  }

  /**
   * Indexes the ids of b not aligned with a's (ignoring case) into {@code byIdB}. Returns {@code
   * false} when one repeats: another unaligned id, or an aligned one (which an unaligned id can
   * repeat only by matching that baseline resource too). Aligned ids repeat each other only if a's
   * ids do, which its index has ruled out.
   */
  private static boolean indexUnaligned(
      String[] idB, boolean[] aligned, IdIndex byIdA, IdIndex byIdB) {
    for (int j = 0; j < idB.length; j++) {
      if (!aligned[j]) {
        int hash = IdIndex.hash(idB[j]);
        int i = byIdA.find(idB[j], hash);
        if (byIdB.add(idB[j], hash, j) >= 0 || (i >= 0 && i < idB.length && aligned[i])) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@link #trees} when resources may be children: every id is read first, then pairs compared. */
  private boolean folding(List<JsonNode> a, List<JsonNode> b) {
    int na = a.size();
    int nb = b.size();
    String[] idA = new String[na];
    int[] hashA = new int[na];
    IdIndex byIdA = new IdIndex(na);
    BitSet mayBeChildA = new BitSet();
    for (int i = 0; i < na; i++) {
      String id = idOf(a.get(i));
      if (id == null) {
        return false;
      }
      idA[i] = id;
      hashA[i] = IdIndex.hash(id);
      if (byIdA.add(id, hashA[i], i) >= 0) {
        return false;
      }
      if (isChild(a.get(i), id)) {
        mayBeChildA.set(i);
      }
    }
    String[] idB = new String[nb];
    boolean[] aligned = new boolean[nb];
    boolean[] equal = new boolean[nb];
    // Ids of b written exactly as a's at the same position repeat no other such id (a's are
    // unique); so only the other ids of b are indexed, and checked against the aligned ones.
    IdIndex byIdB = new IdIndex(nb);
    BitSet mayBeChildB = new BitSet();
    for (int j = 0; j < nb; j++) {
      JsonNode r = b.get(j);
      String id = idOf(r);
      if (id == null) {
        return false;
      }
      idB[j] = id;
      aligned[j] = j < na && id.equals(idA[j]);
      // an equal pair has one type: when the baseline's cannot be a child, neither can this
      if (aligned[j] && !mayBeChildA.get(j) && Trees.equal(a.get(j), r)) {
        equal[j] = true;
      } else if (isChild(r, id)) {
        mayBeChildB.set(j);
      }
    }
    if (!indexUnaligned(idB, aligned, byIdA, byIdB)) {
      return false; // a duplicate id in b
    }
    // child resources fold into their parents (as foldAll does), which are compared as trees
    JsonNode[] foldedA = new JsonNode[na];
    JsonNode[] foldedB = new JsonNode[nb];
    BitSet childA = fold(a, idA, id -> byIdA.find(id, IdIndex.hash(id)), mayBeChildA, foldedA);
    BitSet childB =
        fold(
            b,
            idB,
            id -> {
              int hash = IdIndex.hash(id);
              int p = byIdB.find(id, hash);
              int q = p >= 0 ? p : byIdA.find(id, hash);
              return q >= 0 && (q == p || (q < nb && aligned[q])) ? q : -1;
            },
            mayBeChildB,
            foldedB);
    baselineCount = na - childA.cardinality();
    currentCount = nb - childB.cardinality();
    boolean[] matched = new boolean[na];
    for (int j = 0; j < nb; j++) {
      if (childB.get(j)) {
        continue;
      }
      JsonNode cur = foldedB[j] != null ? foldedB[j] : b.get(j);
      int i = aligned[j] ? j : byIdA.find(idB[j], IdIndex.hash(idB[j]));
      if (i >= 0 && childA.get(i)) {
        i = -1; // folded into its parent: not in the baseline as a resource of its own
      }
      JsonNode base = i < 0 ? null : foldedA[i] != null ? foldedA[i] : a.get(i);
      if (i >= 0) {
        matched[i] = true;
        boolean unfolded = foldedA[i] == null && foldedB[j] == null;
        if (unfolded && equal[j] || Trees.equal(base, cur)) {
          continue; // no drift: the type is not even read
        }
      }
      count(differ.unequal(idB[j], typeOf(b.get(j), idB[j]), base, cur), base, cur, null, null);
    }
    for (int i = 0; i < na; i++) {
      if (!matched[i] && !childA.get(i)) {
        JsonNode base = foldedA[i] != null ? foldedA[i] : a.get(i);
        count(differ.unequal(idA[i], typeOf(a.get(i), idA[i]), base, null), base, null, null, null);
      }
    }
    return true;
  }

  /**
   * Folds a snapshot's child resources into copies of their parents, as {@link #foldAll} does.
   * Returns the children folded; each parent that receives children gets its folded copy in {@code
   * folded}.
   */
  private BitSet fold(
      List<JsonNode> s,
      String[] ids,
      ToIntFunction<String> position,
      BitSet mayBeChild,
      JsonNode[] folded) {
    if (mayBeChild.isEmpty()) {
      return new BitSet();
    }
    Map<Integer, List<Integer>> groups =
        foldGroups(
            s.size(),
            mayBeChild::get,
            k -> ids[k],
            k -> typeOf(s.get(k), ids[k]),
            id -> {
              int p = position.applyAsInt(id);
              return p < 0 ? null : p;
            });
    return fold(groups, s::get, k -> s.get(k).deepCopy(), k -> typeOf(s.get(k), ids[k]), folded);
  }

  /** A resource's id, or {@code null} when it is not an object with a non-blank text id. */
  private static String idOf(JsonNode r) {
    if (!r.isObject()) {
      return null;
    }
    // ARM writes the id first: take it from the first field without a lookup
    Iterator<Map.Entry<String, JsonNode>> it = r.fields();
    Map.Entry<String, JsonNode> first = it.hasNext() ? it.next() : null;
    JsonNode id = first != null && first.getKey().equals("id") ? first.getValue() : r.get("id");
    return id != null && id.isTextual() && !id.textValue().isBlank() ? id.textValue() : null;
  }

  /** Whether a resource's type folds into a parent type (then the general path compares). */
  private boolean isChild(JsonNode r, String id) {
    JsonNode t = r.get("type");
    if (t != null && t.isTextual() && !t.textValue().isBlank()) {
      return rules.mayBeChild(t.textValue());
    }
    return rules.child(Canonical.typeOf(id)) != null;
  }

  /**
   * A resource's lower-case type. A snapshot has few types, so each, as written, is case-folded
   * once, and the rules then look up one string instance per type.
   */
  private String typeOf(JsonNode r, String id) {
    JsonNode t = r.get("type");
    if (t == null || !t.isTextual() || t.textValue().isBlank()) {
      return Canonical.resourceType(null, id);
    }
    return lowerTypes.computeIfAbsent(t.textValue(), k -> Canonical.resourceType(k, id));
  }

  private final Map<String, String> lowerTypes = new HashMap<>();

  private void compare(SnapshotReader.Entry e, JsonNode a, JsonNode b, SourceLocation where) {
    compare(e.id(), e.type(), e.key(), a, b, where);
  }

  private void compare(
      String id, String type, String key, JsonNode a, JsonNode b, SourceLocation where) {
    count(differ.resource(id, type, a, b), a, b, key, where);
  }

  /** Counts a resource compared: n drifts, a or b absent when it was added or removed. */
  private void count(int n, JsonNode a, JsonNode b, String key, SourceLocation where) {
    if (a == null) {
      added++;
    } else if (b == null) {
      removed++;
    } else if (n > 0) {
      changed++;
    }
    if (n > 0 && where != null && where.line() > 0) {
      locations.put(key, where);
    }
  }

  private void foldAll(LinkedHashMap<String, SnapshotReader.Entry> snapshot) {
    List<SnapshotReader.Entry> entries = new ArrayList<>(snapshot.values());
    Map<String, Integer> position = new HashMap<>();
    for (int k = 0; k < entries.size(); k++) {
      position.put(entries.get(k).key(), k);
    }
    Map<Integer, List<Integer>> groups =
        foldGroups(
            entries.size(),
            k -> true,
            k -> entries.get(k).key(),
            k -> entries.get(k).type(),
            position::get);
    for (Map.Entry<Integer, List<Integer>> group : groups.entrySet()) {
      SnapshotReader.Entry parent = entries.get(group.getKey());
      List<JsonNode> children = new ArrayList<>();
      for (int c : group.getValue()) {
        SnapshotReader.Entry child = entries.get(c);
        snapshot.remove(child.key());
        children.add(child.tree());
      }
      JsonNode folded = fold(parent.tree().deepCopy(), parent.type(), children);
      snapshot.put(
          parent.key(),
          new SnapshotReader.Entry(
              parent.id(),
              parent.key(),
              parent.type(),
              folded,
              parent.location(),
              parent.start(),
              parent.end()));
    }
  }

  /** Puts child resources into the parent's keyed array (by name, ignoring case). */
  private JsonNode fold(JsonNode parentCopy, String parentType, List<JsonNode> children) {
    if (!(parentCopy instanceof ObjectNode root)) {
      return parentCopy;
    }
    for (JsonNode child : children) {
      RuleData.ChildSpec spec = rules.child(Canonical.typeOf(child.path("id").asText()));
      if (spec == null || !spec.parentType().equals(parentType)) {
        continue;
      }
      List<String> segs = PathPattern.parse(spec.arrayPath(), false).segments();
      ObjectNode o = root;
      for (int i = 0; i < segs.size() - 1; i++) {
        JsonNode next = o.get(segs.get(i));
        o = next instanceof ObjectNode on ? on : o.putObject(segs.get(i));
      }
      String last = segs.get(segs.size() - 1);
      ArrayNode arr = o.get(last) instanceof ArrayNode an ? an : o.putArray(last);
      String name = child.path("name").asText();
      int at = -1;
      for (int i = 0; i < arr.size(); i++) {
        if (arr.get(i).path("name").asText().equalsIgnoreCase(name)) {
          at = i;
          break;
        }
      }
      if (at >= 0) {
        arr.set(at, child);
      } else {
        arr.add(child);
      }
      differ.countNoise(NoiseClass.CHILD_RESOURCE, 1);
    }
    return root;
  }

  // ------------------------------------------------------------- streaming

  /**
   * Compares two snapshot files without holding either as trees: the baseline is indexed by id with
   * byte offsets and read back one resource at a time; the current file is read once, in order.
   * Parents that may receive child resources are compared at the end, re-read by offset.
   *
   * @param baseline the baseline file
   * @param baselineName its name in messages
   * @param current the current file
   * @param currentName its name in messages
   */
  public void streaming(Path baseline, String baselineName, Path current, String currentName) {
    try (FileChannel chA = FileChannel.open(baseline, StandardOpenOption.READ);
        FileChannel chB = FileChannel.open(current, StandardOpenOption.READ)) {
      Index ia = new Index();
      List<SnapshotReader.Entry> childrenA = new ArrayList<>();
      try (InputStream in = new BufferedInputStream(Files.newInputStream(baseline), 1 << 16)) {
        SnapshotReader.skim(
            baselineName,
            in,
            e -> {
              ia.add(e);
              if (rules.child(e.type()) != null) {
                childrenA.add(e);
              }
            });
      }
      BitSet consumed = new BitSet(ia.size);
      Map<String, List<JsonNode>> foldA = new HashMap<>();
      for (SnapshotReader.Entry c : childrenA) {
        RuleData.ChildSpec spec = rules.child(c.type());
        String parentKey = Canonical.parentOf(c.key());
        Integer p = ia.ids.get(parentKey);
        if (p != null && Canonical.typeOf(parentKey).equals(spec.parentType())) {
          consumed.set(ia.ids.get(c.key()));
          foldA
              .computeIfAbsent(parentKey, k -> new ArrayList<>())
              .add(ia.read(chA, baselineName, ia.ids.get(c.key())));
        }
      }
      baselineCount = ia.size - consumed.cardinality();

      BitSet matched = new BitSet(ia.size);
      List<SnapshotReader.Entry> deferred = new ArrayList<>();
      List<SnapshotReader.Entry> childrenB = new ArrayList<>();
      try (InputStream in = new BufferedInputStream(Files.newInputStream(current), 1 << 16)) {
        SnapshotReader.read(
            currentName,
            in,
            e -> {
              if (rules.child(e.type()) != null) {
                childrenB.add(e);
              } else if (rules.hasChildren(e.type())) {
                deferred.add(
                    new SnapshotReader.Entry(
                        e.id(), e.key(), e.type(), null, e.location(), e.start(), e.end()));
              } else {
                streamOne(e, e.tree(), ia, chA, baselineName, matched, foldA);
              }
            });
      }
      Map<String, List<JsonNode>> foldB = new HashMap<>();
      Map<String, SnapshotReader.Entry> deferredKeys = new HashMap<>();
      for (SnapshotReader.Entry d : deferred) {
        deferredKeys.put(d.key(), d);
      }
      for (SnapshotReader.Entry c : childrenB) {
        SnapshotReader.Entry parent = deferredKeys.get(Canonical.parentOf(c.key()));
        if (parent != null && parent.type().equals(rules.child(c.type()).parentType())) {
          foldB.computeIfAbsent(parent.key(), k -> new ArrayList<>()).add(c.tree());
        } else {
          streamOne(c, c.tree(), ia, chA, baselineName, matched, foldA);
        }
      }
      for (SnapshotReader.Entry d : deferred) {
        JsonNode tree = readSpan(chB, currentName, d.start(), d.end(), d.location());
        List<JsonNode> kids = foldB.get(d.key());
        if (kids != null) {
          tree = fold(tree, d.type(), kids);
        }
        streamOne(d, tree, ia, chA, baselineName, matched, foldA);
      }
      for (int i = 0; i < ia.size; i++) {
        if (!matched.get(i) && !consumed.get(i)) {
          JsonNode tree = ia.read(chA, baselineName, i);
          String id = tree.path("id").asText();
          String type = Canonical.resourceType(tree.path("type").textValue(), id);
          List<JsonNode> kids = foldA.get(id.toLowerCase(Locale.ROOT));
          if (kids != null) {
            tree = fold(tree, type, kids);
          }
          SnapshotReader.Entry e =
              new SnapshotReader.Entry(
                  id, id.toLowerCase(Locale.ROOT), type, null, ia.location(baselineName, i), 0, 0);
          compare(e, tree, null, e.location());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read snapshots", e);
    }
  }

  private void streamOne(
      SnapshotReader.Entry e,
      JsonNode tree,
      Index ia,
      FileChannel chA,
      String baselineName,
      BitSet matched,
      Map<String, List<JsonNode>> foldA) {
    currentCount++;
    Integer i = ia.ids.get(e.key());
    JsonNode base = null;
    if (i != null) {
      if (matched.get(i)) {
        throw new DriftInputException(e.location(), "duplicate resource id '" + e.id() + "'", null);
      }
      matched.set(i);
      try {
        base = ia.read(chA, baselineName, i);
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot read " + baselineName, ex);
      }
      List<JsonNode> kids = foldA.get(e.key());
      if (kids != null) {
        base = fold(base, e.type(), kids);
      }
    }
    compare(e, base, tree, e.location());
  }

  private static JsonNode readSpan(
      FileChannel ch, String name, long start, long end, SourceLocation where) throws IOException {
    byte[] bytes = new byte[Math.toIntExact(end - start)];
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    long pos = start;
    while (buf.hasRemaining()) {
      int r = ch.read(buf, pos);
      if (r < 0) {
        throw new DriftInputException(where, "file changed while reading", null);
      }
      pos += r;
    }
    return SnapshotReader.parseSpan(name, bytes, where);
  }

  /** The baseline index: id to position, with byte spans and locations in flat arrays. */
  private static final class Index {
    final HashMap<String, Integer> ids = new HashMap<>();
    long[] starts = new long[1024];
    int[] lengths = new int[1024];
    int[] lines = new int[1024];
    int[] columns = new int[1024];
    int size;

    void add(SnapshotReader.Entry e) {
      Integer old = ids.putIfAbsent(e.key(), size);
      if (old != null) {
        throw new DriftInputException(
            e.location(),
            "duplicate resource id '" + e.id() + "' (first at line " + lines[old] + ")",
            null);
      }
      if (size == starts.length) {
        int n = size * 2;
        starts = Arrays.copyOf(starts, n);
        lengths = Arrays.copyOf(lengths, n);
        lines = Arrays.copyOf(lines, n);
        columns = Arrays.copyOf(columns, n);
      }
      starts[size] = e.start();
      lengths[size] = Math.toIntExact(e.end() - e.start());
      lines[size] = e.location().line();
      columns[size] = e.location().column();
      size++;
    }

    SourceLocation location(String name, int i) {
      return new SourceLocation(name, lines[i], columns[i]);
    }

    JsonNode read(FileChannel ch, String name, int i) throws IOException {
      return readSpan(ch, name, starts[i], starts[i] + lengths[i], location(name, i));
    }
  }
}
