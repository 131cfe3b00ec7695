package dev.steward.cli.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.StewardHome;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.extract.CatalogExtractor;
import dev.steward.governance.extract.ExtractionException;
import dev.steward.governance.extract.ExtractionListener;
import dev.steward.governance.extract.ExtractionRequest;
import dev.steward.governance.extract.ExtractionResult;
import dev.steward.governance.extract.FileCheckpointStore;
import dev.steward.purview.PurviewDataMapClientBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code steward extract}: the catalogue out of Purview into JSON Lines. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extract the Purview catalogue into a JSON Lines file, one asset a line.",
      "The file appears complete or not at all; an interrupted run leaves FILE.partial and the"
          + " same command resumes it. Each run is recorded in the audit trail."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:extracted",
      "2:bad arguments (e.g. an unknown asset type; the known ones are listed)",
      "3:the service failed after retries (the message says how far it got and how to resume)"
    },
    footer = {
      "",
      "Friendly asset types: sql_server, sql_db, sql_schema, sql_table, sql_view, sql_column,"
          + " storage_account, blob_container, storage_blob, adls_filesystem, adls_path,"
          + " data_factory, synapse, databricks, snowflake; any other value must be a Purview"
          + " entity type name."
    })
public final class ExtractCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;
  @Mixin StewardHome home = new StewardHome();

  /** Which time bound. */
  static final class Since {
    @Option(
        names = "--since",
        paramLabel = "TIME",
        required = true,
        description = "Only assets updated at or after TIME (ISO-8601).")
    String since;

    @Option(
        names = "--incremental",
        required = true,
        description = "Only what changed since the last run of this connection (its checkpoint).")
    boolean incremental;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  PurviewTarget source;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Since since;

  @Option(
      names = "--asset-types",
      paramLabel = "TYPES",
      split = ",",
      description = "Asset types to extract (friendly names or Purview types), comma-separated.")
  List<String> assetTypes = List.of();

  @Option(
      names = "--collection",
      paramLabel = "ID",
      description = "Only assets in this collection.")
  String collection;

  @Option(
      names = "--keywords",
      paramLabel = "TEXT",
      description = "Only assets matching these search keywords.")
  String keywords;

  @Option(
      names = "--reconcile",
      description = "Also report assets deleted since the previous --reconcile run.")
  boolean reconcile;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      required = true,
      description = "The JSON Lines output file.")
  Path out;

  @Option(names = "--json", description = "Print the summary as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String checkpointKey = source.checkpointKey();
    PurviewDataMapClientBuilder client = source.clientBuilder(spec, home);
    ExtractionRequest.Builder request =
        ExtractionRequest.builder()
            .assetTypes(assetTypes)
            .collection(collection)
            .keywords(keywords)
            .checkpointKey(checkpointKey)
            .reconcileDeletes(reconcile);
    if (since != null && since.incremental) {
      request.incremental(true);
    } else if (since != null) {
      try {
        request.updatedSince(Instant.parse(since.since));
      } catch (DateTimeParseException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--since '" + since.since + "' is not an ISO-8601 instant (e.g. 2026-11-23T00:00:00Z)");
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    ExtractionListener listener = ProgressBar.forTerminal(err);
    ExtractionResult result;
    try (AuditTrail audit = AuditTrail.builder(home.audit()).build()) {
      CatalogExtractor extractor =
          CatalogExtractor.builder(client.buildClient())
              .checkpoints(new FileCheckpointStore(home.checkpoints()))
              .listener(listener)
              .audit(audit, System.getProperty("user.name", "cli"))
              .build();
      try {
        result = extractor.extractToFile(request.build(), out);
      } finally {
        if (listener instanceof ProgressBar bar) {
          bar.finish();
        }
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } catch (ExtractionException e) {
      err.println("extract: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    print(result);
    return ExitCodes.OK;
  }

  private void print(ExtractionResult result) throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      ObjectNode node = JSON.createObjectNode();
      node.put("out", out.toString());
      node.put("assets", result.total());
      node.put("written", result.written());
      node.put("resumed", result.resumed());
      node.put("pages", result.pages());
      ObjectNode types = node.putObject("byType");
      result.byType().forEach(types::put);
      result.since().ifPresent(s -> node.put("since", s.toString()));
      result.highWatermark().ifPresent(h -> node.put("highWatermark", h.toString()));
      node.putPOJO("deleted", result.deleted());
      node.put("durationMs", result.duration().toMillis());
      o.println(JSON.writeValueAsString(node));
      return;
    }
    o.printf(
        "extracted %,d assets to %s (%,d written now, %,d resumed, %d pages, %d ms)%n",
        result.total(),
        out,
        result.written(),
        result.resumed(),
        result.pages(),
        result.duration().toMillis());
    for (Map.Entry<String, Long> e : result.byType().entrySet()) {
      o.printf("  %-36s %,8d%n", e.getKey(), e.getValue());
    }
    result.since().ifPresent(s -> o.println("  updated since " + s));
    if (!result.deleted().isEmpty()) {
      o.printf(
          "  %d deleted since the previous reconcile: %s%n",
          result.deleted().size(), result.deleted());
    }
  }
}
