package dev.steward.drift.implementation;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.steward.drift.models.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;

/**
 * The resources of a snapshot found on its {@link Tape}, in file order, each with its id,
 * lower-case key and lower-case type, by the same rules as {@link SnapshotReader}: one resource
 * object, an array of them, {@code {"value":[...]}}, {@code {"data":[...]}}, or JSON Lines. Where
 * the reference reader would report an error (no id, a list object without a list, a non-object
 * element), {@link #read} returns {@code null} and the caller runs the reference reader, which
 * names the place.
 */
final class TapeSnapshot {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  final Tape tape;
  final String file;
  private int[] entries = new int[64];
  private int[] ids = new int[64];
  private int[] types = new int[64];
  private String[] idText = new String[64];
  private String[] keys = new String[64];
  private String[] lowerTypes = new String[64];
  private int size;

  private int lineCursor;
  private int lineNumber = 1;
  private int lineStart;

  private TapeSnapshot(Tape tape, String file) {
    this.tape = tape;
    this.file = file;
  }

  /**
   * Finds the resources on a tape.
   *
   * @param tape the snapshot's tape
   * @param file its name in messages
   * @param aligned the baseline, when reading the current snapshot: a resource whose id and type
   *     are written exactly as the baseline resource's at the same position reuses that resource's
   *     strings instead of decoding and case-folding them again; or {@code null}
   * @return the resources, or {@code null} when the reference reader must decide (it will report an
   *     error)
   */
  static TapeSnapshot read(Tape tape, String file, TapeSnapshot aligned) {
    TapeSnapshot s = new TapeSnapshot(tape, file);
    int n = tape.count();
    for (int i = 0; i < n; i = tape.next(i)) {
      boolean ok;
      if (tape.kind(i) == Tape.ARRAY) {
        ok = s.elements(i, aligned);
      } else if (tape.size(i) > 0 && isWrapperField(tape, i + 1)) {
        ok = s.wrapper(i, aligned);
      } else {
        ok = s.resource(i, aligned);
      }
      if (!ok) {
        return null;
      }
    }
    return s;
  }

  private static boolean isWrapperField(Tape t, int name) {
    for (String w : SnapshotReader.WRAPPER_FIELDS) {
      if (t.textEquals(name, w)) {
        return true;
      }
    }
    return false;
  }

  private boolean wrapper(int object, TapeSnapshot aligned) {
    boolean sawList = false;
    int j = object + 1;
    for (int f = tape.size(object); f > 0; f--, j = tape.next(j + 1)) {
      boolean list = tape.textEquals(j, "value") || tape.textEquals(j, "data");
      if (list && tape.kind(j + 1) == Tape.ARRAY) {
        if (!elements(j + 1, aligned)) {
          return false;
        }
        sawList = true;
      } else if (tape.textEquals(j, "id")) {
        return false; // both a list and an id: an error
      }
    }
    return sawList;
  }

  private boolean elements(int array, TapeSnapshot aligned) {
    for (int e = array + 1, k = tape.size(array); k > 0; k--, e = tape.next(e)) {
      if (tape.kind(e) != Tape.OBJECT || !resource(e, aligned)) {
        return false;
      }
    }
    return true;
  }

  private boolean resource(int object, TapeSnapshot aligned) {
    int id = tape.field(object, "id");
    if (id < 0 || tape.kind(id) != Tape.STRING) {
      return false;
    }
    int type = tape.field(object, "type");
    if (type >= 0 && tape.kind(type) != Tape.STRING) {
      type = -1;
    }
    if (size == entries.length) {
      int cap = size * 2;
      entries = Arrays.copyOf(entries, cap);
      ids = Arrays.copyOf(ids, cap);
      types = Arrays.copyOf(types, cap);
      idText = Arrays.copyOf(idText, cap);
      keys = Arrays.copyOf(keys, cap);
      lowerTypes = Arrays.copyOf(lowerTypes, cap);
    }
    int k = size;
    if (aligned != null && k < aligned.size && aligned.sameIdAndType(k, tape, id, type)) {
      idText[k] = aligned.idText[k];
      keys[k] = aligned.keys[k];
      lowerTypes[k] = aligned.lowerTypes[k];
    } else {
      String text = text(tape, id);
      if (text.isBlank()) {
        return false;
      }
      idText[k] = text;
      keys[k] = text.toLowerCase(Locale.ROOT);
      lowerTypes[k] = Canonical.resourceType(type < 0 ? null : text(tape, type), text);
    }
    entries[k] = object;
    ids[k] = id;
    types[k] = type;
    size++;
    return true;
  }

