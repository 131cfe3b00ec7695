package dev.steward.drift.implementation;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

/**
 * Field names read from a tape, as interned strings (the strings Jackson's trees hold), through a
 * small cache: a snapshot repeats a few hundred names, so each is decoded and interned once.
 */
final class NameCache {

  private final String[] names = new String[1024];

  /**
   * The name of a field.
   *
   * @param t the tape
   * @param name a {@link Tape#NAME} entry
   * @return the name, interned
   */
  String of(Tape t, int name) {
    if (!t.isPlain(name)) {
      return TapeSnapshot.text(t, name).intern();
    }
    int s = t.start(name) + 1;
    int len = t.end(name) - 1 - s;
    int slot = t.size(name) & (names.length - 1);
    String cached = names[slot];
    if (cached != null && cached.length() == len) {
      boolean same = true;
      for (int k = 0; k < len && same; k++) {
        same = cached.charAt(k) == t.src[s + k];
      }
      if (same) {
        return cached;
      }
    }
    String text = new String(t.src, s, len, ISO_8859_1).intern();
    names[slot] = text;
    return text;
  }
}
