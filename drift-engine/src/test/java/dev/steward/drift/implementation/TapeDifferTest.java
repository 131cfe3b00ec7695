package dev.steward.drift.implementation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.drift.models.NoiseClass;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tape differ pairs keyed elements by 64-bit hashes of their keys and compares key texts only
 * where it must: two current keys with one hash, a baseline key found twice, or a pair whose
 * elements differ. Tests keep fewer hash bits, so that keys collide.
 */
class TapeDifferTest {

  private static final List<String> NAME = List.of("name");

  /** NSG rules keyed by a name that is volatile: a pair with different names holds only noise. */
  private static final TypeRules VOLATILE_NAMES =
      new CompiledRules(
              RuleParser.merge(
                  new RuleData(),
                  "volatile-names.json",
                  new ByteArrayInputStream(
                      ("{\"version\": 1, \"name\": \"volatile-names\", \"types\": {"
                              + "\"microsoft.network/networksecuritygroups\": {"
                              + "\"volatile\": [\"properties.securityRules[].name\"],"
                              + "\"arrays\": {\"properties.securityRules\": {\"key\": \"name\"}}}}}")
                          .getBytes(UTF_8))))
          .forType("microsoft.network/networksecuritygroups");

  private static final String NSG =
      "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/networkSecurityGroups/n";

  private static byte[] nsg(String rules) {
    return ("{\"id\": \""
            + NSG
            + "\", \"type\": \"Microsoft.Network/networkSecurityGroups\","
            + " \"properties\": {\"securityRules\": "
            + rules
            + "}}")
        .getBytes(UTF_8);
  }

  /** Whether the tape differ, keeping {@code bits} hash bits, finds the pair clean. */
  private static boolean clean(byte[] a, byte[] b, long bits, boolean[] narrowed) {
    TapeDiffer d = new TapeDiffer();
    d.hashBits = bits;
    Tape ta = Tape.scan(a, 0, a.length);
    Tape tb = Tape.scan(b, 0, b.length);
    boolean clean =
        d.clean(VOLATILE_NAMES, NSG, ta, 0, tb, 0, new long[NoiseClass.values().length]);
    narrowed[0] = d.narrowed(new long[NoiseClass.values().length]);
    return clean;
  }

  private static String rules(int n, int renamed, String to) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      String name = i == renamed ? to : "r" + i;
      sb.append(i > 0 ? "," : "").append("{\"name\":\"" + name + "\",\"v\":" + i + "}");
    }
    return sb.append(']').toString();
  }

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

  @Test
  void aPairOfCollidingKeysIsNotTakenForOneElement() {
    // "a" and "b" share the one hash kept: as partners, they would differ only in a volatile name
    boolean[] narrowed = new boolean[1];
    byte[] a = nsg("[{\"name\":\"a\",\"v\":1}]");
    assertThat(clean(a, nsg("[{\"name\":\"b\",\"v\":1}]"), 0L, narrowed)).isFalse();
    assertThat(clean(a, nsg("[{\"v\":1,\"name\":\"a\"}]"), 0L, narrowed)).isTrue();
  }

  @Test
  void aLargeArrayIsNotNarrowedOnCollidingKeys() {
    // a renamed rule whose new name shares r5's hash (16 bits kept), the other names distinct
    long bits = 0xFFFF;
    byte[] a = nsg(rules(64, -1, null));
    String renamed = null;
    for (int n = 0; renamed == null && n < 2_000_000; n++) {
      int[] p = partners(rules(64, -1, null), rules(64, 5, "z" + n), bits, false);
      if (p != null && p.length == 65 && p[64] == 0 && p[5] == -2 - 5) {
        renamed = "z" + n;
      }
    }
    assertThat(renamed).as("a name that collides with r5").isNotNull();
    boolean[] narrowed = new boolean[1];
    assertThat(clean(a, nsg(rules(64, 5, renamed)), bits, narrowed)).isFalse();
    assertThat(narrowed[0]).as("narrowed").isFalse();
    // the same change with distinct hashes: removed and added, which the differ reports
    assertThat(clean(a, nsg(rules(64, 5, renamed)), -1L, narrowed)).isFalse();
    // a real drift in one rule is narrowed to it
    assertThat(clean(a, nsg(rules(64, -1, null).replace("\"v\":9}", "\"v\":99}")), bits, narrowed))
        .isFalse();
    assertThat(narrowed[0]).as("narrowed").isTrue();
  }
}
