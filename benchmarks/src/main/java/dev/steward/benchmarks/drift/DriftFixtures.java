package dev.steward.benchmarks.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Random;

/**
 * Realistic ARM resources for the drift benchmarks (shapes of the azure-rest-api-specs GET
 * examples), identical, noisy (volatile fields changed, keyed arrays reordered) or drifted.
 * Deterministic: every fixture comes from a seeded {@link Random}.
 */
public final class DriftFixtures {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RG =
      "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-%d/providers/";

  private DriftFixtures() {}

  /**
   * Promotes and compacts the fixtures before they are timed. A full collection lays the trees out
   * once, in the order they are walked; without it the first young collections copy them while the
   * contenders run, which scatters them and makes every walk over them slower (Jackson's {@code
   * equals} of the 2 MB estate goes from about 1 ms to 5 ms). Both contenders then see the same
   * layout.
   */
  static void settle() {
    System.gc();
    System.gc();
  }

  static ObjectNode securityRule(
      String nsgId, String name, int priority, String port, String source) {
    ObjectNode r = MAPPER.createObjectNode();
    r.put("name", name);
    r.put("id", nsgId + "/securityRules/" + name);
    r.put("etag", "W/\"6b0d1a9e-0000-0000-0000-000000000001\"");
    r.put("type", "Microsoft.Network/networkSecurityGroups/securityRules");
    ObjectNode p = r.putObject("properties");
    p.put("provisioningState", "Succeeded");
    p.put("protocol", "Tcp");
    p.put("sourcePortRange", "*");
    p.put("destinationPortRange", port);
    p.put("sourceAddressPrefix", source);
    p.put("destinationAddressPrefix", "*");
    p.put("access", "Allow");
    p.put("priority", priority);
    p.put("direction", "Inbound");
    p.putArray("sourcePortRanges");
    p.putArray("destinationPortRanges");
    p.putArray("sourceAddressPrefixes");
    p.putArray("destinationAddressPrefixes");
    return r;
  }

  /** An NSG of about 3 KB: five rules and three default rules. */
  static ObjectNode nsg(int i) {
    String id = String.format(RG, i % 50) + "Microsoft.Network/networkSecurityGroups/nsg-" + i;
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", id);
    n.put("name", "nsg-" + i);
    n.put("type", "Microsoft.Network/networkSecurityGroups");
    n.put("location", "westus");
    n.put("etag", "W/\"6b0d1a9e-0000-0000-0000-000000000001\"");
    n.putObject("tags").put("env", "prod").put("owner", "team-" + (i % 7));
    ObjectNode p = n.putObject("properties");
    p.put("provisioningState", "Succeeded");
    p.put("resourceGuid", "2f6b3c1e-8f7a-4b0e-9c53-" + String.format("%012d", i));
    ArrayNode rules = p.putArray("securityRules");
    rules.add(securityRule(id, "AllowHttpsInbound", 100, "443", "Internet"));
    rules.add(securityRule(id, "AllowSSHFromBastion", 200, "22", "10.0.1.0/26"));
    rules.add(securityRule(id, "AllowAppGateway", 300, "65200-65535", "GatewayManager"));
    rules.add(securityRule(id, "AllowMonitoring", 400, "9100", "10.0.2.0/24"));
    rules.add(securityRule(id, "DenyAllInbound", 4096, "*", "*"));
    ArrayNode defaults = p.putArray("defaultSecurityRules");
    defaults.add(securityRule(id, "AllowVnetInBound", 65000, "*", "VirtualNetwork"));
    defaults.add(
        securityRule(id, "AllowAzureLoadBalancerInBound", 65001, "*", "AzureLoadBalancer"));
    defaults.add(securityRule(id, "DenyAllInBound", 65500, "*", "*"));
    return n;
  }

