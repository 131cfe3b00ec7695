package dev.steward.governance.quality;

import com.azure.core.util.Context;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.implementation.GovernanceMetrics;
import dev.steward.governance.implementation.MicrometerGovernanceMetrics;
import dev.steward.purview.ConcurrentModificationException;
import dev.steward.purview.EntityNotFoundException;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewException;
import dev.steward.purview.TypeNotFoundException;
import dev.steward.purview.models.AtlasAttributeDef;
import dev.steward.purview.models.AtlasBusinessMetadataDef;
import dev.steward.purview.models.AtlasClassification;
import dev.steward.purview.models.AtlasClassificationDef;
import dev.steward.purview.models.AtlasEntity;
import dev.steward.purview.models.AtlasEntityWithExtInfo;
import dev.steward.purview.models.AtlasEnumDef;
import dev.steward.purview.models.AtlasEnumElementDef;
import dev.steward.purview.models.AtlasTypesDef;
import dev.steward.purview.models.ExistingClassification;
import dev.steward.purview.models.TypeCategory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data-quality scores into Purview business metadata (Method A of the QALITA integration): resolve
 * each mapped dataset, read what Purview holds, plan only the differences, write them.
 *
 * <ul>
 *   <li>A second run with the same scores writes nothing.
 *   <li>Out-of-order data never overwrites a newer measurement: the group's {@code updatedAt} wins.
 *   <li>Only this schema's attributes are written ({@code isOverwrite=false}); other writers'
 *       attributes in the same group stay as they are.
 *   <li>At risk or breached adds the at-risk classification, recovery removes it.
 *   <li>A write rejected as stale (HTTP 412) is re-read, re-planned and retried once.
 *   <li>Every write is recorded as {@code quality.write} in the audit trail, with the values before
 *       and after.
 * </ul>
 *
 * <pre>{@code
 * QualitySync sync = QualitySync.builder(client, QualityMapping.read(Path.of("mapping.yaml")))
 *     .audit(trail, "quality-bot")
 *     .build();
 * sync.ensureDefinitions();
 * SyncReport report = sync.sync(QualityScores.read(Path.of("scores.jsonl")));
 * }</pre>
 */
public final class QualitySync {

  /** The audit action of each write. */
  public static final String AUDIT_ACTION = "quality.write";

  private static final Logger LOG = LoggerFactory.getLogger(QualitySync.class);
  private static final int READ_CHUNK = 100;

  private final PurviewDataMapClient client;
  private final QualityMapping mapping;
  private final QualitySchema schema;
  private final AuditTrail audit;
  private final String actor;
  private final int concurrency;
  private final Clock clock;
  private final GovernanceMetrics metrics;

  private QualitySync(Builder b) {
    this.client = b.client;
    this.mapping = b.mapping;
    this.schema = b.mapping.schema();
    this.audit = b.audit;
    this.actor = b.actor;
    this.concurrency = b.concurrency;
    this.clock = b.clock;
    this.metrics = b.metrics;
  }

  /**
   * Starts a builder.
   *
   * @param client the Purview client (its rate limit bounds the write rate)
   * @param mapping the dataset mapping (and its schema)
   * @return a builder
   */
  public static Builder builder(PurviewDataMapClient client, QualityMapping mapping) {
    return new Builder(client, mapping);
  }

  /**
   * The mapping this sync uses.
   *
   * @return the mapping
   */
  public QualityMapping mapping() {
    return mapping;
  }

  // ------------------------------------------------------------------ definitions

  /**
   * Creates the SLA enum, the business-metadata group and the at-risk classification when missing,
   * and extends existing ones with missing values and attributes. Never deletes or retypes
   * anything: an attribute with another type is reported as a warning.
   *
   * @return what changed
   */
  public DefinitionReport ensureDefinitions() {
    List<String> changes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    ensureEnum(changes);
    ensureBusinessMetadata(changes, warnings);
    ensureClassification(changes);
    if (audit != null && !changes.isEmpty()) {
      Map<String, Object> details = new LinkedHashMap<>();
      for (int i = 0; i < changes.size(); i++) {
        details.put("change." + i, changes.get(i));
      }
      audit.record(actor, "quality.definitions", schema.group(), "SUCCEEDED", details);
    }
    return new DefinitionReport(changes, warnings);
  }

