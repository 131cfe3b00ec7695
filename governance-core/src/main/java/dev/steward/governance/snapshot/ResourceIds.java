package dev.steward.governance.snapshot;

import java.util.Locale;

/**
 * Reads the provider namespace and resource type out of an ARM resource id. The last {@code
 * /providers/} segment wins, so extension resources ({@code .../providers/Microsoft.Authorization/
 * roleAssignments/x} under another resource) get their own type, and child resources get the
 * provider's nested type name ({@code networkSecurityGroups/securityRules}).
 *
 * @param subscription the subscription id, or {@code ""} for a tenant-level resource
 * @param namespace the provider namespace, for example {@code Microsoft.Network}
 * @param type the type within the namespace, for example {@code
 *     networkSecurityGroups/securityRules}
 */
record ResourceIds(String subscription, String namespace, String type) {

  /**
   * Parses a resource id.
   *
   * @param id the id
   * @return its parts
   * @throws IllegalArgumentException when the id has no {@code /providers/Namespace/type/name}
   */
  static ResourceIds parse(String id) {
    String lower = id.toLowerCase(Locale.ROOT);
    String subscription = "";
    if (lower.startsWith("/subscriptions/")) {
      int end = id.indexOf('/', "/subscriptions/".length());
      subscription = id.substring("/subscriptions/".length(), end < 0 ? id.length() : end);
    }
    int p = lower.lastIndexOf("/providers/");
    if (p < 0) {
      throw new IllegalArgumentException(
          "resource id '" + id + "' has no /providers/Namespace/type/name part");
    }
    String[] parts = id.substring(p + "/providers/".length()).split("/");
    if (parts.length < 3 || parts.length % 2 == 0) {
      throw new IllegalArgumentException(
          "resource id '"
              + id
              + "' does not end in /providers/Namespace/type/name[/childType/childName...]");
    }
    StringBuilder type = new StringBuilder(parts[1]);
    for (int i = 3; i < parts.length; i += 2) {
      type.append('/').append(parts[i]);
    }
    return new ResourceIds(subscription, parts[0], type.toString());
  }

  /**
   * The full type, {@code Namespace/type[/child...]}.
   *
   * @return the full type
   */
  String fullType() {
    return namespace + "/" + type;
  }
}
