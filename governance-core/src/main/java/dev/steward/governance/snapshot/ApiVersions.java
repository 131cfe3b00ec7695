package dev.steward.governance.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.governance.arm.ArmClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest stable apiVersion of each resource type, read from the resource provider ({@code GET
 * /subscriptions/{s}/providers/{namespace}}, whose {@code resourceTypes[].apiVersions} lists every
 * version) and cached: one provider call per namespace for the life of this object. Thread-safe.
 */
final class ApiVersions {

  /** The Microsoft.Resources api-version used to read providers (azure-rest-api-specs stable). */
  static final String PROVIDERS_API_VERSION = "2025-04-01";

  private static final Logger LOG = LoggerFactory.getLogger(ApiVersions.class);

  /** A stable version is a bare date; previews and betas carry a suffix. */
  private static final Pattern STABLE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final ArmClient arm;

  /** Lower-case namespace to (lower-case type within the namespace to apiVersion). */
  private final Map<String, Map<String, String>> byNamespace = new ConcurrentHashMap<>();

  ApiVersions(ArmClient arm) {
    this.arm = arm;
  }

  /**
   * The apiVersion to GET a resource with.
   *
   * @param resource the resource's parsed id
   * @return the latest stable apiVersion of its type (the latest preview when the type has none)
   * @throws SnapshotException when the provider does not list the type
   */
  String forResource(ResourceIds resource) {
    Map<String, String> types =
        byNamespace.computeIfAbsent(
            resource.namespace().toLowerCase(Locale.ROOT), ns -> load(resource));
    String version = types.get(resource.type().toLowerCase(Locale.ROOT));
    if (version == null) {
      throw new SnapshotException(
          "resource provider "
              + resource.namespace()
              + " lists no resource type '"
              + resource.type()
              + "' (known: "
              + types.keySet().stream().sorted().toList()
              + ")");
    }
    return version;
  }

  private Map<String, String> load(ResourceIds resource) {
    if (resource.subscription().isEmpty()) {
      throw new SnapshotException(
          "cannot look up the apiVersion of "
              + resource.fullType()
              + ": its id names no subscription to read the provider from");
    }
    String path =
        "/subscriptions/" + resource.subscription() + "/providers/" + resource.namespace();
    JsonNode provider = arm.get(path, PROVIDERS_API_VERSION);
    JsonNode types = provider.path("resourceTypes");
    if (!types.isArray()) {
      throw new SnapshotException(
          "GET " + path + " returned no 'resourceTypes' array (is the namespace right?)");
    }
    Map<String, String> versions = new HashMap<>();
    for (JsonNode type : types) {
      String name = type.path("resourceType").asText("");
      List<String> all = new ArrayList<>();
      type.path("apiVersions").forEach(v -> all.add(v.asText()));
      if (name.isEmpty() || all.isEmpty()) {
        continue;
      }
      String stable =
          all.stream().filter(v -> STABLE.matcher(v).matches()).max(String::compareTo).orElse(null);
      if (stable == null) {
        stable = all.stream().max(String::compareTo).orElseThrow();
        LOG.warn(
            "{}/{} has no stable apiVersion; using the latest preview, {}",
            resource.namespace(),
            name,
            stable);
      }
      versions.put(name.toLowerCase(Locale.ROOT), stable);
    }
    LOG.debug("read {} resource types of {}", versions.size(), resource.namespace());
    return Map.copyOf(versions);
  }
}
