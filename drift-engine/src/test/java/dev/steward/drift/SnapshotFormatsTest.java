package dev.steward.drift;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every snapshot shape reads the same resources; bad input names file, line and column. */
class SnapshotFormatsTest {

  private final DriftEngine engine = DriftEngine.create();

  private DriftReport compare(String baseline, String current) {
    return engine.compare(
        "baseline.json", baseline.getBytes(UTF_8), "current.json", current.getBytes(UTF_8));
  }

  @Test
  void objectArrayArmListResourceGraphAndJsonLinesAreEquivalent() {
    ObjectNode nsg = Arm.nsg();
    ObjectNode st = Arm.storage();
    String array = "[" + nsg + "," + st + "]";
    String armList =
        "{\"value\": ["
            + nsg
            + ","
            + st
            + "], \"nextLink\": \"https://management.azure.com/next\"}";
    String graph =
        "{\"totalRecords\": 2, \"count\": 2, \"data\": [" + st + "," + nsg + "], \"facets\": []}";
    String lines = nsg + "\n" + st + "\n";
    for (String current : new String[] {armList, graph, lines}) {
      DriftReport r = compare(array, current);
      assertThat(r.drifts()).as(current.substring(0, 20)).isEmpty();
      assertThat(r.summary().currentResources()).isEqualTo(2);
    }
    DriftReport single = compare(nsg.toString(), array);
    assertThat(single.summary().addedResources()).isEqualTo(1);
    assertThat(single.drifts()).singleElement().satisfies(d -> assertThat(d.path()).isEmpty());
  }

  @Test
  void resourcesMatchByIdIgnoringCase() {
    ObjectNode a = Arm.keyVault();
    ObjectNode b = Arm.copy(a);
    b.put("id", a.get("id").asText().toUpperCase());
    assertThat(compare(a.toString(), b.toString()).summary().addedResources()).isZero();
  }

  @Test
  void missingIdNamesFileLineAndColumn() {
    String current =
        "[\n  "
            + Arm.nsg()
            + ",\n  {\"name\": \"orphan\", \"type\": \"Microsoft.Storage/storageAccounts\"}\n]";
    assertThatThrownBy(() -> compare("[]", current))
        .isInstanceOf(DriftInputException.class)
        .hasMessageStartingWith("current.json:3:3: resource has no 'id'")
        .satisfies(
            e ->
                assertThat(((DriftInputException) e).location())
                    .isEqualTo(new SourceLocation("current.json", 3, 3)));
    String lines = Arm.nsg() + "\n{\"name\": \"x\"}\n";
    assertThatThrownBy(() -> compare(lines, "[]"))
        .hasMessageStartingWith("baseline.json:2:1: resource has no 'id'");
  }

  @Test
  void malformedJsonAndDuplicatesAreInputErrors() {
    assertThatThrownBy(() -> compare("[{\"id\": \"/x\",}", "[]"))
        .isInstanceOf(DriftInputException.class)
        .hasMessageStartingWith("baseline.json:1:")
        .hasMessageContaining("malformed JSON");
    String dup = "[{\"id\": \"/subscriptions/s/a\"},\n{\"id\": \"/SUBSCRIPTIONS/s/A\"}]";
    assertThatThrownBy(() -> compare(dup, "[]"))
        .isInstanceOf(DriftInputException.class)
        .hasMessageContaining("baseline.json:2:1: duplicate resource id")
        .hasMessageContaining("first at baseline.json:1:2");
    assertThatThrownBy(() -> compare("", "[]")).hasMessageContaining("empty snapshot");
    assertThatThrownBy(() -> compare("[1]", "[]"))
        .hasMessageContaining("baseline.json:1:2: expected a resource object");
  }

  @Test
  void duplicateIdsInPreParsedTreesAreInputErrorsWhereverTheyAre() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper m =
        new com.fasterxml.jackson.databind.ObjectMapper();
    String a = "{\"id\": \"/subscriptions/s/a\"}";
    String upperA = "{\"id\": \"/SUBSCRIPTIONS/s/A\"}";
    String b = "{\"id\": \"/subscriptions/s/b\"}";
    String c = "{\"id\": \"/subscriptions/s/c\"}";
    String[][] cases = {
      {"[" + a + "," + upperA + "]", "[" + a + "]", "baseline[1]"}, // in the baseline
      {"[" + a + "," + b + "]", "[" + a + "," + upperA + "]", "current[1]"}, // aligned, then not
      {"[" + a + "," + b + "]", "[" + upperA + "," + a + "]", "current[1]"}, // neither aligned
      {"[" + c + "," + a + "]", "[" + upperA + "," + a + "]", "current[1]"}, // not, then aligned
    };
    for (String[] k : cases) {
      assertThatThrownBy(() -> engine.compare(m.readTree(k[0]), m.readTree(k[1])))
          .as(k[0] + " " + k[1])
          .isInstanceOf(DriftInputException.class)
          .hasMessageContaining(k[2])
          .hasMessageContaining("duplicate resource id");
    }
    assertThat(
            engine
                .compare(
                    m.readTree("[" + a + "," + b + "]"), m.readTree("[" + b + "," + upperA + "]"))
                .drifts())
        .isEmpty();
  }

  @Test
  void streamingAndInMemoryAgree(@TempDir Path dir) throws Exception {
    StringBuilder base = new StringBuilder("{\"value\": [\n");
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      ObjectNode nsg = Arm.nsg();
      nsg.put("id", nsg.get("id").asText() + i);
      ObjectNode changed = Arm.copy(nsg);
      changed.put("etag", "W/\"new\"");
      if (i % 50 == 0) {
        ((ObjectNode) changed.path("properties").path("securityRules").get(1).path("properties"))
            .put("sourceAddressPrefix", "Internet");
      }
      base.append(i == 0 ? "" : ",\n").append(nsg);
      if (i != 7) {
        cur.append(changed).append('\n');
      }
    }
    // a child rule that folds into nsg-web3 in the current snapshot only
    ObjectNode child =
        Arm.json(
            "{\"id\": \""
                + Arm.RG
                + "/providers/Microsoft.Network/networkSecurityGroups/nsg-web3/securityRules/AllowRdp\","
                + "\"name\": \"AllowRdp\", \"type\": \"Microsoft.Network/networkSecurityGroups/securityRules\","
                + "\"properties\": {\"access\": \"Allow\", \"direction\": \"Inbound\", \"sourceAddressPrefix\": \"*\","
                + "\"destinationPortRange\": \"3389\", \"priority\": 400, \"protocol\": \"Tcp\"}}");
    cur.append(child).append('\n');
    base.append("\n]}");
    Path a = dir.resolve("baseline.json");
    Path b = dir.resolve("current.jsonl");
    Files.writeString(a, base);
    Files.writeString(b, cur);

    DriftReport inMemory = engine.compare(a, b);
    DriftReport streaming = DriftEngine.builder().streamingThreshold(0).build().compare(a, b);
    assertThat(streaming.drifts()).isEqualTo(inMemory.drifts());
    assertThat(streaming.summary()).isEqualTo(inMemory.summary());
    assertThat(streaming.locations()).isEqualTo(inMemory.locations());
    assertThat(inMemory.summary().drifts().get(dev.steward.drift.models.Severity.CRITICAL))
        .isEqualTo(5);
    assertThat(inMemory.summary().removedResources()).isEqualTo(1);
    assertThat(inMemory.summary().currentResources()).isEqualTo(199);
    assertThat(inMemory.locationOf(Arm.nsg().get("id").asText() + "7").line()).isEqualTo(9);
  }
}
