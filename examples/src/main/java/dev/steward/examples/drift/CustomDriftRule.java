package dev.steward.examples.drift;

import dev.steward.drift.DriftEngine;
import dev.steward.drift.DriftMonitor;
import dev.steward.drift.DriftRules;
import dev.steward.drift.FileObservationStore;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A team's own drift rule on top of the bundled defaults ({@code drift/contoso-rules.json}): a
 * storage account that loses its {@code owner} tag is a MEDIUM drift, and the {@code lastScanned}
 * tag a scanner rewrites every night is noise. Then a {@link DriftMonitor} confirms the drift only
 * once it has been seen in 2 of the last 3 observations, so a change being rolled back is not
 * paged.
 *
 * <pre>
 * java -cp cli/target/steward.jar dev.steward.examples.drift.CustomDriftRule
 * </pre>
 */
public final class CustomDriftRule {

  private static final String BASELINE =
      """
      {"id": "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/lake",
       "type": "Microsoft.Storage/storageAccounts", "location": "westeurope",
       "tags": {"owner": "data-platform", "lastScanned": "2026-11-20"},
       "sku": {"name": "Standard_LRS"}}
      """;

  private static final String CURRENT =
      """
      {"id": "/subscriptions/0000/resourceGroups/RG/providers/Microsoft.Storage/storageAccounts/lake",
       "type": "Microsoft.Storage/storageAccounts", "location": "West Europe",
       "tags": {"lastScanned": "2026-11-23"},
       "sku": {"name": "Standard_GRS"}}
      """;

  /**
   * What happened, for the example's test.
   *
   * @param report the comparison with the custom rules
   * @param firstObservation what the monitor confirmed on the first observation
   * @param secondObservation what it confirmed on the second
   */
  public record Outcome(
      DriftReport report, DriftReport firstObservation, DriftReport secondObservation) {}

  private CustomDriftRule() {}

  /**
   * Runs the example with the monitor's state in a temporary directory.
   *
   * @param args unused
   * @throws IOException when the temporary directory cannot be made
   */
  public static void main(String[] args) throws IOException {
    run(Files.createTempDirectory("steward-drift").resolve("drift-state.json"), System.out);
  }

  /**
   * Compares the two snapshots with the custom rules and observes the result twice.
   *
   * @param state where the monitor keeps its observations
   * @param out where to print
   * @return what happened
   */
  public static Outcome run(Path state, PrintStream out) {
    // snippet:begin drift-custom-rules
    DriftRules rules;
    try (InputStream in = CustomDriftRule.class.getResourceAsStream("/drift/contoso-rules.json")) {
      rules = DriftRules.defaults().overlay("contoso-rules.json", in); // or overlay(Path)
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DriftEngine engine = DriftEngine.builder().rules(rules).build();
    DriftReport report =
        engine.compare(
            "baseline.json",
            BASELINE.getBytes(StandardCharsets.UTF_8),
            "current.json",
            CURRENT.getBytes(StandardCharsets.UTF_8));
    for (Drift d : report.drifts()) { // sorted: severity, resource, path
      out.println(d.severity() + " " + d.path() + " [" + d.rule() + "] " + d.before());
    }
    // snippet:end drift-custom-rules

    // snippet:begin drift-monitor
    DriftMonitor monitor =
        DriftMonitor.builder()
            .store(new FileObservationStore(state)) // survives restarts
            .confirmAfter(2, 3) // reported once seen in 2 of the last 3 observations
            .build();
    DriftReport first = monitor.observe(report); // pending: nothing confirmed yet
    DriftReport second = monitor.observe(report); // seen twice: confirmed
    // snippet:end drift-monitor
    out.println(
        "confirmed after one observation: "
            + first.drifts().size()
            + ", after two: "
            + second.drifts().size());
    return new Outcome(report, first, second);
  }
}
