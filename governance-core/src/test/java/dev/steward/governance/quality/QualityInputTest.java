package dev.steward.governance.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.models.AtlasEntity;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mapping files and score files: shapes, and errors that name file, line, column and entry. */
class QualityInputTest {

  static Path resource(String name) throws URISyntaxException {
    return Path.of(QualityInputTest.class.getResource("/quality/" + name).toURI());
  }

  @Test
  void readsTheQalitaYamlShape() throws Exception {
    QualityMapping m = QualityMapping.read(resource("mapping.yaml"));
    assertThat(m.connection()).contains("contoso");
    assertThat(m.schema().group()).isEqualTo("QALITA");
    assertThat(m.schema().goodAtLeast()).isEqualTo(85);
    assertThat(m.schema().statusOf(70)).isEqualTo(SlaStatus.AT_RISK);
    assertThat(m.entries()).hasSize(2);
    assertThat(m.entries().get(0).target().guid())
        .isEqualTo("11111111-2222-3333-4444-555555555555");
    QualityMapping.Entry customers = m.entry("retail.customers").orElseThrow();
    assertThat(customers.target().typeName()).isEqualTo("azure_sql_table");
    assertThat(customers.fields().get("email").qualifiedName()).endsWith("#email@prod");
    assertThat(customers.line()).isEqualTo(17);
  }

  @Test
  void readsJsonAndAGenericToolSchema() {
    QualityMapping m =
        QualityMapping.parse(
            "dq.json",
            "{\"businessMetadata\":\"DataQuality\",\"classification\":null,"
                + "\"attributes\":{\"overallScore\":\"score\"},\"dimensions\":[\"validity\"],"
                + "\"mappings\":[{\"datasetId\":\"orders\",\"purview\":{\"guid\":\"g1\"}}]}");
    assertThat(m.schema().group()).isEqualTo("DataQuality");
    assertThat(m.schema().atRiskClassification()).isNull();
    assertThat(m.schema().overallScore()).isEqualTo("score");
    assertThat(m.schema().dimensions()).containsExactly("validity");
    assertThat(m.entries().get(0).datasetId()).isEqualTo("orders");
  }

  @Test
  void refusesAnInlineClientSecretWithItsPosition() {
    String yaml =
        String.join(
            "\n",
            "purview:",
            "  account: mypurview",
            "  clientSecret: s3cr3t-value",
            "mappings: []",
            "");
    assertThatThrownBy(() -> QualityMapping.parse("m.yaml", yaml))
        .isInstanceOf(QualityInputException.class)
        .hasMessageStartingWith("m.yaml:3:3: purview.clientSecret: inline secrets are refused")
        .hasMessageContaining("clientSecretEnv")
        .hasMessageNotContaining("s3cr3t-value");
  }

  @Test
  void namesTheEntryOfAnIncompleteTarget() {
    String yaml =
        String.join(
            "\n",
            "mappings:",
            "  - qalitaDatasetId: a",
            "    purview: {guid: g1}",
            "  - qalitaDatasetId: b",
            "    purview:",
            "      resolve: {typeName: azure_sql_table}",
            "");
    assertThatThrownBy(() -> QualityMapping.parse("m.yaml", yaml))
        .isInstanceOfSatisfying(
            QualityInputException.class,
            e -> {
              assertThat(e.line()).isEqualTo(6);
              assertThat(e.column()).isEqualTo(16);
              assertThat(e.entry()).isEqualTo("mappings[1] (b)");
            })
        .hasMessageContaining("missing qualifiedName");
  }