  /** A storage account of about 2 KB. */
  static ObjectNode storage(int i) {
    String id = String.format(RG, i % 50) + "Microsoft.Storage/storageAccounts/st" + i;
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", id);
    n.put("name", "st" + i);
    n.put("type", "Microsoft.Storage/storageAccounts");
    n.put("location", "eastus2");
    n.put("kind", "StorageV2");
    n.putObject("sku").put("name", "Standard_GRS").put("tier", "Standard");
    n.putObject("tags").put("costCenter", "Finance").put("env", "prod");
    ObjectNode p = n.putObject("properties");
    p.put("provisioningState", "Succeeded");
    p.put("creationTime", "2021-03-18T04:42:22.4322836Z");
    ObjectNode ep = p.putObject("primaryEndpoints");
    for (String s : new String[] {"blob", "queue", "table", "file", "dfs", "web"}) {
      ep.put(s, "https://st" + i + "." + s + ".core.windows.net/");
    }
    p.put("statusOfPrimary", "available");
    p.putObject("keyCreationTime")
        .put("key1", "2021-03-18T04:42:22.4322836Z")
        .put("key2", "2021-03-18T04:42:22.4322836Z");
    ObjectNode enc = p.putObject("encryption");
    enc.put("keySource", "Microsoft.Storage");
    ObjectNode svc = enc.putObject("services");
    svc.putObject("blob")
        .put("keyType", "Account")
        .put("enabled", true)
        .put("lastEnabledTime", "2021-03-18T04:42:22.5Z");
    svc.putObject("file")
        .put("keyType", "Account")
        .put("enabled", true)
        .put("lastEnabledTime", "2021-03-18T04:42:22.5Z");
    ObjectNode acl = p.putObject("networkAcls");
    acl.put("bypass", "AzureServices");
    acl.put("defaultAction", "Deny");
    ArrayNode ip = acl.putArray("ipRules");
    for (int k = 0; k < 4; k++) {
      ip.addObject().put("value", "203.0.113." + (10 + k)).put("action", "Allow");
    }
    acl.putArray("virtualNetworkRules");
    p.put("supportsHttpsTrafficOnly", true);
    p.put("allowBlobPublicAccess", false);
    p.put("minimumTlsVersion", "TLS1_2");
    p.put("publicNetworkAccess", "Disabled");
    p.put("accessTier", "Hot");
    return n;
  }

  /** A Key Vault of about 2 KB with four access policies. */
  static ObjectNode keyVault(int i) {
    String id = String.format(RG, i % 50) + "Microsoft.KeyVault/vaults/kv-" + i;
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", id);
    n.put("name", "kv-" + i);
    n.put("type", "Microsoft.KeyVault/vaults");
    n.put("location", "westus");
    n.putObject("systemData")
        .put("createdBy", "ops@contoso.com")
        .put("lastModifiedAt", "2025-06-01T09:00:00Z");
    ObjectNode p = n.putObject("properties");
    p.putObject("sku").put("family", "A").put("name", "standard");
    p.put("tenantId", "72f988bf-86f1-41af-91ab-2d7cd011db47");
    ArrayNode pol = p.putArray("accessPolicies");
    for (int k = 0; k < 4; k++) {
      ObjectNode a = pol.addObject();
      a.put("tenantId", "72f988bf-86f1-41af-91ab-2d7cd011db47");
      a.put("objectId", "5e1c0a3f-0000-4000-8000-00000000000" + k);
      ObjectNode perm = a.putObject("permissions");
      perm.putArray("keys").add("get").add("list").add("wrapKey");
      perm.putArray("secrets").add("get").add("list");
      perm.putArray("certificates").add("get");
    }
    p.put("enableSoftDelete", true);
    p.put("enablePurgeProtection", true);
    p.put("vaultUri", "https://kv-" + i + ".vault.azure.net/");
    p.put("provisioningState", "Succeeded");
    p.put("publicNetworkAccess", "Disabled");
    return n;
  }

  static ObjectNode resource(int i) {
    return switch (i % 3) {
      case 0 -> nsg(i);
      case 1 -> storage(i);
      default -> keyVault(i);
    };
  }

  /** A copy with only noise: etags, provisioning states, systemData changed; arrays reordered. */
  static ObjectNode noisy(ObjectNode r) {
    ObjectNode c = r.deepCopy();
    if (c.has("etag")) {
      c.put("etag", "W/\"9c1f00aa-0000-0000-0000-000000000002\"");
    }
    ObjectNode p = (ObjectNode) c.get("properties");
    if (p.has("provisioningState")) {
      p.put("provisioningState", "Updating");
    }
    if (c.has("systemData")) {
      ((ObjectNode) c.get("systemData")).put("lastModifiedAt", "2026-11-20T08:00:00Z");
    }
    if (p.has("securityRules")) {
      List<JsonNode> rules = new ArrayList<>();
      p.get("securityRules").forEach(rules::add);
      Collections.reverse(rules);
      ArrayNode arr = p.putArray("securityRules");
      for (JsonNode rule : rules) {
        ObjectNode rc = (ObjectNode) rule.deepCopy();
        rc.put("etag", "W/\"9c1f00aa-0000-0000-0000-000000000002\"");
        ((ObjectNode) rc.get("properties")).put("provisioningState", "Updating");
        arr.add(rc);
      }
    }
    if (p.has("accessPolicies")) {
      List<JsonNode> pol = new ArrayList<>();
      p.get("accessPolicies").forEach(pol::add);
      Collections.reverse(pol);
      p.putArray("accessPolicies").addAll(pol);
    }
    if (p.has("keyCreationTime")) {
      p.putObject("keyCreationTime")
          .put("key1", "2026-10-01T00:00:00Z")
          .put("key2", "2026-10-01T00:00:00Z");
    }
    return c;
  }

