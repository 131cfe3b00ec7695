package dev.steward.cli.drift;

import dev.steward.cli.ExitCodes;
import dev.steward.drift.DriftEngine;
import dev.steward.drift.DriftMonitor;
import dev.steward.drift.DriftRules;
import dev.steward.drift.FileObservationStore;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code steward drift}: compares two ARM snapshots and reports real configuration drift. */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Compares a baseline snapshot of Azure resources with a current one and reports real drift,"
          + " classified CRITICAL/HIGH/MEDIUM/LOW by what it does to security.",
      "Snapshots: a resource, a JSON array, an ARM list {\"value\":[...]}, a Resource Graph"
          + " result {\"data\":[...]} or JSON Lines."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no drift at or above --fail-on",
      "1:drift at or above --fail-on",
      "2:bad input (the message names file:line:column)",
      "3:other failure"
    })
public final class DriftCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    json,
    text,
    sarif,
    markdown
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--baseline",
      required = true,
      paramLabel = "FILE",
      description = "Baseline snapshot.")
  Path baseline;

  @Option(
      names = "--current",
      required = true,
      paramLabel = "FILE",
      description = "Current snapshot.")
  Path current;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Rules file merged over the bundled defaults.")
  Path rules;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "json, text, sarif or markdown (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "high",
      converter = SeverityConverter.class,
      description =
          "Exit 1 on drift at or above: critical, high, medium, low (default: ${DEFAULT-VALUE}).")
  Severity failOn;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "Debounce: keep observations here and report only confirmed drift.")
  Path state;

  @Option(
      names = "--confirm-after",
      paramLabel = "K",
      description = "With --state: confirm a drift seen in K of the last N runs (default: 2).")
  Integer confirmAfter;

  @Option(
      names = "--window",
      paramLabel = "N",
      description = "With --state: the number of runs looked at (default: 3).")
  Integer window;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the report here, not to standard output.")
  Path out;

  /** Parses severities ignoring case. */
  static final class SeverityConverter implements CommandLine.ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      try {
        return Severity.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() {
    if (state == null && (confirmAfter != null || window != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--confirm-after and --window need --state FILE");
    }
    DriftRules ruleSet =
        rules == null ? DriftRules.defaults() : DriftRules.defaults().overlay(rules);
    DriftEngine engine = DriftEngine.builder().rules(ruleSet).build();
    DriftReport report = engine.compare(baseline, current);
    if (state != null) {
      int n = window == null ? 3 : window;
      int k = confirmAfter == null ? Math.min(2, n) : confirmAfter;
      DriftMonitor monitor =
          DriftMonitor.builder().store(new FileObservationStore(state)).confirmAfter(k, n).build();
      report = monitor.observe(report);
    }
    String rendered =
        switch (format) {
          case json -> ReportFormats.json(report);
          case text -> ReportFormats.text(report, colour());
          case markdown -> ReportFormats.markdown(report);
          case sarif -> ReportFormats.sarif(report, ruleSet, baseline, current);
        };
    write(rendered);
    return report.summary().driftsAtOrAbove(failOn) > 0 ? ExitCodes.FOUND : ExitCodes.OK;
  }

  private boolean colour() {
    return out == null
        && spec.commandLine().getOut() != null
        && System.console() != null
        && CommandLine.Help.Ansi.AUTO.enabled();
  }

  private void write(String rendered) {
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      w.print(rendered);
      w.flush();
      return;
    }
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(rendered);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
    spec.commandLine()
        .getErr()
        .println(
            "drift: report written to "
                + out
                + " ("
                + format.name().toLowerCase(Locale.ROOT)
                + ")");
  }
}
