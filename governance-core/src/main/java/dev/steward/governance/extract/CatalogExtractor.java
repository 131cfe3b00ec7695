package dev.steward.governance.extract;

import com.azure.core.http.rest.PagedResponse;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.implementation.AssetMapping;
import dev.steward.governance.implementation.GovernanceMetrics;
import dev.steward.governance.implementation.MicrometerGovernanceMetrics;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.SearchPage;
import dev.steward.purview.models.AtlasEntity;
import dev.steward.purview.models.AtlasTypeDefHeader;
import dev.steward.purview.models.QueryOptions;
import dev.steward.purview.models.SearchResultValue;
import dev.steward.purview.models.TypeCategory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Extracts the Purview catalogue: enumerates assets with discovery search (following continuation
 * tokens), fetches the full entities in bulk, maps each to a {@link CatalogAsset} and streams it to
 * an {@link AssetSink}. Memory stays flat whatever the catalogue size: one search page and one bulk
 * batch at a time, plus the set of guids already written (about 100 bytes an asset), which makes
 * the output exact even when the search repeats a hit across pages.
 *
 * <pre>{@code
 * CatalogExtractor extractor = CatalogExtractor.builder(client)
 *     .checkpoints(new FileCheckpointStore(Path.of(".steward/checkpoints")))
 *     .build();
 * ExtractionResult result = extractor.extractToFile(
 *     ExtractionRequest.builder().assetTypes("sql_table", "adls_path")
 *         .checkpointKey("contoso").incremental(true).build(),
 *     Path.of("catalogue.jsonl"));
 * }</pre>
 *
 * <p>Interrupted runs resume: {@link #extractToFile} keeps {@code FILE.partial} and the next run
 * skips what it holds. Failures after the client's retries end the run with an {@link
 * ExtractionException} saying how far it got; the checkpoint only advances when a run completes.
 */
