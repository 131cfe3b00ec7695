package dev.steward.cli.snapshot;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.StewardHome;
import dev.steward.drift.DriftEngine;
import dev.steward.drift.DriftRules;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.Severity;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.schedule.GovernanceJob;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.Schedule;
import dev.steward.governance.snapshot.DriftWatchJob;
import dev.steward.governance.snapshot.ResourceSnapshotter;
import dev.steward.governance.snapshot.SnapshotOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code steward drift-watch}: snapshots on a schedule, each compared with a baseline, until
 * interrupted (or {@code --runs N}).
 */
@Command(
    name = "drift-watch",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Take a snapshot now and then every --every, compare each with the baseline, record every"
          + " drift in the audit trail (HOME/audit) and print each run's summary, until Ctrl-C or"
          + " --runs N runs. Runs never overlap.",
      "The baseline is a snapshot from 'steward snapshot' (or any file 'steward drift' reads)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every run succeeded (and none found drift at or above --fail-on)",
      "1:a run found drift at or above --fail-on",
      "2:bad arguments or a bad baseline or rules file (the message names file:line:column)",
      "3:the last run failed (Azure failed after retries, or the snapshot was incomplete)"
    })
public final class DriftWatchCommand implements Callable<Integer> {

  /** The scheduled job's id, also the audit actor ({@code job:drift-watch}). */
  static final String JOB_ID = "drift-watch";

  @Spec CommandSpec spec;
  @Mixin StewardHome home = new StewardHome();
  @Mixin ArmTarget arm = new ArmTarget();
  @Mixin SnapshotFilters filters = new SnapshotFilters();

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      required = true,
      description = "The baseline snapshot.")
  Path baseline;

  @Option(
      names = "--every",
      paramLabel = "INTERVAL",
      defaultValue = "1h",
      description = "Time between runs: 30s, 15m, 1h, 1d or ISO-8601 (default: ${DEFAULT-VALUE}).")
  String every;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Drift rules merged over the bundled defaults.")
  Path rules;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Where each run's snapshot is written, {time} = the run's time (default:"
              + " HOME/snapshots/drift-watch.jsonl, replaced each run).")
  String out;

  @Option(
      names = "--runs",
      paramLabel = "N",
      description = "Exit after N runs (the first runs at once); without it, run until Ctrl-C.")
  Integer runs;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description = "Exit 1 when a run found drift at or above: critical, high, medium, low.")
  String failOn;

  /** Creates the command (picocli fills it). */
  public DriftWatchCommand() {}

  @Override
  public Integer call() throws InterruptedException {
    CommandLine cl = spec.commandLine();
    if (runs != null && runs < 1) {
      throw new ParameterException(cl, "--runs must be at least 1, was " + runs);
    }
    Severity threshold = parseFailOn(cl);
    Schedule schedule;
    try {
      schedule = Schedule.parse("every " + every);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "--every '" + every + "': " + e.getMessage());
    }
    SnapshotOptions options = filters.options(spec);
    DriftRules ruleSet =
        rules == null ? DriftRules.defaults() : DriftRules.defaults().overlay(rules);
    checkBaseline(cl, ruleSet);
    Map<String, String> parameters = new HashMap<>();
    if (rules != null) {
      parameters.put("rules", rules.toString());
    }
    parameters.put(
        "out", out != null ? out : home.dir().resolve("snapshots/drift-watch.jsonl").toString());

    PrintWriter stdout = cl.getOut();
    PrintWriter stderr = cl.getErr();
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean found = new AtomicBoolean();
    AtomicReference<JobOutcome> last = new AtomicReference<>();
    AtomicReference<DriftReport> report = new AtomicReference<>();
    Semaphore finished = new Semaphore(0);
    try (AuditTrail audit = AuditTrail.builder(home.audit()).build()) {
      DriftWatchJob job =
          DriftWatchJob.builder(ResourceSnapshotter.builder(arm.client(spec)).build())
              .audit(audit)
              .listener(r -> report.set(r.report()))
              .build();
      GovernanceJob printing =
          context -> {
            report.set(null);
            JobOutcome outcome = job.run(context);
            int n = done.incrementAndGet();
            synchronized (stdout) {
              stdout.println(
                  "run "
                      + n
                      + " at "
                      + context.startedAt()
                      + ": "
                      + outcome.status()
                      + " "
                      + outcome.message());
              DriftReport r = report.get();
              if (r != null) {
                for (Drift d : r.drifts()) {
                  stdout.println(
                      "  "
                          + d.severity()
                          + " "
                          + d.resourceId()
                          + " "
                          + d.path()
                          + " ["
                          + d.rule()
                          + "]");
                }
                if (threshold != null && r.summary().driftsAtOrAbove(threshold) > 0) {
                  found.set(true);
                }
              }
              stdout.flush();
            }
            last.set(outcome);
            finished.release();
            return outcome;
          };
      try (InProcessGovernanceScheduler scheduler =
          InProcessGovernanceScheduler.builder().job(DriftWatchJob.TYPE, printing).build()) {
        scheduler.schedule(DriftWatchJob.spec(JOB_ID, schedule, baseline, options, parameters));
        stderr.println(
            "drift-watch: watching "
                + String.join(",", options.subscriptions())
                + " against "
                + baseline
                + ", "
                + "every "
                + every
                + (runs == null ? " until Ctrl-C" : ", " + runs + (runs == 1 ? " run" : " runs")));
        scheduler.runNow(JOB_ID);
        finished.acquire(runs == null ? Integer.MAX_VALUE : runs);
        scheduler.shutdown(Duration.ofSeconds(30));
      }
    }
    JobOutcome outcome = last.get();
    if (outcome != null && outcome.status() == JobOutcome.Status.FAILED) {
      return ExitCodes.FAILURE;
    }
    return found.get() ? ExitCodes.FOUND : ExitCodes.OK;
  }

  private Severity parseFailOn(CommandLine cl) {
    if (failOn == null) {
      return null;
    }
    try {
      return Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "--fail-on: " + e.getMessage());
    }
  }

  /** Fails before any Azure call when the baseline cannot be read as a snapshot. */
  private void checkBaseline(CommandLine cl, DriftRules ruleSet) {
    if (!Files.isRegularFile(baseline)) {
      throw new ParameterException(cl, "--baseline " + baseline + " does not exist");
    }
    try {
      DriftEngine.builder().rules(ruleSet).build().compare(baseline, baseline);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cl, "--baseline: " + e.getMessage(), e);
    }
  }
}
