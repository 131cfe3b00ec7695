package dev.steward.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.drift.models.Certainty;
import dev.steward.drift.models.ChangeType;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.NoiseClass;
import dev.steward.drift.models.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per noise class: realistic ARM noise must yield zero drift; real changes must not. */
class NoiseToleranceTest {

  private final DriftEngine engine = DriftEngine.create();

  private DriftReport compare(JsonNode a, JsonNode b) {
    return engine.compare(Arm.MAPPER.createArrayNode().add(a), Arm.MAPPER.createArrayNode().add(b));
  }

  private static ObjectNode rule(ObjectNode nsg, int i) {
    return (ObjectNode) nsg.path("properties").path("securityRules").get(i);
  }

  @Test
  void volatileAndReadOnlyPathsAreNoise() {
    ObjectNode a = Arm.nsg();
    ObjectNode b = Arm.copy(a);
    b.put("etag", "W/\"changed\"");
    ((ObjectNode) b.get("properties")).put("provisioningState", "Updating");
    ((ObjectNode) b.get("properties")).put("resourceGuid", "new-guid");
    ((ObjectNode) rule(b, 0).get("properties")).put("provisioningState", "Updating");
    ((ObjectNode) b.get("properties")).putArray("defaultSecurityRules");
    b.putObject("systemData").put("lastModifiedAt", "2026-01-01T00:00:00Z");

    DriftReport r = compare(a, b);
    assertThat(r.drifts()).isEmpty();
    assertThat(r.summary().suppressed().get(NoiseClass.VOLATILE)).isEqualTo(6);
  }

  @Test
  void storageVolatileTimestampsAndEndpointsAreNoise() {
    ObjectNode a = Arm.storage();
    ObjectNode b = Arm.copy(a);
    ObjectNode p = (ObjectNode) b.get("properties");
    p.putObject("geoReplicationStats").put("status", "Bootstrap");
    p.put("statusOfPrimary", "unavailable");
    p.putObject("keyCreationTime").put("key1", "2026-01-01T00:00:00Z");
    ((ObjectNode) p.path("encryption").path("services").path("blob"))
        .put("lastEnabledTime", "2026-01-01T00:00:00Z");
    assertThat(compare(a, b).drifts()).isEmpty();
  }

  @Test
  void keyedArraysIgnoreOrderAndReportByKey() {
    ObjectNode a = Arm.nsg();
    ObjectNode b = Arm.copy(a);
    ArrayNode rules = (ArrayNode) b.path("properties").path("securityRules");
    JsonNode first = rules.remove(0);
    rules.add(first);
    DriftReport r = compare(a, b);
    assertThat(r.drifts()).isEmpty();
    assertThat(r.summary().suppressed().get(NoiseClass.ORDER)).isEqualTo(1);

    ((ObjectNode) rule(b, 0).get("properties")).put("priority", 300);
    List<Drift> drifts = engine.diff(a, b);
    assertThat(drifts).hasSize(1);
    assertThat(drifts.get(0).path())
        .isEqualTo("properties.securityRules[name=AllowSSH].properties.priority");
    assertThat(drifts.get(0).change()).isEqualTo(ChangeType.MODIFIED);
    assertThat(drifts.get(0).before().asInt()).isEqualTo(200);
    assertThat(drifts.get(0).after().asInt()).isEqualTo(300);
  }

