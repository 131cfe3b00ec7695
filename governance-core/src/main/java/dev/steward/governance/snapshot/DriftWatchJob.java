package dev.steward.governance.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.drift.DriftEngine;
import dev.steward.drift.DriftRules;
import dev.steward.drift.models.Drift;
import dev.steward.drift.models.DriftReport;
import dev.steward.drift.models.DriftSummary;
import dev.steward.drift.models.Severity;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.schedule.GovernanceJob;
import dev.steward.governance.schedule.JobContext;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.Schedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drift watch as a scheduled {@link GovernanceJob}, registered under {@link #TYPE}: each run takes
 * a resource snapshot, compares the baseline with it through the drift engine, records every drift
 * in the audit trail ({@code drift.detected}, outcome = the severity) plus one {@code drift.watch}
 * record for the run, and hands the report to the {@link DriftWatchListener}s.
 *
 * <p>Job parameters: {@code baseline} (the baseline snapshot file, required), {@code subscriptions}
 * (comma-separated, required), {@code types} (comma-separated resource types), {@code
 * resourceGroup}, {@code query} (Resource Graph KQL), {@code full} ({@code true} to fetch each
 * resource's full ARM body), {@code pageSize}, {@code rules} (a drift rules file merged over the
 * job's rules), {@code out} (where the snapshot is written; {@code {time}} is replaced by the due
 * time; default {@code drift-watch-JOBID.jsonl} in the snapshot directory).
 *
 * <p>Fail closed: a missing, empty or malformed baseline, a bad rules file or a failed snapshot
 * make the run {@code FAILED} with a message naming the file (and line and column) or the request,
 * and the failure is audited; no partial report reaches the listeners.
 *
 * <pre>{@code
 * DriftWatchJob job = DriftWatchJob.builder(snapshotter).audit(trail).listener(metrics).build();
 * scheduler = InProcessGovernanceScheduler.builder().job(DriftWatchJob.TYPE, job).build();
 * scheduler.schedule(DriftWatchJob.spec("nsg-watch", Schedule.parse("every 1h"),
 *     Path.of("baseline.jsonl"), options, Map.of()));
 * }</pre>
 */
public final class DriftWatchJob implements GovernanceJob {

  /** The job type name drift-watch jobs are registered under. */
  public static final String TYPE = "drift-watch";

  /** The audit action of each drift found. */
  public static final String AUDIT_DRIFT = "drift.detected";

  /** The audit action of each run. */
  public static final String AUDIT_RUN = "drift.watch";

  private static final Logger LOG = LoggerFactory.getLogger(DriftWatchJob.class);
  private static final int MAX_AUDIT_VALUE = 1024;
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final ResourceSnapshotter snapshotter;
  private final DriftRules rules;
  private final AuditTrail audit;
  private final Path snapshotDirectory;
  private final List<DriftWatchListener> listeners;

  private DriftWatchJob(Builder b) {
    this.snapshotter = b.snapshotter;
    this.rules = b.rules;
    this.audit = b.audit;
    this.snapshotDirectory = b.snapshotDirectory;
    this.listeners = new CopyOnWriteArrayList<>(b.listeners);
  }

  /**
   * Starts a builder.
   *
   * @param snapshotter takes the snapshots (keep one per job: it caches apiVersions)
   * @return a builder with the default drift rules, no audit trail and no listeners
   */
  public static Builder builder(ResourceSnapshotter snapshotter) {
    return new Builder(snapshotter);
  }

  /**
   * A job spec for a drift watch.
   *
   * @param id the schedule id
   * @param schedule when it runs
   * @param baseline the baseline snapshot file
   * @param options what each run snapshots
   * @param parameters further parameters ({@code rules}, {@code out})
   * @return the spec
   */
  public static JobSpec spec(
      String id,
      Schedule schedule,
      Path baseline,
      SnapshotOptions options,
      Map<String, String> parameters) {
    JobSpec.Builder b =
        JobSpec.builder(id, TYPE, schedule)
            .parameter("baseline", baseline.toString())
            .parameter("subscriptions", String.join(",", options.subscriptions()));
    if (!options.resourceTypes().isEmpty()) {
      b.parameter("types", String.join(",", options.resourceTypes()));
    }
    options.resourceGroup().ifPresent(g -> b.parameter("resourceGroup", g));
    options.query().ifPresent(q -> b.parameter("query", q));
    if (options.fullResources()) {
      b.parameter("full", "true");
    }
    if (options.pageSize() != SnapshotOptions.MAX_PAGE_SIZE) {
      b.parameter("pageSize", Integer.toString(options.pageSize()));
    }
    parameters.forEach(b::parameter);
    return b.build();
  }

  /**
   * Registers a listener (also possible after the job is scheduled).
   *
   * @param listener the listener
   */
  public void addListener(DriftWatchListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public JobOutcome run(JobContext context) {
    String actor = "job:" + context.jobId();
    Map<String, String> p = context.parameters();
    String baselineText = p.get("baseline");
    SnapshotOptions options;
    DriftRules runRules;
    Path baseline;
    try {
      if (baselineText == null || baselineText.isBlank()) {
        throw new IllegalArgumentException("parameter 'baseline' is missing");
      }
      baseline = Path.of(baselineText);
      checkBaseline(baseline);
      options = options(p);
      runRules = p.containsKey("rules") ? rules.overlay(Path.of(p.get("rules"))) : rules;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      return fail(actor, baselineText, "drift watch not started: " + e.getMessage());
    }
    Path out =
        p.containsKey("out")
            ? Path.of(p.get("out").replace("{time}", FILE_TIME.format(context.scheduledFor())))
            : snapshotDirectory.resolve("drift-watch-" + context.jobId() + ".jsonl");

    SnapshotResult snapshot;
    try {
      snapshot = snapshotter.snapshot(options, out);
    } catch (RuntimeException e) {
      return fail(actor, baselineText, "snapshot failed: " + e.getMessage());
    }

    DriftReport report;
    try {
      report = DriftEngine.builder().rules(runRules).build().compare(baseline, snapshot.file());
    } catch (IllegalArgumentException | UncheckedIOException e) {
      // DriftInputException (an IllegalArgumentException) names file:line:column
      return fail(actor, baselineText, "cannot compare: " + e.getMessage());
    }

    if (audit != null) {
      for (Drift d : report.drifts()) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("resourceType", d.resourceType());
        details.put("path", d.path());
        details.put("change", d.change().name());
        details.put("rule", d.rule());
        details.put("certainty", d.certainty().name());
        details.put("before", auditValue(d.before()));
        details.put("after", auditValue(d.after()));
        details.put("baseline", baseline.toString());
        details.put("snapshot", snapshot.file().toString());
        audit.record(actor, AUDIT_DRIFT, d.resourceId(), d.severity().name(), details);
      }
    }
    String summary = summary(report.summary(), snapshot);
    if (audit != null) {
      Map<String, Object> details = new LinkedHashMap<>();
      DriftSummary s = report.summary();
      for (Severity severity : Severity.values()) {
        details.put(severity.name().toLowerCase(Locale.ROOT), s.drifts().get(severity));
      }
      details.put("resources", snapshot.resources());
      details.put("pages", snapshot.pages());
      details.put("snapshotMillis", snapshot.duration().toMillis());
      details.put("snapshot", snapshot.file().toString());
      audit.record(actor, AUDIT_RUN, baselineText, "SUCCEEDED", details);
    }
    DriftWatchResult result =
        new DriftWatchResult(context.jobId(), context.scheduledFor(), baseline, snapshot, report);
    for (DriftWatchListener listener : listeners) {
      try {
        listener.onDriftChecked(result);
      } catch (RuntimeException e) {
        LOG.warn("drift-watch listener {} failed: {}", listener, e.toString());
      }
    }
    return JobOutcome.succeeded(summary);
  }

  /**
   * The one-line summary of a run, as in the job outcome.
   *
   * @param summary the drift summary
   * @param snapshot the snapshot figures
   * @return for example {@code 2 drifts (critical 1, high 0, medium 1, low 0) in 14 resources;
   *     snapshot 14 resources, 2 pages, 310 ms}
   */
  public static String summary(DriftSummary summary, SnapshotResult snapshot) {
    Map<Severity, Integer> d = summary.drifts();
    return summary.totalDrifts()
        + (summary.totalDrifts() == 1 ? " drift" : " drifts")
        + " (critical "
        + d.get(Severity.CRITICAL)
        + ", high "
        + d.get(Severity.HIGH)
        + ", medium "
        + d.get(Severity.MEDIUM)
        + ", low "
        + d.get(Severity.LOW)
        + ") in "
        + summary.changedResources()
        + " changed, "
        + summary.addedResources()
        + " added, "
        + summary.removedResources()
        + " removed resources; snapshot "
        + snapshot.resources()
        + " resources, "
        + snapshot.pages()
        + (snapshot.pages() == 1 ? " page, " : " pages, ")
        + snapshot.duration().toMillis()
        + " ms";
  }

  private JobOutcome fail(String actor, String baseline, String message) {
    LOG.warn("{}: {}", actor, message);
    if (audit != null) {
      audit.record(
          actor, AUDIT_RUN, baseline == null ? "" : baseline, "FAILED", Map.of("error", message));
    }
    return JobOutcome.failed(message);
  }

  /** Fails closed before any ARM call when the baseline cannot be a snapshot. */
  private static void checkBaseline(Path baseline) {
    if (!Files.isRegularFile(baseline)) {
      throw new IllegalArgumentException(
          "baseline " + baseline + " does not exist or is not a file");
    }
    try {
      if (Files.size(baseline) == 0) {
        throw new IllegalArgumentException(
            "baseline " + baseline + " is empty (take one with 'steward snapshot')");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read baseline " + baseline, e);
    }
    if (!Files.isReadable(baseline)) {
      throw new IllegalArgumentException("baseline " + baseline + " is not readable");
    }
  }

  /**
   * Reads snapshot options from job parameters.
   *
   * @param p the parameters
   * @return the options
   * @throws IllegalArgumentException naming the parameter that is wrong
   */
  static SnapshotOptions options(Map<String, String> p) {
    SnapshotOptions.Builder b = SnapshotOptions.builder();
    List<String> subscriptions = list(p.get("subscriptions"));
    if (subscriptions.isEmpty()) {
      throw new IllegalArgumentException("parameter 'subscriptions' is missing");
    }
    try {
      b.subscriptions(subscriptions);
      b.resourceTypes(list(p.get("types")));
      if (p.containsKey("resourceGroup")) {
        b.resourceGroup(p.get("resourceGroup"));
      }
      if (p.containsKey("query")) {
        b.query(p.get("query"));
      }
      b.fullResources(Boolean.parseBoolean(p.getOrDefault("full", "false")));
      if (p.containsKey("pageSize")) {
        b.pageSize(Integer.parseInt(p.get("pageSize").strip()));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "parameter 'pageSize' is not a number: '" + p.get("pageSize") + "'", e);
    }
    return b.build();
  }

  private static List<String> list(String csv) {
    if (csv == null) {
      return List.of();
    }
    return new ArrayList<>(
        Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
  }

  private static Object auditValue(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      return value.numberValue();
    }
    String text = value.isTextual() ? value.textValue() : value.toString();
    return text.length() <= MAX_AUDIT_VALUE ? text : text.substring(0, MAX_AUDIT_VALUE) + "...";
  }

  /** Builds a {@link DriftWatchJob}. */
  public static final class Builder {
    private final ResourceSnapshotter snapshotter;
    private DriftRules rules = DriftRules.defaults();
    private AuditTrail audit;
    private Path snapshotDirectory = Path.of(".");
    private final List<DriftWatchListener> listeners = new ArrayList<>();

    private Builder(ResourceSnapshotter snapshotter) {
      this.snapshotter = Objects.requireNonNull(snapshotter, "snapshotter");
    }

    /**
     * The drift rules (default {@link DriftRules#defaults()}); a job's {@code rules} parameter is
     * merged over them.
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder rules(DriftRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * Records every drift and every run in an audit trail.
     *
     * @param trail the trail
     * @return this builder
     */
    public Builder audit(AuditTrail trail) {
      this.audit = Objects.requireNonNull(trail, "trail");
      return this;
    }

    /**
     * The directory snapshots go to when a job has no {@code out} parameter (default: the working
     * directory).
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder snapshotDirectory(Path directory) {
      this.snapshotDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(DriftWatchListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the job.
     *
     * @return the job
     */
    public DriftWatchJob build() {
      return new DriftWatchJob(this);
    }
  }
}
