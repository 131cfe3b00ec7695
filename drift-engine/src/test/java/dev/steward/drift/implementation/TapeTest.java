package dev.steward.drift.implementation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tape accepts only what Jackson accepts, and its values read back exactly as Jackson reads
 * them: text, number types, and the line and column of every value.
 */
class TapeTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Tape scan(String json) {
    byte[] b = json.getBytes(UTF_8);
    return Tape.scan(b, 0, b.length);
  }

  private static boolean jacksonAccepts(byte[] b) {
    try (JsonParser p = MAPPER.getFactory().createParser(b)) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
          p.getText(); // decode, as readTree does
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void readsStructure() {
    Tape t = scan("{\"a\": [1, \"x\", {\"b\": null}], \"c\": true}\n[false]");
    assertThat(t).isNotNull();
    assertThat(t.kind(0)).isEqualTo(Tape.OBJECT);
    assertThat(t.size(0)).isEqualTo(2);
    assertThat(t.kind(1)).isEqualTo(Tape.NAME);
    assertThat(t.kind(2)).isEqualTo(Tape.ARRAY);
    assertThat(t.size(2)).isEqualTo(3);
    assertThat(t.field(0, "c")).isEqualTo(t.next(2) + 1);
    assertThat(t.kind(t.field(0, "c"))).isEqualTo(Tape.TRUE);
    assertThat(t.field(0, "missing")).isEqualTo(-1);
    int second = t.next(0);
    assertThat(t.kind(second)).isEqualTo(Tape.ARRAY);
    assertThat(t.next(second)).isEqualTo(t.count());
  }

  @Test
  void recycledArraysLeaveNothingBehind() {
    Tape first = scan("[{\"a\": [1, 2, {\"b\": {}}], \"c\": {\"d\": [true]}}]");
    int entries = first.count();
    first.recycle();
    Tape second = scan("[\"x\", 1, null, false, \"y\", 2, 3, 4, 5, 6, 7, 8]");
    assertThat(second.count()).isEqualTo(13);
    assertThat(second.size(0)).isEqualTo(12);
    for (int i = 1; i < second.count(); i++) {
      assertThat(second.isContainer(i)).isFalse();
      assertThat(second.size(i))
          .as("entry %d of %d (the first tape had %d)", i, second.count(), entries)
          .isZero();
      assertThat(second.next(i)).isEqualTo(i + 1);
    }
    second.recycle();
    second.recycle(); // twice is harmless
    Tape third = scan("{\"only\": 1}");
    assertThat(third.field(0, "only")).isEqualTo(2);
  }

  @Test
  void largeTapesAreRecycledUntilTheNextCollectionAndLeaveNothingBehind() {
    // over a million entries: kept weakly, so a collection between two scans may free them
    String large = "[" + "[1],".repeat(700_000) + "[1]]";
    String smaller = "[" + "{\"a\":\"b\"},".repeat(300_000) + "{}]";
    boolean reused = false;
    for (int attempt = 0; attempt < 5 && !reused; attempt++) {
      Tape first = scan(large);
      assertThat(first.count()).isEqualTo(1 + 2 * 700_001);
      first.recycle();
      Tape second = scan(smaller);
      reused = second.reused();
      assertThat(second.count()).isEqualTo(1 + 3 * 300_000 + 1);
      for (int i = 1, e = 0; e <= 300_000; e++, i = second.next(i)) {
        assertThat(second.size(i)).as("element %d", e).isEqualTo(e < 300_000 ? 1 : 0);
        assertThat(second.next(i)).isEqualTo(i + (e < 300_000 ? 3 : 1));
      }
      second.recycle();
    }
    assertThat(reused).as("the large tape's arrays served the next scan").isTrue();
  }

  @Test
  void rejectsWhatJacksonRejectsAndWhatItCannotSettle() {
    List<String> rejected =
        List.of(
            "",
            "   ",
            "\"a root string\"",
            "{\"a\": 01}",
            "{\"a\": 1.}",
            "{\"a\": .5}",
            "{\"a\": +1}",
            "{\"a\": 1e}",
            "{\"a\": -}",
            "{\"a\": NaN}",
            "{\"a\": tru}",
            "{\"a\": truex}",
            "{\"a\": nulls}",
            "{\"a\": \"x\u0001\"}",
            "{\"a\": \"\\x\"}",
            "{\"a\": \"\\u12G4\"}",
            "{\"a\": \"unterminated}",
            "{\"a\" 1}",
            "{\"a\": 1,}",
            "[1,]",
            "[1 2]",
            "{'a': 1}",
            "{a: 1}",
            "{\"a\": 1} x",
            "{\"a\": 1",
            "[",
            "{\"a\": 1, \"a\": 2}", // a field twice: Jackson keeps the last, the tree path decides
            "{\"\\u0061\": 1}", // an escaped name: the tree path decides
            "{\"a\": 1 /* comment */}");
    for (String json : rejected) {
      assertThat(scan(json)).as(json).isNull();
    }
    assertThat(scan("[" + "[".repeat(Tape.MAX_DEPTH) + "]".repeat(Tape.MAX_DEPTH) + "]")).isNull();
    assertThat(scan("[".repeat(Tape.MAX_DEPTH) + "]".repeat(Tape.MAX_DEPTH))).isNotNull();
  }

  @Test
  void rejectsInvalidUtf8AndAcceptsValid() {
    byte[][] invalid = {
      {'[', '"', (byte) 0xC0, (byte) 0x80, '"', ']'}, // overlong
      {'[', '"', (byte) 0xE0, (byte) 0x80, (byte) 0x80, '"', ']'}, // overlong
      {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'}, // a surrogate
      {'[', '"', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"', ']'},
      {'[', '"', (byte) 0x80, '"', ']'}, // a lone continuation byte
      {'[', '"', (byte) 0xC3, '"', ']'}, // a truncated sequence
      {'[', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ']'}, // a byte order mark inside
    };
    for (byte[] b : invalid) {
      assertThat(Tape.scan(b, 0, b.length)).isNull();
    }
    byte[] valid = "[\"café ✓ 😀\"]".getBytes(UTF_8);
    Tape t = Tape.scan(valid, 0, valid.length);
    assertThat(t).isNotNull();
    assertThat(t.isPlain(1)).isFalse();
    assertThat(t.isUnescaped(1)).isTrue();
    assertThat(TapeSnapshot.text(t, 1)).isEqualTo("café ✓ 😀");
  }

  @Test
  void randomDocumentsAreAcceptedOnlyWhereJacksonAcceptsThem() {
    Random rnd = new Random(5);
    String alphabet = "{}[]\",:\\ntrufalse0123456789-+.eE \t\r\nabcu\u00e9";
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder(rnd.nextBoolean() ? "{" : "[");
      int n = rnd.nextInt(24);
      for (int k = 0; k < n; k++) {
        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      byte[] b = sb.toString().getBytes(UTF_8);
      if (Tape.scan(b, 0, b.length) != null) {
        accepted++;
        assertThat(jacksonAccepts(b)).as(sb.toString()).isTrue();
      }
    }
    assertThat(accepted).isGreaterThan(20);
  }

  @Test
  void valuesReadBackAsJacksonReadsThem() throws IOException {
    String[] values = {
      "0",
      "-0",
      "7",
      "-2147483648",
      "2147483647",
      "2147483648",
      "-2147483649",
      "9223372036854775807",
      "-9223372036854775808",
      "9223372036854775808",
      "123456789012345678901234567890",
      "1.0",
      "1.50",
      "-0.0",
      "1e3",
      "1E-3",
      "6.02e+23",
      "true",
      "false",
      "null",
      "\"plain\"",
      "\"\"",
      "\"W/\\\"6b0d1a9e\\\"\"",
      "\"tab\\tnewline\\nslash\\/back\\\\\"",
      "\"\\u00e9\\u0041\\uD83D\\uDE00 é 😀\"",
      "\"\\b\\f\\r\"",
    };
    for (String v : values) {
      Tape t = scan("[" + v + "]");
      assertThat(t).as(v).isNotNull();
      JsonNode expected = MAPPER.readTree("[" + v + "]").get(0);
      JsonNode actual = TapeSnapshot.parse(t, 1);
      assertThat(actual).as(v).isEqualTo(expected);
      assertThat(actual.getClass()).as(v).isEqualTo(expected.getClass());
    }
  }

  @Test
  void textIsComparedAsDecoded() {
    String[] texts = {
      "\"plain\"",
      "\"pla\\u0069n\"",
      "\"é\"",
      "\"\\u00e9\"",
      "\"\\u00E9\"",
      "\"😀\"",
      "\"\\uD83D\\uDE00\"",
      "\"\\ud83d\\ude00\"",
      "\"a/b\"",
      "\"a\\/b\"",
      "\"W/\\\"1\\\"\"",
      "\"W/\\\"2\\\"\"",
      "\"\"",
      "\"\\n\"",
      "\"✓x\"",
      "\"\\u2713x\"",
    };
    Tape t = scan("[" + String.join(",", texts) + "]");
    assertThat(t).isNotNull();
    int equalPairs = 0;
    for (int i = 1; i < t.count(); i++) {
      for (int j = 1; j < t.count(); j++) {
        boolean expected = TapeSnapshot.text(t, i).equals(TapeSnapshot.text(t, j));
        equalPairs += expected && i != j ? 1 : 0;
        assertThat(TapeSnapshot.sameText(t, i, t, j)).as("%s %s", i, j).isEqualTo(expected);
      }
    }
    assertThat(equalPairs).isGreaterThanOrEqualTo(14);
  }

  @Test
  void resourceLocationsAreJacksons() {
    String json =
        "[\r\n  {\"id\": \"/a\"},\r  {\"id\": \"/b\"},\n\n      {\"id\": \"/c\"}, {\"id\": \"/d\"}\n]";
    byte[] b = json.getBytes(UTF_8);
    TapeSnapshot s = TapeSnapshot.read(Tape.scan(b, 0, b.length), "f.json", null);
    List<String> expected = new ArrayList<>();
    SnapshotReader.read(
        "f.json", new java.io.ByteArrayInputStream(b), e -> expected.add(e.location().toString()));
    List<String> actual = new ArrayList<>();
    for (int k = 0; k < s.size(); k++) {
      actual.add(s.location(k).toString());
    }
    assertThat(actual).hasSize(4).isEqualTo(expected);
  }
}
