package dev.steward.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.models.ChangeType;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Direction-aware severity from the default rules (research §2.1). */
class SeverityTest {

  private final DriftEngine engine = DriftEngine.create();

  private static ObjectNode props(ObjectNode resource) {
    return (ObjectNode) resource.get("properties");
  }

  private static ObjectNode sshRule(ObjectNode nsg) {
    return (ObjectNode) nsg.path("properties").path("securityRules").get(1).path("properties");
  }

  @Test
  void openingSshToTheInternetIsCriticalAndClosingItIsLow() {
    ObjectNode a = Arm.nsg();
    ObjectNode b = Arm.copy(a);
    sshRule(b).put("sourceAddressPrefix", "0.0.0.0/0");
    List<Drift> opened = engine.diff(a, b);
    assertThat(opened)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path())
                  .isEqualTo(
                      "properties.securityRules[name=AllowSSH].properties.sourceAddressPrefix");
              assertThat(d.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(d.rule()).isEqualTo("nsg-open-management-port");
            });
    List<Drift> closed = engine.diff(b, a);
    assertThat(closed)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.LOW);
              assertThat(d.rule()).isEqualTo("nsg-open-management-port");
            });
  }

  @Test
  void newRdpRuleFromAnyIsCriticalAndOtherRuleChangesAreMedium() {
    ObjectNode a = Arm.nsg();
    ObjectNode b = Arm.copy(a);
    ((ArrayNode) props(b).get("securityRules"))
        .add(
            Arm.json(
                """
                {"name": "AllowRDP", "properties": {"protocol": "*", "sourcePortRange": "*",
                 "destinationPortRanges": ["3000-4000"], "sourceAddressPrefixes": ["Any"],
                 "destinationAddressPrefix": "*", "access": "allow", "priority": 300,
                 "direction": "inbound"}}
                """));
    ((ObjectNode) props(b).get("securityRules").get(0).get("properties")).put("priority", 110);
    assertThat(engine.diff(a, b))
        .extracting(Drift::path, Drift::change, Drift::severity, Drift::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "properties.securityRules[name=AllowRDP]",
                ChangeType.ADDED,
                Severity.CRITICAL,
                "nsg-open-management-port"),
            org.assertj.core.groups.Tuple.tuple(
                "properties.securityRules[name=AllowHttpsInbound].properties.priority",
                ChangeType.MODIFIED,
                Severity.MEDIUM,
                "nsg-rule-changed"));
  }

  @Test
  void sqlFirewallOpenToTheInternetIsCritical() {
    ArrayNode before =
        Arm.MAPPER
            .createArrayNode()
            .add(Arm.sqlFirewallRule("AllowOffice", "203.0.113.1", "203.0.113.1"));
    ArrayNode after =
        before
            .deepCopy()
            .add(Arm.sqlFirewallRule("AllowAll", "0.0.0.0", "255.255.255.255"))
            .add(Arm.sqlFirewallRule("AllowAllWindowsAzureIps", "0.0.0.0", "0.0.0.0"));
    DriftReport r = engine.compare(before, after);
    assertThat(r.drifts())
        .extracting(Drift::path, Drift::severity, Drift::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("", Severity.CRITICAL, "sql-firewall-internet"),
            org.assertj.core.groups.Tuple.tuple("", Severity.HIGH, "sql-firewall-azure-services"));
    assertThat(r.summary().addedResources()).isEqualTo(2);
  }

  @Test
  void storageWeakeningsGetTheirLevelsAndStrengtheningsLow() {
    ObjectNode a = Arm.storage();
    ObjectNode b = Arm.copy(a);
    props(b).put("allowBlobPublicAccess", true);
    props(b).put("publicNetworkAccess", "Enabled");
    props(b).put("minimumTlsVersion", "TLS1_0");
    props(b).put("supportsHttpsTrafficOnly", false);
    ((ObjectNode) props(b).get("networkAcls")).put("defaultAction", "Allow");
    ((ArrayNode) props(b).path("networkAcls").path("ipRules"))
        .addObject()
        .put("value", "192.0.2.7")
        .put("action", "Allow");
    b.putObject("tags").put("costCenter", "IT");
    assertThat(engine.diff(a, b))
        .extracting(Drift::path, Drift::severity, Drift::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "properties.allowBlobPublicAccess",
                Severity.CRITICAL,
                "storage-blob-public-access"),
            org.assertj.core.groups.Tuple.tuple(
                "properties.publicNetworkAccess",
                Severity.CRITICAL,
                "storage-public-network-access"),
            org.assertj.core.groups.Tuple.tuple(
                "properties.minimumTlsVersion", Severity.HIGH, "storage-min-tls"),
            org.assertj.core.groups.Tuple.tuple(
                "properties.networkAcls.defaultAction",
                Severity.HIGH,
                "storage-network-default-allow"),
            org.assertj.core.groups.Tuple.tuple(
                "properties.networkAcls.ipRules[value=192.0.2.7]",
                Severity.HIGH,
                "storage-ip-rule-added"),
            org.assertj.core.groups.Tuple.tuple(
                "properties.supportsHttpsTrafficOnly", Severity.HIGH, "storage-https-only"),
            org.assertj.core.groups.Tuple.tuple(
                "tags.costCenter", Severity.LOW, Drift.DEFAULT_RULE));
    assertThat(engine.diff(b, a)).extracting(Drift::severity).containsOnly(Severity.LOW);
  }

  @Test
  void keyVaultPurgeProtectionOffIsCriticalAndPurgePolicyIsHigh() {
    ObjectNode a = Arm.keyVault();
    ObjectNode b = Arm.copy(a);
    props(b).remove("enablePurgeProtection");
    props(b).put("enableSoftDelete", false);
    ((ArrayNode) props(b).get("accessPolicies"))
        .add(
            Arm.json(
                """
                {"tenantId": "00000000-0000-0000-0000-0000000000aa", "objectId": "00000000-0000-0000-0000-0000000000c3",
                 "permissions": {"keys": [], "secrets": ["Get", "Purge"], "certificates": []}}
                """));
    assertThat(engine.diff(a, b))
        .extracting(Drift::path, Drift::severity, Drift::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "properties.enablePurgeProtection", Severity.CRITICAL, "keyvault-purge-protection"),
            org.assertj.core.groups.Tuple.tuple(
                "properties.accessPolicies[tenantId=00000000-0000-0000-0000-0000000000aa,objectId=00000000-0000-0000-0000-0000000000c3]",
                Severity.HIGH,
                "keyvault-access-policy-all-or-purge"),
            org.assertj.core.groups.Tuple.tuple(
                "properties.enableSoftDelete", Severity.HIGH, "keyvault-soft-delete"));
  }

  @Test
  void webAppAndVmRules() {
    ObjectNode a = Arm.webApp();
    ObjectNode b = Arm.copy(a);
    props(b).put("httpsOnly", false);
    ((ObjectNode) props(b).get("siteConfig"))
        .put("minTlsVersion", "1.0")
        .put("ftpsState", "AllAllowed");
    assertThat(engine.diff(a, b))
        .extracting(Drift::rule)
        .containsExactlyInAnyOrder("webapp-https-only", "webapp-min-tls", "webapp-ftps");

    ObjectNode vmA = Arm.vm();
    ObjectNode vmB = Arm.copy(vmA);
    ((ObjectNode) props(vmB).path("osProfile").path("linuxConfiguration"))
        .put("disablePasswordAuthentication", false);
    ((ObjectNode) props(vmB).get("hardwareProfile")).put("vmSize", "Standard_B1s");
    assertThat(engine.diff(vmA, vmB))
        .extracting(Drift::severity, Drift::rule)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Severity.HIGH, "vm-password-authentication"),
            org.assertj.core.groups.Tuple.tuple(Severity.MEDIUM, "vm-size-changed"));
  }

  @Test
  void reportIsSortedBySeverityThenResourceThenPath() {
    ObjectNode nsgA = Arm.nsg();
    ObjectNode nsgB = Arm.copy(nsgA);
    sshRule(nsgB).put("sourceAddressPrefix", "*");
    nsgB.putObject("tags").put("env", "dev");
    ObjectNode stA = Arm.storage();
    ObjectNode stB = Arm.copy(stA);
    props(stB).put("minimumTlsVersion", "TLS1_1");
    DriftReport r =
        engine.compare(
            Arm.MAPPER.createArrayNode().add(stA).add(nsgA),
            Arm.MAPPER.createArrayNode().add(nsgB).add(stB));
    assertThat(r.drifts())
        .extracting(Drift::severity)
        .containsExactly(Severity.CRITICAL, Severity.HIGH, Severity.LOW);
    assertThat(r.summary().drifts())
        .containsEntry(Severity.CRITICAL, 1)
        .containsEntry(Severity.MEDIUM, 0);
    assertThat(r.summary().changedResources()).isEqualTo(2);
    assertThat(r.summary().driftsAtOrAbove(Severity.HIGH)).isEqualTo(2);
  }
}
