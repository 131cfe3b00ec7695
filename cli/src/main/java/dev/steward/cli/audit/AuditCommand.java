package dev.steward.cli.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.StewardHome;
import dev.steward.governance.audit.AuditRecord;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.audit.AuditVerification;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code steward audit}: check and read the hash-chained audit trail. */
@Command(
    name = "audit",
    description = "Check and read the audit trail (hash-chained JSON Lines).",
    mixinStandardHelpOptions = true,
    subcommands = {AuditCommand.Verify.class, AuditCommand.Show.class},
    synopsisSubcommandLabel = "(verify | show)")
public final class AuditCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "a subcommand is required: verify or show");
  }

  /** Where the trail lives. */
  static final class DirOption {
    @Option(
        names = "--dir",
        paramLabel = "DIR",
        description =
            "The audit trail directory (default: $STEWARD_HOME/audit, else ~/.steward/audit).")
    Path dir;

    Path existing(CommandSpec spec) {
      if (dir == null) {
        dir = StewardHome.of(System.getenv()).resolve("audit");
      }
      if (!Files.isDirectory(dir)) {
        throw new ParameterException(
            spec.commandLine(), "no audit trail at " + dir + " (not a directory)");
      }
      return dir;
    }
  }

  /** {@code steward audit verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Check the hash chain: finds edited, inserted, deleted and cut-off records.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the chain is intact",
        "1:the chain is broken (problems listed)",
        "2:no trail at --dir"
      })
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin DirOption dir = new DirOption();

    @Override
    public Integer call() {
      Path path = dir.existing(spec);
      AuditVerification result = AuditTrail.verify(path);
      PrintWriter out = spec.commandLine().getOut();
      if (result.intact()) {
        out.printf(
            "audit trail %s: intact (%d records in %d files)%n",
            path, result.records(), result.files());
        return ExitCodes.OK;
      }
      out.printf(
          "audit trail %s: BROKEN, %d problem(s) in %d records:%n",
          path, result.problems().size(), result.records());
      for (AuditVerification.Problem problem : result.problems()) {
        out.println("  " + problem);
      }
      return ExitCodes.FOUND;
    }
  }

  /** {@code steward audit show}. */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print audit records, optionally filtered by time range and target.")
  static final class Show implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin DirOption dir = new DirOption();

    @Option(
        names = "--since",
        paramLabel = "TIME",
        description = "Only records at or after TIME (ISO-8601, e.g. 2026-11-23T00:00:00Z).")
    Instant since;

    @Option(
        names = "--until",
        paramLabel = "TIME",
        description = "Only records before TIME (ISO-8601).")
    Instant until;

    @Option(names = "--target", paramLabel = "TARGET", description = "Only records about TARGET.")
    String target;

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      List<AuditRecord> records = AuditTrail.query(dir.existing(spec), since, until, target);
      PrintWriter out = spec.commandLine().getOut();
      for (AuditRecord r : records) {
        if (json) {
          ObjectNode node = JSON.createObjectNode();
          node.put("time", r.time().toString());
          node.put("tenant", r.tenant());
          node.put("actor", r.actor());
          node.put("action", r.action());
          node.put("target", r.target());
          node.put("outcome", r.outcome());
          node.set("details", JSON.valueToTree(r.details()));
          out.println(JSON.writeValueAsString(node));
        } else {
          out.printf(
              "%s  %-10s %-18s %-28s %-12s %s%n",
              r.time(),
              r.actor(),
              r.action(),
              r.target(),
              r.outcome(),
              r.details().isEmpty() ? "" : r.details());
        }
      }
      if (!json) {
        out.printf("%d record(s)%n", records.size());
      }
      return ExitCodes.OK;
    }
  }
}
