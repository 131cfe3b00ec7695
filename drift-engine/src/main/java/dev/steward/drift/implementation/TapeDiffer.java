package dev.steward.drift.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.models.NoiseClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The no-drift fast path on {@link Tape}s: decides whether a resource pair holds only noise,
 * walking the two snapshots' bytes under the type's rules exactly as {@link Differ} walks their
 * trees, and counts that noise as the differ would. It never reports a drift: at the first
 * difference that is not noise, or at anything it does not settle on the bytes (defaults, sets,
 * multi-sets, keys that match only ignoring case, duplicate keys, typed keys), it gives up, counts
 * nothing, and the caller reads the pair as trees for {@link Differ}. So drifts, their
 * classification and their values always come from the differ, and this class only decides sooner
 * what the differ would decide for pairs without drift ({@code FastPathEquivalenceTest} checks it).
 *
 * <p>Equal values are recognised by their bytes; values whose bytes differ are compared as Jackson
 * compares trees ({@link JsonNode#equals(Object)}): objects whatever their field order, arrays in
 * order, scalars decoded only when their bytes differ.
 */
final class TapeDiffer {

  private final long[] noise = new long[NoiseClass.values().length];
  private TypeRules tr;
  private Tape ta;
  private Tape tb;
  private final LazyScope scope = new LazyScope();
  private final NameCache names = new NameCache();

  /** Keyed arrays from this many elements are narrowed (see {@link #narrowed(long[])}). */
  private static final int NARROW_MIN = 64;

  private boolean narrowing;
  // the narrowed array (-1: none): its entries on each tape, its baseline elements, their
  // partners, which pairs are settled, and the key field; stubs are built only when read
  private int narrowA = -1;
  private int narrowB = -1;
  private Tape narrowTape;
  private int[] narrowElements;
  private int[] narrowPartner;
  private boolean[] narrowSettled;
  private String narrowKey;
  private JsonNode[] stubsA;
  private JsonNode[] stubsB;
  private final long[] settled = new long[NoiseClass.values().length];
  // the key of the last partners found by hashes alone, which the walk confirms; null: confirmed
  private List<String> unconfirmed;
  // the bits of the key hashes kept: all of them; tests keep fewer, so that keys collide
  long hashBits = -1L;

  /**
   * Whether a resource pair holds no drift. When it does not, its suppressed noise is added to
   * {@code into}; otherwise nothing is added and the pair must go to the differ.
   *
   * @param rules the resource type's rules
   * @param id the resource id (for short-versus-full id comparisons)
   * @param a the baseline tape
   * @param ia the baseline resource's entry
   * @param b the current tape
   * @param ib the current resource's entry
   * @param into the noise counters to add to, by {@link NoiseClass#ordinal()}
   * @return {@code true} when the pair holds only noise
   */
  boolean clean(TypeRules rules, String id, Tape a, int ia, Tape b, int ib, long[] into) {
    tr = rules;
    ta = a;
    tb = b;
    scope.reset(id);
    Arrays.fill(noise, 0);
    Arrays.fill(settled, 0);
    narrowing = true;
    narrowA = -1;
    narrowB = -1;
    narrowTape = null;
    narrowElements = null;
    narrowPartner = null;
    narrowSettled = null;
    stubsA = null;
    stubsB = null;
    boolean clean = same(ia, ib) || value(tr.root, ia, ib);
    ta = null;
    tb = null;
    if (clean) {
      for (int c = 0; c < noise.length; c++) {
        into[c] += noise[c] + settled[c];
      }
    }
    return clean;
  }

  /**
   * Whether the last pair {@link #clean} gave up on has a large keyed array at least half of whose
   * element pairs it settled (when fewer are, whole trees that share their equal subtrees serve
   * better). Then the pair's trees are to be read with {@link #baseline} and {@link #current},
   * where each settled pair is one small node shared by both sides (its key field only): the differ
   * sees the pair as identical and walks only the elements that differ, so a drift in one of
   * 100,000 rules does not build 100,000 rules as trees. The settled pairs' noise is added to
   * {@code into} here, as the differ will not see it.
   *
   * @param into the noise counters to add to, by {@link NoiseClass#ordinal()}
   * @return whether the trees are to be read narrowed
   */
  boolean narrowed(long[] into) {
    if (narrowA < 0) {
      return false;
    }
    for (int c = 0; c < settled.length; c++) {
      into[c] += settled[c];
    }
    return true;
  }

  /**
   * The baseline resource of a narrowed pair as a tree.
   *
   * @param a the baseline tape
   * @param ia the resource's entry
   * @return the tree, settled elements stubbed
   */
  JsonNode baseline(Tape a, int ia) {
    stubs();
    return TapeSnapshot.parse(a, ia, narrowA, stubsA);
  }

  /**
   * The current resource of a narrowed pair as a tree.
   *
   * @param b the current tape
   * @param ib the resource's entry
   * @return the tree, settled elements stubbed
   */
  JsonNode current(Tape b, int ib) {
    stubs();
    return TapeSnapshot.parse(b, ib, narrowB, stubsB);
  }

  /** One node per settled pair of the narrowed array, its key field only, for both sides. */
  private void stubs() {
    if (stubsA != null) {
      return;
    }
    stubsA = new JsonNode[narrowElements.length];
    stubsB = new JsonNode[narrowElements.length];
    for (int i = 0; i < narrowElements.length; i++) {
      if (narrowSettled[i]) {
        ObjectNode stub = JsonNodeFactory.instance.objectNode();
        stub.set(
            narrowKey,
            TapeSnapshot.parse(narrowTape, narrowTape.field(narrowElements[i], narrowKey)));
        stubsA[i] = stub;
        stubsB[narrowPartner[i]] = stub;
      }
    }
  }

  // ------------------------------------------------------------------ equality

  /**
   * Equality with the meaning of {@link JsonNode#equals(Object)} of the trees read from a and b.
   */
  private boolean same(int a, int b) {
    if (Tape.sameBytes(ta, a, tb, b)) {
      return true;
    }
    int k = ta.kind(a);
    if (k != tb.kind(b)) {
      return false;
    }
    switch (k) {
      case Tape.OBJECT:
        {
          int n = ta.size(a);
          if (n != tb.size(b)) {
            return false;
          }
          int ja = a + 1;
          int jb = b + 1;
          for (int f = 0; f < n; f++) {
            int vb = fieldOf(tb, b, jb, ta, ja);
            if (vb < 0 || !same(ja + 1, vb)) {
              return false;
            }
            ja = ta.next(ja + 1);
            jb = jb >= 0 && jb < tb.next(b) ? tb.next(jb + 1) : -1;
          }
          return true;
        }
      case Tape.ARRAY:
        {
          int n = ta.size(a);
          if (n != tb.size(b)) {
            return false;
          }
          for (int ea = a + 1, eb = b + 1; n > 0; n--, ea = ta.next(ea), eb = tb.next(eb)) {
            if (!same(ea, eb)) {
              return false;
            }
          }
          return true;
        }
      case Tape.STRING:
        // two valid UTF-8 strings without escapes are equal exactly when their bytes are
        return !(ta.isUnescaped(a) && tb.isUnescaped(b)) && TapeSnapshot.sameText(ta, a, tb, b);
      case Tape.NUMBER:
        return TapeSnapshot.parse(ta, a).equals(TapeSnapshot.parse(tb, b));
      default:
        return true; // true, false, null: the same kind is the same value
    }
  }

  /**
   * The value entry of the field of object {@code obj} (on tape t) named as name entry {@code name}
   * of tape o, or -1. {@code hint} is the name entry to try first (the field at the same position),
   * or -1.
   */
  private static int fieldOf(Tape t, int obj, int hint, Tape o, int name) {
    int h = o.size(name);
    if (hint >= 0 && hint < t.next(obj) && t.size(hint) == h && Tape.sameBytes(t, hint, o, name)) {
      return hint + 1;
    }
    int j = obj + 1;
    for (int f = t.size(obj); f > 0; f--, j = t.next(j + 1)) {
      if (j != hint && t.size(j) == h && Tape.sameBytes(t, j, o, name)) {
        return j + 1;
      }
    }
    return -1;
  }

  // ------------------------------------------------------------------ walk

  private void count(NoiseClass c) {
    noise[c.ordinal()]++;
  }

  /** Differ.value: a and b differ. Returns false to give up. */
  private boolean value(PathNode n, int a, int b) {
    if (n != null && (n.secret || n.isVolatile)) {
      count(n.secret ? NoiseClass.SECRET : NoiseClass.VOLATILE);
      return true;
    }
    int ka = ta.kind(a);
    int kb = tb.kind(b);
    if (ka == Tape.OBJECT && kb == Tape.OBJECT) {
      return object(n, a, b);
    }
    if (ka == Tape.ARRAY && kb == Tape.ARRAY) {
      return array(n, a, b);
    }
    if (!ta.isContainer(a) && !tb.isContainer(b)) {
      NoiseClass c =
          Scalars.equivalent(
              PathNode.comparisonOf(n),
              TapeSnapshot.parse(ta, a),
              TapeSnapshot.parse(tb, b),
              scope.get());
      if (c != null) {
        count(c);
        return true;
      }
    }
    return false; // a drift, or null against a value (defaults): the differ decides
  }

  /** Differ.object. */
  private boolean object(PathNode n, int a, int b) {
    int matched = 0;
    int ja = a + 1;
    int jb = b + 1;
    for (int f = ta.size(a); f > 0; f--) {
      int vb = fieldOf(tb, b, jb, ta, ja);
      if (vb < 0) {
        if (!absent(tr.child(n, name(ta, ja)))) {
          return false;
        }
      } else {
        matched++;
        if (!same(ja + 1, vb)) {
          if (!value(tr.child(n, name(ta, ja)), ja + 1, vb)) {
            return false;
          }
        }
      }
      ja = ta.next(ja + 1);
      jb = jb >= 0 && jb < tb.next(b) ? tb.next(jb + 1) : -1;
    }
    if (tb.size(b) > matched) {
      jb = b + 1;
      for (int f = tb.size(b); f > 0; f--, jb = tb.next(jb + 1)) {
        if (fieldOf(ta, a, -1, tb, jb) < 0 && !absent(tr.child(n, name(tb, jb)))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Differ.absentOrNull for a field on one side only: noise when volatile or secret. */
  private boolean absent(PathNode c) {
    if (c != null && (c.secret || c.isVolatile)) {
      count(c.secret ? NoiseClass.SECRET : NoiseClass.VOLATILE);
      return true;
    }
    return false; // defaults or a drift: the differ decides
  }

  /** A field name as a string, from a small cache (names repeat throughout a snapshot). */
  private String name(Tape t, int name) {
    return names.of(t, name);
  }

  // ------------------------------------------------------------------ arrays

  /** A result of {@link #exactPartners} that means: give up. */
  private static final int[] GIVE_UP = new int[0];

  /** Differ.array: a and b are arrays that differ. */
  private boolean array(PathNode n, int a, int b) {
    RuleData.ArraySpec spec = n == null ? null : n.array;
    PathNode en = n == null ? null : n.element;
    if (spec != null && spec.set()) {
      return multiset(en, a, b);
    }
    if (spec != null) {
      return keyed(en, a, b, spec.key(), true);
    }
    if (allScalars(ta, a) && allScalars(tb, b)) {
      return multiset(en, a, b);
    }
    int na = ta.size(a);
    int nb = tb.size(b);
    if (na == 0 || nb == 0 || !allObjects(ta, a) || !allObjects(tb, b)) {
      return false; // elements added or removed, or mixed: the differ decides
    }
    List<String> firstFields = names(ta, a + 1);
    if (firstFields == null) {
      return false;
    }
    int[] ea = elements(ta, a);
    int[] eb = elements(tb, b);
    List<String> key =
        Differ.detectKey(
            firstFields,
            k ->
                Differ.uniqueScalar(na, i -> fieldNode(ta, ea[i], k))
                    && Differ.uniqueScalar(nb, i -> fieldNode(tb, eb[i], k)));
    return key != null && keyed(en, a, b, key, false);
  }

  /** Differ.multiset, read as trees: the same elements in another order or form are noise. */
  private boolean multiset(PathNode en, int a, int b) {
    NoiseClass c =
        Differ.multisetNoise(
            PathNode.comparisonOf(en),
            (ArrayNode) TapeSnapshot.parse(ta, a),
            (ArrayNode) TapeSnapshot.parse(tb, b),
            scope.get());
    if (c == null) {
      return false; // an element added or removed: the differ reports it
    }
    count(c);
    return true;
  }

  private static boolean allScalars(Tape t, int array) {
    for (int e = array + 1, k = t.size(array); k > 0; k--, e = t.next(e)) {
      if (t.isContainer(e)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allObjects(Tape t, int array) {
    for (int e = array + 1, k = t.size(array); k > 0; k--, e = t.next(e)) {
      if (t.kind(e) != Tape.OBJECT) {
        return false;
      }
    }
    return true;
  }

  /** The element entries of an array. */
  private static int[] elements(Tape t, int array) {
    int[] out = new int[t.size(array)];
    for (int e = array + 1, i = 0; i < out.length; i++, e = t.next(e)) {
      out[i] = e;
    }
    return out;
  }

  /** An object's field names, or {@code null} when one is not plain ASCII. */
  private List<String> names(Tape t, int object) {
    List<String> out = new ArrayList<>(t.size(object));
    for (int j = object + 1, f = t.size(object); f > 0; f--, j = t.next(j + 1)) {
      if (!t.isPlain(j)) {
        return null;
      }
      out.add(name(t, j));
    }
    return out;
  }

  /** The tree of an object's field, or {@code null} when absent (as {@code JsonNode.get}). */
  private static JsonNode fieldNode(Tape t, int object, String name) {
    int v = t.field(object, name);
    return v < 0 ? null : TapeSnapshot.parse(t, v);
  }

  /**
   * Differ.keyed: pairs the elements by key, walks each pair that differs and counts the
   * reordering. Gives up when an element has no partner or the keys do not pair the elements.
   */
  private boolean keyed(PathNode en, int a, int b, List<String> key, boolean configured) {
    int na = ta.size(a);
    if (na != tb.size(b)) {
      return false; // an element added or removed
    }
    int[] ea = elements(ta, a);
    int[] eb = elements(tb, b);
    // Differ.keyedExact, then Differ.index: keys as written, then folded to lower case
    int[] partner = key.size() == 1 ? partners(ea, eb, key, false) : null;
    List<String> check = partner != null ? unconfirmed : null; // the walk below may find others
    if (partner != null && partner != GIVE_UP && configured && narrowing && na >= NARROW_MIN) {
      return narrow(en, a, b, key.get(0), ea, eb, partner, check);
    }
    if (partner == null) {
      Comparison[] cmp = Differ.keyComparisons(tr, en, key);
      partner = Differ.typed(cmp) ? null : partners(ea, eb, key, true);
      if (partner == null) {
        partner =
            Differ.keyedPartners(
                na, na, i -> foldedKey(ta, ea[i], key, cmp), j -> foldedKey(tb, eb[j], key, cmp));
      }
    }
    if (partner == null || partner == GIVE_UP) {
      return false;
    }
    boolean inOrder = true;
    for (int i = 0; i < na; i++) {
      int j = partner[i];
      if (j < 0) {
        return false; // an element without partner: the differ reports it
      }
      inOrder &= j == i;
      if (!same(ea[i], eb[j]) && (!confirmed(check, ea[i], eb[j]) || !value(en, ea[i], eb[j]))) {
        return false;
      }
    }
    if (!inOrder) {
      count(NoiseClass.ORDER);
    }
    return true;
  }

  /**
   * {@link #keyed} for a large array whose keys (as written) pair every element: walks every pair,
   * and keeps the ones that hold only noise as settled (see {@link #narrowed}) instead of giving up
   * at the first that does not. The rules' key (one field) pairs the stubs as it pairs the
   * elements, so the differ's matching is unchanged; one array per resource is narrowed, and the
   * walk of its elements narrows nothing further.
   */
  private boolean narrow(
      PathNode en,
      int a,
      int b,
      String key,
      int[] ea,
      int[] eb,
      int[] partner,
      List<String> check) {
    narrowing = false;
    boolean[] settledPairs = new boolean[ea.length];
    long[] before = new long[noise.length];
    boolean inOrder = true;
    int settledCount = 0;
    for (int i = 0; i < ea.length; i++) {
      int j = partner[i];
      inOrder &= j == i;
      System.arraycopy(noise, 0, before, 0, noise.length);
      boolean equal = same(ea[i], eb[j]);
      if (!equal && !confirmed(check, ea[i], eb[j])) {
        Arrays.fill(settled, 0); // two keys, one hash: the differ pairs them by their texts
        return false;
      }
      if (equal || value(en, ea[i], eb[j])) {
        settledPairs[i] = true;
        settledCount++;
        for (int c = 0; c < noise.length; c++) {
          settled[c] += noise[c] - before[c];
        }
      } // else its noise is the differ's to count
      System.arraycopy(before, 0, noise, 0, noise.length);
    }
    if (settledCount * 2 >= ea.length) {
      narrowA = a;
      narrowB = b;
      narrowTape = ta;
      narrowElements = ea;
      narrowPartner = partner;
      narrowSettled = settledPairs;
      narrowKey = key;
    } else {
      Arrays.fill(settled, 0); // mostly changed: whole trees, sharing what is equal, serve better
    }
    if (settledCount < ea.length) {
      return false;
    }
    if (!inOrder) {
      count(NoiseClass.ORDER);
    }
    return true;
  }

  /**
   * Each element's partner by its key fields' bytes, through one open-addressing index of 64-bit
   * hashes: as written ({@code fold} false: Differ.keyedExact) or with ASCII letters folded to
   * lower case ({@code fold} true: Differ.index for plain ASCII text keys, where it is the same as
   * {@code toLowerCase}). Returns {@code null} where these bytes do not decide (a key that is not
   * text, or not plain ASCII text when folding; for exact keys also a repeated key or a baseline
   * key not found, which the folded comparison then decides), and {@link #GIVE_UP} where the
   * differ's matching would not pair every element.
   *
   * <p>Each side is read once, in its own order. Key texts are compared only where two hashes are
   * equal, and for exact keys not even then: a baseline key whose hash is found takes that element
   * as its partner <em>unconfirmed</em> ({@link #unconfirmed} is set), and the pair's walk confirms
   * it ({@link #confirmed}) when the elements' bytes differ; equal bytes hold equal keys. So the
   * current side is not visited in the baseline's order twice (for its keys, then for its
   * elements): out of the cache, those visits cost most of the keyed diff of a large array. Where
   * two current keys share a hash, every key text is compared, as for folded keys.
   */
  private int[] partners(int[] ea, int[] eb, List<String> key, boolean fold) {
    unconfirmed = null;
    boolean confirm = fold; // compare the key texts of every pair found by its hash
    int stride = key.size();
    int mask = Integer.highestOneBit(Math.max(eb.length, 1) * 2 + 1) * 2 - 1;
    int[] slots = new int[mask + 1];
    int[] keys = new int[eb.length * stride];
    long[] hashes = new long[eb.length];
    Arrays.fill(slots, -1);
    for (int j = 0; j < eb.length; j++) {
      int found = keyFields(tb, eb[j], key, fold, keys, j * stride);
      if (found < 0) {
        return found == -1 ? null : GIVE_UP;
      }
      long hash = keyHash(tb, keys, j * stride, stride, fold) & hashBits;
      hashes[j] = hash;
      int h = (int) hash & mask;
      for (; slots[h] >= 0; h = (h + 1) & mask) {
        if (hashes[slots[h]] == hash) {
          if (keyEquals(tb, keys, slots[h] * stride, tb, keys, j * stride, stride, fold)) {
            return fold ? GIVE_UP : null; // a key twice
          }
          confirm = true; // two keys, one hash: every key is compared
        }
      }
      slots[h] = j;
    }
    int[] mine = new int[stride];
    int[] partner = new int[ea.length];
    boolean[] taken = new boolean[eb.length];
    for (int i = 0; i < ea.length; i++) {
      int found = keyFields(ta, ea[i], key, fold, mine, 0);
      if (found < 0) {
        return found == -1 ? null : GIVE_UP;
      }
      long hash = keyHash(ta, mine, 0, stride, fold) & hashBits;
      int h = (int) hash & mask;
      while (slots[h] >= 0
          && (hashes[slots[h]] != hash
              || confirm && !keyEquals(tb, keys, slots[h] * stride, ta, mine, 0, stride, fold))) {
        h = (h + 1) & mask;
      }
      if (slots[h] < 0 || taken[slots[h]]) {
        // no partner, or a key twice in the baseline. Unconfirmed, a partner taken may also be
        // a baseline key that collides with the current key another baseline key took; then one
        // of the two is not in the current array, and exact matching fails either way
        return fold ? GIVE_UP : null;
      }
      partner[i] = slots[h];
      taken[slots[h]] = true;
    }
    unconfirmed = confirm ? null : key;
    return partner;
  }

  /**
   * {@link #partners} of two arrays, for tests: {@code null} or {@link #GIVE_UP} as it returns
   * them, else each baseline element's partner as the walk sees it ({@code -2 - partner} where
   * {@link #confirmed} finds the keys differ), then 1 when the pairing was confirmed by the key
   * texts, 0 when it was left to the walk.
   */
  int[] partners(Tape a, int arrayA, Tape b, int arrayB, List<String> key, boolean fold) {
    ta = a;
    tb = b;
    int[] ea = elements(a, arrayA);
    int[] eb = elements(b, arrayB);
    int[] partner = partners(ea, eb, key, fold);
    if (partner == null || partner == GIVE_UP) {
      return partner;
    }
    int[] out = Arrays.copyOf(partner, partner.length + 1);
    out[partner.length] = unconfirmed == null ? 1 : 0;
    for (int i = 0; unconfirmed != null && i < ea.length; i++) {
      out[i] = confirmed(unconfirmed, ea[i], eb[partner[i]]) ? partner[i] : -2 - partner[i];
    }
    return out;
  }

  /**
   * Whether a pair of elements that {@link #partners} paired have equal keys: always, unless the
   * pairing was {@link #unconfirmed} (then {@code key} is its key, else {@code null}); then their
   * key texts decide (a {@code false} is a hash collision, and the caller gives the resource up to
   * the differ).
   */
  private boolean confirmed(List<String> key, int a, int b) {
    if (key == null) {
      return true;
    }
    int n = key.size();
    int[] fields = new int[2 * n];
    return keyFields(ta, a, key, false, fields, 0) == 0
        && keyFields(tb, b, key, false, fields, n) == 0
        && keyEquals(ta, fields, 0, tb, fields, n, n, false);
  }

  /**
   * The value entries of an element's key fields, into {@code out} from {@code at}: 0 when every
   * one is text the bytes can decide, -1 when one is missing or not text (or not plain ASCII when
   * folding), -2 when an exact key is escaped (its bytes are not its text).
   */
  private static int keyFields(Tape t, int e, List<String> key, boolean fold, int[] out, int at) {
    if (t.kind(e) != Tape.OBJECT) {
      return -1;
    }
    for (int k = 0; k < key.size(); k++) {
      int v = t.field(e, key.get(k));
      if (v < 0 || t.kind(v) != Tape.STRING || (fold && !t.isPlain(v))) {
        return -1;
      }
      if (!t.isUnescaped(v)) {
        return -2;
      }
      out[at + k] = v;
    }
    return 0;
  }

  /**
   * A 64-bit hash of an element's key texts (FNV-1a over every byte, letters folded to lower case
   * when folding, then mixed), so that distinct keys rarely share a hash and the index rarely
   * compares texts.
   */
  private static long keyHash(Tape t, int[] fields, int at, int n, boolean fold) {
    long h = 0xCBF29CE484222325L;
    for (int k = at; k < at + n; k++) {
      byte[] src = t.src;
      for (int p = t.start(fields[k]), e = t.end(fields[k]); p < e; p++) {
        h = (h ^ (fold ? lower(src[p]) : src[p] & 0xFF)) * 0x100000001B3L;
      }
      h = (h ^ 0xFF) * 0x100000001B3L; // between fields: a byte UTF-8 never holds
    }
    h ^= h >>> 33; // MurmurHash3's fmix64: every bit of h moves every bit of the result
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }

  private static boolean keyEquals(
      Tape x, int[] xf, int xo, Tape y, int[] yf, int yo, int n, boolean fold) {
    for (int k = 0; k < n; k++) {
      int a = xf[xo + k];
      int b = yf[yo + k];
      if (!fold) {
        if (!Tape.sameBytes(x, a, y, b)) {
          return false;
        }
        continue;
      }
      int sa = x.start(a);
      int sb = y.start(b);
      int len = x.end(a) - sa;
      if (len != y.end(b) - sb) {
        return false;
      }
      for (int p = 0; p < len; p++) {
        if (lower(x.src[sa + p]) != lower(y.src[sb + p])) {
          return false;
        }
      }
    }
    return true;
  }

  private static int lower(byte c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  /** An element's key as {@link Differ#keyOf} builds it, or {@code null} for a non-object. */
  private static String foldedKey(Tape t, int e, List<String> key, Comparison[] cmp) {
    return t.kind(e) == Tape.OBJECT ? Differ.keyOf(f -> fieldNode(t, e, f), key, cmp) : null;
  }
}
