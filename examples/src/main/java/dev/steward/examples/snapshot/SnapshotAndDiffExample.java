package dev.steward.examples.snapshot;

import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.steward.drift.DriftEngine;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.governance.arm.ArmClient;
import dev.steward.governance.arm.ArmClientBuilder;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.schedule.Schedule;
import dev.steward.governance.snapshot.DriftWatchJob;
import dev.steward.governance.snapshot.DriftWatchListener;
import dev.steward.governance.snapshot.ResourceSnapshotter;
import dev.steward.governance.snapshot.SnapshotOptions;
import dev.steward.governance.snapshot.SnapshotResult;
import java.nio.file.Path;
import java.util.Map;

/**
 * Snapshots the network security groups of a subscription with their full ARM bodies, then compares
 * a baseline snapshot with the new one and prints the drifts, most severe first.
 *
 * <pre>
 * AZURE_SUBSCRIPTION_ID=... java ... dev.steward.examples.snapshot.SnapshotAndDiffExample \
 *     baseline.jsonl current.jsonl
 * </pre>
 *
 * The first run has no baseline yet: copy {@code current.jsonl} to {@code baseline.jsonl} once the
 * resources are as they should be. Authentication is DefaultAzureCredential (Azure CLI login,
 * managed identity, environment); the identity needs Reader on the subscription.
 */
public final class SnapshotAndDiffExample {

  private SnapshotAndDiffExample() {}

  /**
   * Takes the snapshot and compares it with the baseline.
   *
   * @param arm the ARM client
   * @param subscriptionId the subscription to snapshot
   * @param baseline the baseline snapshot
   * @param current where the new snapshot is written
   * @return the drift report
   */
  public static DriftReport run(ArmClient arm, String subscriptionId, Path baseline, Path current) {
    // snippet:begin snapshot-diff
    // Snapshot: every NSG of the subscription, each fetched with its latest stable apiVersion.
    ResourceSnapshotter snapshotter = ResourceSnapshotter.builder(arm).build();
    SnapshotOptions options = nsgs(subscriptionId);
    SnapshotResult snapshot = snapshotter.snapshot(options, current);
    System.out.printf(
        "%d resources in %d ms -> %s%n",
        snapshot.resources(), snapshot.duration().toMillis(), snapshot.file());

    // Diff: the drift engine reads the JSON Lines snapshot as it reads any other.
    DriftReport report = DriftEngine.create().compare(baseline, current);
    for (Drift drift : report.drifts()) {
      System.out.printf(
          "%-8s %s %s [%s]%n", drift.severity(), drift.resourceId(), drift.path(), drift.rule());
    }
    return report;
    // snippet:end snapshot-diff
  }

  /**
   * What is snapshotted: the subscription's NSGs with their full ARM bodies.
   *
   * @param subscriptionId the subscription
   * @return the options
   */
  public static SnapshotOptions nsgs(String subscriptionId) {
    // snippet:begin snapshot-options
    return SnapshotOptions.builder()
        .subscription(subscriptionId)
        .resourceType("Microsoft.Network/networkSecurityGroups")
        .fullResources(true)
        .build();
    // snippet:end snapshot-options
  }

  /**
   * Watches the NSGs: a snapshot every hour, compared with the baseline, drifts into the audit
   * trail and to the listener. Call {@code runNow("nsg-watch")} for a run at once; close the
   * scheduler to stop.
   *
   * @param arm the ARM client
   * @param subscriptionId the subscription to watch
   * @param baseline the baseline snapshot
   * @param current where each run's snapshot is written
   * @param trail the audit trail
   * @param listener receives each run's drift report and snapshot duration
   * @return the running scheduler
   */
  public static InProcessGovernanceScheduler watch(
      ArmClient arm,
      String subscriptionId,
      Path baseline,
      Path current,
      AuditTrail trail,
      DriftWatchListener listener) {
    // snippet:begin drift-watch-job
    DriftWatchJob job =
        DriftWatchJob.builder(ResourceSnapshotter.builder(arm).build())
            .audit(trail)
            .listener(listener)
            .build();
    InProcessGovernanceScheduler scheduler =
        InProcessGovernanceScheduler.builder().job(DriftWatchJob.TYPE, job).build();
    scheduler.schedule(
        DriftWatchJob.spec(
            "nsg-watch",
            Schedule.parse("every 1h"),
            baseline,
            nsgs(subscriptionId),
            Map.of("out", current.toString())));
    return scheduler;
    // snippet:end drift-watch-job
  }

  /**
   * Runs against Azure.
   *
   * @param args the baseline file and the file to write the new snapshot to
   */
  public static void main(String[] args) {
    if (args.length != 2 || System.getenv("AZURE_SUBSCRIPTION_ID") == null) {
      System.err.println(
          "usage: AZURE_SUBSCRIPTION_ID=... SnapshotAndDiffExample BASELINE.jsonl CURRENT.jsonl");
      System.exit(2);
    }
    // snippet:begin snapshot-arm-client
    ArmClient arm =
        new ArmClientBuilder().credential(new DefaultAzureCredentialBuilder().build()).build();
    // snippet:end snapshot-arm-client
    run(arm, System.getenv("AZURE_SUBSCRIPTION_ID"), Path.of(args[0]), Path.of(args[1]));
  }
}