  private boolean sameIdAndType(int k, Tape other, int id, int type) {
    int mine = types[k];
    return Tape.sameBytes(tape, ids[k], other, id)
        && (mine < 0 ? type < 0 : type >= 0 && Tape.sameBytes(tape, mine, other, type));
  }

  /**
   * The number of resources.
   *
   * @return the count
   */
  int size() {
    return size;
  }

  /** The tape entry of resource k (an object). */
  int entry(int k) {
    return entries[k];
  }

  /** Resource k's id as written. */
  String id(int k) {
    return idText[k];
  }

  /** Resource k's id in lower case. */
  String key(int k) {
    return keys[k];
  }

  /** Resource k's lower-case type. */
  String type(int k) {
    return lowerTypes[k];
  }

  /** Resource k as a tree, read from its bytes as the reference reader reads it. */
  JsonNode tree(int k) {
    return parse(tape, entries[k]);
  }

  /**
   * Resource k as a tree equal to {@link #tree(int)}'s, sharing every subtree equal to its
   * counterpart in {@code counterpart} ({@link SharingTreeReader}).
   */
  JsonNode tree(int k, JsonNode counterpart) {
    int e = entries[k];
    try (JsonParser p =
        MAPPER.getFactory().createParser(tape.src, tape.start(e), tape.end(e) - tape.start(e))) {
      p.nextToken(); // the resource's START_OBJECT
      p.nextToken();
      return new SharingTreeReader(MAPPER).readResource(p, key -> counterpart);
    } catch (IOException ex) {
      // the tape accepted these bytes, so Jackson accepts them too
      throw new UncheckedIOException("cannot re-read a resource the tape accepted", ex);
    }
  }

  /**
   * Where resource k starts, as the reference reader (Jackson) reports it: line breaks are LF, CR
   * or CRLF, the column counts bytes from 1. Calls for increasing k are linear in all.
   */
  SourceLocation location(int k) {
    int at = tape.start(entries[k]);
    if (at < lineCursor) {
      lineCursor = 0;
      lineNumber = 1;
      lineStart = 0;
    }
    byte[] src = tape.src;
    for (int p = lineCursor; p < at; p++) {
      byte c = src[p];
      if (c == '\n' || (c == '\r' && (p + 1 >= src.length || src[p + 1] != '\n'))) {
        lineNumber++;
        lineStart = p + 1;
      }
    }
    lineCursor = at;
    return new SourceLocation(file, lineNumber, at - lineStart + 1);
  }

  /** A resource entry as the reference reader's {@link SnapshotReader.Entry}, without a tree. */
  SnapshotReader.Entry entryOf(int k) {
    int e = entries[k];
    return new SnapshotReader.Entry(
        idText[k], keys[k], lowerTypes[k], null, location(k), tape.start(e), tape.end(e));
  }

  // ------------------------------------------------------------------ values

  /** A string entry's text. */
  static String text(Tape t, int i) {
    int s = t.start(i) + 1;
    int n = t.end(i) - 1 - s;
    if (t.isUnescaped(i)) {
      return new String(t.src, s, n, t.isPlain(i) ? ISO_8859_1 : UTF_8);
    }
    return unescape(t.src, s, s + n);
  }

  /**
   * Whether two string entries have the same text, decoded as Jackson decodes them, without
   * building either: chars are compared as they are decoded, up to the first difference.
   */
  static boolean sameText(Tape a, int i, Tape b, int j) {
    Chars x = new Chars(a.src, a.start(i) + 1, a.end(i) - 1);
    Chars y = new Chars(b.src, b.start(j) + 1, b.end(j) - 1);
    while (true) {
      int c = x.next();
      if (c != y.next()) {
        return false;
      }
      if (c < 0) {
        return true;
      }
    }
  }

  /** The chars of string content with escapes, one at a time, as {@link #unescape} gives them. */
  private static final class Chars {
    private final byte[] src;
    private final int end;
    private int p;
    private int low = -1;

    Chars(byte[] src, int from, int end) {
      this.src = src;
      this.p = from;
      this.end = end;
    }

