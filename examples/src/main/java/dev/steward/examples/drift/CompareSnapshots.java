package dev.steward.examples.drift;

import dev.steward.drift.DriftEngine;
import dev.steward.drift.DriftRules;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.NoiseClass;
import dev.steward.drift.models.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Compares two bundled ARM snapshots (storage, NSG, Key Vault, SQL, web app, VM): the current one
 * is full of noise (etags, provisioning states, casing, reordered arrays, short ids, a rule as a
 * child resource) and carries a few real drifts, among them an NSG change that opens SSH and RDP to
 * the internet.
 *
 * <pre>
 * mvn -q -pl examples -am package -DskipTests
 * java -cp "examples/target/classes:drift-engine/target/classes:$(ls ~/.m2/repository/com/fasterxml/jackson/core/*&#47;2.18.4/*.jar | tr '\n' ':')" \
 *   dev.steward.examples.drift.CompareSnapshots
 * </pre>
 */
public final class CompareSnapshots {

  private CompareSnapshots() {}

  /**
   * Runs the comparison on the bundled snapshots.
   *
   * @return the report
   */
  public static DriftReport run() {
    // snippet:begin drift-compare
    DriftEngine engine = DriftEngine.builder().rules(DriftRules.defaults()).build();
    return engine.compare(
        "drift/baseline.json",
        resource("baseline.json"),
        "drift/current.json",
        resource("current.json"));
    // snippet:end drift-compare
  }

  private static byte[] resource(String name) {
    try (InputStream in = CompareSnapshots.class.getResourceAsStream("/drift/" + name)) {
      if (in == null) {
        throw new IllegalStateException("drift/" + name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Prints the drifts, most severe first, and what noise was suppressed.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    DriftReport report = run();
    System.out.printf(
        "%d resources compared, %d drifts%n",
        report.summary().currentResources(), report.summary().totalDrifts());
    // snippet:begin drift-loop
    for (Drift d : report.drifts()) {
      System.out.printf(
          "%-8s %-8s %s %s  [%s]%n",
          d.severity(), d.change(), shortId(d.resourceId()), d.path(), d.rule());
    }
    // snippet:end drift-loop
    for (Map.Entry<NoiseClass, Long> e : report.summary().suppressed().entrySet()) {
      if (e.getValue() > 0) {
        System.out.printf("suppressed %-14s %d%n", e.getKey(), e.getValue());
      }
    }
    int critical = report.summary().drifts().get(Severity.CRITICAL);
    System.out.println(
        critical > 0 ? critical + " CRITICAL drift(s): act now" : "no critical drift");
  }

  private static String shortId(String id) {
    int p = id.toLowerCase(java.util.Locale.ROOT).indexOf("/providers/");
    return p < 0 ? id : id.substring(p + 11);
  }
}