public final class CatalogExtractor {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogExtractor.class);
  private static final int BULK_SIZE = 100;

  private final PurviewDataMapClient client;
  private final CheckpointStore checkpoints;
  private final Clock clock;
  private final ExtractionListener listener;
  private final AuditTrail audit;
  private final String actor;
  private final int concurrency;
  private final GovernanceMetrics metrics;

  private static final ThreadFactory READERS =
      runnable -> {
        Thread thread = new Thread(runnable, "steward-extract-reader");
        thread.setDaemon(true);
        return thread;
      };

  private CatalogExtractor(Builder builder) {
    this.client = builder.client;
    this.checkpoints = builder.checkpoints;
    this.clock = builder.clock;
    this.listener = builder.listener;
    this.audit = builder.audit;
    this.actor = builder.actor;
    this.concurrency = builder.concurrency;
    this.metrics = builder.metrics;
  }

  /**
   * Starts a builder.
   *
   * @param client the Purview client to read with
   * @return a builder
   */
  public static Builder builder(PurviewDataMapClient client) {
    return new Builder(client);
  }

  /**
   * Extracts into a JSON Lines file, resuming an interrupted run into the same file (see {@link
   * JsonLinesAssetSink}).
   *
   * @param request what to extract
   * @param output the output file
   * @return what the run did
   * @throws ExtractionException when the run cannot finish (it can be resumed)
   */
  public ExtractionResult extractToFile(ExtractionRequest request, Path output) {
    try (JsonLinesAssetSink sink = new JsonLinesAssetSink(output)) {
      return extract(request, sink);
    } catch (IOException e) {
      throw new ExtractionException("cannot write " + output + ": " + e.getMessage(), 0, e);
    }
  }

  /**
   * Extracts into a sink. The sink is committed when the run completes; the caller closes it.
   *
   * @param request what to extract
   * @param sink where assets go
   * @return what the run did
   * @throws ExtractionException when the run cannot finish
   * @throws IllegalArgumentException when an asset type is unknown (listing the known names)
   */
  public ExtractionResult extract(ExtractionRequest request, AssetSink sink) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(sink, "sink");
    String target = request.checkpointKey() != null ? request.checkpointKey() : "catalogue";
    Instant started = clock.instant();
    try {
      ExtractionResult result = run(request, sink);
      metrics.extractionSucceeded(
          result.byType(),
          knownTypes(request),
          result.pages(),
          result.duration(),
          started.plus(result.duration()));
      if (audit != null) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("written", result.written());
        details.put("resumed", result.resumed());
        details.put("pages", result.pages());
        details.put("vanished", result.vanished());
        details.put("deleted", result.deleted().size());
        details.put("since", result.since().map(Instant::toString).orElse(null));
        details.put("assetTypes", String.join(",", request.assetTypes()));
        audit.record(actor, "extract", target, "SUCCEEDED", details);
      }
      return result;
    } catch (RuntimeException e) {
      metrics.extractionFailed(Duration.between(started, clock.instant()));
      if (audit != null) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("error", e.getMessage());
        details.put("written", e instanceof ExtractionException failure ? failure.written() : 0L);
        audit.record(actor, "extract", target, "FAILED", details);
      }
      throw e;
    }
  }

  /** The type names kept as metric tag values: the known Purview types and the requested ones. */
  private static Set<String> knownTypes(ExtractionRequest request) {
    Set<String> known = new HashSet<>();
    AssetTypes.friendlyNames().values().forEach(known::addAll);
    for (String name : request.assetTypes()) {
      List<String> expanded = AssetTypes.expand(name);
      known.addAll(expanded.isEmpty() ? List.of(name) : expanded);
    }
    return known;
  }

  private ExtractionResult run(ExtractionRequest request, AssetSink sink) {
    Instant started = clock.instant();
    List<String> typeNames = resolveTypes(request.assetTypes());
    Optional<Instant> since = since(request);
    Set<String> resumed = sink.alreadyWritten();
    Set<String> seen = new HashSet<>(resumed);
    Map<String, Long> byType = new TreeMap<>();
    long[] counters = new long[3]; // written, vanished, resumed-skipped
    Instant highWatermark = checkpointWatermark(request).orElse(null);
    int pages = 0;
    long total = -1;
    QueryOptions query = query(request, typeNames, since);
    LoggingEventBuilder startedEvent =
        LOG.atInfo()
            .addKeyValue("assetTypes", typeNames.isEmpty() ? "all" : String.join(",", typeNames));
    if (request.collection() != null) {
      startedEvent = startedEvent.addKeyValue("collection", request.collection());
    }
    if (since.isPresent()) {
      startedEvent = startedEvent.addKeyValue("since", since.get().toString());
    }
    startedEvent.addKeyValue("resumed", resumed.size()).log("Extraction started");
    ExecutorService pool =
        concurrency > 1 ? Executors.newFixedThreadPool(concurrency, READERS) : null;
    try {
      for (PagedResponse<SearchResultValue> page :
          client.discovery().query(query).iterableByPage()) {
        pages++;
        if (total < 0 && page instanceof SearchPage searchPage && searchPage.totalCount() != null) {
          total = searchPage.totalCount();
        }
        List<String> batch = new ArrayList<>();
        for (SearchResultValue hit : page.getValue()) {
          if (!isAsset(hit) || (since.isPresent() && updatedBefore(hit, since.get()))) {
            continue;
          }
          if (resumed.contains(hit.id())) {
            counters[2]++;
            continue;
          }
          if (seen.add(hit.id())) {
            batch.add(hit.id());
          }
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < batch.size(); i += BULK_SIZE) {
          chunks.add(batch.subList(i, Math.min(batch.size(), i + BULK_SIZE)));
        }
        List<List<AtlasEntity>> fetched = fetch(chunks, pool);
        for (int i = 0; i < chunks.size(); i++) {
          highWatermark =
              write(chunks.get(i), fetched.get(i), sink, byType, counters, highWatermark);
        }
        listener.onProgress(progress(counters, resumed.size(), pages, total, started));
      }
      sink.commit();
    } catch (IOException e) {
      throw failure(counters[0], pages, sink, e);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw failure(counters[0], pages, sink, e);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    List<String> deleted = request.reconcileDeletes() ? reconcile(request, typeNames) : List.of();
    Instant completed = clock.instant();
    if (request.checkpointKey() != null && highWatermark != null) {
      checkpoints.save(
          new Checkpoint(request.checkpointKey(), highWatermark, completed, counters[0]));
    }
    ExtractionResult result =
        new ExtractionResult(
            counters[0],
            resumed.size(),
            pages,
            byType,
            counters[1],
            since,
            Optional.ofNullable(highWatermark),
            deleted,
            Duration.between(started, completed));
    LOG.atInfo()
        .addKeyValue("assets", result.written())
        .addKeyValue("resumed", result.resumed())
        .addKeyValue("pages", result.pages())
        .addKeyValue("vanished", result.vanished())
        .addKeyValue("deleted", deleted.size())
        .addKeyValue("durationMs", result.duration().toMillis())
        .log("Extraction finished");
    return result;
  }

  /**
   * Reads the chunks' entities in bulk, up to {@code concurrency} requests in flight (the client's
   * rate limit still applies), and returns them in chunk order.
   */
  private List<List<AtlasEntity>> fetch(List<List<String>> chunks, ExecutorService pool) {
    if (pool == null || chunks.size() <= 1) {
      List<List<AtlasEntity>> result = new ArrayList<>(chunks.size());
      for (List<String> chunk : chunks) {
        result.add(client.entities().listByGuids(chunk).entities());
      }
      return result;
    }
    List<Future<List<AtlasEntity>>> futures = new ArrayList<>(chunks.size());
    for (List<String> chunk : chunks) {
      futures.add(pool.submit(() -> client.entities().listByGuids(chunk).entities()));
    }
    List<List<AtlasEntity>> result = new ArrayList<>(chunks.size());
    try {
      for (Future<List<AtlasEntity>> future : futures) {
        result.add(future.get());
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading entities", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      for (Future<List<AtlasEntity>> future : futures) {
        future.cancel(true);
      }
    }
  }

  private Instant write(
      List<String> guids,
      List<AtlasEntity> entities,
      AssetSink sink,
      Map<String, Long> byType,
      long[] counters,
      Instant highWatermark)
      throws IOException {
    Map<String, AtlasEntity> byGuid = new HashMap<>();
    for (AtlasEntity entity : entities) {
      byGuid.put(entity.guid(), entity);
    }
    Instant watermark = highWatermark;
    for (String guid : guids) {
      AtlasEntity entity = byGuid.get(guid);
      if (entity == null) {
        counters[1]++;
        continue;
      }
      CatalogAsset asset = AssetMapping.toAsset(entity);
      sink.write(asset);
      counters[0]++;
      byType.merge(asset.typeName(), 1L, Long::sum);
      if (asset.updateTime() != null
          && (watermark == null || asset.updateTime().isAfter(watermark))) {
        watermark = asset.updateTime();
      }
    }
    return watermark;
  }

  private ExtractionException failure(long written, int pages, AssetSink sink, Exception cause) {
    return new ExtractionException(
        "extraction stopped after "
            + written
            + " assets ("
            + pages
            + " search pages): "
            + cause.getMessage()
            + "; "
            + sink.resumeHint(),
        written,
        cause);
  }

  private List<String> reconcile(ExtractionRequest request, List<String> typeNames) {
    Set<String> current = new LinkedHashSet<>();
    for (SearchResultValue hit :
        client.discovery().query(query(request, typeNames, Optional.empty()))) {
      if (isAsset(hit)) {
        current.add(hit.id());
      }
    }
    List<String> deleted = new ArrayList<>();
    checkpoints
        .loadKnownGuids(request.checkpointKey())
        .ifPresent(
            known -> {
              for (String guid : new TreeSet<>(known)) {
                if (!current.contains(guid)) {
                  deleted.add(guid);
                }
              }
            });
    checkpoints.saveKnownGuids(request.checkpointKey(), current);
    return deleted;
  }

  private Optional<Instant> checkpointWatermark(ExtractionRequest request) {
    return request.checkpointKey() == null
        ? Optional.empty()
        : checkpoints.load(request.checkpointKey()).map(Checkpoint::highWatermark);
  }

  private Optional<Instant> since(ExtractionRequest request) {
    if (request.incremental()) {
      return checkpoints
          .load(request.checkpointKey())
          .map(c -> c.highWatermark().minus(request.overlap()));
    }
    return Optional.ofNullable(request.updatedSince());
  }

  /**
   * The search body: same for every page. The exact update-time bound is applied to each hit's
   * {@code updateTime}; the service-side filter only narrows by the documented buckets (the 2023-09
   * examples show {@code "updateTime": "LAST_24H|LAST_7D|LAST_30D|LAST_365D|MORE_THAN_365D"},
   * Discovery_Query_SystemTime.json), so nothing changed after {@code since} is ever filtered out.
   */
  private QueryOptions query(
      ExtractionRequest request, List<String> typeNames, Optional<Instant> since) {
    List<Object> and = new ArrayList<>();
    if (!typeNames.isEmpty()) {
      List<Object> or = new ArrayList<>();
      for (String type : typeNames) {
        Map<String, Object> typeFilter = new LinkedHashMap<>();
        typeFilter.put("entityType", type);
        typeFilter.put("includeSubTypes", false);
        or.add(typeFilter);
      }
      and.add(or.size() == 1 ? or.get(0) : Map.of("or", or));
    }
    if (request.collection() != null) {
      and.add(Map.of("collectionId", request.collection()));
    }
    since
        .flatMap(s -> updateBucket(s, clock.instant()))
        .ifPresent(b -> and.add(Map.of("updateTime", b)));
    QueryOptions.Builder builder = QueryOptions.builder().limit(request.pageSize());
    if (request.keywords() != null && !request.keywords().isBlank()) {
      builder.keywords(request.keywords());
    }
    if (!and.isEmpty()) {
      builder.filter(and.size() == 1 ? and.get(0) : Map.of("and", and));
    }
    return builder.build();
  }

  /** The narrowest documented update-time bucket that still contains everything after since. */
  static Optional<String> updateBucket(Instant since, Instant now) {
    Duration age = Duration.between(since, now).plus(Duration.ofHours(1));
    if (age.compareTo(Duration.ofHours(24)) <= 0) {
      return Optional.of("LAST_24H");
    }
    if (age.compareTo(Duration.ofDays(7)) <= 0) {
      return Optional.of("LAST_7D");
    }
    if (age.compareTo(Duration.ofDays(30)) <= 0) {
      return Optional.of("LAST_30D");
    }
    if (age.compareTo(Duration.ofDays(365)) <= 0) {
      return Optional.of("LAST_365D");
    }
    return Optional.empty();
  }

  private static boolean updatedBefore(SearchResultValue hit, Instant since) {
    return hit.updateTime() != null && Instant.ofEpochMilli(hit.updateTime()).isBefore(since);
  }

  /** Search also returns glossary terms and other non-entity objects: keep entities with an id. */
  private static boolean isAsset(SearchResultValue hit) {
    return hit.id() != null
        && hit.entityType() != null
        && !hit.entityType().startsWith("AtlasGlossary");
  }

  private List<String> resolveTypes(List<String> requested) {
    if (requested.isEmpty()) {
      return List.of();
    }
    Set<String> result = new LinkedHashSet<>();
    Set<String> known = null;
    for (String name : requested) {
      List<String> friendly = AssetTypes.expand(name);
      if (!friendly.isEmpty()) {
        result.addAll(friendly);
        continue;
      }
      if (known == null) {
        known = new TreeSet<>();
        for (AtlasTypeDefHeader header : client.typeDefinitions().listHeaders()) {
          if (header.category() == null || header.category() == TypeCategory.ENTITY) {
            known.add(header.name());
          }
        }
      }
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "unknown asset type '"
                + name
                + "': use a friendly name "
                + AssetTypes.friendlyNames().keySet()
                + " or an entity type this account knows: "
                + known);
      }
      result.add(name);
    }
    return List.copyOf(result);
  }

  private ExtractionProgress progress(
      long[] counters, long resumed, int pages, long total, Instant started) {
    Duration elapsed = Duration.between(started, clock.instant());
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    double rate = counters[0] / seconds;
    Optional<Duration> eta = Optional.empty();
    if (total >= 0 && rate > 0) {
      long remaining = Math.max(0, total - counters[0] - resumed);
      eta = Optional.of(Duration.ofMillis((long) (remaining / rate * 1000)));
    }
    return new ExtractionProgress(counters[0], resumed, pages, total, elapsed, rate, eta);
  }

  /** Builds a {@link CatalogExtractor}. */
  public static final class Builder {
    private final PurviewDataMapClient client;
    private CheckpointStore checkpoints = new InMemoryCheckpoints();
    private Clock clock = Clock.systemUTC();
    private ExtractionListener listener = ExtractionListener.none();
    private GovernanceMetrics metrics = GovernanceMetrics.NONE;
    private AuditTrail audit;
    private String actor = "steward";
    private int concurrency = 4;

    private Builder(PurviewDataMapClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Sets where checkpoints and reconciliation state live (default: in memory, for this
     * extractor's lifetime).
     *
     * @param store the store
     * @return this builder
     */
    public Builder checkpoints(CheckpointStore store) {
      this.checkpoints = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the clock (timings, progress and update-time buckets).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the progress listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(ExtractionListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets how many bulk reads may be in flight at once (default 4; 1 reads one at a time). The
     * client's {@code rateLimit} still bounds the request rate; output order is unchanged.
     *
     * @param concurrency 1 to 32
     * @return this builder
     */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1 || concurrency > 32) {
        throw new IllegalArgumentException("concurrency must be 1..32, was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Records one audit record per run (succeeded or failed) in {@code trail}.
     *
     * @param trail the audit trail
     * @param actor who runs the extraction (a user, a job id)
     * @return this builder
     */
    public Builder audit(AuditTrail trail, String actor) {
      this.audit = Objects.requireNonNull(trail, "trail");
      this.actor = Objects.requireNonNull(actor, "actor");
      return this;
    }

    /**
     * Records the {@code steward.extraction.*} meters ({@link
     * dev.steward.governance.metrics.GovernanceMeters}): runs by outcome, assets by type, pages and
     * the last success time. Default: none. Micrometer is optional: applications that never call
     * this need no Micrometer jar.
     *
     * @param registry the registry
     * @return this builder
     */
    public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
      this.metrics =
          MicrometerGovernanceMetrics.forExtraction(
              Objects.requireNonNull(registry, "meterRegistry"));
      return this;
    }

    /**
     * Builds the extractor.
     *
     * @return the extractor
     */
    public CatalogExtractor build() {
      return new CatalogExtractor(this);
    }
  }

  /** Checkpoints that live as long as the extractor. */
  private static final class InMemoryCheckpoints implements CheckpointStore {
    private final Map<String, Checkpoint> checkpoints = new HashMap<>();
    private final Map<String, Set<String>> guids = new HashMap<>();

    @Override
    public synchronized Optional<Checkpoint> load(String key) {
      return Optional.ofNullable(checkpoints.get(key));
    }

    @Override
    public synchronized void save(Checkpoint checkpoint) {
      checkpoints.put(checkpoint.key(), checkpoint);
    }

    @Override
    public synchronized Optional<Set<String>> loadKnownGuids(String key) {
      return Optional.ofNullable(guids.get(key)).map(Set::copyOf);
    }

    @Override
    public synchronized void saveKnownGuids(String key, java.util.Collection<String> known) {
      guids.put(key, Set.copyOf(known));
    }
  }
}
