package dev.steward.governance.extract;

import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import java.nio.file.Path;

/** Runs one extraction in a child JVM, so a test can kill it mid-run. */
public final class ExtractionChild {
  private ExtractionChild() {}

  /**
   * Extracts everything.
   *
   * @param args endpoint, token, output file
   */
  public static void main(String[] args) {
    var client =
        new PurviewDataMapClientBuilder()
            .endpoint(args[0])
            .credential(new StaticTokenCredential(args[1]))
            .allowInsecureLoopback(true)
            .buildClient();
    CatalogExtractor.builder(client)
        .build()
        .extractToFile(ExtractionRequest.builder().pageSize(50).build(), Path.of(args[2]));
  }
}