  private void ensureEnum(List<String> changes) {
    List<String> labels = new ArrayList<>();
    for (SlaStatus s : SlaStatus.values()) {
      labels.add(s.label());
    }
    AtlasEnumDef existing = find(() -> client.typeDefinitions().getEnumDef(schema.slaEnum()));
    if (existing == null) {
      List<AtlasEnumElementDef> elements = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        elements.add(new AtlasEnumElementDef(labels.get(i), i + 1, null, null));
      }
      client
          .typeDefinitions()
          .create(
              enumTypes(
                  new AtlasEnumDef(
                      TypeCategory.ENUM,
                      null,
                      schema.slaEnum(),
                      "SLA status of " + schema.group(),
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      elements,
                      null,
                      null)));
      changes.add("created enum " + schema.slaEnum() + " " + labels);
      return;
    }
    List<AtlasEnumElementDef> elements =
        new ArrayList<>(existing.elementDefs() == null ? List.of() : existing.elementDefs());
    Set<String> present = new LinkedHashSet<>();
    int ordinal = 0;
    for (AtlasEnumElementDef e : elements) {
      present.add(e.value());
      ordinal = Math.max(ordinal, e.ordinal() == null ? 0 : e.ordinal());
    }
    List<String> added = new ArrayList<>();
    for (String label : labels) {
      if (!present.contains(label)) {
        elements.add(new AtlasEnumElementDef(label, ++ordinal, null, null));
        added.add(label);
      }
    }
    if (!added.isEmpty()) {
      client
          .typeDefinitions()
          .update(
              enumTypes(
                  new AtlasEnumDef(
                      existing.category(),
                      existing.guid(),
                      existing.name(),
                      existing.description(),
                      existing.typeVersion(),
                      existing.serviceType(),
                      existing.options(),
                      existing.createdBy(),
                      existing.updatedBy(),
                      existing.createTime(),
                      existing.updateTime(),
                      existing.version(),
                      existing.lastModifiedTS(),
                      existing.dateFormatter(),
                      elements,
                      existing.defaultValue(),
                      existing.additionalProperties())));
      changes.add("added " + added + " to enum " + schema.slaEnum());
    }
  }

  private static AtlasTypesDef enumTypes(AtlasEnumDef def) {
    return new AtlasTypesDef(null, null, null, List.of(def), null, null, null, null);
  }

  private List<AtlasAttributeDef> desiredAttributes() {
    String applicable = toJsonArray(schema.applicableEntityTypes());
    List<AtlasAttributeDef> out = new ArrayList<>();
    out.add(attr(schema.overallScore(), "float", applicable));
    out.add(attr(schema.updatedAt(), "date", applicable));
    out.add(attr(schema.openIssues(), "int", applicable));
    out.add(attr(schema.slaStatus(), schema.slaEnum(), applicable));
    out.add(attr(schema.link(), "string", applicable).withOption("maxStrLength", "2048"));
    for (String d : schema.dimensions()) {
      out.add(attr(d, "float", applicable));
    }
    return out;
  }

  private static AtlasAttributeDef attr(String name, String type, String applicable) {
    return AtlasAttributeDef.of(name, type).withOption("applicableEntityTypes", applicable);
  }

  private void ensureBusinessMetadata(List<String> changes, List<String> warnings) {
    AtlasBusinessMetadataDef existing =
        find(() -> client.typeDefinitions().getBusinessMetadataDef(schema.group()));
    List<AtlasAttributeDef> desired = desiredAttributes();
    if (existing == null) {
      client
          .typeDefinitions()
          .create(
              AtlasTypesDef.ofBusinessMetadata(
                  List.of(
                      AtlasBusinessMetadataDef.of(
                          schema.group(), "Data-quality scores (Steward quality sync)", desired))));
      changes.add(
          "created business metadata "
              + schema.group()
              + " with "
              + desired.stream().map(AtlasAttributeDef::name).toList());
      return;
    }
    List<AtlasAttributeDef> attrs =
        new ArrayList<>(existing.attributeDefs() == null ? List.of() : existing.attributeDefs());
    Map<String, AtlasAttributeDef> present = new HashMap<>();
    attrs.forEach(a -> present.put(a.name(), a));
    List<String> added = new ArrayList<>();
    for (AtlasAttributeDef a : desired) {
      AtlasAttributeDef have = present.get(a.name());
      if (have == null) {
        attrs.add(a);
        added.add(a.name());
      } else if (!a.typeName().equalsIgnoreCase(String.valueOf(have.typeName()))) {
        warnings.add(
            schema.group()
                + "."
                + a.name()
                + " is "
                + have.typeName()
                + ", expected "
                + a.typeName()
                + " (left as is; values are written as they are)");
      }
    }
    if (added.isEmpty()) {
      return;
    }
    client
        .typeDefinitions()
        .update(
            AtlasTypesDef.ofBusinessMetadata(
                List.of(
                    new AtlasBusinessMetadataDef(
                        existing.category(),
                        existing.guid(),
                        existing.name(),
                        existing.description(),
                        existing.typeVersion(),
                        existing.serviceType(),
                        existing.options(),
                        existing.createdBy(),
                        existing.updatedBy(),
                        existing.createTime(),
                        existing.updateTime(),
                        existing.version(),
                        existing.lastModifiedTS(),
                        existing.dateFormatter(),
                        attrs,
                        existing.additionalProperties()))));
    changes.add("added " + added + " to business metadata " + schema.group());
  }

  private void ensureClassification(List<String> changes) {
    String name = schema.atRiskClassification();
    if (name == null) {
      return;
    }
    if (find(() -> client.typeDefinitions().getClassificationDef(name)) != null) {
      return;
    }
    client
        .typeDefinitions()
        .create(
            AtlasTypesDef.ofClassifications(
                List.of(
                    new AtlasClassificationDef(
                        TypeCategory.CLASSIFICATION,
                        null,
                        name,
                        "Data quality at risk or breached (" + schema.group() + ")",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        null))));
    changes.add("created classification " + name);
  }

  private static <T> T find(Supplier<T> get) {
    try {
      return get.get();
    } catch (TypeNotFoundException e) {
      return null;
    }
  }

  private static String toJsonArray(List<String> values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      sb.append(i == 0 ? "" : ",").append('"').append(values.get(i).replace("\"", "")).append('"');
    }
    return sb.append(']').toString();
  }

  // ------------------------------------------------------------------ reconcile

  /**
   * Computes the plan without writing anything.
   *
   * @param scores the scores
   * @return the report with {@link DatasetOutcome.Status#PLANNED} outcomes
   */
  public SyncReport plan(List<QualityScore> scores) {
    return run(scores, true);
  }

  /**
   * Reconciles: writes the differences.
   *
   * @param scores the scores
   * @return the report
   */
  public SyncReport sync(List<QualityScore> scores) {
    return run(scores, false);
  }

  /**
   * Reconciles, or only plans.
   *
   * @param scores the scores
   * @param dryRun true to plan only
   * @return the report
   */
  public SyncReport sync(List<QualityScore> scores, boolean dryRun) {
    return run(scores, dryRun);
  }

  /** Where this sync's meters go (the webhook handler records its deliveries there too). */
  GovernanceMetrics metrics() {
    return metrics;
  }

  private SyncReport run(List<QualityScore> scores, boolean dryRun) {
    Instant start = clock.instant();
    SyncReport report;
    try {
      report = reconcileAll(scores, dryRun, start);
    } catch (RuntimeException e) {
      if (!dryRun) {
        metrics.qualitySyncFailed(Duration.between(start, clock.instant()));
      }
      throw e;
    }
    if (!dryRun) {
      Map<String, Long> statusCounts = new TreeMap<>();
      Map<String, String> sla = new LinkedHashMap<>();
      Map<String, QualityScore> byKey = new HashMap<>();
      for (QualityScore score : scores) {
        byKey.merge(score.key(), score, (a, b) -> b.measuredAt().isBefore(a.measuredAt()) ? a : b);
      }
      for (DatasetOutcome o : report.outcomes()) {
        statusCounts.merge(o.status().name(), 1L, Long::sum);
        QualityScore score = byKey.get(o.key());
        if (score != null
            && (o.status() == DatasetOutcome.Status.WRITTEN
                || o.status() == DatasetOutcome.Status.UNCHANGED)) {
          SlaStatus status =
              score.slaStatus() != null
                  ? score.slaStatus()
                  : score.overall() != null ? schema.statusOf(score.overall()) : null;
          if (status != null) {
            sla.put(o.key(), status.name());
          }
        }
      }
      metrics.qualitySynced(statusCounts, sla, report.duration());
    }
    return report;
  }

  private SyncReport reconcileAll(List<QualityScore> scores, boolean dryRun, Instant start) {
    Map<String, QualityScore> latest = new LinkedHashMap<>();
    for (QualityScore s : scores) {
      latest.merge(s.key(), s, (a, b) -> b.measuredAt().isBefore(a.measuredAt()) ? a : b);
    }
    Map<String, QualityMapping.Target> targets = mapping.targets();
    Map<String, DatasetOutcome> outcomes = new LinkedHashMap<>();
    List<String> mapped = new ArrayList<>();
    for (String key : latest.keySet()) {
      QualityMapping.Target t = targets.get(key);
      if (t == null) {
        outcomes.put(
            key,
            new DatasetOutcome(
                key,
                null,
                null,
                DatasetOutcome.Status.UNMAPPED,
                null,
                "not in " + mapping.source(),
                null));
      } else {
        outcomes.put(key, null);
        mapped.add(key);
      }
    }
    AtomicLong writeCalls = new AtomicLong();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(concurrency, Math.max(1, mapped.size()))), daemonThreads());
    try {
      Map<String, Object> entities = read(mapped, targets, pool);
      List<Callable<DatasetOutcome>> tasks = new ArrayList<>();
      for (String key : mapped) {
        QualityMapping.Target target = targets.get(key);
        Object read = entities.get(key);
        if (!(read instanceof AtlasEntity entity)) {
          String[] why = read instanceof String[] r ? r : new String[] {"not found", null};
          outcomes.put(
              key,
              new DatasetOutcome(
                  key,
                  target.describe(),
                  null,
                  why.length > 2 ? DatasetOutcome.Status.FAILED : DatasetOutcome.Status.UNRESOLVED,
                  null,
                  why[0],
                  why[1]));
          continue;
        }
        QualityScore score = latest.get(key);
        tasks.add(() -> reconcile(key, target, entity, score, dryRun, writeCalls));
      }
      for (Future<DatasetOutcome> f : pool.invokeAll(tasks)) {
        DatasetOutcome o = get(f);
        outcomes.put(o.key(), o);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("quality sync interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    SyncReport report =
        new SyncReport(
            dryRun,
            new ArrayList<>(outcomes.values()),
            writeCalls.get(),
            Duration.between(start, clock.instant()));
    LOG.atInfo()
        .addKeyValue("dryRun", report.dryRun())
        .addKeyValue("datasets", report.seen())
        .addKeyValue("written", report.written())
        .addKeyValue("unchanged", report.unchanged())
        .addKeyValue("failed", report.failed().size())
        .addKeyValue("unresolved", report.unresolved().size())
        .addKeyValue("writeCalls", report.writeCalls())
        .addKeyValue("durationMs", report.duration().toMillis())
        .log("Quality sync finished: {}", report.summary());
    return report;
  }

  /** Reads every mapped entity: by guid in chunks, by unique attributes once per target. */
  private Map<String, Object> read(
      List<String> keys, Map<String, QualityMapping.Target> targets, ExecutorService pool)
      throws InterruptedException {
    Map<String, Object> byGuid = new ConcurrentHashMap<>();
    Map<String, Object> byName = new ConcurrentHashMap<>();
    List<String> guids = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (String key : keys) {
      QualityMapping.Target t = targets.get(key);
      if (t.guid() != null) {
        if (!guids.contains(t.guid())) {
          guids.add(t.guid());
        }
      } else {
        names.add(t.typeName() + "\u0000" + t.qualifiedName());
      }
    }
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int i = 0; i < guids.size(); i += READ_CHUNK) {
      List<String> chunk = guids.subList(i, Math.min(guids.size(), i + READ_CHUNK));
      tasks.add(
          () -> {
            readGuids(List.copyOf(chunk), byGuid);
            return null;
          });
    }
    for (String name : names) {
      tasks.add(
          () -> {
            String[] parts = name.split("\u0000", 2);
            try {
              AtlasEntityWithExtInfo e =
                  client.entities().getByUniqueAttributes(parts[0], parts[1]);
              byName.put(name, e.entity());
            } catch (EntityNotFoundException e) {
              byName.put(
                  name,
                  new String[] {
                    "no " + parts[0] + " with qualifiedName " + parts[1], e.errorCode()
                  });
            } catch (PurviewException e) {
              byName.put(name, readFailure(e));
            }
            return null;
          });
    }
    for (Future<Void> f : pool.invokeAll(tasks)) {
      get(f);
    }
    Map<String, Object> out = new HashMap<>();
    for (String key : keys) {
      QualityMapping.Target t = targets.get(key);
      Object v =
          t.guid() != null
              ? byGuid.get(t.guid())
              : byName.get(t.typeName() + "\u0000" + t.qualifiedName());
      if (v != null) {
        out.put(key, v);
      }
    }
    return out;
  }

  private void readGuids(List<String> chunk, Map<String, Object> into) {
    try {
      List<AtlasEntity> found = client.entities().listByGuids(chunk).entities();
      for (AtlasEntity e : found == null ? List.<AtlasEntity>of() : found) {
        into.put(e.guid(), e);
      }
    } catch (EntityNotFoundException e) {
      // One missing guid fails the whole bulk read: read this chunk one by one.
      for (String guid : chunk) {
        try {
          into.put(guid, client.entities().get(guid).entity());
        } catch (EntityNotFoundException missing) {
          into.put(guid, new String[] {"no entity with guid " + guid, missing.errorCode()});
        } catch (PurviewException failed) {
          into.put(guid, readFailure(failed));
        }
      }
      return;
    } catch (PurviewException e) {
      // Throttled beyond the client's retries, or another service failure: these datasets fail,
      // the others go on.
      for (String guid : chunk) {
        into.put(guid, readFailure(e));
      }
      return;
    }
    for (String guid : chunk) {
      into.putIfAbsent(guid, new String[] {"no entity with guid " + guid, null});
    }
  }

  private static String[] readFailure(PurviewException e) {
    return new String[] {
      "read failed: " + describe(e),
      e.errorCode() != null ? e.errorCode() : "HTTP " + e.statusCode(),
      "FAILED"
    };
  }

  private DatasetOutcome reconcile(
      String key,
      QualityMapping.Target target,
      AtlasEntity entity,
      QualityScore score,
      boolean dryRun,
      AtomicLong writeCalls) {
    String guid = entity.guid();
    PlannedChange change = planFor(key, entity, score);
    if (change == null) {
      return new DatasetOutcome(
          key,
          target.describe(),
          guid,
          DatasetOutcome.Status.STALE,
          null,
          "Purview holds a newer measurement than " + score.measuredAt(),
          null);
    }
    if (change.isEmpty()) {
      return new DatasetOutcome(
          key, target.describe(), guid, DatasetOutcome.Status.UNCHANGED, change, null, null);
    }
    if (dryRun) {
      return new DatasetOutcome(
          key, target.describe(), guid, DatasetOutcome.Status.PLANNED, change, null, null);
    }
    AtomicInteger calls = new AtomicInteger();
    try {
      try {
        write(change, calls);
      } catch (ConcurrentModificationException stale) {
        // Another writer got there first: re-read, re-plan and retry once.
        AtlasEntity fresh = client.entities().get(guid).entity();
        change = planFor(key, fresh, score);
        if (change == null || change.isEmpty()) {
          writeCalls.addAndGet(calls.get());
          return new DatasetOutcome(
              key,
              target.describe(),
              guid,
              change == null ? DatasetOutcome.Status.STALE : DatasetOutcome.Status.UNCHANGED,
              change,
              "a concurrent writer already stored this or a newer measurement",
              null);
        }
        write(change, calls);
      }
      writeCalls.addAndGet(calls.get());
      audit(change, score, "SUCCEEDED", null);
      return new DatasetOutcome(
          key, target.describe(), guid, DatasetOutcome.Status.WRITTEN, change, null, null);
    } catch (PurviewException e) {
      writeCalls.addAndGet(calls.get());
      String reason =
          e instanceof EntityNotFoundException
              ? "entity " + guid + " was deleted meanwhile"
              : e instanceof ConcurrentModificationException
                  ? "still stale after re-reading (HTTP 412 twice)"
                  : describe(e);
      audit(change, score, "FAILED", reason);
      return new DatasetOutcome(
          key,
          target.describe(),
          guid,
          DatasetOutcome.Status.FAILED,
          change,
          reason,
          e.errorCode() != null ? e.errorCode() : "HTTP " + e.statusCode());
    } catch (RuntimeException e) {
      writeCalls.addAndGet(calls.get());
      audit(change, score, "FAILED", e.getMessage());
      return new DatasetOutcome(
          key,
          target.describe(),
          guid,
          DatasetOutcome.Status.FAILED,
          change,
          e.getClass().getSimpleName() + ": " + e.getMessage(),
          null);
    }
  }

  private void write(PlannedChange change, AtomicInteger calls) {
    String guid = change.guid();
    if (!change.set().isEmpty()) {
      calls.incrementAndGet();
      // POST .../businessmetadata?isOverwrite=false merges: attributes not named here (other
      // writers' in the same group, and other groups) stay untouched.
      Map<String, Map<String, Object>> body = Map.of(schema.group(), change.set());
      client.entities().addOrUpdateBusinessMetadata(guid, body, false);
    }
    if (!change.clear().isEmpty()) {
      calls.incrementAndGet();
      Map<String, Object> clear = new LinkedHashMap<>();
      for (String a : change.clear()) {
        clear.put(a, change.before().get(a));
      }
      client.entities().removeBusinessMetadataAttributes(guid, schema.group(), clear);
    }
    if (change.addClassification()) {
      calls.incrementAndGet();
      client
          .entities()
          .addClassificationsWithResponse(
              guid,
              List.of(AtlasClassification.of(schema.atRiskClassification())),
              ExistingClassification.SKIP,
              Context.NONE);
    }
    if (change.removeClassification()) {
      calls.incrementAndGet();
      try {
        client.entities().removeClassification(guid, schema.atRiskClassification());
      } catch (PurviewException e) {
        // Already gone (ATLAS-404-00-008 / ATLAS-400-00-06D): the goal is reached.
        if (e.statusCode() != 404 && !"ATLAS-400-00-06D".equals(e.errorCode())) {
          throw e;
        }
      }
    }
  }

  /**
   * The differences between the score and the entity, or null when the entity holds a newer
   * measurement.
   */
  PlannedChange planFor(String key, AtlasEntity entity, QualityScore score) {
    Map<String, Object> current = new HashMap<>();
    Map<String, Map<String, Object>> groups = entity.businessAttributes();
    if (groups != null && groups.get(schema.group()) != null) {
      current.putAll(groups.get(schema.group()));
    }
    long measured = score.measuredAt().toEpochMilli();
    Long currentTime = asLong(current.get(schema.updatedAt()));
    if (currentTime != null && currentTime > measured) {
      return null;
    }
    Map<String, Object> desired = new LinkedHashMap<>();
    if (score.overall() != null) {
      desired.put(schema.overallScore(), score.overall());
    }
    desired.put(schema.updatedAt(), measured);
    if (score.openIssues() != null) {
      desired.put(schema.openIssues(), score.openIssues());
    }
    SlaStatus status =
        score.slaStatus() != null
            ? score.slaStatus()
            : score.overall() != null ? schema.statusOf(score.overall()) : null;
    if (status != null) {
      desired.put(schema.slaStatus(), status.label());
    }
    if (score.link() != null) {
      desired.put(schema.link(), score.link());
    }
    score
        .dimensions()
        .forEach(
            (d, v) -> {
              if (schema.dimensions().contains(d)) {
                desired.put(d, v);
              }
            });
    Map<String, Object> set = new LinkedHashMap<>();
    Map<String, Object> before = new LinkedHashMap<>();
    desired.forEach(
        (k, v) -> {
          Object have = current.get(k);
          if (!same(have, v)) {
            set.put(k, v);
            before.put(k, have);
          }
        });
    List<String> clear = new ArrayList<>();
    for (String d : schema.dimensions()) {
      if (current.get(d) != null && !desired.containsKey(d)) {
        clear.add(d);
        before.put(d, current.get(d));
      }
    }
    boolean add = false;
    boolean remove = false;
    String cls = schema.atRiskClassification();
    if (cls != null && status != null) {
      boolean has = false;
      for (AtlasClassification c :
          entity.classifications() == null
              ? List.<AtlasClassification>of()
              : entity.classifications()) {
        if (cls.equals(c.typeName())
            && (c.entityGuid() == null || c.entityGuid().equals(entity.guid()))) {
          has = true;
        }
      }
      add = status.atRisk() && !has;
      remove = !status.atRisk() && has;
    }
    return new PlannedChange(key, entity.guid(), set, clear, before, add, remove);
  }

  private static boolean same(Object have, Object want) {
    if (have == null) {
      return want == null;
    }
    if (want instanceof Number w) {
      Double h =
          have instanceof Number n ? Double.valueOf(n.doubleValue()) : parseDouble(have.toString());
      return h != null && Math.abs(h - w.doubleValue()) < 1e-9;
    }
    return have.toString().equals(String.valueOf(want));
  }

  private static Double parseDouble(String s) {
    try {
      return Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long asLong(Object v) {
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s) {
      Double d = parseDouble(s);
      if (d != null) {
        return d.longValue();
      }
      try {
        return Instant.parse(s).toEpochMilli();
      } catch (java.time.format.DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private void audit(PlannedChange change, QualityScore score, String outcome, String reason) {
    if (audit == null) {
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("dataset", change.key());
    details.put("group", schema.group());
    details.put("measuredAt", score.measuredAt().toString());
    change
        .set()
        .forEach(
            (k, v) -> {
              details.put("before." + k, scalar(change.before().get(k)));
              details.put("after." + k, scalar(v));
            });
    for (String c : change.clear()) {
      details.put("before." + c, scalar(change.before().get(c)));
      details.put("after." + c, null);
    }
    if (change.addClassification()) {
      details.put("classification.added", schema.atRiskClassification());
    }
    if (change.removeClassification()) {
      details.put("classification.removed", schema.atRiskClassification());
    }
    if (reason != null) {
      details.put("reason", reason);
    }
    audit.record(actor, AUDIT_ACTION, change.guid(), outcome, details);
  }

  private static Object scalar(Object v) {
    return v == null || v instanceof Number || v instanceof Boolean || v instanceof String
        ? v
        : v.toString();
  }

  private static String describe(PurviewException e) {
    String msg = e.errorMessage() != null ? e.errorMessage() : e.getMessage();
    return "HTTP "
        + e.statusCode()
        + (e.errorCode() != null ? " " + e.errorCode() : "")
        + ": "
        + msg;
  }

  private static <T> T get(Future<T> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "steward-quality-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Builds a {@link QualitySync}. */
  public static final class Builder {
    private final PurviewDataMapClient client;
    private final QualityMapping mapping;
    private AuditTrail audit;
    private String actor = "steward-quality";
    private int concurrency = 8;
    private Clock clock = Clock.systemUTC();
    private GovernanceMetrics metrics = GovernanceMetrics.NONE;

    private Builder(PurviewDataMapClient client, QualityMapping mapping) {
      this.client = Objects.requireNonNull(client, "client");
      this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    /**
     * Records every write in an audit trail.
     *
     * @param trail the trail
     * @param actor who the writes are recorded for
     * @return this builder
     */
    public Builder audit(AuditTrail trail, String actor) {
      this.audit = Objects.requireNonNull(trail, "trail");
      this.actor = Objects.requireNonNull(actor, "actor");
      return this;
    }

    /**
     * Sets how many entities are read or written at once (default 8); the client's rate limit still
     * bounds the rate.
     *
     * @param concurrency 1 or more
     * @return this builder
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Sets the clock run durations are measured with.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Records the {@code steward.quality.*} meters ({@link
     * dev.steward.governance.metrics.GovernanceMeters}): syncs by outcome, datasets by outcome
     * status, datasets per SLA status, and the deliveries of a {@link QualityWebhookHandler} built
     * on this sync. Dry runs record nothing. Default: none. Micrometer is optional: applications
     * that never call this need no Micrometer jar.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
      this.metrics =
          MicrometerGovernanceMetrics.forQuality(Objects.requireNonNull(registry, "meterRegistry"));
      return this;
    }

    /**
     * Builds the sync.
     *
     * @return the sync
     */
    public QualitySync build() {
      return new QualitySync(this);
    }
  }
}
