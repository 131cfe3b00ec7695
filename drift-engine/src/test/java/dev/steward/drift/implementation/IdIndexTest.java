package dev.steward.drift.implementation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ids match exactly when their lower-case forms (Locale.ROOT) are equal, as the reference's do. */
class IdIndexTest {

  private static final String BASE =
      "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-1/providers/"
          + "Microsoft.Network/networkSecurityGroups/";

  @Test
  void matchesAsLowerCaseDoes() {
    List<String> ids = new ArrayList<>();
    String[] names = {
      "nsg-1",
      "NSG-1",
      "nsg-2",
      "nsg_1",
      "nsg@1",
      "nsg`1",
      "Kelvin-K",
      "Kelvin-\u212A",
      "kelvin-k",
      "\u0130stanbul",
      "i\u0307stanbul",
      "istanbul",
      "Stra\u00DFe",
      "STRASSE",
      "strasse",
      "\u03A3\u039F\u03A3",
      "\u03C3\u03BF\u03C2",
      "\u03C3\u03BF\u03C3",
      "caf\u00E9",
      "CAF\u00C9",
    };
    for (String n : names) {
      ids.add(BASE + n);
      ids.add(n);
    }
    Random rnd = new Random(3);
    for (int i = 0; i < 200; i++) {
      StringBuilder sb = new StringBuilder(BASE);
      for (int k = 0; k < 40; k++) {
        sb.append("aAzZ09-_/.@[`{".charAt(rnd.nextInt(14)));
      }
      ids.add(sb.toString());
      ids.add(sb.toString().toUpperCase(Locale.ROOT));
    }
    for (String x : ids) {
      for (String y : ids) {
        boolean expected = x.toLowerCase(Locale.ROOT).equals(y.toLowerCase(Locale.ROOT));
        assertThat(IdIndex.same(x, y)).as("%s %s", x, y).isEqualTo(expected);
        if (expected) {
          assertThat(IdIndex.hash(x)).as("%s %s", x, y).isEqualTo(IdIndex.hash(y));
        }
      }
    }
  }

  @Test
  void findsAndRefusesRepeats() {
    IdIndex index = new IdIndex(3);
    assertThat(index.add(BASE + "a", IdIndex.hash(BASE + "a"), 0)).isEqualTo(-1);
    assertThat(index.add(BASE + "b", IdIndex.hash(BASE + "b"), 1)).isEqualTo(-1);
    assertThat(index.add(BASE.toUpperCase(Locale.ROOT) + "A", IdIndex.hash(BASE + "A"), 2))
        .isEqualTo(0);
    assertThat(index.find(BASE + "B", IdIndex.hash(BASE + "B"))).isEqualTo(1);
    assertThat(index.find(BASE + "c", IdIndex.hash(BASE + "c"))).isEqualTo(-1);
  }
}
