package dev.steward.drift.implementation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tape differ pairs keyed elements by 64-bit hashes of their keys and compares key texts only
 * where it must: two current keys with one hash, a baseline key found twice, or a pair whose
 * elements differ. Tests keep fewer hash bits, so that keys collide.
 */
class TapeDifferTest {

  private static final List<String> NAME = List.of("name");

  /** The partners of two arrays of {@code {"name": …}} objects, keeping {@code bits} hash bits. */
  private static int[] partners(String a, String b, long bits, boolean fold) {
    byte[] x = a.getBytes(UTF_8);
    byte[] y = b.getBytes(UTF_8);
    TapeDiffer d = new TapeDiffer();
    d.hashBits = bits;
    return d.partners(Tape.scan(x, 0, x.length), 0, Tape.scan(y, 0, y.length), 0, NAME, fold);
  }

  private static String names(String... names) {
    StringBuilder sb = new StringBuilder("[");
    for (String n : names) {
      sb.append(sb.length() > 1 ? "," : "").append("{\"name\":\"").append(n).append("\",\"x\":1}");
    }
    return sb.append(']').toString();
  }

  @Test
  void distinctHashesPairWithoutComparingKeys() {
    assertThat(partners(names("a", "b", "c"), names("c", "a", "b"), -1L, false))
        .containsExactly(1, 2, 0, 0);
  }

  @Test
  void twoCurrentKeysWithOneHashMakeEveryKeyCompared() {
    assertThat(partners(names("a", "b", "c"), names("c", "a", "b"), 0L, false))
        .containsExactly(1, 2, 0, 1);
  }

  @Test
  void aBaselineKeyThatCollidesIsCaughtWhenThePairIsConfirmed() {
    // one current key, so no collision among them: "a" takes "z" on its hash alone
    assertThat(partners(names("a"), names("z"), 0L, false)).containsExactly(-2, 0);
    assertThat(partners(names("a"), names("a"), 0L, false)).containsExactly(0, 0);
  }

  @Test
  void aKeyTwiceOrMissingIsLeftToTheFoldedMatching() {
    assertThat(partners(names("a", "a"), names("a", "b"), -1L, false)).isNull();
    assertThat(partners(names("a", "a"), names("a", "b"), 0L, false)).isNull();
    assertThat(partners(names("a", "b"), names("a", "a"), -1L, false)).isNull();
    assertThat(partners(names("a", "b"), names("a", "c"), -1L, false)).isNull();
  }

  @Test
  void foldedKeysAreAlwaysCompared() {
    assertThat(partners(names("A", "b"), names("B", "a"), -1L, true)).containsExactly(1, 0, 1);
    assertThat(partners(names("A", "b"), names("B", "a"), 0L, true)).containsExactly(1, 0, 1);
    assertThat(partners(names("A", "a"), names("B", "a"), -1L, true)).isEmpty(); // give up
  }
}