    /** The next char, or -1 at the end. */
    int next() {
      if (low >= 0) {
        int c = low;
        low = -1;
        return c;
      }
      if (p >= end) {
        return -1;
      }
      byte c = src[p];
      if (c == '\\') {
        byte e = src[p + 1];
        p += 2;
        switch (e) {
          case 'b':
            return '\b';
          case 'f':
            return '\f';
          case 'n':
            return '\n';
          case 'r':
            return '\r';
          case 't':
            return '\t';
          case 'u':
            p += 4;
            return (Character.digit(src[p - 4], 16) << 12)
                | (Character.digit(src[p - 3], 16) << 8)
                | (Character.digit(src[p - 2], 16) << 4)
                | Character.digit(src[p - 1], 16);
          default:
            return e; // '"', '\\' and '/'
        }
      }
      if (c >= 0) {
        p++;
        return c;
      }
      // strictly valid UTF-8 (the tape checked it): 2, 3 or 4 bytes
      int cp;
      if (c >= (byte) 0xF0) {
        cp =
            (c & 0x07) << 18
                | (src[p + 1] & 0x3F) << 12
                | (src[p + 2] & 0x3F) << 6
                | (src[p + 3] & 0x3F);
        p += 4;
        low = Character.lowSurrogate(cp);
        return Character.highSurrogate(cp);
      }
      if (c >= (byte) 0xE0) {
        cp = (c & 0x0F) << 12 | (src[p + 1] & 0x3F) << 6 | (src[p + 2] & 0x3F);
        p += 3;
        return cp;
      }
      cp = (c & 0x1F) << 6 | (src[p + 1] & 0x3F);
      p += 2;
      return cp;
    }
  }

  /**
   * The text of string content with escape sequences, decoded as Jackson decodes it (a Unicode
   * escape is one char, surrogates included). The tape has checked the escapes and the UTF-8.
   */
  private static String unescape(byte[] src, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    Chars chars = new Chars(src, from, to);
    for (int c = chars.next(); c >= 0; c = chars.next()) {
      sb.append((char) c);
    }
    return sb.toString();
  }

  /** An entry as the tree {@code ObjectMapper.readTree} builds from its bytes. */
  static JsonNode parse(Tape t, int i) {
    switch (t.kind(i)) {
      case Tape.TRUE:
        return BooleanNode.TRUE;
      case Tape.FALSE:
        return BooleanNode.FALSE;
      case Tape.NULL:
        return NullNode.getInstance();
      case Tape.STRING:
        return TextNode.valueOf(text(t, i));
      case Tape.NUMBER:
        JsonNode integer = integer(t.src, t.start(i), t.end(i));
        return integer != null ? integer : read(t, i);
      default:
        return read(t, i);
    }
  }

  /**
   * Entry i as a tree equal to {@link #parse(Tape, int)}'s, except that the elements of the array
   * entry {@code array} for which {@code stubs} holds a node (by position) are that node.
   *
   * @param t the tape
   * @param i the entry
   * @param array an array entry inside i (or i itself), or -1
   * @param stubs the nodes that stand for that array's elements, by position; {@code null} where
   *     the element is read
   * @return the tree
   */
  static JsonNode parse(Tape t, int i, int array, JsonNode[] stubs) {
    if (array < i || array >= t.next(i)) {
      return parse(t, i); // the array is not inside this entry
    }
    if (t.kind(i) == Tape.OBJECT) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      for (int j = i + 1, f = t.size(i); f > 0; f--, j = t.next(j + 1)) {
        o.set(text(t, j), parse(t, j + 1, array, stubs));
      }
      return o;
    }
    ArrayNode a = JsonNodeFactory.instance.arrayNode(t.size(i));
    for (int e = i + 1, k = 0, n = t.size(i); k < n; k++, e = t.next(e)) {
      a.add(i == array && stubs[k] != null ? stubs[k] : parse(t, e, array, stubs));
    }
    return a;
  }

  /**
   * An integer as Jackson reads it into a tree: an int when it fits, else a long, else a big
   * integer; {@code null} for a number with a fraction or an exponent.
   */
  private static JsonNode integer(byte[] src, int from, int to) {
    for (int p = src[from] == '-' ? from + 1 : from; p < to; p++) {
      if (src[p] < '0' || src[p] > '9') {
        return null;
      }
    }
    String text = new String(src, from, to - from, ISO_8859_1);
    if (to - from <= 18) {
      long v = Long.parseLong(text);
      return v == (int) v ? IntNode.valueOf((int) v) : LongNode.valueOf(v);
    }
    BigInteger v = new BigInteger(text);
    return v.bitLength() < 64 ? LongNode.valueOf(v.longValue()) : BigIntegerNode.valueOf(v);
  }

  /** An entry read by Jackson from its bytes. */
  private static JsonNode read(Tape t, int i) {
    try {
      return MAPPER.readTree(t.src, t.start(i), t.end(i) - t.start(i));
    } catch (IOException e) {
      // the tape accepted these bytes, so Jackson accepts them too
      throw new UncheckedIOException("cannot re-read a value the tape accepted", e);
    }
  }
}
