package dev.steward.examples.quality;

import dev.steward.examples.client.AuthenticationExample;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.quality.DefinitionReport;
import dev.steward.governance.quality.QualityMapping;
import dev.steward.governance.quality.QualityScore;
import dev.steward.governance.quality.QualityScores;
import dev.steward.governance.quality.QualitySync;
import dev.steward.governance.quality.SyncReport;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * QALITA scores into Purview business metadata: ensure the definitions, plan, sync, and see that a
 * second run writes nothing. Uses the bundled demo inputs ({@code quality/qalita-mapping.yaml},
 * {@code quality/qalita-scores.jsonl}) against the emulator's demo estate.
 */
public final class QualitySyncExample {

  private QualitySyncExample() {}

  /**
   * Ensures the definitions and syncs the bundled demo scores, recording every write.
   *
   * @param client a client for the account (the emulator's demo estate)
   * @param auditDir where the audit trail is kept
   * @return the report of the sync
   */
  public static SyncReport syncDemo(PurviewDataMapClient client, Path auditDir) {
    QualityMapping mapping =
        QualityMapping.parse("qalita-mapping.yaml", resource("qalita-mapping.yaml"));
    List<QualityScore> scores =
        QualityScores.parse("qalita-scores.jsonl", resource("qalita-scores.jsonl"));
    // snippet:begin quality-sync
    try (AuditTrail audit = AuditTrail.builder(auditDir).build()) {
      QualitySync sync = QualitySync.builder(client, mapping).audit(audit, "example").build();
      DefinitionReport definitions = sync.ensureDefinitions();
      definitions.changes().forEach(c -> System.out.println("definitions: " + c));
      SyncReport plan = sync.plan(scores);
      System.out.println(plan.summary());
      SyncReport report = sync.sync(scores);
      System.out.println(report.summary());
      return report;
    }
    // snippet:end quality-sync
  }

  /**
   * Runs the example against an in-process emulator.
   *
   * @param args unused
   * @throws IOException when the audit directory cannot be created
   */
  public static void main(String[] args) throws IOException {
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      PurviewDataMapClient client =
          AuthenticationExample.withEmulator(emulator.endpoint(), emulator.token());
      Path audit = Files.createTempDirectory("steward-quality-audit");
      syncDemo(client, audit);
      QualityMapping mapping =
          QualityMapping.parse("qalita-mapping.yaml", resource("qalita-mapping.yaml"));
      SyncReport again =
          QualitySync.builder(client, mapping)
              .build()
              .sync(QualityScores.parse("qalita-scores.jsonl", resource("qalita-scores.jsonl")));
      System.out.println("second run: " + again.summary());
    }
  }

  static String resource(String name) {
    try (InputStream in = QualitySyncExample.class.getResourceAsStream("/quality/" + name)) {
      if (in == null) {
        throw new IllegalStateException("quality/" + name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
