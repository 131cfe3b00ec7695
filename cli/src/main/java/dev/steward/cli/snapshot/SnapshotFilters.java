package dev.steward.cli.snapshot;

import dev.steward.governance.snapshot.SnapshotOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that say what a snapshot covers, shared by {@code snapshot} and {@code drift-watch}.
 * Use it as a {@code @Mixin}.
 */
public final class SnapshotFilters {

  @Option(
      names = "--subscription",
      paramLabel = "ID",
      required = true,
      description = "A subscription to snapshot (repeat for several).")
  List<String> subscriptions = new ArrayList<>();

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description =
          "Only resources of this type, e.g. Microsoft.Network/networkSecurityGroups (repeatable).")
  List<String> types = new ArrayList<>();

  @Option(
      names = "--resource-group",
      paramLabel = "NAME",
      description = "Only resources in this resource group.")
  String resourceGroup;

  @Option(
      names = "--query",
      paramLabel = "KQL",
      description =
          "A Resource Graph query instead of all of 'Resources'; it must keep the id column.")
  String query;

  @Option(
      names = "--full",
      description = "Fetch each resource's full ARM body with its type's latest stable apiVersion.")
  boolean full;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Resource Graph rows per page, 1-1000 (default: ${DEFAULT-VALUE}).")
  int pageSize;

  /** Creates the option holder (picocli fills it). */
  public SnapshotFilters() {}

  /**
   * The snapshot options these flags describe.
   *
   * @param spec the command, for errors
   * @return the options
   * @throws ParameterException naming the flag whose value is wrong
   */
  public SnapshotOptions options(CommandSpec spec) {
    SnapshotOptions.Builder b = SnapshotOptions.builder();
    try {
      b.subscriptions(subscriptions).resourceTypes(types);
      if (resourceGroup != null) {
        b.resourceGroup(resourceGroup);
      }
      if (query != null) {
        b.query(query);
      }
      return b.fullResources(full).pageSize(pageSize).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
