package dev.steward.purview.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SearchAndFaultsTest {
  static final String QUERY = "/search/query?api-version=2023-09-01";

  @RegisterExtension
  static PurviewEmulatorExtension purview =
      PurviewEmulatorExtension.configured(b -> b.seed("demo").generate(2_000));

  @Test
  void pagesWithContinuationTokensBoundToTheBody(PurviewEmulator emulator) {
    Http http = new Http(emulator);
    ObjectNode body =
        (ObjectNode)
            Http.json(
                "{'keywords':null,'limit':300,'filter':{'entityType':'azure_sql_table','includeSubTypes':false},'orderby':[{'name':'ASC'}]}");
    Set<String> seen = new HashSet<>();
    int pages = 0;
    int total = -1;
    String previousName = "";
    while (true) {
      Http.Response page = http.post(QUERY, body);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      total = page.json().path("@search.count").asInt();
      for (JsonNode hit : page.json().path("value")) {
        assertThat(seen.add(hit.path("id").asText())).isTrue();
        assertThat(hit.path("name").asText().compareToIgnoreCase(previousName))
            .isGreaterThanOrEqualTo(0);
        previousName = hit.path("name").asText();
      }
      pages++;
      if (!page.json().has("continuationToken")) {
        break;
      }
      body.put("continuationToken", page.json().path("continuationToken").asText());
    }
    assertThat(seen).hasSize(total);
    assertThat(total).isEqualTo(334 + 3); // 2,000 generated / 6 types (+1), plus 3 demo tables
    assertThat(pages).isEqualTo(2);
    // A token replayed with another body is refused.
    body.put("limit", 10);
    assertThat(http.post(QUERY, body).status()).isEqualTo(400);
  }

  @Test
  void limitDefaultsTo50AndIsCappedAt1000() {
    Http http = new Http(purview.emulator());
    Http.Response r = http.post(QUERY, Http.json("{}"));
    assertThat(r.json().path("value")).hasSize(50);
    assertThat(r.json().path("@search.count.approximate").asBoolean()).isFalse();
    assertThat(http.post(QUERY, Http.json("{'limit':1001}")).status()).isEqualTo(400);
    assertThat(http.post(QUERY, Http.json("{'limit':1000}")).json().path("value")).hasSize(1000);
  }

  @Test
  void filtersFacetsAndKeywords() {
    Http http = new Http(purview.emulator());
    Http.Response pii =
        http.post(
            QUERY,
            Http.json(
                "{'filter':{'and':[{'classification':'MICROSOFT.PERSONAL.EMAIL'},{'not':{'entityType':'azure_sql_column'}},{'collectionId':'steward-emulator'}]},"
                    + "'facets':[{'facet':'entityType','count':10,'sort':{'count':'desc'}},{'facet':'label','count':5}]}"));
    assertThat(pii.status()).as(pii.body()).isEqualTo(200);
    assertThat(pii.json().path("@search.facets").path("entityType").get(0).path("count").asInt())
        .isPositive();
    for (JsonNode hit : pii.json().path("value")) {
      assertThat(hit.path("classification").toString()).contains("MICROSOFT.PERSONAL.EMAIL");
      assertThat(hit.path("entityType").asText()).isNotEqualTo("azure_sql_column");
    }
    Http.Response keyword =
        http.post(
            QUERY, Http.json("{'keywords':'customer_orders','filter':{'objectType':'Tables'}}"));
    assertThat(keyword.json().path("value").get(0).path("name").asText())
        .isEqualTo("customer_orders");
    assertThat(keyword.json().path("value").get(0).path("assetType").get(0).asText())
        .isEqualTo("Azure Databricks");
    Http.Response attribute =
        http.post(
            QUERY,
            Http.json(
                "{'filter':{'and':[{'attributeName':'DataQuality.score','operator':'lt','attributeValue':80},"
                    + "{'updateTime':'LAST_24H'},{'createTime':{'operator':'gt','timeThreshold':0}}]}}"));
    assertThat(attribute.json().path("value")).hasSize(1);
    assertThat(attribute.json().path("value").get(0).path("name").asText()).isEqualTo("orders");
    Http.Response term =
        http.post(QUERY, Http.json("{'filter':{'term':'Customer','glossary':'Sales'}}"));
    assertThat(term.json().path("value").get(0).path("term").get(0).path("name").asText())
        .isEqualTo("Customer");
    Http.Response suggest =
        http.post(
            "/search/suggest?api-version=2023-09-01", Http.json("{'keywords':'fact','limit':3}"));
    assertThat(suggest.json().path("value").get(0).path("@search.text").asText())
        .isEqualTo("<em>fact_sales</em>");
    Http.Response complete =
        http.post("/search/autocomplete?api-version=2023-09-01", Http.json("{'keywords':'cust'}"));
    assertThat(complete.json().path("value").toString()).contains("\"text\":\"customers\"");
  }

  @Test
  void faultsAreServedAndCounted(PurviewEmulator emulator) {
    Http http = new Http(emulator);
    String path = "/atlas/v2/types/typedefs/headers";
    emulator.faults().onRoute("GET " + "/atlas/v2/types/typedefs/headers").failNext(2);
    assertThat(http.get(path).status()).isEqualTo(503);
    Http.Response second = http.get(path);
    assertThat(second.status()).isEqualTo(503);
    assertThat(second.header("Retry-After")).isEqualTo("1");
    assertThat(second.json().path("errorCode").asText()).isEqualTo("ServiceUnavailable");
    assertThat(http.get(path).status()).isEqualTo(200);
    assertThat(emulator.stats().requests("GET /atlas/v2/types/typedefs/headers")).isEqualTo(3);
    assertThat(emulator.stats().faults(FaultType.UNAVAILABLE)).isEqualTo(2);

    emulator.faults().failRequests(FaultType.TRUNCATED, 1);
    Http.Response truncated = http.get(path);
    assertThat(truncated.status()).isEqualTo(200);
    assertThat(truncated.json()).isNull(); // malformed JSON

    emulator.faults().failNext(1, FaultType.RESET);
    assertThatThrownBy(() -> http.get(path)).isInstanceOf(UncheckedIOException.class);
    assertThat(http.get(path).status()).isEqualTo(200);

    emulator.faults().rateLimit(3).retryAfter(Duration.ofMillis(200));
    int throttled = 0;
    String retryAfterMs = null;
    for (int i = 0; i < 6; i++) {
      Http.Response r = http.get(path);
      if (r.status() == 429) {
        throttled++;
        retryAfterMs = r.header("retry-after-ms");
        assertThat(r.header("Retry-After")).isNotNull();
        assertThat(r.json().path("errorCode").asText()).isEqualTo("TooManyRequests");
      }
    }
    assertThat(throttled).isPositive(); // 3 per window; a window edge can split the loop
    assertThat(Long.parseLong(retryAfterMs)).isBetween(1L, 1000L);
    emulator.faults().clear();

    // The admin endpoints program the same engine.
    Http.Response programmed =
        http.post("/emulator/faults", Http.json("{'failNext':1,'type':'INTERNAL_ERROR'}"));
    assertThat(programmed.json().path("rules")).hasSize(1);
    assertThat(http.get(path).status()).isEqualTo(500);
    JsonNode stats = http.get("/emulator/stats").json();
    assertThat(stats.path("faults").path("INTERNAL_ERROR").asLong()).isEqualTo(1);
    assertThat(stats.path("routes").path("GET /atlas/v2/types/typedefs/headers").asLong())
        .isGreaterThan(5);
    assertThat(http.send("GET", "/emulator/stats", null, null).status()).isEqualTo(401);
  }

  @Test
  void delayedResponsesArriveLaterAndAreCounted(PurviewEmulator emulator) {
    Http http = new Http(emulator);
    emulator.faults().onRoute("/atlas/v2/types/typedefs/headers").delay(Duration.ofMillis(150));
    long start = System.nanoTime();
    assertThat(http.get("/atlas/v2/types/typedefs/headers").status()).isEqualTo(200);
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
    assertThat(http.get("/atlas/v2/types/typedefs").status())
        .isEqualTo(200); // other route: not delayed
    assertThat(emulator.stats().faults(FaultType.DELAYED)).isEqualTo(1);
  }

  @Test
  void faultsAndCountersAreClearedBeforeEachTest(PurviewEmulator emulator) {
    assertThat(emulator.stats().faults()).isZero();
    assertThat(emulator.faults().toString()).contains("\"rules\":[]");
  }

  @Test
  void glossaryTermsAssignAndList() {
    Http http = new Http(purview.emulator());
    JsonNode glossary = http.get("/atlas/v2/glossary").json().get(0);
    assertThat(glossary.path("name").asText()).isEqualTo("Sales");
    Http.Response term =
        http.post(
            "/atlas/v2/glossary/term",
            Http.json(
                "{'name':'Churn','anchor':{'glossaryGuid':'"
                    + glossary.path("guid").asText()
                    + "'}}"));
    assertThat(term.status()).as(term.body()).isEqualTo(200);
    assertThat(term.json().path("qualifiedName").asText()).isEqualTo("Churn@Sales");
    String entityGuid =
        http.post(QUERY, Http.json("{'keywords':'fact_sales'}"))
            .json()
            .path("value")
            .get(0)
            .path("id")
            .asText();
    String termGuid = term.json().path("guid").asText();
    assertThat(
            http.post(
                    "/atlas/v2/glossary/terms/" + termGuid + "/assignedEntities",
                    Http.json("[{'guid':'" + entityGuid + "'}]"))
                .status())
        .isEqualTo(204);
    Http.Response assigned = http.get("/atlas/v2/glossary/terms/" + termGuid + "/assignedEntities");
    assertThat(assigned.json().get(0).path("guid").asText()).isEqualTo(entityGuid);
    JsonNode meanings =
        http.get("/atlas/v2/entity/guid/" + entityGuid)
            .json()
            .path("entity")
            .path("relationshipAttributes")
            .path("meanings");
    assertThat(meanings.toString()).contains(termGuid);
    assertThat(http.delete("/atlas/v2/glossary/term/" + termGuid, null).status()).isEqualTo(400);
  }

  @Test
  void stateIsSavedAndLoaded(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.json");
    String guid;
    try (PurviewEmulator first = PurviewEmulator.builder().seed("demo").stateFile(file).start()) {
      guid =
          EntityApiTestSupport.create(
              new Http(first), "azure_sql_table", "mssql://saved/t", "saved");
    }
    assertThat(Files.readString(file)).contains("steward-purview-emulator/1", guid);
    try (PurviewEmulator second = PurviewEmulator.builder().stateFile(file).start()) {
      Http http = new Http(second);
      assertThat(
              http.get("/atlas/v2/entity/guid/" + guid)
                  .json()
                  .path("entity")
                  .path("attributes")
                  .path("name")
                  .asText())
          .isEqualTo("saved");
      assertThat(http.get("/atlas/v2/types/typedef/name/DataQuality").status()).isEqualTo(200);
      assertThat(second.entityCount()).isEqualTo(purviewDemoCount() + 1);
    }
  }

  @Test
  void generateIsDeterministic() {
    try (PurviewEmulator a = PurviewEmulator.builder().generate(50).start();
        PurviewEmulator b = PurviewEmulator.builder().generate(50).start()) {
      String first =
          new Http(a).post(QUERY, Http.json("{'limit':50}")).json().path("value").toString();
      String second =
          new Http(b).post(QUERY, Http.json("{'limit':50}")).json().path("value").toString();
      assertThat(first.replaceAll("\"(create|update)Time\":\\d+", ""))
          .isEqualTo(second.replaceAll("\"(create|update)Time\":\\d+", ""));
      assertThat(a.entityCount()).isEqualTo(50);
    }
  }

  private static int purviewDemoCount() {
    try (PurviewEmulator demo = PurviewEmulator.builder().seed("demo").start()) {
      return demo.entityCount();
    }
  }
}