  /** An estate: an array of {@code n} resources. */
  static ArrayNode estate(int n) {
    ArrayNode a = MAPPER.createArrayNode();
    for (int i = 0; i < n; i++) {
      a.add(resource(i));
    }
    return a;
  }

  /** An NSG whose securityRules array has {@code n} rules. */
  static ObjectNode bigNsg(int n) {
    String id = String.format(RG, 0) + "Microsoft.Network/networkSecurityGroups/nsg-big";
    ObjectNode nsg = MAPPER.createObjectNode();
    nsg.put("id", id);
    nsg.put("type", "Microsoft.Network/networkSecurityGroups");
    ArrayNode rules = nsg.putObject("properties").putArray("securityRules");
    for (int i = 0; i < n; i++) {
      rules.add(
          securityRule(
              id,
              "rule-" + i,
              100 + i,
              String.valueOf(1024 + i % 60000),
              "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)));
    }
    return nsg;
  }

  /** The same NSG with its rules shuffled (seeded) and one rule's port changed. */
  static ObjectNode shuffledWithOneChange(ObjectNode nsg, long seed) {
    ObjectNode c = nsg.deepCopy();
    ArrayNode rules = (ArrayNode) c.get("properties").get("securityRules");
    List<JsonNode> list = new ArrayList<>();
    rules.forEach(list::add);
    Collections.shuffle(list, new Random(seed));
    rules.removeAll();
    rules.addAll(list);
    ObjectNode changed = (ObjectNode) rules.get(rules.size() / 2).get("properties");
    changed.put("destinationPortRange", "8443");
    return c;
  }

  /**
   * The reference for goals 3 and 4: a plain hash-by-name diff of two {@link #bigNsg}
   * trees. It indexes the current rules by {@code name}, looks every baseline rule up and compares
   * the two with Jackson's {@code equals}; no noise tolerance, no paths, no report. It is the least
   * work a correct keyed diff can do on trees, and it visits the current side in the baseline's
   * order, as any keyed diff of a shuffled array must.
   *
   * @return how many names were added, removed or changed
   */
  static int hashByNameDiff(ObjectNode before, ObjectNode after) {
    ArrayNode a = (ArrayNode) before.get("properties").get("securityRules");
    ArrayNode b = (ArrayNode) after.get("properties").get("securityRules");
    HashMap<String, JsonNode> byName = new HashMap<>(b.size() * 2);
    for (JsonNode rule : b) {
      byName.put(rule.get("name").textValue(), rule);
    }
    int changes = 0;
    for (JsonNode rule : a) {
      JsonNode other = byName.remove(rule.get("name").textValue());
      if (other == null || !other.equals(rule)) {
        changes++;
      }
    }
    return changes + byName.size();
  }

  /**
   * Writes a baseline and a current snapshot of {@code count} resources as JSON Lines: the current
   * one noisy everywhere, with one drift in every 1,000 resources. For the 200k-resource, {@code
   * -Xmx256m} run of the README.
   *
   * @param args directory and resource count (default {@code 200000})
   * @throws IOException when the files cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "drift-estate");
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    Files.createDirectories(dir);
    try (BufferedWriter base =
            Files.newBufferedWriter(dir.resolve("baseline.jsonl"), StandardCharsets.UTF_8);
        BufferedWriter cur =
            Files.newBufferedWriter(dir.resolve("current.jsonl"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        ObjectNode r = resource(i);
        base.write(r.toString());
        base.newLine();
        ObjectNode c = noisy(r);
        if (i % 1000 == 0) {
          ((ObjectNode) c.get("tags") == null ? c.putObject("tags") : (ObjectNode) c.get("tags"))
              .put("drifted", "yes");
        }
        cur.write(c.toString());
        cur.newLine();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    System.out.println(
        "wrote "
            + count
            + " resources to "
            + dir.resolve("baseline.jsonl")
            + " and "
            + dir.resolve("current.jsonl"));
  }
}
