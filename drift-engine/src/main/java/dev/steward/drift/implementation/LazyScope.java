package dev.steward.drift.implementation;

/**
 * A resource's scope ({@code /subscriptions/s/resourcegroups/r/}), worked out on first use: only
 * short-versus-full resource id comparisons need it. One per differ, reset for each resource.
 */
final class LazyScope {

  private String resourceId;
  private String scope;

  /** Starts over for another resource. */
  void reset(String id) {
    resourceId = id;
    scope = null;
  }

  /** The scope, or {@code null} when the resource id has no resource group. */
  String get() {
    if (scope == null) {
      String s = Scalars.scopeOf(resourceId);
      scope = s == null ? "" : s;
    }
    return scope.isEmpty() ? null : scope;
  }
}
