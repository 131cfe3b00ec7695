package dev.steward.governance.metrics;

/**
 * The names and tag keys of every meter governance-core records, in one place. Meters are recorded
 * only when a Micrometer {@code MeterRegistry} is given (the {@code meterRegistry(...)} option of
 * {@code CatalogExtractor}, {@code QualitySync} and {@code InProcessGovernanceScheduler}, or {@link
 * DriftMetrics} and {@link GuardMetrics}); without one nothing is recorded.
 *
 * <p>Every tag has a bounded set of values: enum names, asset type names capped to the known
 * Purview types (others become {@code other}), job types and job ids (one per schedule).
 */
public final class GovernanceMeters {
  // Extraction.

  /** Timer: extraction runs, tagged {@link #TAG_OUTCOME} ({@code success} or {@code failure}). */
  public static final String EXTRACTION_RUNS = "steward.extraction.runs";

  /** Counter: assets written by extractions, tagged {@link #TAG_TYPE}. */
  public static final String EXTRACTION_ASSETS = "steward.extraction.assets";

  /** Counter: search pages read by extractions. */
  public static final String EXTRACTION_PAGES = "steward.extraction.pages";

  /** Gauge (seconds since the epoch): when the last successful extraction completed. */
  public static final String EXTRACTION_LAST_SUCCESS = "steward.extraction.last.success";

  // Quality sync.

  /**
   * Timer: quality sync runs (dry runs excluded), tagged {@link #TAG_OUTCOME} ({@code success} or
   * {@code failure}).
   */
  public static final String QUALITY_SYNCS = "steward.quality.syncs";

  /**
   * Counter: datasets handled by quality syncs, tagged {@link #TAG_STATUS} (a {@code
   * DatasetOutcome.Status}: {@code WRITTEN}, {@code UNCHANGED}, {@code STALE}, {@code UNRESOLVED},
   * {@code FAILED}, {@code UNMAPPED}).
   */
  public static final String QUALITY_DATASETS = "steward.quality.datasets";

  /**
   * Gauge: datasets in each SLA status ({@link #TAG_STATUS}: {@code GOOD}, {@code AT_RISK}, {@code
   * BREACHED}), by the latest score written or confirmed for each dataset.
   */
  public static final String QUALITY_SLA = "steward.quality.sla";

  /**
   * Counter: quality webhook deliveries, tagged {@link #TAG_RESULT} ({@code accepted} for a 2xx
   * answer, else {@code rejected}) and {@link #TAG_STATUS} (the HTTP status answered).
   */
  public static final String QUALITY_WEBHOOK_EVENTS = "steward.quality.webhook.events";

  // Drift.

  /**
   * Gauge: drifts in the latest recorded report, tagged {@link #TAG_SEVERITY} and {@link
   * #TAG_RESOURCE_TYPE}.
   */
  public static final String DRIFT_CURRENT = "steward.drift.current";

  /**
   * Counter: drifts not present in the previously recorded report, tagged {@link #TAG_SEVERITY} and
   * {@link #TAG_RESOURCE_TYPE}.
   */
  public static final String DRIFT_NEW = "steward.drift.new";

  /** Counter: differences suppressed as noise, tagged {@link #TAG_NOISE_CLASS}. */
  public static final String DRIFT_SUPPRESSED = "steward.drift.suppressed";

  /** Timer: how long taking a snapshot (and comparing it) took. */
  public static final String DRIFT_SNAPSHOTS = "steward.drift.snapshots";

  // Guard.

  /**
   * Counter: production-guard decisions, tagged {@link #TAG_KIND} (operation kind), {@link
   * #TAG_OUTCOME} ({@code allowed}, {@code confirmed}, {@code overridden}, {@code
   * confirmation-required}, {@code prohibited}) and {@link #TAG_ENVIRONMENT}.
   */
  public static final String GUARD_DECISIONS = "steward.guard.decisions";

  // Scheduler.

  /**
   * Timer: job runs, tagged {@link #TAG_JOB_TYPE} and {@link #TAG_OUTCOME} ({@code SUCCEEDED},
   * {@code FAILED}, {@code SKIPPED}).
   */
  public static final String SCHEDULER_JOB_RUNS = "steward.scheduler.job.runs";

  /**
   * Counter: due runs skipped because the previous run was still going, by {@link #TAG_JOB_TYPE}.
   */
  public static final String SCHEDULER_JOB_SKIPPED = "steward.scheduler.job.skipped";

  /** Gauge: job runs in progress. */
  public static final String SCHEDULER_JOBS_RUNNING = "steward.scheduler.jobs.running";

  /**
   * Gauge (seconds): time since the job's last run started, tagged {@link #TAG_JOB} and {@link
   * #TAG_JOB_TYPE}; NaN before the first run.
   */
  public static final String SCHEDULER_JOB_LAST_RUN_AGE = "steward.scheduler.job.last.run.age";

  /**
   * Gauge (seconds since the epoch): when the job last succeeded, or when it was scheduled if it
   * has not succeeded yet, tagged {@link #TAG_JOB} and {@link #TAG_JOB_TYPE}. With {@link
   * #SCHEDULER_JOB_INTERVAL} it answers "no success for two intervals".
   */
  public static final String SCHEDULER_JOB_LAST_SUCCESS = "steward.scheduler.job.last.success";

  /**
   * Gauge (seconds): the job's interval (the gap between its next two due times), tagged {@link
   * #TAG_JOB} and {@link #TAG_JOB_TYPE}; NaN for a schedule with no next run.
   */
  public static final String SCHEDULER_JOB_INTERVAL = "steward.scheduler.job.interval";

  // Tag keys.

  /** Tag key: how a run or decision ended. */
  public static final String TAG_OUTCOME = "outcome";

  /** Tag key: an asset type name. */
  public static final String TAG_TYPE = "type";

  /** Tag key: a status. */
  public static final String TAG_STATUS = "status";

  /** Tag key: accepted or rejected. */
  public static final String TAG_RESULT = "result";

  /** Tag key: a drift severity. */
  public static final String TAG_SEVERITY = "severity";

  /** Tag key: an Azure resource type, lower case. */
  public static final String TAG_RESOURCE_TYPE = "resource.type";

  /** Tag key: a drift-engine noise class. */
  public static final String TAG_NOISE_CLASS = "class";

  /** Tag key: an operation kind. */
  public static final String TAG_KIND = "kind";

  /** Tag key: an environment. */
  public static final String TAG_ENVIRONMENT = "environment";

  /** Tag key: a job type. */
  public static final String TAG_JOB_TYPE = "job.type";

  /**
   * Tag key: a job id ({@code job_id} in Prometheus, clear of Prometheus' own {@code job} label).
   */
  public static final String TAG_JOB = "job.id";

  /** The {@link #TAG_TYPE} value for asset types outside the known set. */
  public static final String OTHER = "other";

  private GovernanceMeters() {}
}
