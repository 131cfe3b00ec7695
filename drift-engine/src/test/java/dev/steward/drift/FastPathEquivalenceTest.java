package dev.steward.drift;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.implementation.SnapshotDiff;
import dev.steward.drift.implementation.SnapshotReader;
import dev.steward.drift.implementation.Trees;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fast paths (side-by-side tree equality, the keyed-array index, trees that share unchanged
 * subtrees with the baseline, byte-identical resources skipped) decide exactly what the reference
 * walk decides: same drifts (paths, values, field order of values, severities, rules, certainty),
 * same noise counts, same resource counts. Checked on the bundled sample snapshots and on thousands
 * of seeded random mutations of them and of the test payloads.
 */
class FastPathEquivalenceTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path SAMPLES = Path.of("../examples/src/main/resources/drift");

  private final DriftRules rules = DriftRules.defaults();

  /** What one comparison decided, in a form that compares field order too. */
  private record Outcome(String drifts, String noise, String counts, String locations) {}

  private Outcome reference(byte[] baseline, byte[] current) {
    LinkedHashMap<String, SnapshotReader.Entry> a =
        SnapshotDiff.readAll("baseline", new ByteArrayInputStream(baseline));
    LinkedHashMap<String, SnapshotReader.Entry> b =
        SnapshotDiff.readAll("current", new ByteArrayInputStream(current));
    SnapshotDiff diff = new SnapshotDiff(rules.compiled(), false);
    diff.inMemory(a, b);
    return outcome(diff);
  }

  private Outcome fast(byte[] baseline, byte[] current) {
    LinkedHashMap<String, SnapshotReader.Entry> a =
        SnapshotDiff.readAll("baseline", new ByteArrayInputStream(baseline));
    LinkedHashMap<String, SnapshotReader.Entry> b =
        SnapshotDiff.readAll("current", current, baseline, a);
    SnapshotDiff diff = new SnapshotDiff(rules.compiled(), true);
    diff.inMemory(a, b);
    return outcome(diff);
  }

  /** The comparison on the snapshots' tapes, or {@code null} when it leaves them to the trees. */
  private Outcome tapes(byte[] baseline, byte[] current) {
    SnapshotDiff diff = new SnapshotDiff(rules.compiled());
    if (!diff.tapes("baseline", baseline, "current", current)) {
      return null;
    }
    settled += diff.settledOnTapes() + diff.foldedWithoutDrift();
    narrowed += diff.narrowed();
    return outcome(diff);
  }

  /**
   * The comparison of pre-parsed trees, or {@code null} when it leaves them to the general path.
   */
  private Outcome trees(byte[] baseline, byte[] current) {
    SnapshotDiff diff = new SnapshotDiff(rules.compiled());
    try {
      List<JsonNode> a = new ArrayList<>();
      MAPPER.readTree(baseline).forEach(a::add);
      List<JsonNode> b = new ArrayList<>();
      MAPPER.readTree(current).forEach(b::add);
      return diff.trees(a, b) ? outcome(diff) : null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Outcome outcome(SnapshotDiff diff) {
    List<Drift> drifts = new ArrayList<>(diff.differ().drifts());
    drifts.sort(DriftReport.ORDER);
    return new Outcome(
        drifts.toString(),
        Arrays.toString(diff.differ().noise()),
        Arrays.toString(diff.counts()),
        new TreeMap<>(diff.locations()).toString());
  }

  private int drifted;
  private int onTapes;
  private int onTrees;
  private int settled;
  private int narrowed;
  private int unchangedPairs;

  private void assertSame(byte[] baseline, byte[] current, String what) {
    Outcome ref = reference(baseline, current);
    drifted += ref.drifts().equals("[]") ? 0 : 1;
    assertThat(fast(baseline, current)).as(what).isEqualTo(ref);
    Outcome tapes = tapes(baseline, current);
    if (tapes != null) {
      onTapes++;
      int[] n =
          Arrays.stream(ref.counts().replaceAll("[\\[\\] ]", "").split(","))
              .mapToInt(Integer::parseInt)
              .toArray();
      unchangedPairs += n[1] - n[2] - n[4];
      assertThat(tapes).as(what + ", tapes").isEqualTo(ref);
    }
    Outcome trees = trees(baseline, current);
    if (trees != null) {
      onTrees++;
      assertThat(trees)
          .as(what + ", trees")
          .isEqualTo(new Outcome(ref.drifts(), ref.noise(), ref.counts(), "{}"));
    }
    DriftReport viaApi = DriftEngine.create().compare("baseline", baseline, "current", current);
    assertThat(viaApi.drifts().toString()).as(what).isEqualTo(ref.drifts());
    assertThat(viaApi.summary().suppressed().values()).as(what).hasToString(ref.noise());
    try {
      // pre-parsed trees (resource keys reused from the baseline at the same position)
      DriftReport viaTrees =
          DriftEngine.create().compare(MAPPER.readTree(baseline), MAPPER.readTree(current));
      assertThat(viaTrees.drifts().toString()).as(what + ", trees").isEqualTo(ref.drifts());
      assertThat(viaTrees.summary()).as(what + ", trees").isEqualTo(viaApi.summary());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<JsonNode> samples() throws IOException {
    List<JsonNode> resources = new ArrayList<>();
    // baseline.json is an ARM list ({"value": [...]}), current.json a Resource Graph result
    for (String f : new String[] {"baseline.json", "current.json"}) {
      JsonNode snapshot = MAPPER.readTree(Files.readAllBytes(SAMPLES.resolve(f)));
      snapshot.path(snapshot.has("value") ? "value" : "data").forEach(resources::add);
    }
    for (JsonNode r : List.of(Arm.nsg(), Arm.storage(), Arm.keyVault(), Arm.vm(), Arm.webApp())) {
      resources.add(r);
    }
    assertThat(resources).hasSizeGreaterThan(15);
    return resources;
  }

  @Test
  void bundledSamplesGiveTheSameReport() throws IOException {
    byte[] baseline = Files.readAllBytes(SAMPLES.resolve("baseline.json"));
    byte[] current = Files.readAllBytes(SAMPLES.resolve("current.json"));
    Outcome ref = reference(baseline, current);
    assertThat(ref.drifts()).isNotEqualTo("[]");
    assertSame(baseline, current, "samples");
    assertSame(baseline, baseline, "samples, identical");
    assertSame(current, baseline, "samples, reversed");
  }

  @Test
  void randomMutationsGiveTheSameReport() throws IOException {
    List<JsonNode> pool = samples();
    for (int seed = 0; seed < 400; seed++) {
      Random rnd = new Random(seed);
      ArrayNode baseline = JsonNodeFactory.instance.arrayNode();
      Map<String, Boolean> ids = new LinkedHashMap<>();
      for (JsonNode r : pool) {
        if (rnd.nextInt(3) > 0
            && ids.putIfAbsent(r.get("id").asText().toLowerCase(), true) == null) {
          baseline.add(r.deepCopy());
        }
      }
      ArrayNode current = baseline.deepCopy();
      int mutations = 1 + rnd.nextInt(6);
      for (int m = 0; m < mutations; m++) {
        mutate(current, rnd);
      }
      if (rnd.nextInt(4) == 0) {
        List<JsonNode> order = new ArrayList<>();
        current.forEach(order::add);
        Collections.shuffle(order, rnd);
        current.removeAll();
        current.addAll(order);
      }
      String what = "seed " + seed;
      byte[] a = bytes(baseline, rnd);
      byte[] b = bytes(current, rnd);
      assertSame(a, b, what);
      assertSame(b, a, what + ", reversed");
    }
    assertThat(drifted).as("comparisons that found drift").isGreaterThan(400);
    assertThat(onTapes).as("comparisons made on the tapes").isGreaterThan(700);
    assertThat(onTrees).as("comparisons made on pre-parsed trees").isGreaterThan(700);
  }

  @Test
  void noiseIsSettledOnTheTapesAsTheDifferCountsIt() throws IOException {
    List<JsonNode> pool = samples();
    for (int seed = 0; seed < 300; seed++) {
      Random rnd = new Random(seed);
      ArrayNode baseline = everyResourceOnce(pool);
      ArrayNode current = baseline.deepCopy();
      current.forEach(r -> noisify(r, rnd));
      if (rnd.nextInt(5) == 0) {
        mutate(current, rnd); // now and then a real drift among the noise
      }
      byte[] a = bytes(baseline, rnd);
      byte[] b = bytes(current, rnd);
      assertSame(a, b, "seed " + seed);
      assertSame(b, a, "seed " + seed + ", reversed");
    }
    assertThat(onTapes).as("comparisons made on the tapes").isEqualTo(600);
    assertThat(onTrees).as("comparisons made on pre-parsed trees").isEqualTo(600);
    // every pair without drift is settled on the bytes, but for parents that receive child
    // resources (in the samples: a SQL server and an NSG), which are folded as trees
    assertThat(settled).as("resource pairs settled on the tapes").isEqualTo(unchangedPairs);
  }

  @Test
  void largeShuffledKeyedArrayGivesTheSameReport() {
    ObjectNode nsg = Arm.nsg();
    ArrayNode rules = (ArrayNode) nsg.get("properties").get("securityRules");
    JsonNode template = rules.get(0);
    rules.removeAll();
    for (int i = 0; i < 2_000; i++) {
      ObjectNode r = template.deepCopy();
      r.put("name", "rule-" + i);
      ((ObjectNode) r.get("properties")).put("priority", 100 + i);
      rules.add(r);
    }
    Random rnd = new Random(7);
    for (int variant = 0; variant < 6; variant++) {
      ObjectNode changed = nsg.deepCopy();
      ArrayNode cr = (ArrayNode) changed.get("properties").get("securityRules");
      List<JsonNode> list = new ArrayList<>();
      cr.forEach(list::add);
      Collections.shuffle(list, rnd);
      cr.removeAll();
      cr.addAll(list);
      switch (variant) {
        case 0 -> ((ObjectNode) cr.get(10).get("properties")).put("destinationPortRange", "8443");
        case 1 -> ((ObjectNode) cr.get(10)).put("name", "RULE-" + rnd.nextInt(2_000)); // case
        case 2 -> cr.remove(5);
        case 3 -> cr.add(cr.get(3).deepCopy()); // duplicate key
        case 4 -> ((ObjectNode) cr.get(4)).put("name", "rule-new");
        default -> ((ObjectNode) cr.get(4)).remove("name");
      }
      byte[] a = nsg.toString().getBytes(UTF_8);
      byte[] b = changed.toString().getBytes(UTF_8);
      assertSame(a, b, "variant " + variant);
      assertThat(DriftEngine.create().diff(nsg, changed))
          .as("variant " + variant)
          .hasToString(reference(a, b).drifts());
    }
    // the changed port reads one rule of 2,000 as trees; the other variants change the keys or
    // the number of rules, which the differ decides on whole trees
    assertThat(narrowed).as("resource pairs read narrowed").isEqualTo(1);
  }

  @Test
  void largeKeyedArraysNarrowedToTheirDriftedElementsGiveTheSameReport() throws IOException {
    ObjectNode nsg = Arm.nsg();
    ArrayNode rules = (ArrayNode) nsg.get("properties").get("securityRules");
    List<JsonNode> templates = new ArrayList<>();
    rules.forEach(templates::add);
    rules.removeAll();
    for (int i = 0; i < 300; i++) {
      ObjectNode r = templates.get(i % templates.size()).deepCopy();
      r.put("name", "rule-" + i);
      r.put("id", r.get("id").asText() + "-" + i);
      ((ObjectNode) r.get("properties")).put("priority", 100 + i);
      rules.add(r);
    }
    ObjectNode storage = Arm.storage();
    ArrayNode ipRules =
        ((ObjectNode) storage.get("properties").get("networkAcls")).putArray("ipRules");
    for (int i = 0; i < 100; i++) {
      ipRules.addObject().put("value", "203.0." + (i / 50) + "." + (i % 50)).put("action", "Allow");
    }
    ArrayNode baseline = JsonNodeFactory.instance.arrayNode().add(nsg).add(storage);
    for (int seed = 0; seed < 60; seed++) {
      Random rnd = new Random(seed);
      ArrayNode current = baseline.deepCopy();
      current.forEach(r -> noisify(r, rnd));
      for (int m = rnd.nextInt(4); m > 0; m--) {
        // a drift inside an element of a large array, as a rule or an address changes
        ArrayNode big =
            rnd.nextBoolean()
                ? (ArrayNode) current.get(0).get("properties").get("securityRules")
                : (ArrayNode) current.get(1).get("properties").get("networkAcls").get("ipRules");
        List<JsonNode> containers = new ArrayList<>();
        collect(big.get(rnd.nextInt(big.size())), containers);
        mutateContainer(containers.get(rnd.nextInt(containers.size())), rnd);
      }
      if (rnd.nextInt(5) == 0) {
        mutate(current, rnd); // and now and then one anywhere
      }
      if (seed % 10 == 9) {
        // most rules changed: read as whole trees
        current
            .get(0)
            .get("properties")
            .get("securityRules")
            .forEach(
                r -> {
                  if (rnd.nextInt(3) > 0) {
                    ((ObjectNode) r.get("properties")).put("destinationPortRange", "1-65535");
                  }
                });
      }
      byte[] a = bytes(baseline, rnd);
      byte[] b = bytes(current, rnd);
      assertSame(a, b, "seed " + seed);
      assertSame(b, a, "seed " + seed + ", reversed");
    }
    assertThat(narrowed).as("resource pairs read narrowed").isGreaterThan(25);
  }

  @Test
  void keysOutsideAsciiMatchAsTheReferenceFoldsThem() {
    String[] names = {
      "Kelvin-K",
      "KELVIN-\u212A",
      "\u0130stanbul",
      "i\u0307stanbul",
      "Stra\u00DFe",
      "STRASSE",
      "caf\u00E9",
      "CAF\u00C9",
      "\u03A3\u039F\u03A3",
      "\u03C3\u03BF\u03C2",
      "nul\u0000x",
    };
    Random rnd = new Random(13);
    for (int variant = 0; variant < 200; variant++) {
      ObjectNode vault = Arm.keyVault();
      ArrayNode policies = (ArrayNode) vault.get("properties").get("accessPolicies");
      JsonNode template = policies.get(0);
      policies.removeAll();
      ObjectNode nsg = Arm.nsg();
      ArrayNode rules = (ArrayNode) nsg.get("properties").get("securityRules");
      JsonNode rule = rules.get(0);
      rules.removeAll();
      for (int k = 0; k < 3 + rnd.nextInt(8); k++) {
        String name = names[rnd.nextInt(names.length)] + (rnd.nextBoolean() ? "" : k);
        ObjectNode p = template.deepCopy();
        p.put("objectId", name);
        policies.add(p);
        ObjectNode r = rule.deepCopy();
        r.put("name", name);
        rules.add(r);
      }
      ObjectNode vault2 = vault.deepCopy();
      ObjectNode nsg2 = nsg.deepCopy();
      for (ArrayNode arr :
          List.of(
              (ArrayNode) vault2.get("properties").get("accessPolicies"),
              (ArrayNode) nsg2.get("properties").get("securityRules"))) {
        List<JsonNode> list = new ArrayList<>();
        arr.forEach(list::add);
        Collections.shuffle(list, rnd);
        arr.removeAll();
        arr.addAll(list);
        if (rnd.nextBoolean()) {
          ObjectNode e = (ObjectNode) arr.get(0);
          String f = e.has("objectId") ? "objectId" : "name";
          e.put(f, flipCase(e.get(f).asText(), rnd));
        }
      }
      byte[] a =
          JsonNodeFactory.instance.arrayNode().add(vault).add(nsg).toString().getBytes(UTF_8);
      byte[] b =
          JsonNodeFactory.instance.arrayNode().add(vault2).add(nsg2).toString().getBytes(UTF_8);
      assertSame(a, b, "variant " + variant);
    }
  }

  @Test
  void treeEqualityMeansJsonNodeEquals() throws IOException {
    List<JsonNode> pool = samples();
    Random rnd = new Random(11);
    int unequal = 0;
    for (int i = 0; i < 3_000; i++) {
      JsonNode x = pool.get(rnd.nextInt(pool.size()));
      ArrayNode wrap = JsonNodeFactory.instance.arrayNode().add(x.deepCopy());
      if (rnd.nextBoolean()) {
        mutate(wrap, rnd);
      }
      JsonNode y = wrap.get(0);
      boolean expected = x.equals(y);
      unequal += expected ? 0 : 1;
      assertThat(Trees.equal(x, y)).as("pair %d", i).isEqualTo(expected);
      assertThat(Trees.equal(y, x)).as("pair %d reversed", i).isEqualTo(expected);
    }
    assertThat(unequal).isGreaterThan(500);
  }

  @Test
  void sharedTreesEqualReadTreeFieldOrderIncluded() throws IOException {
    List<JsonNode> pool = samples();
    for (int seed = 0; seed < 200; seed++) {
      Random rnd = new Random(seed);
      ArrayNode baseline = everyResourceOnce(pool);
      ArrayNode current = baseline.deepCopy();
      for (int m = 0; m < 1 + rnd.nextInt(5); m++) {
        mutate(current, rnd);
      }
      byte[] a = bytes(baseline, rnd);
      byte[] b = bytes(current, rnd);
      LinkedHashMap<String, SnapshotReader.Entry> base =
          SnapshotDiff.readAll("baseline", new ByteArrayInputStream(a));
      List<String> plain = new ArrayList<>();
      SnapshotReader.read("current", new ByteArrayInputStream(b), e -> plain.add(e.toString()));
      List<String> shared = new ArrayList<>();
      SnapshotReader.readSharing("current", b, e -> shared.add(e.toString()), a, base);
      assertThat(shared).as("seed %d", seed).isEqualTo(plain);
    }
  }

  @Test
  void unchangedResourcesAreTheBaselineTrees() throws IOException {
    byte[] a = Files.readAllBytes(SAMPLES.resolve("baseline.json"));
    LinkedHashMap<String, SnapshotReader.Entry> base =
        SnapshotDiff.readAll("baseline", new ByteArrayInputStream(a));
    // byte-identical: skipped, the baseline tree itself
    LinkedHashMap<String, SnapshotReader.Entry> same = SnapshotDiff.readAll("current", a, a, base);
    same.forEach((k, e) -> assertThat(e.tree()).isSameAs(base.get(k).tree()));
    // re-indented: read, and every unchanged resource comes back as the baseline's tree
    ObjectNode tree = (ObjectNode) MAPPER.readTree(a);
    byte[] compact = MAPPER.writeValueAsBytes(tree);
    LinkedHashMap<String, SnapshotReader.Entry> shared =
        SnapshotDiff.readAll("current", compact, a, base);
    shared.forEach((k, e) -> assertThat(e.tree()).isSameAs(base.get(k).tree()));
    // one field changed: a new root, its unchanged siblings shared
    ((ObjectNode) tree.get("value").get(0)).put("location", "northeurope");
    JsonNode first = tree.get("value").get(0);
    String key = first.get("id").asText().toLowerCase();
    SnapshotReader.Entry changed =
        SnapshotDiff.readAll("current", MAPPER.writeValueAsBytes(tree), a, base).get(key);
    assertThat(changed.tree()).isNotSameAs(base.get(key).tree()).isEqualTo(first);
    assertThat(changed.tree().get("properties")).isSameAs(base.get(key).tree().get("properties"));
  }

  /** A snapshot of copies of the pool's resources, each id once (the first of its spellings). */
  private static ArrayNode everyResourceOnce(List<JsonNode> pool) {
    ArrayNode snapshot = JsonNodeFactory.instance.arrayNode();
    Map<String, Boolean> ids = new LinkedHashMap<>();
    for (JsonNode r : pool) {
      if (ids.putIfAbsent(r.get("id").asText().toLowerCase(), true) == null) {
        snapshot.add(r.deepCopy());
      }
    }
    return snapshot;
  }

  private static byte[] bytes(JsonNode snapshot, Random rnd) throws IOException {
    return rnd.nextBoolean()
        ? MAPPER.writeValueAsBytes(snapshot)
        : MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot);
  }

  // ------------------------------------------------------------------ mutations

  /** Applies one random change somewhere in the tree. */
  private static void mutate(ArrayNode snapshot, Random rnd) {
    if (snapshot.isEmpty()) {
      return;
    }
    List<JsonNode> containers = new ArrayList<>();
    collect(snapshot, containers);
    containers.remove(snapshot);
    if (containers.isEmpty() || rnd.nextInt(12) == 0) {
      if (rnd.nextBoolean() && snapshot.size() > 1) {
        snapshot.remove(rnd.nextInt(snapshot.size()));
      } else {
        ObjectNode r = (ObjectNode) snapshot.get(rnd.nextInt(snapshot.size()));
        r.put("id", flipCase(r.get("id").asText(), rnd));
      }
      return;
    }
    mutateContainer(containers.get(rnd.nextInt(containers.size())), rnd);
  }

  private static void mutateContainer(JsonNode c, Random rnd) {
    if (c instanceof ObjectNode o) {
      mutateObject(o, rnd);
    } else {
      mutateArray((ArrayNode) c, rnd);
    }
  }

  /**
   * Noise as ARM produces it: etags, provisioning states and system data changed, number and
   * address forms rewritten, locations and enum values re-cased, keyed arrays and fields reordered.
   */
  private static void noisify(JsonNode n, Random rnd) {
    if (n instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String f : names) {
        JsonNode v = o.get(f);
        switch (f) {
          case "etag" -> o.put(f, "W/\"" + rnd.nextInt(1000) + "\"");
          case "provisioningState" -> o.put(f, rnd.nextBoolean() ? "Updating" : "Succeeded");
          case "systemData" ->
              o.putObject(f).put("lastModifiedAt", "2026-11-" + (10 + rnd.nextInt(9)));
          case "location" -> o.put(f, v.asText().toUpperCase());
          case "priority" -> o.put(f, v.asDouble());
          case "sourceAddressPrefix" -> {
            if (v.asText().equals("*")) {
              o.put(f, "Internet");
            }
          }
          case "value" -> {
            if (v.isTextual() && v.asText().matches("[0-9.]+")) {
              o.put(f, v.asText() + "/32");
            }
          }
          default -> noisify(v, rnd);
        }
      }
      if (rnd.nextInt(6) == 0) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        o.fields().forEachRemaining(fields::add);
        Collections.shuffle(fields, rnd);
        o.removeAll();
        fields.forEach(e -> o.set(e.getKey(), e.getValue()));
      }
    } else if (n instanceof ArrayNode a) {
      a.forEach(e -> noisify(e, rnd));
      if (a.size() > 1 && rnd.nextBoolean()) { // keyed arrays, and sets of scalars
        List<JsonNode> list = new ArrayList<>();
        a.forEach(list::add);
        Collections.reverse(list);
        a.removeAll();
        a.addAll(list);
      }
    }
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.forEach(c -> collect(c, out));
    }
  }

  private static void mutateObject(ObjectNode o, Random rnd) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    if (names.isEmpty()) {
      o.put("added", "x");
      return;
    }
    String f = names.get(rnd.nextInt(names.size()));
    if (f.equals("id") && o.has("type")) {
      f = "type"; // keep resource ids (changing them is a resource-level mutation)
    }
    JsonNode v = o.get(f);
    switch (rnd.nextInt(9)) {
      case 0 -> o.remove(f);
      case 1 -> o.put(f + "X", "new-" + rnd.nextInt(3));
      case 2 -> o.putNull(f);
      case 3 -> {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
          fields.add(it.next());
        }
        Collections.shuffle(fields, rnd);
        o.removeAll();
        fields.forEach(e -> o.set(e.getKey(), e.getValue()));
      }
      default -> {
        if (v.isTextual()) {
          switch (rnd.nextInt(4)) {
            case 0 -> o.put(f, flipCase(v.textValue(), rnd));
            case 1 -> o.put(f, v.textValue() + "1");
            case 2 -> o.put(f, v.textValue().trim() + "/32");
            default -> o.put(f, "*");
          }
        } else if (v.isInt()) {
          if (rnd.nextBoolean()) {
            o.put(f, v.intValue() + 1);
          } else {
            o.put(f, (double) v.intValue());
          }
        } else if (v.isBoolean()) {
          o.put(f, !v.booleanValue());
        } else if (v.isNumber()) {
          o.put(f, v.asText());
        } else if (v.isNull()) {
          o.put(f, "was-null");
        } else {
          o.put(f, rnd.nextBoolean() ? "replaced" : "");
        }
      }
    }
  }

  private static void mutateArray(ArrayNode a, Random rnd) {
    if (a.isEmpty()) {
      a.add("added");
      return;
    }
    int i = rnd.nextInt(a.size());
    switch (rnd.nextInt(5)) {
      case 0 -> a.remove(i);
      case 1 -> a.add(a.get(i).deepCopy());
      case 2 -> {
        JsonNode e = a.get(i);
        if (e instanceof ObjectNode o && o.get("name") != null && o.get("name").isTextual()) {
          o.put("name", flipCase(o.get("name").textValue(), rnd));
        } else {
          a.set(i, JsonNodeFactory.instance.textNode("swapped"));
        }
      }
      default -> {
        List<JsonNode> list = new ArrayList<>();
        a.forEach(list::add);
        Collections.shuffle(list, rnd);
        a.removeAll();
        a.addAll(list);
      }
    }
  }

  private static String flipCase(String s, Random rnd) {
    StringBuilder sb = new StringBuilder(s);
    for (int k = 0; k < sb.length(); k++) {
      char ch = sb.charAt(k);
      if (Character.isLetter(ch) && rnd.nextInt(3) == 0) {
        sb.setCharAt(
            k, Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
      }
    }
    return sb.toString();
  }
}
