package dev.steward.governance.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnapshotOptionsTest {

  static SnapshotOptions.Builder base() {
    return SnapshotOptions.builder().subscription("cfbbd179-59d2-4052-aa06-9270a38aa9d6");
  }

  @Test
  void buildsTheDefaultQueryAndFilters() {
    assertThat(base().build().kql()).isEqualTo("Resources");
    assertThat(
            base()
                .resourceType("Microsoft.Network/networkSecurityGroups")
                .resourceType("microsoft.network/NETWORKSECURITYGROUPS")
                .resourceType("Microsoft.Network/networkSecurityGroups/securityRules")
                .resourceGroup("rg-web_01.(prod)")
                .build()
                .kql())
        .isEqualTo(
            "Resources\n"
                + "| where type in~ ('Microsoft.Network/networkSecurityGroups',"
                + " 'Microsoft.Network/networkSecurityGroups/securityRules')\n"
                + "| where resourceGroup =~ 'rg-web_01.(prod)'");
  }

  @Test
  void quotesKqlValuesSoTheyCannotEndTheString() {
    assertThat(Kql.quote("plain")).isEqualTo("'plain'");
    assertThat(Kql.quote("it's")).isEqualTo("'it\\'s'");
    assertThat(Kql.quote("a\\' | project secret //")).isEqualTo("'a\\\\\\' | project secret //'");
    assertThat(Kql.quote("x\ny\tz")).isEqualTo("'x\\ny\\tz'");
    assertThatThrownBy(() -> Kql.quote("x\u0000y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+0000 at index 1");
    // a resource group may hold Unicode letters; they pass through quoted
    assertThat(base().resourceGroup("rg-été").build().kql())
        .endsWith("| where resourceGroup =~ 'rg-été'");
  }

  @Test
  void refusesInjectionShapedFilterValuesNamingTheValue() {
    assertThatThrownBy(() -> base().resourceGroup("rg' or 1==1 //"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("resource group 'rg' or 1==1 //' is not a resource group name");
    assertThatThrownBy(() -> base().resourceGroup("rg\n| take 1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base().resourceGroup("ends.with.dot."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base().resourceType("Microsoft.Network/x') | project id //"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not Namespace/type");
    assertThatThrownBy(() -> base().resourceType("networkSecurityGroups"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> base().subscription("sub\", \"query\": \"x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a subscription id");
  }

  @Test
  void checksTheOtherOptions() {
    assertThatThrownBy(() -> SnapshotOptions.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a snapshot needs at least one subscription");
    assertThatThrownBy(() -> base().pageSize(1001))
        .hasMessage("pageSize must be 1..1000, was 1001");
    assertThatThrownBy(() -> base().query("  ")).hasMessage("query must not be blank");
    SnapshotOptions o = base().subscription("cfbbd179-59d2-4052-aa06-9270a38aa9d6").build();
    assertThat(o.subscriptions()).hasSize(1);
    assertThat(o.resourceGroup()).isEmpty();
    assertThat(o.fullResources()).isFalse();
  }

  @Test
  void readsTheTypeOfChildAndExtensionResourcesFromTheId() {
    ResourceIds rule =
        ResourceIds.parse(
            "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/"
                + "networkSecurityGroups/nsg/securityRules/r1");
    assertThat(rule)
        .isEqualTo(
            new ResourceIds("s1", "Microsoft.Network", "networkSecurityGroups/securityRules"));
    ResourceIds extension =
        ResourceIds.parse(
            "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st"
                + "/providers/Microsoft.Authorization/roleAssignments/ra1");
    assertThat(extension.fullType()).isEqualTo("Microsoft.Authorization/roleAssignments");
    assertThatThrownBy(() -> ResourceIds.parse("/subscriptions/s1/resourceGroups/rg"))
        .hasMessageContaining("has no /providers/Namespace/type/name part");
    assertThatThrownBy(
            () ->
                ResourceIds.parse("/subscriptions/s1/providers/Microsoft.Network/virtualNetworks"))
        .hasMessageContaining("does not end in /providers/Namespace/type/name");
  }
}
