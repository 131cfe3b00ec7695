package dev.steward.governance.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@link ResourceSnapshotter} takes a snapshot of: one or more subscriptions, optionally
 * narrowed to a resource group and to resource types, or selected by a Resource Graph query; and
 * whether each resource's full ARM body is fetched. Immutable; built by {@link #builder()}.
 *
 * <p>Resource types and the resource group become KQL {@code where} clauses built by the library:
 * values are checked against ARM's naming rules and quoted, so they can never change the query's
 * meaning. A {@link Builder#query(String) query} is sent as written, with those clauses appended;
 * it must keep the {@code id} column (Resource Graph needs it to page, and the snapshot needs it to
 * identify resources) and, when filters are added, the {@code type} and {@code resourceGroup}
 * columns.
 */
public final class SnapshotOptions {

  /** The largest page Resource Graph returns ({@code $top} at most 1000). */
  public static final int MAX_PAGE_SIZE = 1000;

  /** Subscription ids: a GUID in real Azure; letters, digits and '-' are accepted. */
  private static final Pattern SUBSCRIPTION = Pattern.compile("[A-Za-z0-9-]{1,64}");

  /**
   * {@code Namespace/type[/childType...]}, for example {@code Microsoft.Network/virtualNetworks}.
   */
  private static final Pattern RESOURCE_TYPE =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)+");

  /**
   * ARM's resource-group rule: 1-90 letters (Unicode), digits, '_', '-', '.', '(' and ')', not
   * ending with '.'.
   */
  private static final Pattern RESOURCE_GROUP =
      Pattern.compile("[\\p{L}\\p{N}_().-]{0,89}[\\p{L}\\p{N}_()-]");

  private final List<String> subscriptions;
  private final List<String> resourceTypes;
  private final String resourceGroup;
  private final String query;
  private final boolean fullResources;
  private final int pageSize;

  private SnapshotOptions(Builder b) {
    this.subscriptions = List.copyOf(b.subscriptions);
    this.resourceTypes = List.copyOf(b.resourceTypes);
    this.resourceGroup = b.resourceGroup;
    this.query = b.query;
    this.fullResources = b.fullResources;
    this.pageSize = b.pageSize;
  }

  /**
   * Starts a builder.
   *
   * @return a builder for every resource of no subscription yet, 1000 per page, no full fetch
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The subscriptions queried.
   *
   * @return one or more subscription ids, in the order given
   */
  public List<String> subscriptions() {
    return subscriptions;
  }

  /**
   * The resource types kept, as given.
   *
   * @return the types; empty for every type
   */
  public List<String> resourceTypes() {
    return resourceTypes;
  }

  /**
   * The resource group kept.
   *
   * @return the resource group, or empty for every group
   */
  public Optional<String> resourceGroup() {
    return Optional.ofNullable(resourceGroup);
  }

  /**
   * The user's Resource Graph query.
   *
   * @return the query, or empty for {@code Resources}
   */
  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  /**
   * Whether each resource's full ARM body is fetched with a GET.
   *
   * @return true to fetch full bodies
   */
  public boolean fullResources() {
    return fullResources;
  }

  /**
   * The page size asked of Resource Graph.
   *
   * @return 1 to {@value #MAX_PAGE_SIZE}
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * The KQL sent to Resource Graph: the query (default {@code Resources}) followed by one {@code
   * where} clause per filter, values quoted.
   *
   * @return the query text
   */
  public String kql() {
    StringBuilder kql = new StringBuilder(query == null ? "Resources" : query.strip());
    if (!resourceTypes.isEmpty()) {
      kql.append("\n| where type in~ (");
      for (int i = 0; i < resourceTypes.size(); i++) {
        kql.append(i == 0 ? "" : ", ").append(Kql.quote(resourceTypes.get(i)));
      }
      kql.append(')');
    }
    if (resourceGroup != null) {
      kql.append("\n| where resourceGroup =~ ").append(Kql.quote(resourceGroup));
    }
    return kql.toString();
  }

  @Override
  public String toString() {
    return "SnapshotOptions{subscriptions="
        + subscriptions
        + ", resourceTypes="
        + resourceTypes
        + ", resourceGroup="
        + resourceGroup
        + ", query="
        + (query == null ? null : "'" + query + "'")
        + ", fullResources="
        + fullResources
        + ", pageSize="
        + pageSize
        + "}";
  }

  /** Builds {@link SnapshotOptions}; every setter checks its value and names it when wrong. */
  public static final class Builder {
    private final LinkedHashSet<String> subscriptions = new LinkedHashSet<>();
    private final List<String> resourceTypes = new ArrayList<>();
    private String resourceGroup;
    private String query;
    private boolean fullResources;
    private int pageSize = MAX_PAGE_SIZE;

    private Builder() {}

    /**
     * Adds a subscription to query.
     *
     * @param subscriptionId the subscription id
     * @return this builder
     * @throws IllegalArgumentException when the id is not letters, digits and '-'
     */
    public Builder subscription(String subscriptionId) {
      Objects.requireNonNull(subscriptionId, "subscriptionId");
      String id = subscriptionId.strip();
      if (!SUBSCRIPTION.matcher(id).matches()) {
        throw new IllegalArgumentException(
            "subscription '"
                + subscriptionId
                + "' is not a subscription id (letters, digits, '-')");
      }
      subscriptions.add(id);
      return this;
    }

    /**
     * Adds subscriptions to query.
     *
     * @param subscriptionIds the subscription ids
     * @return this builder
     */
    public Builder subscriptions(List<String> subscriptionIds) {
      subscriptionIds.forEach(this::subscription);
      return this;
    }

    /**
     * Keeps only resources of a type (may be called several times; the types are OR-ed).
     *
     * @param resourceType for example {@code Microsoft.Network/networkSecurityGroups}; any case
     * @return this builder
     * @throws IllegalArgumentException when the text is not {@code Namespace/type[/child...]}
     */
    public Builder resourceType(String resourceType) {
      Objects.requireNonNull(resourceType, "resourceType");
      String type = resourceType.strip();
      if (!RESOURCE_TYPE.matcher(type).matches()) {
        throw new IllegalArgumentException(
            "resource type '"
                + resourceType
                + "' is not Namespace/type (e.g. Microsoft.Network/networkSecurityGroups)");
      }
      if (resourceTypes.stream().noneMatch(t -> t.equalsIgnoreCase(type))) {
        resourceTypes.add(type);
      }
      return this;
    }

    /**
     * Keeps only resources of these types.
     *
     * @param types the types
     * @return this builder
     */
    public Builder resourceTypes(List<String> types) {
      types.forEach(this::resourceType);
      return this;
    }

    /**
     * Keeps only resources in a resource group (compared ignoring case).
     *
     * @param name the resource group name
     * @return this builder
     * @throws IllegalArgumentException when the name breaks ARM's resource group naming rules
     */
    public Builder resourceGroup(String name) {
      Objects.requireNonNull(name, "resourceGroup");
      if (!RESOURCE_GROUP.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "resource group '"
                + name
                + "' is not a resource group name (1-90 letters, digits, '_', '-', '.', '(', ')',"
                + " not ending in '.')");
      }
      this.resourceGroup = name;
      return this;
    }

    /**
     * Selects resources by a Resource Graph (KQL) query instead of all of {@code Resources}.
     *
     * @param kql the query, for example {@code Resources | where tags.env =~ 'prod'}
     * @return this builder
     * @throws IllegalArgumentException when the query is blank
     */
    public Builder query(String kql) {
      Objects.requireNonNull(kql, "query");
      if (kql.isBlank()) {
        throw new IllegalArgumentException("query must not be blank");
      }
      this.query = kql;
      return this;
    }

    /**
     * Fetches each resource's full ARM body (a GET with its type's latest stable apiVersion)
     * instead of keeping the Resource Graph row.
     *
     * @param full true to fetch full bodies (default false)
     * @return this builder
     */
    public Builder fullResources(boolean full) {
      this.fullResources = full;
      return this;
    }

    /**
     * The number of rows asked per Resource Graph page.
     *
     * @param size 1 to {@value SnapshotOptions#MAX_PAGE_SIZE} (default {@value
     *     SnapshotOptions#MAX_PAGE_SIZE})
     * @return this builder
     */
    public Builder pageSize(int size) {
      if (size < 1 || size > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException(
            "pageSize must be 1.." + MAX_PAGE_SIZE + ", was " + size);
      }
      this.pageSize = size;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     * @throws IllegalStateException when no subscription was given
     */
    public SnapshotOptions build() {
      if (subscriptions.isEmpty()) {
        throw new IllegalStateException("a snapshot needs at least one subscription");
      }
      return new SnapshotOptions(this);
    }
  }
}
