package dev.steward.cli.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DriftCommandTest {

  private static final String RG =
      "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-prod/providers/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;
  private Path baseline;
  private Path current;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static String nsg(String sshSource, String etag) {
    return """
        {"id": "%1$sMicrosoft.Network/networkSecurityGroups/nsg-web", "type": "Microsoft.Network/networkSecurityGroups",
         "name": "nsg-web", "location": "West US", "etag": "%3$s",
         "properties": {"provisioningState": "Succeeded", "securityRules": [
           {"name": "AllowSSH", "properties": {"protocol": "Tcp", "sourcePortRange": "*", "destinationPortRange": "22",
            "sourceAddressPrefix": "%2$s", "destinationAddressPrefix": "*", "access": "Allow", "priority": 200,
            "direction": "Inbound"}}]}}
        """
        .formatted(RG, sshSource, etag);
  }

  private static String storage(String tag) {
    return """
        {"id": "%1$sMicrosoft.Storage/storageAccounts/stprod", "type": "Microsoft.Storage/storageAccounts",
         "location": "eastus", "tags": {"team": "%2$s"},
         "properties": {"supportsHttpsTrafficOnly": true, "minimumTlsVersion": "TLS1_2",
          "administratorLoginPassword": "hunter2-%2$s"}}
        """
        .formatted(RG, tag);
  }

  @BeforeEach
  void snapshots() throws Exception {
    baseline = dir.resolve("baseline.json");
    current = dir.resolve("current.json");
    Files.writeString(
        baseline, "{\"value\": [" + nsg("10.0.0.0/24", "a") + "," + storage("data") + "]}");
    Files.writeString(current, nsg("*", "b") + "\n" + storage("Data") + "\n");
  }

  private int run(String... args) {
    CommandLine cmd = Steward.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private int drift(String... extra) {
    String[] args = new String[5 + extra.length];
    args[0] = "drift";
    args[1] = "--baseline";
    args[2] = baseline.toString();
    args[3] = "--current";
    args[4] = current.toString();
    System.arraycopy(extra, 0, args, 5, extra.length);
    return run(args);
  }

  @Test
  void jsonReportHasSummaryAndSortedDriftsAndExit1OnCritical() throws Exception {
    assertThat(drift("--format", "json")).isEqualTo(ExitCodes.FOUND);
    JsonNode json = MAPPER.readTree(out.toString());
    assertThat(json.path("summary").path("drifts").path("critical").asInt()).isEqualTo(1);
    assertThat(json.path("summary").path("suppressed").path("volatile").asInt()).isEqualTo(1);
    assertThat(json.path("summary").path("suppressed").path("secret").asInt()).isEqualTo(1);
    assertThat(json.path("summary").path("resources").path("baseline").asInt()).isEqualTo(2);
    JsonNode drifts = json.path("drifts");
    assertThat(drifts).hasSize(2);
    JsonNode first = drifts.get(0);
    assertThat(first.path("severity").asText()).isEqualTo("CRITICAL");
    assertThat(first.path("path").asText())
        .isEqualTo("properties.securityRules[name=AllowSSH].properties.sourceAddressPrefix");
    assertThat(first.path("resourceType").asText())
        .isEqualTo("microsoft.network/networksecuritygroups");
    assertThat(first.path("rule").asText()).isEqualTo("nsg-open-management-port");
    assertThat(first.path("before").asText()).isEqualTo("10.0.0.0/24");
    assertThat(first.path("after").asText()).isEqualTo("*");
    assertThat(first.path("change").asText()).isEqualTo("MODIFIED");
    assertThat(first.path("certainty").asText()).isEqualTo("CERTAIN");
    assertThat(drifts.get(1).path("path").asText()).isEqualTo("tags.team");
    assertThat(out.toString()).doesNotContain("hunter2");
  }

  @Test
  void failOnAboveTheWorstDriftExits0() {
    Files.exists(baseline);
    assertThat(drift("--format", "json", "--fail-on", "low")).isEqualTo(ExitCodes.FOUND);
    out.getBuffer().setLength(0);
    assertThat(run("drift", "--baseline", baseline.toString(), "--current", baseline.toString()))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("0 drifts");
  }

  @Test
  void textGroupsByResourceWithoutColourWhenNotATerminal() {
    assertThat(drift()).isEqualTo(ExitCodes.FOUND);
    String text = out.toString();
    assertThat(text)
        .startsWith("2 drifts (1 critical, 0 high, 0 medium, 1 low)")
        .contains("noise suppressed: 2 (volatile 1, secret 1)")
        .contains(
            RG
                + "Microsoft.Network/networkSecurityGroups/nsg-web  (microsoft.network/networksecuritygroups)")
        .contains(
            "  CRITICAL  MODIFIED properties.securityRules[name=AllowSSH].properties.sourceAddressPrefix: \"10.0.0.0/24\" -> \"*\"  [nsg-open-management-port]")
        .doesNotContain("\u001b[");
  }

  @Test
  void markdownAndOutFile() throws Exception {
    Path report = dir.resolve("report.md");
    assertThat(drift("--format", "markdown", "--out", report.toString()))
        .isEqualTo(ExitCodes.FOUND);
    assertThat(out.toString()).isEmpty();
    assertThat(Files.readString(report))
        .startsWith("## Configuration drift")
        .contains(
            "| CRITICAL | `Microsoft.Network/networkSecurityGroups/nsg-web` | `properties.securityRules[name=AllowSSH].properties.sourceAddressPrefix` | MODIFIED |");
  }

  @Test
  void sarifIsVersion210WithRulesLocationsAndSecuritySeverity() throws Exception {
    assertThat(drift("--format", "sarif")).isEqualTo(ExitCodes.FOUND);
    JsonNode sarif = MAPPER.readTree(out.toString());
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.path("$schema").asText())
        .isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    JsonNode run = sarif.path("runs").get(0);
    JsonNode rules = run.path("tool").path("driver").path("rules");
    JsonNode result = run.path("results").get(0);
    assertThat(result.path("ruleId").asText()).isEqualTo("nsg-open-management-port");
    JsonNode rule = rules.get(result.path("ruleIndex").asInt());
    assertThat(rule.path("id").asText()).isEqualTo("nsg-open-management-port");
    assertThat(rule.path("properties").path("security-severity").asText()).isEqualTo("9.5");
    assertThat(rule.path("helpUri").asText()).contains("22730e10-96f6-4aac-ad84-9383d35b5917");
    assertThat(result.path("level").asText()).isEqualTo("error");
    JsonNode physical = result.path("locations").get(0).path("physicalLocation");
    assertThat(physical.path("artifactLocation").path("uri").asText())
        .isEqualTo(current.toUri().toASCIIString());
    assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(1);
    assertThat(result.path("partialFingerprints").path("stewardDrift/v1").asText()).hasSize(32);
    assertThat(run.path("results").get(1).path("level").asText()).isEqualTo("note");
    assertThat(
            run.path("results")
                .get(1)
                .path("locations")
                .get(0)
                .path("physicalLocation")
                .path("region")
                .path("startLine")
                .asInt())
        .isEqualTo(8);
  }

  @Test
  void missingIdIsExit2WithFileLineColumn() throws Exception {
    Files.writeString(current, nsg("*", "b") + "\n{\"name\": \"orphan\"}\n");
    assertThat(drift()).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("drift: " + current + ":8:1: resource has no 'id'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void badRulesFileIsExit2NamingFileLineAndRule() throws Exception {
    Path rules = dir.resolve("rules.json");
    Files.writeString(
        rules,
        "{\"version\": 1,\n \"severity\": [{\"id\": \"mine\", \"types\": [\"*\"], \"path\": \"tags\", \"severity\": \"huge\", \"anyChange\": true}]}");
    assertThat(drift("--rules", rules.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains(rules + ":2:15: rule 'mine': 'severity': unknown severity 'huge'");
  }

  @Test
  void customRuleFromAFileRaisesSeverity() throws Exception {
    Path rules = dir.resolve("rules.json");
    Files.writeString(
        rules,
        """
        {"version": 1, "severity": [{"id": "team-tag", "title": "Team tag changed",
          "types": ["microsoft.storage/storageaccounts"], "path": "tags.team", "severity": "high", "anyChange": true}]}
        """);
    assertThat(drift("--rules", rules.toString(), "--format", "json", "--fail-on", "high"))
        .isEqualTo(ExitCodes.FOUND);
    assertThat(MAPPER.readTree(out.toString()).path("summary").path("drifts").path("high").asInt())
        .isEqualTo(1);
  }

  @Test
  void usageErrorsAndMissingFiles() {
    assertThat(run("drift", "--baseline", baseline.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Missing required option: '--current=FILE'");
    assertThat(drift("--fail-on", "urgent")).isEqualTo(ExitCodes.USAGE);
    assertThat(drift("--confirm-after", "2")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--confirm-after and --window need --state FILE");
    assertThat(
            run(
                "drift",
                "--baseline",
                dir.resolve("nope.json").toString(),
                "--current",
                current.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("snapshot not found");
  }

  @Test
  void debounceWithStateConfirmsOnTheSecondRunButNeverHoldsCritical() throws Exception {
    Path state = dir.resolve("state.json");
    assertThat(drift("--format", "json", "--state", state.toString(), "--fail-on", "low"))
        .isEqualTo(ExitCodes.FOUND);
    JsonNode first = MAPPER.readTree(out.toString());
    assertThat(first.path("drifts")).hasSize(1); // the CRITICAL one, immediately
    assertThat(first.path("summary").path("debounce").path("pending").asInt()).isEqualTo(1);
    out.getBuffer().setLength(0);
    assertThat(
            drift(
                "--format",
                "json",
                "--state",
                state.toString(),
                "--confirm-after",
                "2",
                "--window",
                "3"))
        .isEqualTo(ExitCodes.FOUND);
    assertThat(MAPPER.readTree(out.toString()).path("drifts")).hasSize(2);
    assertThat(Files.readString(state)).doesNotContain("hunter2");
  }

  @Test
  void helpListsTheCommandAndItsExitCodes() {
    assertThat(run("drift", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("--baseline=FILE")
        .contains("--fail-on=SEVERITY")
        .contains("2   bad input");
    out.getBuffer().setLength(0);
    run("--help");
    assertThat(out.toString()).contains("drift");
  }
}
