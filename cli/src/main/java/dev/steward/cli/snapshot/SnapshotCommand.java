package dev.steward.cli.snapshot;

import dev.steward.cli.ExitCodes;
import dev.steward.governance.snapshot.ResourceSnapshotter;
import dev.steward.governance.snapshot.SnapshotOptions;
import dev.steward.governance.snapshot.SnapshotResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code steward snapshot}: Azure resources into a JSON Lines snapshot for drift. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Snapshot Azure resources through Resource Graph into JSON Lines (one resource with its id a"
          + " line), the format 'steward drift' and 'steward drift-watch' read. The file appears"
          + " complete or not at all."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:snapshot written",
      "2:bad arguments (the message names the flag and value)",
      "3:Azure failed after retries, or the result was incomplete; no file was written"
    })
public final class SnapshotCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ArmTarget arm = new ArmTarget();
  @Mixin SnapshotFilters filters = new SnapshotFilters();

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description = "The JSON Lines file to write (replaced atomically).")
  Path out;

  /** Creates the command (picocli fills it). */
  public SnapshotCommand() {}

  @Override
  public Integer call() {
    SnapshotOptions options = filters.options(spec);
    ResourceSnapshotter snapshotter = ResourceSnapshotter.builder(arm.client(spec)).build();
    SnapshotResult result = snapshotter.snapshot(options, out);
    spec.commandLine()
        .getOut()
        .println(
            "snapshot: "
                + result.resources()
                + " resources ("
                + result.pages()
                + (result.pages() == 1 ? " page" : " pages")
                + (result.duplicates() > 0 ? ", " + result.duplicates() + " repeated rows" : "")
                + (result.vanished() > 0 ? ", " + result.vanished() + " gone before GET" : "")
                + ") in "
                + result.duration().toMillis()
                + " ms -> "
                + result.file());
    return ExitCodes.OK;
  }
}
