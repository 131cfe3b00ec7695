package dev.steward.drift;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.RuleDescription;
import dev.steward.drift.models.Severity;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftRulesTest {

  private static DriftRules overlay(String text) {
    return DriftRules.defaults()
        .overlay("my-rules.json", new ByteArrayInputStream(text.getBytes(UTF_8)));
  }

  @Test
  void defaultsCoverTheResearchTableWithTheirAzurePolicies() {
    var rules = DriftRules.defaults().severityRules();
    assertThat(rules)
        .extracting(RuleDescription::id)
        .contains(
            "nsg-open-management-port",
            "sql-firewall-internet",
            "storage-blob-public-access",
            "storage-public-network-access",
            "keyvault-public-network-access",
            "sql-public-network-access",
            "keyvault-purge-protection",
            "storage-network-default-allow",
            "keyvault-network-default-allow",
            "storage-https-only",
            "webapp-https-only",
            "storage-min-tls",
            "webapp-min-tls",
            "webapp-ftps",
            "sql-firewall-azure-services",
            "storage-ip-rule-added",
            "keyvault-access-policy-all-or-purge",
            "vm-password-authentication",
            "keyvault-soft-delete",
            "nsg-rule-changed",
            "sku-changed");
    assertThat(rules)
        .filteredOn(r -> r.severity() == Severity.CRITICAL || r.severity() == Severity.HIGH)
        .allSatisfy(r -> assertThat(r.policyName()).isNotBlank());
    assertThat(rules)
        .filteredOn(r -> r.id().equals("storage-https-only"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.policyId()).isEqualTo("404c3081-a854-4457-ae30-26a93ef643f9");
              assertThat(r.policyUri()).endsWith("404c3081-a854-4457-ae30-26a93ef643f9");
            });
    assertThat(DriftRules.defaults().sources()).containsExactly("steward-azure-default@2026.11.1");
  }

  @Test
  void userFileAddsARuleOverridesAndDisables(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rules.json");
    Files.writeString(
        file,
        """
        // my team's rules
        {
          "version": 1,
          "name": "contoso",
          "types": {"microsoft.storage/storageaccounts": {"volatile": ["tags.lastScanned"]}},
          "severity": [
            {"id": "storage-tag-owner-removed", "title": "Owner tag removed",
             "types": ["Microsoft.Storage/storageAccounts"], "path": "tags.owner",
             "severity": "medium", "insecureWhen": {"absent": true}},
            {"id": "storage-min-tls", "types": ["microsoft.storage/storageaccounts"],
             "path": "properties.minimumTlsVersion", "severity": "critical",
             "order": ["TLS1_0", "TLS1_1", "TLS1_2", "TLS1_3"]},
          ],
          "disable": ["storage-ip-rule-added"],
        }
        """);
    DriftEngine engine = DriftEngine.builder().rules(DriftRules.defaults().overlay(file)).build();
    ObjectNode a = Arm.storage();
    ((ObjectNode) a.get("tags")).put("owner", "alice").put("lastScanned", "monday");
    ObjectNode b = Arm.copy(a);
    ((ObjectNode) b.get("tags")).remove("owner");
    ((ObjectNode) b.get("tags")).put("lastScanned", "tuesday");
    ((ObjectNode) b.get("properties")).put("minimumTlsVersion", "TLS1_1");
    ((com.fasterxml.jackson.databind.node.ArrayNode)
            b.path("properties").path("networkAcls").path("ipRules"))
        .addObject()
        .put("value", "192.0.2.1");
    assertThat(engine.diff(a, b))
        .extracting(Drift::path, Drift::severity, Drift::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "properties.minimumTlsVersion", Severity.CRITICAL, "storage-min-tls"),
            org.assertj.core.groups.Tuple.tuple(
                "tags.owner", Severity.MEDIUM, "storage-tag-owner-removed"),
            org.assertj.core.groups.Tuple.tuple(
                "properties.networkAcls.ipRules[value=192.0.2.1]",
                Severity.LOW,
                Drift.DEFAULT_RULE));
    assertThat(engine.rules().sources())
        .containsExactly("steward-azure-default@2026.11.1", "contoso");
  }

  @Test
  void badRuleNamesFileLineAndRule() {
    assertThatThrownBy(
            () ->
                overlay(
                    """
        {
          "version": 1,
          "severity": [
            {"id": "ok", "types": ["*"], "path": "tags", "severity": "low", "anyChange": true},
            {"id": "broken-rule", "types": ["*"], "path": "tags",
             "severity": "urgent", "anyChange": true}
          ]
        }
        """))
        .isInstanceOf(DriftRulesException.class)
        .hasMessageStartingWith(
            "my-rules.json:5:5: rule 'broken-rule': 'severity': unknown severity 'urgent'");
    assertThatThrownBy(() -> overlay("{\"version\": 1, \"severity\": [{\"types\": [\"*\"]}]}"))
        .hasMessageStartingWith(
            "my-rules.json:1:29: rule 'severity[0]': a severity rule needs an 'id'");
    assertThatThrownBy(
            () ->
                overlay(
                    """
        {"version": 1,
         "types": {"microsoft.web/sites": {"volatile": ["properties..state"]}}}
        """))
        .hasMessageStartingWith(
            "my-rules.json:2:35: rule 'types.microsoft.web/sites': malformed path");
    assertThatThrownBy(
            () ->
                overlay(
                    "{\"version\": 1, \"severity\": [{\"id\": \"x\", \"types\": [\"*\"], \"path\": \"a\","
                        + " \"severity\": \"low\", \"insecureWhen\": {\"equalz\": [1]}}]}"))
        .hasMessageContaining("rule 'x': unknown condition 'equalz'");
    assertThatThrownBy(() -> overlay("{\"version\": 1, \"severity\": [\n  {\"id\": \"x\",, }]}"))
        .isInstanceOf(DriftRulesException.class)
        .hasMessageStartingWith("my-rules.json:2:");
    assertThatThrownBy(() -> overlay("{\"version\": 2}"))
        .hasMessageContaining("unsupported format version");
    assertThatThrownBy(() -> overlay("{\"version\": 1, \"disable\": [\"no-such-rule\"]}"))
        .hasMessageContaining("cannot disable unknown rule 'no-such-rule'");
  }
}
