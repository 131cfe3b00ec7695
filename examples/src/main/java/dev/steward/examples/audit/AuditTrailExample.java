package dev.steward.examples.audit;

import dev.steward.governance.audit.AuditRecord;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.audit.AuditVerification;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The audit trail: append records, verify the hash chain, query by time and target. Every Steward
 * component that writes to Purview or decides on a production operation can record into the same
 * trail ({@code .audit(trail, actor)} on their builders; the guard takes it as its {@code
 * AuditSink}).
 *
 * <pre>
 * java -cp cli/target/steward.jar dev.steward.examples.audit.AuditTrailExample
 * </pre>
 */
public final class AuditTrailExample {

  private AuditTrailExample() {}

  /**
   * Runs the example in a temporary directory.
   *
   * @param args unused
   * @throws IOException when the directory cannot be made
   */
  public static void main(String[] args) throws IOException {
    run(Files.createTempDirectory("steward-audit"), Clock.systemUTC(), System.out);
  }

  /**
   * Records, verifies and queries.
   *
   * @param directory where the trail's JSON Lines files go
   * @param clock the clock
   * @param out where to print
   * @return the verification of the chain
   */
  public static AuditVerification run(Path directory, Clock clock, PrintStream out) {
    String guid = "4c6c5cbd-30c0-4ca5-8c8c-0e5d2b3f2a11";
    Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS);
    // snippet:begin audit-trail
    try (AuditTrail audit = AuditTrail.builder(directory).tenant("contoso").clock(clock).build()) {
      audit.record("quality-sync", "quality.write", guid, "SUCCEEDED", Map.of("overallScore", 92));
      AuditVerification check = audit.verify(); // check.intact(), check.problems()
      List<AuditRecord> today = audit.query(midnight, null, guid); // from, to, target
      out.println(today.size() + " record(s) today; chain intact: " + check.intact());
      return check;
    }
    // snippet:end audit-trail
  }
}
