package dev.steward.governance.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.PurviewRetryOptions;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.FaultType;
import dev.steward.purview.emulator.PurviewEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogExtractorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A clock the test moves; the emulator stamps create/update times with it. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TempDir Path dir;
  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private PurviewEmulator emulator;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private PurviewDataMapClient start(PurviewEmulator.Builder builder) {
    emulator = builder.clock(clock).start();
    return new PurviewDataMapClientBuilder()
        .endpoint(emulator.endpoint())
        .credential(new StaticTokenCredential(emulator.token()))
        .allowInsecureLoopback(true)
        .sleeper(d -> {})
        .buildClient();
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  private static Set<String> guids(List<JsonNode> lines) {
    Set<String> guids = new HashSet<>();
    for (JsonNode n : lines) {
      assertThat(guids.add(n.get("guid").asText())).as("guid %s once", n.get("guid")).isTrue();
    }
    return guids;
  }

  @Test
  void extractsEveryAssetOnceWithTypedFieldsAndTheRawEntity() throws Exception {
    PurviewDataMapClient client = start(PurviewEmulator.builder().seed("demo"));
    Path out = dir.resolve("catalogue.jsonl");
    List<ExtractionProgress> progress = new ArrayList<>();
    ExtractionResult result =
        CatalogExtractor.builder(client)
            .listener(progress::add)
            .build()
            .extractToFile(ExtractionRequest.builder().pageSize(7).build(), out);

    List<JsonNode> lines = lines(out);
    assertThat(lines).hasSize((int) result.written());
    assertThat(guids(lines)).hasSize(emulator.entityCount());
    assertThat(result.pages()).isGreaterThan(1);
    assertThat(result.byType().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(result.written());
    assertThat(Files.exists(dir.resolve("catalogue.jsonl.partial"))).isFalse();
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1).written()).isEqualTo(result.written());

    JsonNode table =
        lines.stream()
            .filter(n -> n.get("typeName").asText().equals("azure_sql_table"))
            .findFirst()
            .orElseThrow();
    assertThat(table.get("qualifiedName").asText()).startsWith("mssql://");
    assertThat(table.get("entity").get("guid").asText()).isEqualTo(table.get("guid").asText());
    assertThat(table.get("entity").get("attributes").get("qualifiedName").asText())
        .isEqualTo(table.get("qualifiedName").asText());
    assertThat(table.has("updateTime")).isTrue();
  }

  @Test
  void concurrentBulkReadsKeepTheOutputIdenticalToSequentialOnes() throws Exception {
    PurviewDataMapClient client = start(PurviewEmulator.builder().generate(1200));
    ExtractionRequest request = ExtractionRequest.builder().pageSize(500).build();
    CatalogExtractor.builder(client)
        .concurrency(1)
        .build()
        .extractToFile(request, dir.resolve("sequential.jsonl"));
    CatalogExtractor.builder(client)
        .concurrency(8)
        .build()
        .extractToFile(request, dir.resolve("concurrent.jsonl"));
    assertThat(Files.readAllLines(dir.resolve("concurrent.jsonl")))
        .hasSize(1200)
        .isEqualTo(Files.readAllLines(dir.resolve("sequential.jsonl")));
    assertThatThrownBy(() -> CatalogExtractor.builder(client).concurrency(0))
        .hasMessageContaining("concurrency must be 1..32");
  }

  @Test
  void filtersByFriendlyAssetTypeAndRejectsUnknownTypes() throws Exception {
    PurviewDataMapClient client = start(PurviewEmulator.builder().seed("demo"));
    CatalogExtractor extractor = CatalogExtractor.builder(client).build();
    Path out = dir.resolve("tables.jsonl");
    ExtractionResult result =
        extractor.extractToFile(
            ExtractionRequest.builder().assetTypes("sql_table", "adls_path").build(), out);
    assertThat(result.byType().keySet())
        .containsOnly("azure_sql_table", "azure_datalake_gen2_path");
    assertThat(lines(out))
        .allSatisfy(
            n ->
                assertThat(n.get("typeName").asText())
                    .isIn("azure_sql_table", "azure_datalake_gen2_path"));

    // A plain Purview type name the account knows is accepted as is.
    ExtractionResult exact =
        extractor.extract(
            ExtractionRequest.builder().assetTypes("azure_sql_table").build(),
            new CollectingSink());
    assertThat(exact.byType().keySet()).containsOnly("azure_sql_table");

    assertThatThrownBy(
            () ->
                extractor.extractToFile(
                    ExtractionRequest.builder().assetTypes("sql_tabel").build(), out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown asset type 'sql_tabel'")
        .hasMessageContaining("sql_table")
        .hasMessageContaining("azure_sql_table");
  }

  @Test
  void incrementalRunsFetchOnlyWhatChangedSinceTheCheckpoint() throws Exception {
    PurviewDataMapClient client = start(PurviewEmulator.builder().generate(300));
    FileCheckpointStore checkpoints = new FileCheckpointStore(dir.resolve("checkpoints"));
    CatalogExtractor extractor =
        CatalogExtractor.builder(client).checkpoints(checkpoints).clock(clock).build();
    ExtractionRequest incremental =
        ExtractionRequest.builder().checkpointKey("contoso").incremental(true).build();

    ExtractionResult first = extractor.extractToFile(incremental, dir.resolve("run1.jsonl"));
    assertThat(first.since()).isEmpty();
    assertThat(first.written()).isEqualTo(300);
    List<JsonNode> run1 = lines(dir.resolve("run1.jsonl"));
    Instant newest =
        run1.stream()
            .map(n -> Instant.parse(n.get("updateTime").asText()))
            .max(Instant::compareTo)
            .orElseThrow();
    assertThat(checkpoints.load("contoso").orElseThrow().highWatermark()).isEqualTo(newest);

    List<String> all = new ArrayList<>(guids(run1));
    clock.advance(Duration.ofHours(2));
    touch(client, all.subList(0, 3));
    extractor.extractToFile(incremental, dir.resolve("run2.jsonl"));

    clock.advance(Duration.ofHours(2));
    touch(client, all.subList(10, 12));
    ExtractionResult third = extractor.extractToFile(incremental, dir.resolve("run3.jsonl"));
    assertThat(third.since()).contains(Instant.parse("2026-11-23T09:55:00Z"));
    assertThat(guids(lines(dir.resolve("run3.jsonl"))))
        .containsExactlyInAnyOrder(all.get(0), all.get(1), all.get(2), all.get(10), all.get(11));
    assertThat(checkpoints.load("contoso").orElseThrow().highWatermark())
        .isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
  }

  private static void touch(PurviewDataMapClient client, List<String> guids) {
    for (String guid : guids) {
      client.entities().partialUpdateAttribute(guid, "description", "changed " + guid);
    }
  }

  @Test
  void reconcileReportsAssetsDeletedSinceThePreviousRun() throws Exception {
    PurviewDataMapClient client = start(PurviewEmulator.builder().generate(50));
    CatalogExtractor extractor = CatalogExtractor.builder(client).build();
    ExtractionRequest request =
        ExtractionRequest.builder().checkpointKey("contoso").reconcileDeletes(true).build();
    ExtractionResult first = extractor.extractToFile(request, dir.resolve("a.jsonl"));
    assertThat(first.deleted()).isEmpty();
    List<String> guids = new ArrayList<>(guids(lines(dir.resolve("a.jsonl"))));
    client.entities().delete(guids.get(5));
    client.entities().delete(guids.get(7));
    ExtractionResult second = extractor.extractToFile(request, dir.resolve("b.jsonl"));
    assertThat(second.deleted()).containsExactlyInAnyOrder(guids.get(5), guids.get(7));
    assertThat(second.written()).isEqualTo(48);
  }

  /** A sink that fails after n writes, as a crash would. */
  private static final class CrashingSink implements AssetSink {
    private final JsonLinesAssetSink delegate;
    private int left;

    CrashingSink(JsonLinesAssetSink delegate, int after) {
      this.delegate = delegate;
      this.left = after;
    }

    @Override
    public Set<String> alreadyWritten() {
      return delegate.alreadyWritten();
    }

    @Override
    public String resumeHint() {
      return delegate.resumeHint();
    }

    @Override
    public void write(CatalogAsset asset) throws IOException {
      if (left-- == 0) {
        throw new IOException("disk full");
      }
      delegate.write(asset);
    }

    @Override
    public void commit() throws IOException {
      delegate.commit();
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }

  @Test
  void anInterruptedRunResumesAndTheOutputHoldsEveryAssetExactlyOnce() throws Exception {
    PurviewDataMapClient client = start(PurviewEmulator.builder().generate(500));
    CatalogExtractor extractor = CatalogExtractor.builder(client).build();
    Path out = dir.resolve("catalogue.jsonl");
    ExtractionRequest request = ExtractionRequest.builder().pageSize(100).build();

    try (CrashingSink sink = new CrashingSink(new JsonLinesAssetSink(out), 230)) {
      assertThatThrownBy(() -> extractor.extract(request, sink))
          .isInstanceOf(ExtractionException.class)
          .hasMessageContaining("stopped after 230 assets")
          .hasMessageContaining("disk full")
          .hasMessageContaining("catalogue.jsonl.partial")
          .hasMessageContaining("resumes from them");
    }
    assertThat(Files.exists(out)).isFalse();
    // A crash can also leave half a line behind.
    Files.writeString(
        dir.resolve("catalogue.jsonl.partial"),
        "{\"guid\":\"half-writ",
        java.nio.file.StandardOpenOption.APPEND);

    ExtractionResult rerun = extractor.extractToFile(request, out);
    assertThat(rerun.resumed()).isEqualTo(230);
    assertThat(rerun.written()).isEqualTo(270);
    assertThat(guids(lines(out))).hasSize(500);
  }

  @Test
  void transientFaultsAreRetriedAndAPersistentOneEndsWithWhereItGot() throws Exception {
    PurviewDataMapClient client =
        new PurviewDataMapClientBuilder()
            .endpoint(
                (emulator = PurviewEmulator.builder().generate(300).clock(clock).start())
                    .endpoint())
            .credential(new StaticTokenCredential(emulator.token()))
            .allowInsecureLoopback(true)
            .sleeper(d -> {})
            .retry(PurviewRetryOptions.defaults().withMaxAttempts(4))
            .buildClient();
    CatalogExtractor extractor = CatalogExtractor.builder(client).build();
    ExtractionRequest request = ExtractionRequest.builder().pageSize(100).build();

    emulator.faults().failRequests(FaultType.UNAVAILABLE, 2, 3, 5);
    ExtractionResult ok = extractor.extractToFile(request, dir.resolve("ok.jsonl"));
    assertThat(ok.written()).isEqualTo(300);
    assertThat(emulator.stats().faults()).isEqualTo(3);

    emulator.faults().clear();
    emulator.faults().onRoute("/search/query").failFraction(1.0, FaultType.UNAVAILABLE);
    assertThatThrownBy(() -> extractor.extractToFile(request, dir.resolve("bad.jsonl")))
        .isInstanceOf(ExtractionException.class)
        .hasMessageContaining("stopped after 0 assets (0 search pages)");
  }

  /** Collects assets in memory. */
  static final class CollectingSink implements AssetSink {
    final List<CatalogAsset> assets = new ArrayList<>();
    boolean committed;

    @Override
    public void write(CatalogAsset asset) {
      assets.add(asset);
    }

    @Override
    public void commit() {
      committed = true;
    }

    @Override
    public void close() {}
  }

  @Test
  void aUserSinkReceivesTypedAssets() {
    PurviewDataMapClient client = start(PurviewEmulator.builder().seed("demo"));
    CollectingSink sink = new CollectingSink();
    CatalogExtractor.builder(client)
        .build()
        .extract(ExtractionRequest.builder().assetTypes("sql_table").build(), sink);
    assertThat(sink.committed).isTrue();
    assertThat(sink.assets)
        .isNotEmpty()
        .allSatisfy(
            a -> {
              assertThat(a.typeName()).isEqualTo("azure_sql_table");
              assertThat(a.qualifiedName()).isNotBlank();
              assertThat(a.entity().guid()).isEqualTo(a.guid());
            });
    Map<String, Long> perType = new java.util.HashMap<>();
    sink.assets.forEach(a -> perType.merge(a.typeName(), 1L, Long::sum));
    assertThat(perType).containsOnlyKeys("azure_sql_table");
  }
}
