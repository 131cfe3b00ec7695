package dev.steward.governance.extract;

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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Catalogue extraction as a scheduled {@link GovernanceJob}, registered under {@link #TYPE}. Job
 * parameters: {@code connection} (a registry name, required), {@code out} (the JSON Lines file;
 * {@code {time}} is replaced by the due time, default {@code catalogue-CONNECTION.jsonl}), {@code
 * assetTypes} (comma-separated), {@code collection}, {@code incremental} ({@code true} to run from
 * the connection's checkpoint).
 *
 * <pre>{@code
 * ExtractionJob job = ExtractionJob.builder(registry).checkpoints(store).build();
 * scheduler = InProcessGovernanceScheduler.builder().job(ExtractionJob.TYPE, job).build();
 * scheduler.schedule(ExtractionJob.spec("hourly-contoso", Schedule.parse("hourly"), "contoso",
 *     Map.of("assetTypes", "sql_table,adls_path", "incremental", "true")));
 * }</pre>
 */
public final class ExtractionJob implements GovernanceJob {

  /** The job type name extraction jobs are registered under. */
  public static final String TYPE = "extraction";

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final ConnectionRegistry registry;
  private final Map<String, String> env;
  private final CheckpointStore checkpoints;
  private final AuditTrail audit;
  private final Consumer<PurviewDataMapClientBuilder> clientOptions;
  private final Consumer<CatalogExtractor.Builder> componentOptions;

  private ExtractionJob(Builder builder) {
    this.registry = builder.registry;
    this.env = builder.env;
    this.checkpoints = builder.checkpoints;
    this.audit = builder.audit;
    this.clientOptions = builder.clientOptions;
    this.componentOptions = builder.componentOptions;
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
   * A job spec for an extraction.
   *
   * @param id the schedule id
   * @param schedule when it runs
   * @param connection the connection name
   * @param parameters further parameters ({@code out}, {@code assetTypes}, {@code collection},
   *     {@code incremental})
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
    String name = p.get("connection");
    if (name == null) {
      return JobOutcome.failed("parameter 'connection' is missing");
    }
    PurviewConnection connection =
        registry
            .get(name)
            .orElseThrow(() -> new IllegalStateException("no connection named '" + name + "'"));
    String out =
        p.getOrDefault("out", "catalogue-" + name + ".jsonl")
            .replace("{time}", FILE_TIME.format(context.scheduledFor()));
    ExtractionRequest.Builder request = ExtractionRequest.builder().checkpointKey(name);
    if (p.containsKey("assetTypes")) {
      List<String> types =
          Arrays.stream(p.get("assetTypes").split(","))
              .map(String::strip)
              .filter(t -> !t.isEmpty())
              .toList();
      request.assetTypes(types);
    }
    if (p.containsKey("collection")) {
      request.collection(p.get("collection"));
    }
    request.incremental(Boolean.parseBoolean(p.getOrDefault("incremental", "false")));
    PurviewDataMapClientBuilder client = Connections.clientBuilder(connection, env);
    clientOptions.accept(client);
    CatalogExtractor.Builder extractor =
        CatalogExtractor.builder(client.buildClient()).checkpoints(checkpoints);
    componentOptions.accept(extractor);
    if (audit != null) {
      extractor.audit(audit, "job:" + context.jobId());
    }
    ExtractionResult result = extractor.build().extractToFile(request.build(), Path.of(out));
    return JobOutcome.succeeded(
        result.total() + " assets (" + result.written() + " new this run) to " + out);
  }

  /** Builds an {@link ExtractionJob}. */
  public static final class Builder {
    private final ConnectionRegistry registry;
    private Map<String, String> env = System.getenv();
    private CheckpointStore checkpoints;
    private AuditTrail audit;
    private Consumer<PurviewDataMapClientBuilder> clientOptions = client -> {};
    private Consumer<CatalogExtractor.Builder> componentOptions = component -> {};

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
     * Sets the checkpoint store (required for incremental runs across process restarts).
     *
     * @param store the store
     * @return this builder
     */
    public Builder checkpoints(CheckpointStore store) {
      this.checkpoints = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Records every run in an audit trail.
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
     * steward.extraction.*} meters of every run (see {@link
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
     * @throws IllegalStateException when no checkpoint store was set
     */
    public ExtractionJob build() {
      if (checkpoints == null) {
        throw new IllegalStateException("an ExtractionJob needs a checkpoint store");
      }
      return new ExtractionJob(this);
    }
  }
}