  @Test
  void rejectsDuplicatesBothTargetsAndSyntaxErrors() {
    assertThatThrownBy(
            () ->
                QualityMapping.parse(
                    "m.yaml",
                    "mappings:\n  - datasetId: a\n    purview: {guid: g}\n"
                        + "  - datasetId: a\n    purview: {guid: h}\n"))
        .hasMessageContaining("mappings[1] (a): dataset id 'a' is already mapped by mappings[0]");
    assertThatThrownBy(
            () ->
                QualityMapping.parse(
                    "m.yaml",
                    "mappings:\n  - datasetId: a\n    purview: {guid: g, resolve: {typeName: t,"
                        + " qualifiedName: q}}\n"))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> QualityMapping.parse("m.json", "{\"mappings\": [}"))
        .isInstanceOfSatisfying(QualityInputException.class, e -> assertThat(e.line()).isEqualTo(1))
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void readsScoreRecordsAndWebhookEventsFromJsonLines() throws Exception {
    List<QualityScore> scores = QualityScores.read(resource("scores.jsonl"));
    assertThat(scores).hasSize(3);
    QualityScore daily = scores.get(0);
    assertThat(daily.overall()).isEqualTo(92.4);
    assertThat(daily.dimensions()).containsEntry("completeness", 98.7);
    assertThat(daily.openIssues()).isEqualTo(3);
    assertThat(daily.measuredAt()).isEqualTo(Instant.parse("2025-09-22T08:15:00Z"));
    QualityScore event = scores.get(1);
    assertThat(event.datasetId()).isEqualTo("retail.customers");
    assertThat(event.slaStatus()).isEqualTo(SlaStatus.BREACHED);
    assertThat(event.dimensions()).containsEntry("accuracy", 70.0);
    assertThat(event.link()).isEqualTo("https://qalita.example/sources/retail.customers");
    assertThat(scores.get(2).key()).isEqualTo("retail.customers#email");
    assertThat(scores.get(2).measuredAt().toEpochMilli()).isEqualTo(1758528900000L);
  }

  @Test
  void readsAnArrayAndNamesTheBadRecord() {
    assertThat(
            QualityScores.parse(
                "s.json",
                "[{\"datasetId\":\"a\",\"overall\":1,\"measuredAt\":\"2025-01-01T00:00:00Z\"}]"))
        .hasSize(1);
    assertThatThrownBy(
            () ->
                QualityScores.parse(
                    "s.jsonl",
                    "{\"datasetId\":\"a\",\"overall\":1,\"measuredAt\":1}\n"
                        + "{\"datasetId\":\"b\",\"overall\":101,\"measuredAt\":1}\n"))
        .isInstanceOf(QualityInputException.class)
        .hasMessage("s.jsonl:2:1: line 2: overall of b must be between 0 and 100, was 101.0");
    assertThatThrownBy(
            () -> QualityScores.parse("s.jsonl", "{\"datasetId\":\"a\",\"overall\":1}\n"))
        .hasMessageContaining("'measuredAt' is missing");
  }

  @Test
  void anIssueEventWithoutScoresOnlyUpdatesOpenIssuesAndTheTime() throws Exception {
    QualityScore issue =
        QualityScores.fromJson(
            new ObjectMapper()
                .readTree(
                    "{\"event\":\"issue.created\",\"sourceId\":\"a\",\"issues\":{\"open\":4},"
                        + "\"measuredAt\":\"2026-11-23T08:00:00Z\"}"));
    assertThat(issue.overall()).isNull();
    assertThat(issue.openIssues()).isEqualTo(4);
    PurviewDataMapClient unused =
        new PurviewDataMapClientBuilder()
            .endpoint("http://127.0.0.1:9")
            .allowInsecureLoopback(true)
            .credential(new StaticTokenCredential("t"))
            .buildClient();
    PlannedChange change =
        QualitySync.builder(unused, QualityMapping.of(QualitySchema.qalita(), List.of()))
            .build()
            .planFor("a", AtlasEntity.builder("azure_sql_table").guid("g1").build(), issue);
    assertThat(change.set()).containsOnlyKeys("updatedAt", "openIssues");
    assertThat(change.addClassification()).isFalse();
    assertThat(change.removeClassification()).isFalse();
  }
}
