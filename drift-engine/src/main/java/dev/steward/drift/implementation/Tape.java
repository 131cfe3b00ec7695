package dev.steward.drift.implementation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A structural index of JSON bytes: one entry per value and per field name, with its kind, its byte
 * span and, for a container, where its subtree ends on the tape and how many children it has. Built
 * in one pass over the bytes, without decoding strings or numbers and without one object per value,
 * so that two snapshots can be compared span by span ({@link Arrays#equals(byte[], int, int,
 * byte[], int, int)}) and only differing values are ever decoded.
 *
 * <p>The scanner is strict: it accepts a subset of what Jackson's default parser accepts (RFC 8259
 * JSON, root values one after another, strictly valid UTF-8, nesting up to {@link #MAX_DEPTH}, no
 * escaped field names, no field name twice in one object). {@link #scan} returns {@code null} for
 * anything else, and the caller then reads the bytes with Jackson, whose error names the file, line
 * and column. So the tape never accepts input that the reference reader would reject, and two
 * valid, escape-free strings are equal exactly when their bytes are.
 */
final class Tape {

  /** An object: {@link #size} fields, each a {@link #NAME} entry followed by its value. */
  static final byte OBJECT = 1;

  /** An array: {@link #size} elements. */
  static final byte ARRAY = 2;

  /** A string value; the span includes the quotes. */
  static final byte STRING = 3;

  /** A number, as written. */
  static final byte NUMBER = 4;

  /** {@code true}. */
  static final byte TRUE = 5;

  /** {@code false}. */
  static final byte FALSE = 6;

  /** {@code null}. */
  static final byte NULL = 7;

  /** A field name; the span includes the quotes. */
  static final byte NAME = 8;

  /** Flag on a string: it contains an escape sequence, so its bytes are not its text. */
  static final byte ESCAPED = 0x10;

  /** Flag on a string: it contains bytes above 0x7F (valid UTF-8). */
  static final byte NON_ASCII = 0x20;

  /** The deepest nesting accepted (Jackson's default limit is 1,000). */
  static final int MAX_DEPTH = 500;

  /** Jackson's default maximum number length (StreamReadConstraints). */
  private static final int MAX_NUMBER_LENGTH = 1_000;

  /** Jackson's default maximum field name length (StreamReadConstraints). */
  private static final int MAX_NAME_LENGTH = 50_000;

  /** Jackson's default maximum string length, in chars; a byte count bounds it from above. */
  private static final int MAX_STRING_LENGTH = 20_000_000;

  private static final int REJECT = -1;

  /** What {@link #member} returns when the container closes after the member. */
  private static final int CLOSED = -2;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long SPACES = 0x2020202020202020L;

  /** Byte classes inside a string: 0 plain, 1 quote, 2 backslash, 3 control, 4 non-ASCII. */
  private static final byte[] STRING_CLASS = new byte[256];

  static {
    for (int c = 0; c < 0x20; c++) {
      STRING_CLASS[c] = 3;
    }
    STRING_CLASS['"'] = 1;
    STRING_CLASS['\\'] = 2;
    for (int c = 0x80; c < 0x100; c++) {
      STRING_CLASS[c] = 4;
    }
  }

  /**
   * Each thread keeps the arrays of its last two tapes (a comparison scans two snapshots) for the
   * next comparison, softly, as Jackson keeps its buffers: a large snapshot's tape is a few
   * megabytes that need not be allocated and zeroed again.
   */
  private static final ThreadLocal<SoftReference<Tape[]>> RECYCLED = new ThreadLocal<>();

  /**
   * Tapes over {@link #MAX_RECYCLED} entries are kept only weakly: a comparison that follows at
   * once (a batch of large snapshots) reuses them, and the next garbage collection frees them, so a
   * process that compared one large snapshot does not hold its tapes.
   */
  private static final ThreadLocal<WeakReference<Tape[]>> RECYCLED_LARGE = new ThreadLocal<>();

  /** The most entries a softly recycled tape holds (about 17 MB of arrays, a 12 MB snapshot). */
  private static final int MAX_RECYCLED = 1 << 20;

  final byte[] src;
  private final int limit;
  private byte[] kinds;
  private int[] starts;
  private int[] ends;
  private int[] nexts;
  private int[] sizes;
  private int count;
  private int closedAt;
  private final boolean reused;

  private Tape(byte[] src, int limit) {
    this.src = src;
    this.limit = limit;
    int cap = Math.max(16, limit / 12 + 16);
    Tape old = recycled(cap);
    reused = old != null;
    if (old != null) {
      kinds = old.kinds;
      starts = old.starts;
      ends = old.ends;
      nexts = old.nexts;
      sizes = old.sizes;
    } else {
      kinds = new byte[cap];
      starts = new int[cap];
      ends = new int[cap];
      nexts = new int[cap];
      sizes = new int[cap];
    }
  }

  /** A recycled tape of this thread with room for cap entries, taken from the cache, or null. */
  private static Tape recycled(int cap) {
    Tape t = recycled(cap, cacheOf(RECYCLED));
    return t != null ? t : recycled(cap, cacheOf(RECYCLED_LARGE));
  }

  private static Tape recycled(int cap, Tape[] cache) {
    if (cache != null) {
      for (int k = 0; k < cache.length; k++) {
        Tape t = cache[k];
        if (t != null && t.kinds.length >= cap && t.kinds.length <= cap * 8L) {
          cache[k] = null;
          return t;
        }
      }
    }
    return null;
  }

  private static Tape[] cacheOf(ThreadLocal<? extends Reference<Tape[]>> slot) {
    Reference<Tape[]> ref = slot.get();
    return ref == null ? null : ref.get();
  }

  /** Whether this tape's arrays were recycled from an earlier tape of this thread. */
  boolean reused() {
    return reused;
  }

  /** Gives this tape's arrays back for the thread's next scan. The tape must not be used after. */
  void recycle() {
    boolean large = kinds.length > MAX_RECYCLED;
    Tape[] cache = cacheOf(large ? RECYCLED_LARGE : RECYCLED);
    if (cache == null) {
      cache = new Tape[2];
      if (large) {
        RECYCLED_LARGE.set(new WeakReference<>(cache));
      } else {
        RECYCLED.set(new SoftReference<>(cache));
      }
    }
    for (int k = 0; k < cache.length; k++) {
      if (cache[k] == null || cache[k] == this) {
        cache[k] = this;
        return;
      }
    }
    int smaller = cache[0].kinds.length <= cache[1].kinds.length ? 0 : 1;
    if (cache[smaller].kinds.length < kinds.length) {
      cache[smaller] = this; // keep the larger arrays
    }
  }

  /**
   * Indexes bytes holding JSON values one after another (a document, or JSON Lines), each root an
   * object or an array.
   *
   * @param src the bytes
   * @param from where to start
   * @param to where to stop (exclusive)
   * @return the tape, or {@code null} when the bytes are not in the strict subset this scanner
   *     accepts (then read them with Jackson); give it back with {@link #recycle} when done
   */
  static Tape scan(byte[] src, int from, int to) {
    Tape t = new Tape(src, to);
    if (t.roots(from)) {
      return t;
    }
    t.recycle();
    return null;
  }

  /** Scans the root values; false when the bytes are not in the accepted subset. */
  private boolean roots(int from) {
    int p = ws(from);
    if (p >= limit) {
      return false; // empty: the reference reader reports it
    }
    while (p < limit) {
      byte c = src[p];
      if (c != '{' && c != '[') {
        return false;
      }
      p = value(p, 0);
      if (p == REJECT) {
        return false;
      }
      p = ws(p);
    }
    return true;
  }

  // ------------------------------------------------------------------ reading

  /**
   * The number of entries.
   *
   * @return the count
   */
  int count() {
    return count;
  }

  /** The kind of an entry, without flags. */
  int kind(int i) {
    return kinds[i] & 0x0F;
  }

  /** Where an entry's bytes start. */
  int start(int i) {
    return starts[i];
  }

  /** Where an entry's bytes end (exclusive). */
  int end(int i) {
    return ends[i];
  }

  /** The entry after this one's subtree. */
  int next(int i) {
    return nexts[i];
  }

  /** A container's number of fields or elements; a name's hash. */
  int size(int i) {
    return sizes[i];
  }

  /** Whether an entry is an object or an array. */
  boolean isContainer(int i) {
    int k = kinds[i] & 0x0F;
    return k == OBJECT || k == ARRAY;
  }

  /** Whether a string or name entry has neither escapes nor bytes above 0x7F. */
  boolean isPlain(int i) {
    return (kinds[i] & (ESCAPED | NON_ASCII)) == 0;
  }

  /** Whether a string or name entry's bytes are its UTF-8 text (no escape sequence). */
  boolean isUnescaped(int i) {
    return (kinds[i] & ESCAPED) == 0;
  }

  /**
   * Whether two entries, possibly of two tapes, have the same bytes (then they are the same JSON
   * value).
   */
  static boolean sameBytes(Tape a, int i, Tape b, int j) {
    int sa = a.starts[i];
    int sb = b.starts[j];
    int n = a.ends[i] - sa;
    return n == b.ends[j] - sb && Arrays.equals(a.src, sa, sa + n, b.src, sb, sb + n);
  }

  /** Whether a name or string entry's text, unescaped, is exactly {@code ascii}. */
  boolean textEquals(int i, String ascii) {
    if ((kinds[i] & ESCAPED) != 0) {
      return false;
    }
    int s = starts[i] + 1;
    int n = ends[i] - 1 - s;
    if (n != ascii.length()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (src[s + k] != ascii.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The field of an object entry with this name, as the value's entry, or -1. */
  int field(int object, String name) {
    int j = object + 1;
    for (int f = sizes[object]; f > 0; f--) {
      if (textEquals(j, name)) {
        return j + 1;
      }
      j = nexts[j + 1];
    }
    return -1;
  }

  // ------------------------------------------------------------------ scanning

  private int add(byte kind, int start) {
    if (count == kinds.length) {
      int cap = count + (count >> 1) + 16;
      kinds = Arrays.copyOf(kinds, cap);
      starts = Arrays.copyOf(starts, cap);
      ends = Arrays.copyOf(ends, cap);
      nexts = Arrays.copyOf(nexts, cap);
      sizes = Arrays.copyOf(sizes, cap);
    }
    int i = count++;
    kinds[i] = kind;
    starts[i] = start;
    nexts[i] = count;
    sizes[i] = 0; // the arrays may be recycled
    return i;
  }

  /** Skips JSON whitespace; returns the position of the next other byte, or the limit. */
  private int ws(int p) {
    while (p < limit) {
      byte c = src[p];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        p++;
      } else {
        return p;
      }
    }
    return p;
  }

  /** A value starting at p (not whitespace); returns the position after it, or REJECT. */
  private int value(int p, int depth) {
    switch (src[p]) {
      case '{':
        return object(p, depth + 1);
      case '[':
        return array(p, depth + 1);
      case '"':
        return string(p, STRING);
      case 't':
        return literal(p, TRUE, "true");
      case 'f':
        return literal(p, FALSE, "false");
      case 'n':
        return literal(p, NULL, "null");
      default:
        return number(p);
    }
  }

  private int object(int p, int depth) {
    if (depth > MAX_DEPTH) {
      return REJECT;
    }
    int self = add(OBJECT, p);
    p = ws(p + 1);
    int n = 0;
    long bloom = 0;
    if (p < limit && src[p] == '}') {
      return close(self, p, 0);
    }
    while (true) {
      if (p >= limit || src[p] != '"') {
        return REJECT;
      }
      int name = count;
      p = name(p);
      if (p == REJECT) {
        return REJECT;
      }
      int h = sizes[name];
      long bit = 1L << (h & 63);
      if ((bloom & bit) != 0 && repeated(self, name)) {
        return REJECT; // a field twice: Jackson keeps the last, the reference reader decides
      }
      bloom |= bit;
      p = ws(p);
      if (p >= limit || src[p] != ':') {
        return REJECT;
      }
      p = member(ws(p + 1), depth, (byte) '}');
      n++;
      if (p == CLOSED) {
        return close(self, closedAt, n);
      }
      if (p == REJECT) {
        return REJECT;
      }
    }
  }

  /** Whether the name entry {@code name} repeats an earlier field name of {@code object}. */
  private boolean repeated(int object, int name) {
    for (int j = object + 1; j < name; j = nexts[j + 1]) {
      if (sizes[j] == sizes[name] && sameBytes(this, j, this, name)) {
        return true;
      }
    }
    return false;
  }

  private int array(int p, int depth) {
    if (depth > MAX_DEPTH) {
      return REJECT;
    }
    int self = add(ARRAY, p);
    p = ws(p + 1);
    int n = 0;
    if (p < limit && src[p] == ']') {
      return close(self, p, 0);
    }
    while (true) {
      p = member(p, depth, (byte) ']');
      n++;
      if (p == CLOSED) {
        return close(self, closedAt, n);
      }
      if (p == REJECT) {
        return REJECT;
      }
    }
  }

  /**
   * A member value at p (a field's value or an element) and what follows it: the position of the
   * next member after a ',', or {@link #CLOSED} when {@code close} follows (its position in {@link
   * #closedAt}), or REJECT.
   */
  private int member(int p, int depth, byte close) {
    if (p >= limit) {
      return REJECT;
    }
    p = value(p, depth);
    if (p == REJECT) {
      return REJECT;
    }
    p = ws(p);
    if (p >= limit) {
      return REJECT;
    }
    byte c = src[p];
    if (c == ',') {
      return ws(p + 1);
    }
    if (c == close) {
      closedAt = p;
      return CLOSED;
    }
    return REJECT;
  }

  /** Closes a container whose closing byte is at p. */
  private int close(int self, int p, int n) {
    ends[self] = p + 1;
    nexts[self] = count;
    sizes[self] = n;
    return p + 1;
  }

  /**
   * A string value whose opening quote is at p. Eight bytes are tested at a time for a quote, a
   * backslash, a control character or a byte above 0x7F; runs of plain bytes are skipped whole.
   */
  private int string(int p, byte kind) {
    int self = add(kind, p);
    byte flags = 0;
    int q = p + 1;
    final byte[] s = src;
    final int lim = limit;
    while (true) {
      while (q + 8 <= lim) {
        long w = (long) LONGS.get(s, q);
        long special =
            (zeroBytes(w ^ QUOTES) | zeroBytes(w ^ BACKSLASHES) | ((w - SPACES) & ~w) | w) & HIGH;
        if (special != 0) {
          q += Long.numberOfTrailingZeros(special) >>> 3;
          break;
        }
        q += 8;
      }
      if (q >= lim) {
        return REJECT;
      }
      int b = s[q] & 0xFF;
      switch (STRING_CLASS[b]) {
        case 0:
          q++;
          break;
        case 1:
          {
            if (q - p - 1 > MAX_STRING_LENGTH) {
              return REJECT;
            }
            kinds[self] = (byte) (kind | flags);
            ends[self] = q + 1;
            return q + 1;
          }
        case 2:
          flags |= ESCAPED;
          q = escape(q);
          if (q == REJECT) {
            return REJECT;
          }
          break;
        case 3:
          return REJECT; // a raw control character
        default:
          flags |= NON_ASCII;
          q = utf8(q, b);
          if (q == REJECT) {
            return REJECT;
          }
          break;
      }
    }
  }

  /** Bytes of w that are zero get their high bit set (exact for the lowest such byte). */
  private static long zeroBytes(long w) {
    return (w - ONES) & ~w;
  }

  /** A field name whose opening quote is at p; its size slot gets a hash of its bytes. */
  private int name(int p) {
    int self = count;
    int q = string(p, NAME);
    if (q == REJECT || (kinds[self] & ESCAPED) != 0) {
      return REJECT; // an escaped name could spell another name: the reference reader decides
    }
    int len = q - p - 2;
    if (len > MAX_NAME_LENGTH) {
      return REJECT;
    }
    sizes[self] = hash(src, p + 1, len, limit);
    return q;
  }

  /** A hash of {@code len} bytes from {@code from}: their first and last eight, and the length. */
  private static int hash(byte[] s, int from, int len, int limit) {
    long first;
    long last = 0;
    if (len >= 8) {
      first = (long) LONGS.get(s, from);
      last = (long) LONGS.get(s, from + len - 8);
    } else if (from + 8 <= limit) {
      first = (long) LONGS.get(s, from) & ((1L << (len << 3)) - 1);
    } else {
      first = 0;
      for (int k = 0; k < len; k++) {
        first |= (s[from + k] & 0xFFL) << (k << 3);
      }
    }
    long x = first * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(last * 0xC2B2AE3D27D4EB4FL, 29) ^ len;
    return (int) (x ^ (x >>> 32));
  }

  /** An escape sequence whose backslash is at q. */
  private int escape(int q) {
    if (q + 1 >= limit) {
      return REJECT;
    }
    switch (src[q + 1]) {
      case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
        return q + 2;
      case 'u':
        if (q + 5 >= limit) {
          return REJECT;
        }
        for (int k = q + 2; k < q + 6; k++) {
          if (Character.digit(src[k], 16) < 0) {
            return REJECT;
          }
        }
        return q + 6;
      default:
        return REJECT;
    }
  }

  /**
   * A multi-byte UTF-8 sequence whose lead byte {@code b} is at q. Strictly valid sequences only:
   * no overlong forms and no surrogates, so the bytes of a string are a function of its text.
   */
  private int utf8(int q, int b) {
    int n;
    int lo = 0x80;
    int hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      n = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      n = 2;
      if (b == 0xE0) {
        lo = 0xA0;
      } else if (b == 0xED) {
        hi = 0x9F;
      }
    } else if (b >= 0xF0 && b <= 0xF4) {
      n = 3;
      if (b == 0xF0) {
        lo = 0x90;
      } else if (b == 0xF4) {
        hi = 0x8F;
      }
    } else {
      return REJECT;
    }
    if (q + n >= limit) {
      return REJECT;
    }
    int c = src[q + 1] & 0xFF;
    if (c < lo || c > hi) {
      return REJECT;
    }
    for (int k = 2; k <= n; k++) {
      c = src[q + k] & 0xFF;
      if (c < 0x80 || c > 0xBF) {
        return REJECT;
      }
    }
    return q + n + 1;
  }

  private int literal(int p, byte kind, String word) {
    int n = word.length();
    if (p + n > limit) {
      return REJECT;
    }
    for (int k = 1; k < n; k++) {
      if (src[p + k] != word.charAt(k)) {
        return REJECT;
      }
    }
    if (!delimiter(p + n)) {
      return REJECT;
    }
    int self = add(kind, p);
    ends[self] = p + n;
    return p + n;
  }

  /** RFC 8259 numbers only: no leading zeros, no leading '+' or '.', digits after '.' and 'e'. */
  private int number(int p) {
    int q = p;
    if (src[q] == '-') {
      q++;
    }
    if (q >= limit) {
      return REJECT;
    }
    byte c = src[q];
    if (c == '0') {
      q++;
    } else if (c >= '1' && c <= '9') {
      q = digits(q + 1);
    } else {
      return REJECT;
    }
    if (q < limit && src[q] == '.') {
      int d = digits(q + 1);
      if (d == q + 1) {
        return REJECT;
      }
      q = d;
    }
    if (q < limit && (src[q] == 'e' || src[q] == 'E')) {
      q++;
      if (q < limit && (src[q] == '+' || src[q] == '-')) {
        q++;
      }
      int d = digits(q);
      if (d == q) {
        return REJECT;
      }
      q = d;
    }
    if (q - p > MAX_NUMBER_LENGTH || !delimiter(q)) {
      return REJECT;
    }
    int self = add(NUMBER, p);
    ends[self] = q;
    return q;
  }

  private int digits(int q) {
    while (q < limit && src[q] >= '0' && src[q] <= '9') {
      q++;
    }
    return q;
  }

  /** Whether a value may end before position q: the end, whitespace, ',', ']' or '}'. */
  private boolean delimiter(int q) {
    if (q >= limit) {
      return true;
    }
    byte c = src[q];
    return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }
}
