package dev.steward.governance.quality;

import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.connection.ConnectionRegistry;
import dev.steward.governance.connection.Connections;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.schedule.GovernanceJob;
import dev.steward.governance.schedule.JobContext;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.Schedule;
import dev.steward.purview.PurviewDataMapClientBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The quality sync (Method A) as a scheduled {@link GovernanceJob}, registered under {@link #TYPE}.
 * Job parameters: {@code connection} (a registry name, required), {@code mapping} and {@code
 * scores} (files, required), {@code ensureDefinitions} and {@code dryRun} ({@code true} / {@code
 * false}). The outcome fails when a mapped dataset was unresolved or failed.
 *
 * <pre>{@code
 * scheduler = InProcessGovernanceScheduler.builder()
 *     .job(QualitySyncJob.TYPE, QualitySyncJob.builder(registry).audit(trail).build()).build();
 * scheduler.schedule(QualitySyncJob.spec("hourly-quality", Schedule.parse("hourly"), "contoso",
 *     Map.of("mapping", "mapping.yaml", "scores", "export/scores.jsonl")));
 * }</pre>
 */
public final class QualitySyncJob implements GovernanceJob {

  /** The job type name quality-sync jobs are registered under. */
  public static final String TYPE = "quality-sync";

  private final ConnectionRegistry registry;
  private final Map<String, String> env;
  private final AuditTrail audit;
  private final Consumer<PurviewDataMapClientBuilder> clientOptions;
  private final Consumer<QualitySync.Builder> componentOptions;

  private QualitySyncJob(Builder b) {
    this.registry = b.registry;
    this.env = b.env;
    this.audit = b.audit;
    this.clientOptions = b.clientOptions;
    this.componentOptions = b.componentOptions;
  }

  /**
   * Starts a builder.
   *
   * @param registry where the job's {@code connection} parameter is looked up
   * @return a builder
   */
  public static Builder builder(ConnectionRegistry registry) {
    return new Builder(registry);
  }

  /**
   * A job spec for a quality sync.
   *
   * @param id the schedule id
   * @param schedule when it runs
   * @param connection the connection name
   * @param parameters {@code mapping}, {@code scores}, optionally {@code ensureDefinitions}, {@code
   *     dryRun}
   * @return the spec
   */
  public static JobSpec spec(
      String id, Schedule schedule, String connection, Map<String, String> parameters) {
    return JobSpec.builder(id, TYPE, schedule)
        .parameter("connection", connection)
        .parameters(parameters)
        .build();
  }

  @Override
  public JobOutcome run(JobContext context) {
    Map<String, String> p = context.parameters();
    for (String required : new String[] {"connection", "mapping", "scores"}) {
      if (!p.containsKey(required)) {
        return JobOutcome.failed("parameter '" + required + "' is missing");
      }
    }
    String name = p.get("connection");
    PurviewConnection connection =
        registry
            .get(name)
            .orElseThrow(() -> new IllegalStateException("no connection named '" + name + "'"));
    QualityMapping mapping = QualityMapping.read(Path.of(p.get("mapping")));
    PurviewDataMapClientBuilder client = Connections.clientBuilder(connection, env);
    clientOptions.accept(client);
    QualitySync.Builder builder = QualitySync.builder(client.buildClient(), mapping);
    componentOptions.accept(builder);
    if (audit != null) {
      builder.audit(audit, "job:" + context.jobId());
    }
    QualitySync sync = builder.build();
    if (Boolean.parseBoolean(p.getOrDefault("ensureDefinitions", "false"))) {
      sync.ensureDefinitions();
    }
    SyncReport report =
        sync.sync(
            QualityScores.read(Path.of(p.get("scores"))),
            Boolean.parseBoolean(p.getOrDefault("dryRun", "false")));
    return report.clean()
        ? JobOutcome.succeeded(report.summary())
        : JobOutcome.failed(report.summary());
  }

  /** Builds a {@link QualitySyncJob}. */
  public static final class Builder {
    private final ConnectionRegistry registry;
    private Map<String, String> env = System.getenv();
    private AuditTrail audit;
    private Consumer<PurviewDataMapClientBuilder> clientOptions = client -> {};
    private Consumer<QualitySync.Builder> componentOptions = component -> {};

    private Builder(ConnectionRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Sets the environment secret references are read from.
     *
     * @param env the variables
     * @return this builder
     */
    public Builder env(Map<String, String> env) {
      this.env = Map.copyOf(env);
      return this;
    }

    /**
     * Records every write in an audit trail.
     *
     * @param trail the trail
     * @return this builder
     */
    public Builder audit(AuditTrail trail) {
      this.audit = Objects.requireNonNull(trail, "trail");
      return this;
    }

    /**
     * Records the Purview client's {@code steward.purview.*} meters and the {@code
     * steward.quality.*} meters of every run (see {@link
     * dev.steward.governance.metrics.GovernanceMeters}). Default: none. Micrometer is optional:
     * applications that never call this need no Micrometer jar.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
      Objects.requireNonNull(registry, "meterRegistry");
      this.clientOptions = client -> client.meterRegistry(registry);
      this.componentOptions = component -> component.meterRegistry(registry);
      return this;
    }

    /**
     * Builds the job.
     *
     * @return the job
     */
    public QualitySyncJob build() {
      return new QualitySyncJob(this);
    }
  }
}