  @Test
  void keyVaultAccessPoliciesAreKeyedByTenantAndObjectAndPermissionsAreCaseInsensitiveSets() {
    ObjectNode a = Arm.keyVault();
    ObjectNode b = Arm.copy(a);
    ArrayNode policies = (ArrayNode) b.path("properties").path("accessPolicies");
    JsonNode first = policies.remove(0);
    policies.add(first);
    ArrayNode keys = (ArrayNode) policies.get(1).path("permissions").path("keys");
    keys.removeAll();
    keys.add("List").add("Get");
    DriftReport r = compare(a, b);
    assertThat(r.drifts()).isEmpty();

    // #138: removing the first policy must not show every later policy as changed.
    ObjectNode c = Arm.copy(a);
    ((ArrayNode) c.path("properties").path("accessPolicies")).remove(0);
    List<Drift> drifts = engine.diff(a, c);
    assertThat(drifts)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.change()).isEqualTo(ChangeType.REMOVED);
              assertThat(d.path())
                  .isEqualTo(
                      "properties.accessPolicies[tenantId=00000000-0000-0000-0000-0000000000aa,"
                          + "objectId=00000000-0000-0000-0000-0000000000b1]");
            });
  }

  @Test
  void dataDisksByLunAndNicsById() {
    ObjectNode a = Arm.vm();
    ObjectNode b = Arm.copy(a);
    ArrayNode disks = (ArrayNode) b.path("properties").path("storageProfile").path("dataDisks");
    disks.add(disks.remove(0));
    ArrayNode nics =
        (ArrayNode) b.path("properties").path("networkProfile").path("networkInterfaces");
    ObjectNode nic = (ObjectNode) nics.remove(0);
    nic.put("id", nic.get("id").asText().toUpperCase());
    nics.add(nic);
    assertThat(compare(a, b).drifts()).isEmpty();

    ((ObjectNode) disks.get(0)).put("diskSizeGB", 2047);
    assertThat(engine.diff(a, b))
        .extracting(Drift::path)
        .containsExactly("properties.storageProfile.dataDisks[lun=1].diskSizeGB");
  }

  @Test
  void autoDetectedKeyWhenNoneIsConfigured() {
    ObjectNode a =
        Arm.json(
            """
            {"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.App/containerApps/ca",
             "type": "Microsoft.App/containerApps",
             "properties": {"template": {"containers": [{"name": "web", "probes": [
               {"type": "Liveness", "periodSeconds": 10},
               {"type": "Startup", "periodSeconds": 5},
               {"type": "Readiness", "periodSeconds": 3}]}]}}}
            """);
    ObjectNode b = Arm.copy(a);
    ArrayNode probes =
        (ArrayNode) b.path("properties").path("template").path("containers").get(0).path("probes");
    probes.add(probes.remove(0)); // arm-template-whatif #425: probes rotated
    assertThat(compare(a, b).drifts()).isEmpty();
    ((ObjectNode) probes.get(0)).put("periodSeconds", 7);
    assertThat(engine.diff(a, b))
        .extracting(Drift::path)
        .containsExactly(
            "properties.template.containers[name=web].probes[type=Startup].periodSeconds");
  }

  @Test
  void scalarArraysAreMultisets() {
    ObjectNode a = Arm.webApp();
    ObjectNode b = Arm.copy(a);
    ArrayNode hosts = (ArrayNode) b.path("properties").path("hostNames");
    hosts.add(hosts.remove(0));
    assertThat(compare(a, b).drifts()).isEmpty();
    hosts.add("evil.example.com");
    assertThat(engine.diff(a, b))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("properties.hostNames[evil.example.com]");
              assertThat(d.change()).isEqualTo(ChangeType.ADDED);
            });
  }

  @Test
  void idsTypesAndLocationsCompareIgnoringCaseAndSpaces() {
    ObjectNode a = Arm.vm();
    ObjectNode b = Arm.copy(a);
    b.put("id", a.get("id").asText().toLowerCase());
    b.put("type", "microsoft.compute/virtualmachines");
    b.put("location", "westus");
    ((ObjectNode) b.path("resources").get(0)).put("location", "WestUS");
    ((ObjectNode) b.path("properties").path("hardwareProfile")).put("vmSize", "standard_ds3_v2");
    DriftReport r = compare(a, b);
    assertThat(r.drifts()).isEmpty();
    assertThat(r.summary().suppressed().get(NoiseClass.CASE)).isGreaterThanOrEqualTo(4);
  }

  @Test
  void freeFormSettingsStayCaseSensitive() {
    // arm-template-whatif #292: Day -> day in extension settings is a real change.
    ObjectNode a = Arm.vm();
    ObjectNode b = Arm.copy(a);
    ((ObjectNode) b.path("resources").get(0).path("properties").path("settings"))
        .put("schedule", "day");
    ((ObjectNode) b.get("tags") == null ? b.putObject("tags") : (ObjectNode) b.get("tags"))
        .put("owner", "Alice");
    ((ObjectNode) a.putObject("tags")).put("owner", "alice");
    assertThat(engine.diff(a, b))
        .extracting(Drift::path)
        .containsExactlyInAnyOrder(
            "resources[id="
                + a.path("resources").get(0).get("id").asText()
                + "].properties.settings.schedule",
            "tags.owner");
  }

  @Test
  void numbersInstantsDurationsAndEmbeddedJsonCompareByValue() {
    ObjectNode a = Arm.webApp();
    ObjectNode b = Arm.copy(a);
    ObjectNode cfg = (ObjectNode) b.path("properties").path("siteConfig");
    cfg.put("healthCheckTimeout", "PT60M");
    cfg.put("policy", "{ \"version\": 1.0, \"rules\": [ {\"enabled\": true, \"name\": \"a\"} ] }");
    ObjectNode vmA = Arm.vm();
    ObjectNode vmB = Arm.copy(vmA);
    ((ObjectNode) vmB.path("properties").path("storageProfile").path("osDisk"))
        .put("diskSizeGB", 30.0);
    ((ObjectNode) vmB.path("properties").path("diagnosticsProfile").path("bootDiagnostics"))
        .put("retainedSince", "2024-01-01T01:00:00+01:00");
    ((ObjectNode) vmA.path("properties").path("diagnosticsProfile").path("bootDiagnostics"))
        .put("retainedSince", "2024-01-01T00:00:00Z");
    DriftReport r =
        engine.compare(
            Arm.MAPPER.createArrayNode().add(a).add(vmA),
            Arm.MAPPER.createArrayNode().add(b).add(vmB));
    assertThat(r.drifts()).isEmpty();
    assertThat(r.summary().suppressed())
        .containsEntry(NoiseClass.DURATION, 1L)
        .containsEntry(NoiseClass.EMBEDDED_JSON, 1L)
        .containsEntry(NoiseClass.NUMBER, 1L)
        .containsEntry(NoiseClass.INSTANT, 1L);

    cfg.put("healthCheckTimeout", "PT2H");
    assertThat(engine.diff(a, b))
        .extracting(Drift::path)
        .containsExactly("properties.siteConfig.healthCheckTimeout");
  }

  @Test
  void cidrFormsAndAnywhereSpellings() {
    ObjectNode a = Arm.nsg();
    ObjectNode b = Arm.copy(a);
    ((ObjectNode) rule(b, 0).get("properties")).put("sourceAddressPrefix", "Internet");
    ObjectNode sa = Arm.storage();
    ObjectNode sb = Arm.copy(sa);
    ((ObjectNode) sb.path("properties").path("networkAcls").path("ipRules").get(0))
        .put("value", "203.0.113.10/32");
    DriftReport r =
        engine.compare(
            Arm.MAPPER.createArrayNode().add(a).add(sa),
            Arm.MAPPER.createArrayNode().add(b).add(sb));
    assertThat(r.drifts()).isEmpty();
    // "*" vs "Internet" in the NSG, and the ipRules key "1.2.3.4" vs "1.2.3.4/32".
    assertThat(r.summary().suppressed().get(NoiseClass.CIDR)).isEqualTo(2);
  }

  @Test
  void shortAndFullResourceIdsInTheSameScope() {
    // arm-template-whatif #123: serverFarmId "x" vs ".../serverfarms/x".
    ObjectNode a = Arm.webApp();
    ObjectNode b = Arm.copy(a);
    ((ObjectNode) b.get("properties")).put("serverFarmId", "asp-prod");
    DriftReport r = compare(a, b);
    assertThat(r.drifts()).isEmpty();
    assertThat(r.summary().suppressed().get(NoiseClass.RESOURCE_ID)).isEqualTo(1);

    ((ObjectNode) b.get("properties")).put("serverFarmId", "asp-other");
    assertThat(engine.diff(a, b)).hasSize(1);
  }

  @Test
  void absentEqualsDefaultOnlyWhereTheTableSaysSo() {
    ObjectNode a = Arm.storage();
    ObjectNode b = Arm.copy(a);
    ((ObjectNode) b.get("properties")).remove("supportsHttpsTrafficOnly");
    DriftReport r = compare(a, b);
    assertThat(r.drifts()).isEmpty();
    assertThat(r.summary().suppressed().get(NoiseClass.DEFAULT)).isEqualTo(1);

    // Before 2019-04-01 absent meant false: now a real, HIGH drift.
    b.put("apiVersion", "2018-11-01");
    assertThat(engine.diff(a, b))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.path()).isEqualTo("properties.supportsHttpsTrafficOnly");
              assertThat(d.change()).isEqualTo(ChangeType.REMOVED);
              assertThat(d.severity()).isEqualTo(Severity.HIGH);
            });

    // accessTier has no default in the table: absent is a drift.
    ObjectNode c = Arm.copy(a);
    ((ObjectNode) c.get("properties")).remove("accessTier");
    assertThat(engine.diff(a, c)).extracting(Drift::path).containsExactly("properties.accessTier");
  }

  @Test
  void defaultObjectFilledInByTheProviderIsNoise() {
    // arm-template-whatif README: networkAcls filled in with its defaults.
    ObjectNode a = Arm.storage();
    ((ObjectNode) a.get("properties")).remove("networkAcls");
    ObjectNode b = Arm.copy(a);
    ((ObjectNode) b.get("properties"))
        .set(
            "networkAcls",
            Arm.json(
                "{\"bypass\":\"AzureServices\",\"defaultAction\":\"Allow\",\"ipRules\":[],\"virtualNetworkRules\":[]}"));
    assertThat(compare(a, b).drifts()).isEmpty();
  }

  @Test
  void defaultOutsideItsApiVersionRangeIsPossible() {
    ObjectNode a = Arm.keyVault();
    a.put("apiVersion", "2023-07-01");
    ObjectNode b = Arm.copy(a);
    ((ObjectNode) b.get("properties")).remove("enableSoftDelete");
    assertThat(engine.diff(a, b))
        .singleElement()
        .satisfies(d -> assertThat(d.certainty()).isEqualTo(Certainty.POSSIBLE));
  }

  @Test
  void childResourcesFoldIntoTheParentsKeyedArray() {
    // arm-template-whatif #60/#393: a rule as a child resource vs inline in the NSG.
    ObjectNode a = Arm.nsg();
    ObjectNode b = Arm.copy(a);
    ObjectNode child =
        (ObjectNode) ((ArrayNode) b.path("properties").path("securityRules")).remove(1);
    child.put("type", "Microsoft.Network/networkSecurityGroups/securityRules");
    DriftReport r =
        engine.compare(
            Arm.MAPPER.createArrayNode().add(a), Arm.MAPPER.createArrayNode().add(b).add(child));
    assertThat(r.drifts()).isEmpty();
    assertThat(r.summary().suppressed().get(NoiseClass.CHILD_RESOURCE)).isEqualTo(1);
    assertThat(r.summary().currentResources()).isEqualTo(1);
    assertThat(b.path("properties").path("securityRules")).hasSize(1); // caller's tree unchanged
  }

  @Test
  void secretsAreNeverComparedNorPrinted() {
    ObjectNode a = Arm.vm();
    ObjectNode b = Arm.copy(a);
    ObjectNode ext = (ObjectNode) b.path("resources").get(0).path("properties");
    ext.putObject("protectedSettings").put("storageKey", "bmV3LXNlY3JldA==");
    ((ObjectNode) b.path("properties").path("osProfile")).put("adminPassword", "P@ssw0rd!");
    DriftReport r = compare(a, b);
    assertThat(r.drifts()).isEmpty();
    assertThat(r.summary().suppressed().get(NoiseClass.SECRET)).isEqualTo(2);

    // A whole resource added: its secrets are masked in the printed value.
    DriftReport added =
        engine.compare(Arm.MAPPER.createArrayNode(), Arm.MAPPER.createArrayNode().add(b));
    String json = added.toJson().toString();
    assertThat(json).doesNotContain("P@ssw0rd!").doesNotContain("bmV3LXNlY3JldA==").contains("***");
    assertThat(json).doesNotContain("\"etag\"").doesNotContain("vmId");
  }

  @Test
  void identicalSnapshotsAreCleanAndCountNothing() {
    ArrayNode snap =
        Arm.MAPPER.createArrayNode().add(Arm.nsg()).add(Arm.storage()).add(Arm.keyVault());
    DriftReport r = engine.compare(snap, snap.deepCopy());
    assertThat(r.drifts()).isEmpty();
    assertThat(r.summary().totalSuppressed()).isZero();
    assertThat(r.summary().baselineResources()).isEqualTo(3);
  }
}
