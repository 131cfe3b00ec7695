package dev.steward.purview;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.steward.purview.models.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Method, path, query (encoding included) and body of each operation, exactly. */
class OperationsWireTest extends WireMockSupport {
  static final String V = "api-version=2023-09-01";
  static final String API = "/datamap/api";
  static final String EMR =
      "{\"mutatedEntities\":{\"UPDATE\":[{\"guid\":\"g1\",\"typeName\":\"t\"}]}}";
  static final String ENTITY = "{\"entity\":{\"typeName\":\"t\",\"guid\":\"g1\"}}";

  /** Stubs one exchange and returns the pattern to verify it with. */
  RequestPatternBuilder expect(
      String method, String url, String body, int status, String response) {
    MappingBuilder m =
        request(method, urlEqualTo(API + url))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN));
    if (body != null) {
      m = m.withRequestBody(equalToJson(body));
    }
    ResponseDefinitionBuilder r = aResponse().withStatus(status);
    if (response != null) {
      r = r.withHeader("Content-Type", "application/json").withBody(response);
    }
    server.stubFor(m.willReturn(r));
    RequestPatternBuilder p =
        new RequestPatternBuilder(
            com.github.tomakehurst.wiremock.http.RequestMethod.fromString(method),
            urlEqualTo(API + url));
    return body == null ? p : p.withRequestBody(equalToJson(body));
  }

  void verifyOnce(RequestPatternBuilder p) {
    server.verify(1, p);
  }

  @Test
  void entityReadsSendFlagsAndPercentEncodeQualifiedNames() {
    var get =
        expect(
            "GET",
            "/atlas/v2/entity/guid/g1?" + V + "&minExtInfo=true&ignoreRelationships=true",
            null,
            200,
            ENTITY);
    var byQn =
        expect(
            "GET",
            "/atlas/v2/entity/uniqueAttribute/type/azure_sql_table?"
                + V
                + "&attr%3AqualifiedName=mssql%3A%2F%2Fsrv%2Fdb%2Fdbo%2FAS%20Login%2Bx",
            null,
            200,
            ENTITY);
    var header =
        expect(
            "GET",
            "/atlas/v2/entity/guid/g1/header?" + V,
            null,
            200,
            "{\"guid\":\"g1\",\"typeName\":\"t\"}");

    var c = client().entities();
    assertThat(
            c.getWithResponse("g1", new EntityGetOptions(true, true), null)
                .getValue()
                .entity()
                .guid())
        .isEqualTo("g1");
    assertThat(
            c.getByUniqueAttributes("azure_sql_table", "mssql://srv/db/dbo/AS Login+x")
                .entity()
                .typeName())
        .isEqualTo("t");
    assertThat(c.getHeader("g1").guid()).isEqualTo("g1");
    verifyOnce(get);
    verifyOnce(byQn);
    verifyOnce(header);
  }

  @Test
  void listByGuidsSplitsIntoChunksMergesInOrderAndDropsDuplicates() {
    List<String> guids = new ArrayList<>();
    for (int i = 0; i < 230; i++) {
      guids.add("g" + i);
    }
    guids.add("g5"); // a duplicate
    server.stubFor(
        get(urlPathEqualTo(API + "/atlas/v2/entity/bulk"))
            .willReturn(
                aResponse()
                    .withTransformers()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{}")));
    for (int chunk = 0; chunk < 3; chunk++) {
      StringBuilder url = new StringBuilder(API + "/atlas/v2/entity/bulk?" + V);
      StringBuilder entities = new StringBuilder();
      int from = chunk * 100;
      int to = Math.min(230, from + 100);
      for (int i = from; i < to; i++) {
        url.append("&guid=g").append(i);
      }
      for (int i = to - 1; i >= from; i--) { // the service answers in its own order
        entities
            .append(i == to - 1 ? "" : ",")
            .append("{\"typeName\":\"t\",\"guid\":\"g")
            .append(i)
            .append("\"}");
      }
      server.stubFor(
          get(urlEqualTo(url.toString()))
              .willReturn(
                  okJson(
                      "{\"entities\":["
                          + entities
                          + "],\"referredEntities\":{\"r"
                          + chunk
                          + "\":{\"typeName\":\"c\"}}}")));
    }

    AtlasEntitiesWithExtInfo all = client().entities().listByGuids(guids);

    assertThat(all.entities())
        .extracting(AtlasEntity::guid)
        .containsExactlyElementsOf(guids.subList(0, 230));
    assertThat(all.referredEntities()).containsOnlyKeys("r0", "r1", "r2");
    server.verify(3, getRequestedFor(urlPathEqualTo(API + "/atlas/v2/entity/bulk")));
  }

  @Test
  void listByUniqueAttributesNumbersTheAttributes() {
    var p =
        expect(
            "GET",
            "/atlas/v2/entity/bulk/uniqueAttribute/type/t?"
                + V
                + "&attr_0%3AqualifiedName=a%20b&attr_1%3AqualifiedName=c",
            null,
            200,
            "{\"entities\":[{\"typeName\":\"t\",\"attributes\":{\"qualifiedName\":\"c\"}},"
                + "{\"typeName\":\"t\",\"attributes\":{\"qualifiedName\":\"a b\"}}]}");

    var r = client().entities().listByUniqueAttributes("t", List.of("a b", "c", "a b"));

    assertThat(r.entities()).extracting(AtlasEntity::qualifiedName).containsExactly("a b", "c");
    verifyOnce(p);
  }

  @Test
  void entityWrites() {
    var create =
        expect(
            "POST",
            "/atlas/v2/entity?" + V + "&collectionId=col1",
            "{\"entity\":{\"typeName\":\"azure_sql_table\",\"attributes\":{\"qualifiedName\":\"q\",\"name\":\"n\"}}}",
            200,
            EMR);
    var bulk =
        expect(
            "POST",
            "/atlas/v2/entity/bulk?" + V,
            "{\"entities\":[{\"typeName\":\"t\",\"attributes\":{\"qualifiedName\":\"q\"}}]}",
            200,
            EMR);
    var partial =
        expect(
            "PUT", "/atlas/v2/entity/guid/g1?" + V + "&name=description", "\"new text\"", 200, EMR);
    var byQn =
        expect(
            "PUT",
            "/atlas/v2/entity/uniqueAttribute/type/t?" + V + "&attr%3AqualifiedName=q",
            "{\"entity\":{\"typeName\":\"t\",\"attributes\":{\"qualifiedName\":\"q\"}}}",
            200,
            EMR);
    var delete =
        expect(
            "DELETE",
            "/atlas/v2/entity/guid/g1?" + V,
            null,
            200,
            "{\"mutatedEntities\":{\"DELETE\":[{\"guid\":\"g1\"}]}}");
    var deleteQn =
        expect(
            "DELETE",
            "/atlas/v2/entity/uniqueAttribute/type/t?" + V + "&attr%3AqualifiedName=q",
            null,
            200,
            EMR);
    var deleteBulk =
        expect(
            "DELETE",
            "/atlas/v2/entity/bulk?" + V + "&guid=g1&guid=g2",
            null,
            200,
            "{\"mutatedEntities\":{\"DELETE\":[{\"guid\":\"g1\"},{\"guid\":\"g2\"}]}}");
    var move =
        expect(
            "POST",
            "/entity/moveTo?" + V + "&collectionId=c2",
            "{\"entityGuids\":[\"g1\"]}",
            200,
            EMR);

    var c = client().entities();
    AtlasEntity e = AtlasEntity.builder("azure_sql_table").qualifiedName("q").name("n").build();
    assertThat(
            c.createOrUpdateWithResponse(
                    AtlasEntityWithExtInfo.of(e), EntityWriteOptions.inCollection("col1"), null)
                .getValue()
                .updated())
        .extracting(AtlasEntityHeader::guid)
        .containsExactly("g1");
    c.createOrUpdateBulk(List.of(AtlasEntity.of("t", Map.of("qualifiedName", "q"))));
    c.partialUpdateAttribute("g1", "description", "new text");
    c.partialUpdateByUniqueAttributes(
        "t", "q", AtlasEntityWithExtInfo.of(AtlasEntity.builder("t").qualifiedName("q").build()));
    assertThat(c.delete("g1").deleted()).hasSize(1);
    c.deleteByUniqueAttribute("t", "q");
    assertThat(c.deleteBulk(List.of("g1", "g2", "g1")).deleted()).hasSize(2);
    c.moveToCollection("c2", List.of("g1"));
    for (var p : List.of(create, bulk, partial, byQn, delete, deleteQn, deleteBulk, move)) {
      verifyOnce(p);
    }
  }

  @Test
  void businessMetadataClassificationsAndLabels() {
    String cls = "[{\"typeName\":\"MICROSOFT.PERSONAL.EMAIL\"}]";
    var bm =
        expect(
            "POST",
            "/atlas/v2/entity/guid/g1/businessmetadata?" + V + "&isOverwrite=true",
            "{\"Quality\":{\"score\":0.9}}",
            204,
            null);
    var bmRemove =
        expect(
            "DELETE",
            "/atlas/v2/entity/guid/g1/businessmetadata?" + V,
            "{\"Quality\":{\"score\":null}}",
            204,
            null);
    var bmAttr =
        expect(
            "POST",
            "/atlas/v2/entity/guid/g1/businessmetadata/Data%20Quality?" + V,
            "{\"score\":1}",
            204,
            null);
    var bmAttrRemove =
        expect(
            "DELETE",
            "/atlas/v2/entity/guid/g1/businessmetadata/Data%20Quality?" + V,
            "{\"score\":1}",
            204,
            null);
    var add = expect("POST", "/atlas/v2/entity/guid/g1/classifications?" + V, cls, 204, null);
    var update = expect("PUT", "/atlas/v2/entity/guid/g1/classifications?" + V, cls, 204, null);
    var getAll =
        expect(
            "GET",
            "/atlas/v2/entity/guid/g1/classifications?" + V,
            null,
            200,
            "{\"list\":[{\"typeName\":\"A\"}],\"totalCount\":1}");
    var getOne =
        expect(
            "GET",
            "/atlas/v2/entity/guid/g1/classification/A?" + V,
            null,
            200,
            "{\"typeName\":\"A\",\"entityGuid\":\"g1\"}");
    var remove =
        expect("DELETE", "/atlas/v2/entity/guid/g1/classification/A?" + V, null, 204, null);
    var addQn =
        expect(
            "POST",
            "/atlas/v2/entity/uniqueAttribute/type/t/classifications?"
                + V
                + "&attr%3AqualifiedName=q",
            cls,
            204,
            null);
    var updQn =
        expect(
            "PUT",
            "/atlas/v2/entity/uniqueAttribute/type/t/classifications?"
                + V
                + "&attr%3AqualifiedName=q",
            cls,
            204,
            null);
    var remQn =
        expect(
            "DELETE",
            "/atlas/v2/entity/uniqueAttribute/type/t/classification/A?"
                + V
                + "&attr%3AqualifiedName=q",
            null,
            204,
            null);
    var toMany =
        expect(
            "POST",
            "/atlas/v2/entity/bulk/classification?" + V,
            "{\"classification\":{\"typeName\":\"A\"},\"entityGuids\":[\"g1\",\"g2\"]}",
            204,
            null);
    var set =
        expect(
            "POST",
            "/atlas/v2/entity/bulk/setClassifications?" + V,
            "{\"guidHeaderMap\":{\"g1\":{\"typeName\":\"t\",\"classifications\":[{\"typeName\":\"A\"}]}}}",
            200,
            "[\"Add:g1:t:q -> A:(Done)\"]");
    var labelsAdd =
        expect("PUT", "/atlas/v2/entity/guid/g1/labels?" + V, "[\"x\",\"y\"]", 204, null);
    var labelsSet = expect("POST", "/atlas/v2/entity/guid/g1/labels?" + V, "[]", 204, null);
    var labelsRemove =
        expect("DELETE", "/atlas/v2/entity/guid/g1/labels?" + V, "[\"x\"]", 204, null);
    var labelsQn =
        expect(
            "PUT",
            "/atlas/v2/entity/uniqueAttribute/type/t/labels?" + V + "&attr%3AqualifiedName=q",
            "[\"x\"]",
            204,
            null);

    var c = client().entities();
    c.addOrUpdateBusinessMetadata("g1", Map.of("Quality", Map.of("score", 0.9)), true);
    Map<String, Object> nullScore = new java.util.HashMap<>();
    nullScore.put("score", null);
    c.removeBusinessMetadata("g1", Map.of("Quality", nullScore));
    c.addOrUpdateBusinessMetadataAttributes("g1", "Data Quality", Map.of("score", 1));
    c.removeBusinessMetadataAttributes("g1", "Data Quality", Map.of("score", 1));
    c.addClassifications("g1", List.of(AtlasClassification.of("MICROSOFT.PERSONAL.EMAIL")));
    c.updateClassifications("g1", List.of(AtlasClassification.of("MICROSOFT.PERSONAL.EMAIL")));
    assertThat(c.getClassifications("g1").totalCount()).isEqualTo(1);
    assertThat(c.getClassification("g1", "A").entityGuid()).isEqualTo("g1");
    c.removeClassification("g1", "A");
    c.addClassificationsByUniqueAttribute(
        "t", "q", List.of(AtlasClassification.of("MICROSOFT.PERSONAL.EMAIL")));
    c.updateClassificationsByUniqueAttribute(
        "t", "q", List.of(AtlasClassification.of("MICROSOFT.PERSONAL.EMAIL")));
    c.removeClassificationByUniqueAttribute("t", "q", "A");
    c.addClassificationToEntities(AtlasClassification.of("A"), List.of("g1", "g2"));
    AtlasEntityHeader h =
        new AtlasEntityHeader(
            "t",
            null,
            null,
            null,
            null,
            null,
            List.of(AtlasClassification.of("A")),
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(c.setClassifications(Map.of("g1", h))).containsExactly("Add:g1:t:q -> A:(Done)");
    c.addLabels("g1", List.of("x", "y", "x"));
    c.setLabels("g1", List.of());
    c.removeLabels("g1", List.of("x"));
    c.addLabelsByUniqueAttribute("t", "q", List.of("x"));
    for (var p :
        List.of(
            bm,
            bmRemove,
            bmAttr,
            bmAttrRemove,
            add,
            update,
            getAll,
            getOne,
            remove,
            addQn,
            updQn,
            remQn,
            toMany,
            set,
            labelsAdd,
            labelsSet,
            labelsRemove,
            labelsQn)) {
      verifyOnce(p);
    }
  }

  @Test
  void addingAnAlreadyAssociatedClassificationCanBeIdempotent() {
    String path = API + "/atlas/v2/entity/guid/g1/classifications?" + V;
    String already =
        "{\"requestId\":\"r\",\"errorCode\":\"ATLAS-400-00-01B\",\"errorMessage\":\"instance g1 already is associated with classification A\"}";
    server.stubFor(
        post(urlEqualTo(path))
            .withRequestBody(equalToJson("[{\"typeName\":\"A\"},{\"typeName\":\"B\"}]"))
            .willReturn(aResponse().withStatus(400).withBody(already)));
    server.stubFor(get(urlEqualTo(path)).willReturn(okJson("{\"list\":[{\"typeName\":\"A\"}]}")));
    server.stubFor(
        post(urlEqualTo(path))
            .withRequestBody(equalToJson("[{\"typeName\":\"B\"}]"))
            .willReturn(aResponse().withStatus(204)));
    server.stubFor(
        put(urlEqualTo(path))
            .withRequestBody(equalToJson("[{\"typeName\":\"A\"}]"))
            .willReturn(aResponse().withStatus(204)));
    var c = client().entities();
    var both = List.of(AtlasClassification.of("A"), AtlasClassification.of("B"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.addClassifications("g1", both))
        .isInstanceOf(ClassificationAlreadyAssociatedException.class);
    assertThat(
            c.addClassificationsWithResponse("g1", both, ExistingClassification.SKIP, null)
                .getStatusCode())
        .isEqualTo(204);
    server.verify(0, putRequestedFor(urlEqualTo(path)));
    c.addClassificationsWithResponse("g1", both, ExistingClassification.UPDATE, null);
    server.verify(
        1,
        putRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("[{\"typeName\":\"A\"}]")));
    server.verify(
        2,
        postRequestedFor(urlEqualTo(path)).withRequestBody(equalToJson("[{\"typeName\":\"B\"}]")));
  }

  @Test
  void typeDefinitions() {
    String bmDefs =
        "{\"businessMetadataDefs\":[{\"category\":\"BUSINESS_METADATA\",\"name\":\"Quality\","
            + "\"attributeDefs\":[{\"name\":\"score\",\"typeName\":\"float\",\"cardinality\":\"SINGLE\",\"isOptional\":true,"
            + "\"isUnique\":false,\"valuesMinCount\":0,\"valuesMaxCount\":1,\"options\":{\"applicableEntityTypes\":\"[\\\"DataSet\\\"]\"}}]}]}";
    var list =
        expect(
            "GET",
            "/atlas/v2/types/typedefs?" + V + "&type=ENUM",
            null,
            200,
            "{\"enumDefs\":[{\"name\":\"e\",\"category\":\"ENUM\"}]}");
    var headers =
        expect(
            "GET",
            "/atlas/v2/types/typedefs/headers?" + V,
            null,
            200,
            "[{\"name\":\"x\",\"category\":\"SOMETHING_NEW\"}]");
    var byName =
        expect(
            "GET",
            "/atlas/v2/types/typedef/name/azure%20thing?" + V,
            null,
            200,
            "{\"name\":\"azure thing\",\"category\":\"entity\"}");
    var byGuid =
        expect("GET", "/atlas/v2/types/typedef/guid/tg?" + V, null, 200, "{\"guid\":\"tg\"}");
    var entityDef =
        expect(
            "GET",
            "/atlas/v2/types/entitydef/name/DataSet?" + V,
            null,
            200,
            "{\"name\":\"DataSet\",\"superTypes\":[\"Asset\"]}");
    var create = expect("POST", "/atlas/v2/types/typedefs?" + V, bmDefs, 200, bmDefs);
    var update = expect("PUT", "/atlas/v2/types/typedefs?" + V, bmDefs, 200, bmDefs);
    var delete = expect("DELETE", "/atlas/v2/types/typedefs?" + V, bmDefs, 204, null);
    var deleteOne = expect("DELETE", "/atlas/v2/types/typedef/name/Quality?" + V, null, 204, null);

    var t = client().typeDefinitions();
    assertThat(t.listWithResponse(TypeCategory.ENUM, false, null).getValue().enumDefs()).hasSize(1);
    assertThat(t.listHeaders().get(0).category().value()).isEqualTo("SOMETHING_NEW");
    assertThat(t.getByName("azure thing").category()).isEqualTo(TypeCategory.ENTITY);
    assertThat(t.getByGuid("tg").guid()).isEqualTo("tg");
    assertThat(t.getEntityDef("DataSet").superTypes()).containsExactly("Asset");
    AtlasTypesDef defs =
        AtlasTypesDef.ofBusinessMetadata(
            List.of(
                AtlasBusinessMetadataDef.of(
                    "Quality",
                    null,
                    List.of(
                        AtlasAttributeDef.of("score", "float")
                            .withOption("applicableEntityTypes", "[\"DataSet\"]")))));
    assertThat(t.create(defs).businessMetadataDefs().get(0).category())
        .isEqualTo(TypeCategory.BUSINESS_METADATA);
    t.update(defs);
    t.delete(defs);
    t.deleteByName("Quality");
    for (var p :
        List.of(list, headers, byName, byGuid, entityDef, create, update, delete, deleteOne)) {
      verifyOnce(p);
    }
  }

  @Test
  void typeDefinitionsOfOneCategoryByNameOrGuid() {
    var enumByGuid =
        expect(
            "GET",
            "/atlas/v2/types/enumdef/guid/eg?" + V,
            null,
            200,
            "{\"guid\":\"eg\",\"elementDefs\":[{\"value\":\"A\",\"ordinal\":0.0}]}");
    var template =
        expect(
            "GET",
            "/types/termtemplatedef/name/My%20Template?" + V,
            null,
            200,
            "{\"name\":\"My Template\"}");
    var bm =
        expect(
            "GET",
            "/atlas/v2/types/businessmetadatadef/name/Quality?" + V,
            null,
            200,
            "{\"name\":\"Quality\",\"category\":\"BUSINESS_METADATA\"}");

    var t = client().typeDefinitions();
    assertThat(t.getDefByGuid(AtlasEnumDef.class, "eg").elementDefs().get(0).ordinal()).isZero();
    assertThat(t.getTermTemplateDef("My Template").name()).isEqualTo("My Template");
    assertThat(t.getBusinessMetadataDef("Quality").category())
        .isEqualTo(TypeCategory.BUSINESS_METADATA);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.getDefByName(String.class, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    for (var p : List.of(enumByGuid, template, bm)) {
      verifyOnce(p);
    }
  }

  @Test
  void businessMetadataImportIsMultipartAndTheTemplateIsText() {
    String csv =
        "EntityType,EntityUniqueAttributeValue,BusinessAttributeName,BusinessAttributeValue\n"
            + "azure_sql_table,mssql://s/db/dbo/t,Quality.score,90\n";
    server.stubFor(
        post(urlEqualTo(API + "/atlas/v2/entity/businessmetadata/import?" + V))
            .withHeader("Content-Type", containing("multipart/form-data; boundary=steward-"))
            .withMultipartRequestBody(aMultipart().withName("file").withBody(equalTo(csv)))
            .willReturn(
                okJson(
                    "{\"successImportInfoList\":[{\"parentObjectName\":\"t\",\"importStatus\":\"SUCCESS\"}]}")));
    server.stubFor(
        get(urlEqualTo(API + "/atlas/v2/entity/businessmetadata/import/template?" + V))
            .willReturn(
                aResponse().withHeader("Content-Type", "application/octet-stream").withBody(csv)));

    var c = client().entities();
    assertThat(c.importBusinessMetadata(csv).successImportInfoList())
        .extracting(ImportInfo::importStatus)
        .containsExactly("SUCCESS");
    assertThat(c.getBusinessMetadataTemplate()).isEqualTo(csv);
  }

  @Test
  void discoverySuggestAndAutocomplete() {
    var suggest =
        expect(
            "POST",
            "/search/suggest?" + V,
            "{\"keywords\":\"sal\",\"limit\":5}",
            200,
            "{\"value\":[{\"@search.text\":\"<em>sal</em>es\",\"id\":\"g1\"}]}");
    var auto =
        expect(
            "POST",
            "/search/autocomplete?" + V,
            "{\"keywords\":\"sal\"}",
            200,
            "{\"value\":[{\"text\":\"sales\",\"queryPlusText\":\"sales\"}]}");
    var page =
        expect(
            "POST",
            "/search/query?" + V,
            "{\"keywords\":\"x\",\"continuationToken\":\"tok\"}",
            200,
            "{\"@search.count\":5155,\"@search.count.approximate\":true,\"value\":[]}");

    var d = client().discovery();
    assertThat(d.suggest(new SuggestOptions("sal", 5, null, null)).value().get(0).searchText())
        .isEqualTo("<em>sal</em>es");
    assertThat(d.autoComplete(AutoCompleteOptions.of("sal")).value().get(0).text())
        .isEqualTo("sales");
    QueryResult r = d.queryPage(QueryOptions.of("x").withContinuationToken("tok"));
    assertThat(r.searchCount()).isEqualTo(5155);
    assertThat(r.searchCountApproximate()).isTrue();
    verifyOnce(suggest);
    verifyOnce(auto);
    verifyOnce(page);
  }

  @Test
  void lineageAndRelationships() {
    String lineage =
        "{\"baseEntityGuid\":\"g1\",\"lineageDirection\":\"BOTH\",\"relations\":[{\"fromEntityId\":\"a\",\"toEntityId\":\"g1\"}]}";
    var l =
        expect(
            "GET",
            "/atlas/v2/lineage/g1?" + V + "&direction=BOTH&depth=3&width=5",
            null,
            200,
            lineage);
    var lq =
        expect(
            "GET",
            "/atlas/v2/lineage/uniqueAttribute/type/t?"
                + V
                + "&direction=INPUT&depth=1&attr%3AqualifiedName=q%201",
            null,
            200,
            lineage);
    var next =
        expect(
            "GET",
            "/lineage/g1/next?" + V + "&direction=OUTPUT&offset=10&limit=5",
            null,
            200,
            lineage);
    String rel =
        "{\"typeName\":\"r\",\"end1\":{\"guid\":\"a\"},\"end2\":{\"typeName\":\"t\",\"uniqueAttributes\":{\"qualifiedName\":\"q\"}}}";
    var create =
        expect(
            "POST",
            "/atlas/v2/relationship?" + V,
            rel,
            200,
            rel.replace("{\"typeName\"", "{\"guid\":\"rg\",\"typeName\""));
    var update = expect("PUT", "/atlas/v2/relationship?" + V, rel, 200, rel);
    var get =
        expect(
            "GET",
            "/atlas/v2/relationship/guid/rg?" + V + "&extendedInfo=true",
            null,
            200,
            "{\"relationship\":" + rel + "}");
    var delete = expect("DELETE", "/atlas/v2/relationship/guid/rg?" + V, null, 204, null);

    var client = client();
    assertThat(
            client
                .lineage()
                .getWithResponse("g1", LineageDirection.BOTH, 3, 5, null)
                .getValue()
                .relations())
        .hasSize(1);
    client.lineage().getByUniqueAttribute("t", "q 1", LineageDirection.INPUT, 1);
    client.lineage().getNextPage("g1", LineageDirection.OUTPUT, 10, 5);
    AtlasRelationship r =
        AtlasRelationship.of(
            "r", AtlasObjectId.ofGuid("a"), AtlasObjectId.ofQualifiedName("t", "q"));
    assertThat(client.relationships().create(r).guid()).isEqualTo("rg");
    client.relationships().update(r);
    assertThat(
            client
                .relationships()
                .getWithResponse("rg", true, null)
                .getValue()
                .relationship()
                .typeName())
        .isEqualTo("r");
    client.relationships().delete("rg");
    for (var p : List.of(l, lq, next, create, update, get, delete)) {
      verifyOnce(p);
    }
  }

  @Test
  void everyOtherGlossaryOperation() {
    String term = "{\"guid\":\"t1\",\"name\":\"Revenue\"}";
    String cat = "{\"guid\":\"c1\",\"name\":\"Finance\"}";
    var gl = client().glossary();
    record Op(String method, String url, String body, int status, String response, Runnable call) {}
    AtlasGlossaryTerm t = AtlasGlossaryTerm.of("gg", "Revenue");
    AtlasGlossaryCategory c = AtlasGlossaryCategory.of("gg", "Finance");
    String termJson = "{\"name\":\"Revenue\",\"anchor\":{\"glossaryGuid\":\"gg\"}}";
    String catJson = "{\"name\":\"Finance\",\"anchor\":{\"glossaryGuid\":\"gg\"}}";
    List<Op> ops =
        List.of(
            new Op(
                "PUT",
                "/atlas/v2/glossary/gg",
                "{\"name\":\"B\"}",
                200,
                "{\"guid\":\"gg\"}",
                () ->
                    assertThat(gl.updateGlossary("gg", AtlasGlossary.of("B", null)).guid())
                        .isEqualTo("gg")),
            new Op(
                "GET",
                "/atlas/v2/glossary/gg/terms/headers",
                null,
                200,
                "[{\"termGuid\":\"t1\"}]",
                () ->
                    assertThat(gl.listTermHeaders("gg"))
                        .extracting(AtlasRelatedTermHeader::termGuid)
                        .containsExactly("t1")),
            new Op(
                "GET",
                "/atlas/v2/glossary/gg/categories",
                null,
                200,
                "[" + cat + "]",
                () -> assertThat(gl.listCategories("gg")).hasSize(1)),
            new Op(
                "GET",
                "/atlas/v2/glossary/gg/categories/headers",
                null,
                200,
                "[{\"categoryGuid\":\"c1\"}]",
                () ->
                    assertThat(gl.listCategoryHeaders("gg").get(0).categoryGuid()).isEqualTo("c1")),
            new Op(
                "GET",
                "/atlas/v2/glossary/term/t1",
                null,
                200,
                term,
                () -> assertThat(gl.getTerm("t1").name()).isEqualTo("Revenue")),
            new Op(
                "POST",
                "/atlas/v2/glossary/terms",
                "[" + termJson + "]",
                200,
                "[" + term + "]",
                () -> assertThat(gl.createTerms(List.of(t))).hasSize(1)),
            new Op(
                "PUT",
                "/atlas/v2/glossary/term/t1",
                termJson,
                200,
                term,
                () -> gl.updateTerm("t1", t)),
            new Op(
                "PUT",
                "/atlas/v2/glossary/term/t1/partial",
                "{\"abbreviation\":\"REV\"}",
                200,
                term,
                () -> gl.partialUpdateTerm("t1", Map.of("abbreviation", "REV"))),
            new Op(
                "GET",
                "/atlas/v2/glossary/terms/t1/related",
                null,
                200,
                "{\"synonyms\":[{\"termGuid\":\"t2\"}]}",
                () -> assertThat(gl.listRelatedTerms("t1").get("synonyms")).hasSize(1)),
            new Op(
                "GET",
                "/atlas/v2/glossary/category/c1",
                null,
                200,
                cat,
                () -> assertThat(gl.getCategory("c1").guid()).isEqualTo("c1")),
            new Op(
                "POST",
                "/atlas/v2/glossary/categories",
                "[" + catJson + "]",
                200,
                "[" + cat + "]",
                () -> assertThat(gl.createCategories(List.of(c))).hasSize(1)),
            new Op(
                "PUT",
                "/atlas/v2/glossary/category/c1",
                catJson,
                200,
                cat,
                () -> gl.updateCategory("c1", c)),
            new Op(
                "PUT",
                "/atlas/v2/glossary/category/c1/partial",
                "{\"shortDescription\":\"s\"}",
                200,
                cat,
                () -> gl.partialUpdateCategory("c1", Map.of("shortDescription", "s"))),
            new Op(
                "GET",
                "/atlas/v2/glossary/category/c1/related",
                null,
                200,
                "{\"parentCategory\":[{\"categoryGuid\":\"c0\"}]}",
                () -> assertThat(gl.listRelatedCategories("c1")).containsKey("parentCategory")),
            new Op(
                "GET",
                "/atlas/v2/glossary/category/c1/terms",
                null,
                200,
                "[{\"termGuid\":\"t1\"}]",
                () -> assertThat(gl.listCategoryTerms("c1")).hasSize(1)),
            new Op(
                "DELETE",
                "/atlas/v2/glossary/category/c1",
                null,
                204,
                null,
                () -> gl.deleteCategory("c1")));
    for (Op op : ops) {
      var p = expect(op.method(), op.url() + "?" + V, op.body(), op.status(), op.response());
      op.call().run();
      verifyOnce(p);
    }
  }

  @Test
  void glossary() {
    String g = "{\"guid\":\"gg\",\"name\":\"Business\",\"shortDescription\":\"d\"}";
    var list = expect("GET", "/atlas/v2/glossary?" + V, null, 200, "[" + g + "]");
    var create =
        expect(
            "POST",
            "/atlas/v2/glossary?" + V,
            "{\"name\":\"Business\",\"shortDescription\":\"d\"}",
            200,
            g);
    var get = expect("GET", "/atlas/v2/glossary/gg?" + V, null, 200, g);
    var detailed =
        expect(
            "GET",
            "/atlas/v2/glossary/gg/detailed?" + V,
            null,
            200,
            "{\"guid\":\"gg\",\"termInfo\":{\"t1\":{\"guid\":\"t1\",\"name\":\"Revenue\"}}}");
    var partial =
        expect("PUT", "/atlas/v2/glossary/gg/partial?" + V, "{\"longDescription\":\"x\"}", 200, g);
    var term =
        expect(
            "POST",
            "/atlas/v2/glossary/term?" + V,
            "{\"name\":\"Revenue\",\"anchor\":{\"glossaryGuid\":\"gg\"}}",
            200,
            "{\"guid\":\"t1\",\"name\":\"Revenue\"}");
    var terms = expect("GET", "/atlas/v2/glossary/gg/terms?" + V, null, 200, "[{\"guid\":\"t1\"}]");
    var assign =
        expect(
            "POST",
            "/atlas/v2/glossary/terms/t1/assignedEntities?" + V,
            "[{\"guid\":\"g1\"}]",
            204,
            null);
    var unassign =
        expect(
            "DELETE",
            "/atlas/v2/glossary/terms/t1/assignedEntities?" + V,
            "[{\"guid\":\"g1\",\"relationshipGuid\":\"rel\"}]",
            204,
            null);
    var assigned =
        expect(
            "GET",
            "/atlas/v2/glossary/terms/t1/assignedEntities?" + V,
            null,
            200,
            "[{\"guid\":\"g1\",\"relationshipGuid\":\"rel\"}]");
    var category =
        expect(
            "POST",
            "/atlas/v2/glossary/category?" + V,
            "{\"name\":\"Finance\",\"anchor\":{\"glossaryGuid\":\"gg\"}}",
            200,
            "{\"guid\":\"c1\"}");
    var deleteTerm = expect("DELETE", "/atlas/v2/glossary/term/t1?" + V, null, 204, null);
    var deleteGlossary = expect("DELETE", "/atlas/v2/glossary/gg?" + V, null, 204, null);

    var gl = client().glossary();
    assertThat(gl.listGlossaries()).extracting(AtlasGlossary::name).containsExactly("Business");
    assertThat(gl.createGlossary(AtlasGlossary.of("Business", "d")).guid()).isEqualTo("gg");
    gl.getGlossary("gg");
    assertThat(gl.getGlossaryDetailed("gg").termInfo().get("t1").name()).isEqualTo("Revenue");
    gl.partialUpdateGlossary("gg", Map.of("longDescription", "x"));
    assertThat(gl.createTerm(AtlasGlossaryTerm.of("gg", "Revenue")).guid()).isEqualTo("t1");
    assertThat(gl.listTerms("gg")).hasSize(1);
    gl.assignTerm("t1", List.of(AtlasRelatedObjectId.ofGuid("g1")));
    List<AtlasRelatedObjectId> current = gl.listAssignedEntities("t1");
    gl.removeTermAssignment("t1", current);
    assertThat(gl.createCategory(AtlasGlossaryCategory.of("gg", "Finance")).guid()).isEqualTo("c1");
    gl.deleteTerm("t1");
    gl.deleteGlossary("gg");
    for (var p :
        List.of(
            list,
            create,
            get,
            detailed,
            partial,
            term,
            terms,
            assign,
            unassign,
            assigned,
            category,
            deleteTerm,
            deleteGlossary)) {
      verifyOnce(p);
    }
  }
}
