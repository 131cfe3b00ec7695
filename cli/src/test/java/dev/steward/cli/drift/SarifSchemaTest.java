package dev.steward.cli.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code steward drift --format sarif} output validates against the official OASIS SARIF 2.1.0
 * schema (vendored in {@code src/test/resources/sarif}, see the README there) and carries what
 * GitHub code scanning needs to turn results into alerts.
 */
class SarifSchemaTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path SAMPLES = Path.of("../examples/src/main/resources/drift");
  private static Schema schema;

  @TempDir Path dir;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in =
        SarifSchemaTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      JsonNode node = MAPPER.readTree(in);
      assertThat(node.path("$schema").asText())
          .isEqualTo("http://json-schema.org/draft-04/schema#");
      schema = SchemaRegistry.withDefaultDialect(Dialects.getDraft4()).getSchema(node);
    }
  }

  private static Set<String> violations(JsonNode sarif) {
    Set<String> out = new HashSet<>();
    for (Error m :
        schema.validate(
            sarif, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))) {
      out.add(m.getMessage());
    }
    return out;
  }

  private static JsonNode sarif(String baseline, String current, int expectedExit)
      throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Steward.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int exit =
        cmd.execute(
            "drift",
            "--baseline",
            baseline,
            "--current",
            current,
            "--format",
            "sarif",
            "--fail-on",
            "critical");
    assertThat(exit).as(err.toString()).isEqualTo(expectedExit);
    return MAPPER.readTree(out.toString());
  }

  @Test
  void bundledSamplesGiveSchemaValidSarif() throws Exception {
    JsonNode sarif =
        sarif(
            SAMPLES.resolve("baseline.json").toString(),
            SAMPLES.resolve("current.json").toString(),
            ExitCodes.FOUND);
    assertThat(sarif.path("runs").get(0).path("results").size()).isGreaterThan(3);
    assertThat(violations(sarif)).isEmpty();
    assertGitHubCodeScanningRequirements(sarif);
    // a relative snapshot path stays a relative URI (GitHub resolves it against the repository)
    assertThat(
            sarif
                .path("runs")
                .get(0)
                .path("results")
                .get(0)
                .path("locations")
                .get(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asText())
        .isEqualTo("../examples/src/main/resources/drift/current.json");
  }

  @Test
  void noDriftAndAbsolutePathsWithSpacesAreSchemaValid() throws Exception {
    Path a = dir.resolve("base line #1.json");
    Path b = dir.resolve("current snapshot.json");
    Files.copy(SAMPLES.resolve("baseline.json"), a);
    Files.copy(SAMPLES.resolve("baseline.json"), b);
    JsonNode none = sarif(a.toString(), b.toString(), ExitCodes.OK);
    assertThat(none.path("runs").get(0).path("results").size()).isZero();
    assertThat(violations(none)).isEmpty();

    Files.copy(
        SAMPLES.resolve("current.json"), b, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    JsonNode some = sarif(a.toString(), b.toString(), ExitCodes.FOUND);
    assertThat(violations(some)).isEmpty();
    assertGitHubCodeScanningRequirements(some);
    JsonNode artifacts = some.path("runs").get(0).path("artifacts");
    assertThat(artifacts.get(0).path("location").path("uri").asText())
        .startsWith("file:///")
        .endsWith("/base%20line%20%231.json");
    assertThat(Path.of(java.net.URI.create(artifacts.get(1).path("location").path("uri").asText())))
        .isEqualTo(b.toAbsolutePath());
  }

  @Test
  void theSchemaRejectsWhatItShould() throws Exception {
    JsonNode valid =
        sarif(
            SAMPLES.resolve("baseline.json").toString(),
            SAMPLES.resolve("current.json").toString(),
            ExitCodes.FOUND);
    ObjectNode noMessage = valid.deepCopy();
    ((ObjectNode) noMessage.path("runs").get(0).path("results").get(0)).remove("message");
    assertThat(violations(noMessage)).isNotEmpty();
    ObjectNode badLevel = valid.deepCopy();
    ((ObjectNode) badLevel.path("runs").get(0).path("results").get(0)).put("level", "critical");
    assertThat(violations(badLevel)).isNotEmpty();
    ObjectNode badLine = valid.deepCopy();
    ((ObjectNode)
            badLine
                .path("runs")
                .get(0)
                .path("results")
                .get(0)
                .path("locations")
                .get(0)
                .path("physicalLocation")
                .path("region"))
        .put("startLine", 0);
    assertThat(violations(badLine)).isNotEmpty();
  }

  /**
   * What GitHub code scanning reads from an uploaded SARIF file, per "SARIF support for code
   * scanning" (docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/
   * sarif-support-for-code-scanning): {@code version} 2.1.0; {@code tool.driver.name} and {@code
   * tool.driver.rules[]}, each rule with {@code id}, {@code shortDescription.text}, {@code
   * help.text} and, for security severity ranking, {@code properties.security-severity} (a number
   * 0.0-10.0, as a string); each result with {@code ruleId} (stable across runs), {@code
   * message.text}, between 1 and 10 {@code locations} with {@code
   * physicalLocation.artifactLocation.uri} and {@code region.startLine}, and {@code
   * partialFingerprints} so that alerts are not duplicated across runs.
   */
  private static void assertGitHubCodeScanningRequirements(JsonNode sarif) {
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    JsonNode run = sarif.path("runs").get(0);
    JsonNode driver = run.path("tool").path("driver");
    assertThat(driver.path("name").asText()).isNotBlank();
    JsonNode rules = driver.path("rules");
    assertThat(rules.size()).isGreaterThan(1);
    Set<String> ids = new HashSet<>();
    for (JsonNode rule : rules) {
      assertThat(ids.add(rule.path("id").asText())).as("unique rule id").isTrue();
      assertThat(rule.path("shortDescription").path("text").asText()).isNotBlank();
      assertThat(rule.path("help").path("text").asText()).isNotBlank();
      double severity =
          Double.parseDouble(rule.path("properties").path("security-severity").asText());
      assertThat(severity).isBetween(0.0, 10.0);
    }
    for (JsonNode result : run.path("results")) {
      String ruleId = result.path("ruleId").asText();
      assertThat(ids).contains(ruleId);
      assertThat(rules.get(result.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(ruleId);
      assertThat(result.path("message").path("text").asText()).isNotBlank();
      JsonNode locations = result.path("locations");
      assertThat(locations.size()).isBetween(1, 10);
      JsonNode physical = locations.get(0).path("physicalLocation");
      assertThat(physical.path("artifactLocation").path("uri").asText()).isNotBlank();
      assertThat(physical.path("region").path("startLine").asInt()).isPositive();
      assertThat(result.path("partialFingerprints").size()).isPositive();
    }
  }
}
