package dev.steward.examples.extract;

import dev.steward.governance.extract.CatalogExtractor;
import dev.steward.governance.extract.ExtractionRequest;
import dev.steward.governance.extract.ExtractionResult;
import dev.steward.governance.extract.FileCheckpointStore;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Extracts the catalogue into JSON Lines, filtered by asset type, then runs an incremental
 * extraction that fetches only what changed since. Runs against the local emulator; with a real
 * account, build the client with your endpoint and credential instead.
 *
 * <pre>
 * java -cp cli/target/steward.jar dev.steward.examples.extract.ExtractCatalogue
 * </pre>
 */
public final class ExtractCatalogue {

  private ExtractCatalogue() {}

  /**
   * Runs the example in a temporary directory.
   *
   * @param args ignored
   * @throws Exception when the example fails
   */
  public static void main(String[] args) throws Exception {
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      run(
          emulator.endpoint(),
          emulator.token(),
          Files.createTempDirectory("steward-extract"),
          System.out);
    }
  }

  /**
   * Extracts twice: everything of two asset types, then incrementally.
   *
   * @param endpoint the Purview (or emulator) endpoint
   * @param token the emulator's token
   * @param dir where the output and checkpoints go
   * @param out where to print
   * @return the incremental run's result
   */
  public static ExtractionResult run(String endpoint, String token, Path dir, PrintStream out) {
    PurviewDataMapClient client =
        new PurviewDataMapClientBuilder()
            .endpoint(endpoint)
            .credential(new StaticTokenCredential(token))
            .allowInsecureLoopback(true) // the emulator speaks plain HTTP on loopback
            .buildClient();

    // snippet:begin extract-catalogue
    CatalogExtractor extractor =
        CatalogExtractor.builder(client)
            .checkpoints(new FileCheckpointStore(dir.resolve("checkpoints")))
            .listener(p -> out.printf("  %d assets so far%n", p.written()))
            .build();

    ExtractionRequest request =
        ExtractionRequest.builder()
            .assetTypes("sql_table", "adls_path") // friendly names, or Purview type names
            .checkpointKey("demo") // where the incremental high-water mark is kept
            .incremental(true) // first run: everything; later runs: what changed since
            .build();

    ExtractionResult full = extractor.extractToFile(request, dir.resolve("catalogue.jsonl"));
    // snippet:end extract-catalogue
    out.println("full run: " + full.written() + " assets " + full.byType());

    // snippet:begin extract-incremental
    ExtractionResult changes = extractor.extractToFile(request, dir.resolve("changes.jsonl"));
    // snippet:end extract-incremental
    out.println(
        "incremental run since "
            + changes.since().orElseThrow()
            + ": "
            + changes.written()
            + " assets");
    return changes;
  }
}
