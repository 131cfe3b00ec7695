package dev.steward.drift.implementation;

import java.util.Arrays;
import java.util.Locale;

/**
 * Resource ids by position, matched as the reference path matches them ({@code
 * id.toLowerCase(Locale.ROOT)} equal), without building a lower-case string per id: the hash folds
 * the id's last {@value #TAIL} chars, and two ASCII ids are compared by folding their chars. Ids
 * with other chars are compared through {@code toLowerCase}, so Unicode case mapping is exactly the
 * reference's.
 */
final class IdIndex {

  /** How many trailing chars the hash reads: ARM ids differ at the end (the resource names). */
  static final int TAIL = 32;

  private final int[] slots;
  private final int mask;
  private final String[] ids;
  private final int[] hashes;

  /**
   * An empty index.
   *
   * @param positions the number of positions (ids are added by position, 0 to positions - 1)
   */
  IdIndex(int positions) {
    int cap = Integer.highestOneBit(Math.max(positions, 1) * 2 + 1) * 2;
    slots = new int[cap];
    Arrays.fill(slots, -1);
    mask = cap - 1;
    ids = new String[positions];
    hashes = new int[positions];
  }

  /**
   * Adds the id at a position, unless an equal id is there already.
   *
   * @param id the id
   * @param hash its {@link #hash}
   * @param position its position
   * @return -1 when added, else the position of the equal id
   */
  int add(String id, int hash, int position) {
    int h = slot(id, hash);
    if (slots[h] >= 0) {
      return slots[h];
    }
    slots[h] = position;
    ids[position] = id;
    hashes[position] = hash;
    return -1;
  }

  /**
   * The position of an equal id.
   *
   * @param id the id
   * @param hash its {@link #hash}
   * @return the position, or -1
   */
  int find(String id, int hash) {
    return slots[slot(id, hash)];
  }

  /** The slot holding an equal id, or the empty slot where it would go. */
  private int slot(String id, int hash) {
    int h = hash & mask;
    while (slots[h] >= 0) {
      int p = slots[h];
      if (hashes[p] == hash && same(ids[p], id)) {
        return h;
      }
      h = (h + 1) & mask;
    }
    return h;
  }

  /**
   * A hash that ids equal in lower case share: of the last {@value #TAIL} chars of the lower-case
   * id. When those chars are ASCII they are the id's own last chars folded (case mapping only
   * lengthens or rewrites non-ASCII chars), so no string is built.
   *
   * @param id the id
   * @return the hash
   */
  static int hash(String id) {
    int n = id.length();
    int h = 0;
    for (int i = Math.max(0, n - TAIL); i < n; i++) {
      char c = id.charAt(i);
      if (c >= 0x80) {
        return lowerCaseHash(id.toLowerCase(Locale.ROOT));
      }
      h = 31 * h + (c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return h ^ (h >>> 15);
  }

  private static int lowerCaseHash(String lower) {
    int n = lower.length();
    int h = 0;
    for (int i = Math.max(0, n - TAIL); i < n; i++) {
      h = 31 * h + lower.charAt(i);
    }
    return h ^ (h >>> 15);
  }

  /**
   * Whether two ids are equal in lower case ({@code Locale.ROOT}).
   *
   * @param a one id
   * @param b another
   * @return whether they match
   */
  static boolean same(String a, String b) {
    int n = a.length();
    if (n == b.length()) {
      for (int i = 0; i < n; i++) {
        char x = a.charAt(i);
        char y = b.charAt(i);
        if (x >= 0x80 || y >= 0x80) {
          return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
        }
        if (x != y && !(isLetter(x) && (x ^ y) == 0x20)) {
          return false;
        }
      }
      return true;
    }
    return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }

  private static boolean isLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
