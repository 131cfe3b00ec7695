package dev.steward.governance.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.audit.AuditRecord;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.FaultType;
import dev.steward.purview.emulator.PurviewEmulator;
import dev.steward.purview.models.AtlasAttributeDef;
import dev.steward.purview.models.AtlasBusinessMetadataDef;
import dev.steward.purview.models.AtlasEntity;
import dev.steward.purview.models.AtlasEnumDef;
import dev.steward.purview.models.AtlasEnumElementDef;
import dev.steward.purview.models.AtlasTypesDef;
import dev.steward.purview.models.TypeCategory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end against the emulator's demo estate. */
class QualitySyncEmulatorTest {

  static final String SQL = "mssql://contoso-sql.database.windows.net/sales/dbo/";
  static final Instant T1 = Instant.parse("2026-11-20T08:00:00Z");
  static final Instant T2 = Instant.parse("2026-11-21T08:00:00Z");

  @TempDir Path dir;
  PurviewEmulator emulator;
  PurviewDataMapClient client;
  String productsGuid;

  @BeforeEach
  void start() {
    emulator = PurviewEmulator.builder().seed("demo").start();
    client =
        new PurviewDataMapClientBuilder()
            .endpoint(emulator.endpoint())
            .credential(new StaticTokenCredential(emulator.token()))
            .allowInsecureLoopback(true)
            .sleeper(d -> {})
            .buildClient();
    productsGuid =
        client
            .entities()
            .getByUniqueAttributes("azure_sql_table", SQL + "products")
            .entity()
            .guid();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  QualityMapping mapping() {
    return QualityMapping.parse(
        "mapping.yaml",
        String.join(
            "\n",
            "mappings:",
            "  - qalitaDatasetId: sales.customers",
            "    purview:",
            "      resolve: {typeName: azure_sql_table, qualifiedName: '" + SQL + "customers'}",
            "    fields:",
            "      - name: email",
            "        purview:",
            "          resolve: {typeName: azure_sql_column, qualifiedName: '"
                + SQL
                + "customers#email'}",
            "  - qalitaDatasetId: sales.orders",
            "    purview:",
            "      resolve: {typeName: azure_sql_table, qualifiedName: '" + SQL + "orders'}",
            "  - qalitaDatasetId: sales.products",
            "    purview:",
            "      guid: " + productsGuid,
            ""));
  }

  static List<QualityScore> scores(Instant at, double orders) {
    List<QualityScore> s = new ArrayList<>();
    s.add(
        QualityScore.of("sales.customers", 96.5, at)
            .with(Map.of("completeness", 99.0), 1, null, "https://qalita.example/sources/1"));
    s.add(QualityScore.of("sales.customers", 80, at).forField("email"));
    s.add(QualityScore.of("sales.orders", orders, at).with(Map.of(), 7, null, null));
    s.add(QualityScore.of("sales.products", 91, at));
    return s;
  }

  AtlasEntity entity(String table) {
    return client.entities().getByUniqueAttributes("azure_sql_table", SQL + table).entity();
  }

  static boolean classified(AtlasEntity e, String name) {
    return e.classifications() != null
        && e.classifications().stream().anyMatch(c -> c.typeName().equals(name));
  }

  @Test
  void ensureSyncSecondRunWritesNothingAndRecoveryRemovesTheClassification() {
    AuditTrail trail = AuditTrail.builder(dir.resolve("audit")).build();
    QualitySync sync = QualitySync.builder(client, mapping()).audit(trail, "test").build();

    DefinitionReport defs = sync.ensureDefinitions();
    assertThat(defs.changes())
        .anyMatch(c -> c.startsWith("created enum QALITA_SlaStatus"))
        .anyMatch(c -> c.startsWith("created business metadata QALITA"))
        .anyMatch(c -> c.equals("created classification QALITA_AtRisk"));
    assertThat(sync.ensureDefinitions().unchanged()).isTrue();

    // Another writer owns an attribute of the same group.
    AtlasBusinessMetadataDef def = client.typeDefinitions().getBusinessMetadataDef("QALITA");
    List<AtlasAttributeDef> attrs = new ArrayList<>(def.attributeDefs());
    attrs.add(AtlasAttributeDef.of("reviewer", "string"));
    client
        .typeDefinitions()
        .update(
            AtlasTypesDef.ofBusinessMetadata(
                List.of(
                    new AtlasBusinessMetadataDef(
                        def.category(),
                        def.guid(),
                        def.name(),
                        def.description(),
                        def.typeVersion(),
                        def.serviceType(),
                        def.options(),
                        def.createdBy(),
                        def.updatedBy(),
                        def.createTime(),
                        def.updateTime(),
                        def.version(),
                        def.lastModifiedTS(),
                        def.dateFormatter(),
                        attrs,
                        def.additionalProperties()))));
    String ordersGuid = entity("orders").guid();
    client
        .entities()
        .addOrUpdateBusinessMetadata(
            ordersGuid, Map.of("QALITA", Map.of("reviewer", "mei")), false);

    SyncReport plan = sync.plan(scores(T1, 72));
    assertThat(plan.written()).isEqualTo(4);
    assertThat(entity("orders").businessAttributes().get("QALITA")).doesNotContainKey("slaStatus");

    SyncReport first = sync.sync(scores(T1, 72));
    assertThat(first.clean()).isTrue();
    assertThat(first.seen()).isEqualTo(4);
    assertThat(first.resolved()).isEqualTo(4);
    assertThat(first.written()).isEqualTo(4);

    AtlasEntity orders = entity("orders");
    Map<String, Object> q = orders.businessAttributes().get("QALITA");
    assertThat(((Number) q.get("overallScore")).doubleValue()).isEqualTo(72.0);
    assertThat(((Number) q.get("updatedAt")).longValue()).isEqualTo(T1.toEpochMilli());
    assertThat(q).containsEntry("slaStatus", "At risk").containsEntry("reviewer", "mei");
    assertThat(((Number) q.get("openIssues")).intValue()).isEqualTo(7);
    assertThat(orders.businessAttributes()).containsKey("DataQuality");
    assertThat(classified(orders, "QALITA_AtRisk")).isTrue();
    AtlasEntity customers = entity("customers");
    assertThat(customers.businessAttributes().get("QALITA"))
        .containsEntry("slaStatus", "Good")
        .containsEntry("link", "https://qalita.example/sources/1");
    assertThat(classified(customers, "QALITA_AtRisk")).isFalse();
    AtlasEntity email =
        client
            .entities()
            .getByUniqueAttributes("azure_sql_column", SQL + "customers#email")
            .entity();
    assertThat(email.businessAttributes().get("QALITA")).containsEntry("slaStatus", "At risk");

    List<AuditRecord> writes =
        trail.query(Instant.EPOCH, Instant.now().plusSeconds(60), null).stream()
            .filter(r -> r.action().equals(QualitySync.AUDIT_ACTION))
            .toList();
    assertThat(writes).hasSize(4).allMatch(r -> r.outcome().equals("SUCCEEDED"));
    assertThat(writes)
        .anySatisfy(
            r -> {
              assertThat(r.target()).isEqualTo(ordersGuid);
              assertThat(r.details())
                  .containsEntry("after.slaStatus", "At risk")
                  .containsEntry("classification.added", "QALITA_AtRisk");
            });

    SyncReport second = sync.sync(scores(T1, 72));
    assertThat(second.written()).isZero();
    assertThat(second.writeCalls()).isZero();
    assertThat(second.unchanged()).isEqualTo(4);

    SyncReport recovery = sync.sync(List.of(QualityScore.of("sales.orders", 95, T2)));
    assertThat(recovery.written()).isEqualTo(1);
    assertThat(recovery.plan().get(0).removeClassification()).isTrue();
    AtlasEntity recovered = entity("orders");
    assertThat(classified(recovered, "QALITA_AtRisk")).isFalse();
    assertThat(recovered.businessAttributes().get("QALITA"))
        .containsEntry("slaStatus", "Good")
        .containsEntry("reviewer", "mei");

    // Out of order: an older measurement never overwrites the newer one.
    SyncReport late = sync.sync(List.of(QualityScore.of("sales.orders", 10, T1)));
    assertThat(late.outcomes().get(0).status()).isEqualTo(DatasetOutcome.Status.STALE);
    assertThat(late.writeCalls()).isZero();
    assertThat(
            ((Number) entity("orders").businessAttributes().get("QALITA").get("overallScore"))
                .doubleValue())
        .isEqualTo(95.0);
    trail.close();
  }

  @Test
  void newerMeasurementWithoutADimensionClearsIt() {
    QualitySync sync = QualitySync.builder(client, mapping()).build();
    sync.ensureDefinitions();
    sync.sync(scores(T1, 72));
    SyncReport r = sync.sync(List.of(QualityScore.of("sales.customers", 96.5, T2)));
    assertThat(r.plan().get(0).clear()).containsExactly("completeness");
    assertThat(entity("customers").businessAttributes().get("QALITA"))
        .doesNotContainKey("completeness")
        .containsKey("link");
  }

  @Test
  void unresolvableQualifiedNameAndUnmappedDatasetsAreReported() {
    QualityMapping m =
        QualityMapping.of(
            QualitySchema.qalita(),
            List.of(
                QualityMapping.Entry.of(
                    "ghost", QualityMapping.Target.resolve("azure_sql_table", SQL + "ghost")),
                QualityMapping.Entry.of(
                    "gone", QualityMapping.Target.guid("00000000-0000-0000-0000-00000000dead"))));
    QualitySync sync = QualitySync.builder(client, m).build();
    sync.ensureDefinitions();
    SyncReport r =
        sync.sync(
            List.of(
                QualityScore.of("ghost", 50, T1),
                QualityScore.of("gone", 50, T1),
                QualityScore.of("elsewhere", 50, T1)));
    assertThat(r.unresolved())
        .extracting(DatasetOutcome::key)
        .containsExactlyInAnyOrder("ghost", "gone");
    assertThat(r.unresolved().get(0).reason())
        .contains("no azure_sql_table with qualifiedName " + SQL + "ghost");
    assertThat(r.unmapped()).isEqualTo(1);
    assertThat(r.clean()).isFalse();
  }

  @Test
  void unknownBusinessMetadataAttributeFailsWithTheAtlasErrorCode() {
    QualitySync sync = QualitySync.builder(client, mapping()).build();
    sync.ensureDefinitions();
    QualitySchema extra =
        QualitySchema.qalita()
            .withAttributes(
                "overallScore",
                "updatedAt",
                "openIssues",
                "slaStatus",
                "link",
                List.of("completeness", "notDefined"));
    QualitySync wrong =
        QualitySync.builder(
                client,
                QualityMapping.of(
                    extra,
                    List.of(
                        QualityMapping.Entry.of("p", QualityMapping.Target.guid(productsGuid)))))
            .build();
    SyncReport r =
        wrong.sync(
            List.of(
                QualityScore.of("p", 50, T1).with(Map.of("notDefined", 1.0), null, null, null)));
    assertThat(r.failed()).hasSize(1);
    DatasetOutcome f = r.failed().get(0);
    assertThat(f.errorCode()).isEqualTo("ATLAS-404-00-007");
    assertThat(f.reason()).contains("notDefined");
  }

  @Test
  void aThrottlingStormIsRetriedByTheClientAndTheRunCompletes() {
    QualitySync sync = QualitySync.builder(client, mapping()).concurrency(1).build();
    sync.ensureDefinitions();
    // Three bursts of four 429s: each burst hits one request four times, its fifth attempt passes.
    emulator.faults().failRequests(FaultType.THROTTLED, 1, 2, 3, 4, 7, 8, 9, 10, 13, 14, 15, 16);
    SyncReport r = sync.sync(scores(T1, 72));
    assertThat(r.clean()).isTrue();
    assertThat(r.written()).isEqualTo(4);
    assertThat(emulator.stats().faults(FaultType.THROTTLED)).isEqualTo(12);
    assertThat(sync.sync(scores(T1, 72)).writeCalls()).isZero();
  }

  @Test
  void aReadThrottledBeyondTheRetriesFailsThatDatasetAndTheRunGoesOn() {
    QualitySync sync = QualitySync.builder(client, mapping()).concurrency(1).build();
    sync.ensureDefinitions();
    // The first request (the bulk read of sales.products) is refused five times: the client gives
    // up.
    emulator.faults().failNext(5, FaultType.THROTTLED);
    SyncReport r = sync.sync(scores(T1, 72));
    assertThat(r.failed())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.key()).isEqualTo("sales.products");
              assertThat(f.reason()).startsWith("read failed:").contains("429");
            });
    assertThat(r.written()).isEqualTo(3);
    assertThat(r.clean()).isFalse();
  }

  @Test
  void theGenericToolMappingCreatesItsOwnGroupWithoutClassification() throws Exception {
    QualityMapping generic =
        QualityMapping.read(
            Path.of(
                QualitySyncEmulatorTest.class
                    .getResource("/quality/generic-mapping.json")
                    .toURI()));
    QualitySync sync = QualitySync.builder(client, generic).build();
    assertThat(sync.ensureDefinitions().changes())
        .anyMatch(c -> c.startsWith("created business metadata QualityScores"))
        .noneMatch(c -> c.contains("classification"));
    SyncReport r =
        sync.sync(
            List.of(
                QualityScore.of("orders", 40, T1)
                    .with(Map.of("validity", 55.0, "accuracy", 1.0), null, null, null)));
    assertThat(r.clean()).isTrue();
    AtlasEntity orders = entity("orders");
    assertThat(orders.businessAttributes().get("QualityScores"))
        .containsEntry("slaStatus", "Breached")
        .containsKeys("score", "checkedAt", "validity")
        .doesNotContainKey("accuracy");
    assertThat(classified(orders, "QALITA_AtRisk")).isFalse();
  }

  @Test
  void ensureExtendsExistingDefinitionsWithoutDeletingOrRetyping() {
    client
        .typeDefinitions()
        .create(
            new AtlasTypesDef(
                null,
                null,
                null,
                List.of(
                    new AtlasEnumDef(
                        TypeCategory.ENUM,
                        null,
                        "QALITA_SlaStatus",
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
                        null,
                        List.of(new AtlasEnumElementDef("Good", 1, null, null)),
                        null,
                        null)),
                null,
                null,
                null,
                null));
    client
        .typeDefinitions()
        .create(
            AtlasTypesDef.ofBusinessMetadata(
                List.of(
                    AtlasBusinessMetadataDef.of(
                        "QALITA",
                        "made by hand",
                        List.of(
                            AtlasAttributeDef.of("overallScore", "int"),
                            AtlasAttributeDef.of("owner", "string"))))));
    QualitySync sync = QualitySync.builder(client, mapping()).build();

    DefinitionReport report = sync.ensureDefinitions();

    assertThat(report.changes())
        .contains("added [At risk, Breached] to enum QALITA_SlaStatus")
        .anyMatch(
            c ->
                c.startsWith("added [updatedAt, openIssues, slaStatus, link")
                    && c.endsWith("to business metadata QALITA"))
        .contains("created classification QALITA_AtRisk");
    assertThat(report.warnings()).singleElement().asString().contains("QALITA.overallScore is int");
    AtlasBusinessMetadataDef def = client.typeDefinitions().getBusinessMetadataDef("QALITA");
    assertThat(def.attributeDefs())
        .extracting(AtlasAttributeDef::name)
        .contains("overallScore", "owner", "slaStatus", "timeliness");
    assertThat(def.attributeDefs())
        .filteredOn(a -> a.name().equals("overallScore"))
        .singleElement()
        .extracting(AtlasAttributeDef::typeName)
        .isEqualTo("int");
    assertThat(client.typeDefinitions().getEnumDef("QALITA_SlaStatus").elementDefs())
        .extracting(AtlasEnumElementDef::value)
        .containsExactly("Good", "At risk", "Breached");
    assertThat(sync.ensureDefinitions().unchanged()).isTrue();
  }
}
