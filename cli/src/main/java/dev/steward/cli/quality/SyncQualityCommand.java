package dev.steward.cli.quality;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.StewardHome;
import dev.steward.cli.governance.PurviewTarget;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.quality.DatasetOutcome;
import dev.steward.governance.quality.DefinitionReport;
import dev.steward.governance.quality.PlannedChange;
import dev.steward.governance.quality.QualityInputException;
import dev.steward.governance.quality.QualityMapping;
import dev.steward.governance.quality.QualityScore;
import dev.steward.governance.quality.QualityScores;
import dev.steward.governance.quality.QualitySync;
import dev.steward.governance.quality.SyncReport;
import dev.steward.purview.PurviewException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code steward sync-quality}: data-quality scores into Purview business metadata. */
@Command(
    name = "sync-quality",
    mixinStandardHelpOptions = true,
    subcommands = ServeQualityCommand.class,
    description = {
      "Write data-quality scores (QALITA or any tool) into Purview business metadata: only the"
          + " differences, never older data over newer, at-risk classification added and removed.",
      "With --dry-run, print the plan and write nothing. Each write is recorded in the audit trail."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every mapped dataset is in sync",
      "1:some datasets were unresolved or failed (each listed with its reason)",
      "2:bad input (mapping or scores file, arguments)",
      "3:a failure stopped the run (e.g. authentication, definitions could not be ensured)"
    })
public final class SyncQualityCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin StewardHome home = new StewardHome();

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  PurviewTarget target;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description = "The mapping file (YAML or JSON): dataset id -> Purview guid or type + name.")
  Path mapping;

  @Option(
      names = "--scores",
      paramLabel = "FILE",
      description = "Scores: a JSON array or JSON Lines of score records or webhook events.")
  Path scores;

  @Option(names = "--dry-run", description = "Print the plan; write nothing.")
  boolean dryRun;

  @Option(
      names = "--ensure-definitions",
      description = "Create or extend the business-metadata, enum and classification definitions.")
  boolean ensureDefinitions;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      defaultValue = "8",
      description = "Entities read or written at once (default ${DEFAULT-VALUE}).")
  int concurrency;

  @Override
  public Integer call() {
    if (mapping == null || scores == null) {
      throw new ParameterException(
          spec.commandLine(), "sync-quality needs --mapping FILE and --scores FILE");
    }
    if (target == null) {
      throw new ParameterException(
          spec.commandLine(), "sync-quality needs --connection NAME or --endpoint URL");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    QualityMapping map;
    List<QualityScore> list;
    try {
      map = QualityMapping.read(mapping);
      list = QualityScores.read(scores);
    } catch (QualityInputException | UncheckedIOException e) {
      err.println("sync-quality: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try (AuditTrail audit = AuditTrail.builder(home.audit()).build()) {
      QualitySync sync =
          QualitySync.builder(target.clientBuilder(spec, home).buildClient(), map)
              .audit(audit, System.getProperty("user.name", "cli"))
              .concurrency(concurrency)
              .build();
      if (ensureDefinitions) {
        DefinitionReport defs = sync.ensureDefinitions();
        defs.changes().forEach(c -> out.println("definitions: " + c));
        defs.warnings().forEach(w -> err.println("definitions: warning: " + w));
        if (defs.unchanged()) {
          out.println("definitions: already complete");
        }
      }
      SyncReport report = sync.sync(list, dryRun);
      print(report, out);
      return report.clean() ? ExitCodes.OK : ExitCodes.FOUND;
    } catch (PurviewException e) {
      err.println("sync-quality: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
  }

  static void print(SyncReport report, PrintWriter out) {
    for (DatasetOutcome o : report.outcomes()) {
      switch (o.status()) {
        case PLANNED, WRITTEN ->
            out.printf(
                "%-7s %s -> %s: %s%n",
                o.status() == DatasetOutcome.Status.PLANNED ? "PLAN" : "WRITTEN",
                o.key(),
                o.guid(),
                describe(o.change()));
        case UNRESOLVED, FAILED ->
            out.printf(
                "%-7s %s -> %s: %s%s%n",
                o.status(),
                o.key(),
                o.target(),
                o.reason(),
                o.errorCode() == null ? "" : " [" + o.errorCode() + "]");
        case STALE -> out.printf("%-7s %s: %s%n", "STALE", o.key(), o.reason());
        default -> {
          // UNCHANGED and UNMAPPED are counted in the summary only.
        }
      }
    }
    out.println(report.summary());
  }

  static String describe(PlannedChange c) {
    StringJoiner j = new StringJoiner(", ");
    for (Map.Entry<String, Object> e : c.set().entrySet()) {
      Object was = c.before().get(e.getKey());
      j.add(e.getKey() + "=" + e.getValue() + (was == null ? "" : " (was " + was + ")"));
    }
    c.clear().forEach(a -> j.add("clear " + a + " (was " + c.before().get(a) + ")"));
    if (c.addClassification()) {
      j.add("+classification");
    }
    if (c.removeClassification()) {
      j.add("-classification");
    }
    return j.toString();
  }
}
