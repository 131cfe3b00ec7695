package dev.steward.governance.backup;

/** Checks ARM resource ids. */
final class ResourceIds {
  private ResourceIds() {}

  static String check(String resourceId) {
    if (resourceId == null
        || !resourceId.regionMatches(true, 0, "/subscriptions/", 0, 15)
        || resourceId.chars().anyMatch(c -> c <= ' ')
        || resourceId.contains("//")
        || resourceId.endsWith("/")) {
      throw new IllegalArgumentException(
          "Not an ARM resource id (expected /subscriptions/{id}/resourceGroups/{group}/providers/...): '"
              + resourceId
              + "'");
    }
    return resourceId;
  }

  static String name(String resourceId) {
    return resourceId.substring(resourceId.lastIndexOf('/') + 1);
  }

  static String subscription(String resourceId) {
    String[] p = resourceId.split("/");
    return p[2];
  }
}
