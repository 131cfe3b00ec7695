package dev.steward.purview.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EntityApiTest {
  static PurviewEmulator emulator;
  static Http http;

  @BeforeAll
  static void start() {
    emulator = PurviewEmulator.builder().start();
    http = new Http(emulator);
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  static String create(String type, String qn, String name) {
    Http.Response r =
        http.post(
            "/atlas/v2/entity",
            Http.json(
                "{'entity':{'typeName':'"
                    + type
                    + "','attributes':{'qualifiedName':'"
                    + qn
                    + "','name':'"
                    + name
                    + "'}}}"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("mutatedEntities").path("CREATE").get(0).path("guid").asText();
  }

  static void assertError(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().path("errorCode").asText()).isEqualTo(code);
    assertThat(r.json().path("requestId").asText()).hasSize(36);
    assertThat(r.json().path("errorMessage").asText()).isNotBlank();
  }

  @Test
  void missingOrWrongTokenIs401InPurviewsErrorShape() {
    assertError(http.send("GET", "/atlas/v2/types/typedefs", null, null), 401, "ATLAS-401-00-001");
    Http.Response wrong = http.send("GET", "/atlas/v2/types/typedefs", null, "not-the-token");
    assertError(wrong, 401, "ATLAS-401-00-001");
    assertThat(wrong.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void builtInTypesArePresent() {
    Http.Response r = http.get("/atlas/v2/types/typedefs");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .contains(
            "\"DataSet\"",
            "\"Process\"",
            "\"azure_sql_table\"",
            "\"azure_datalake_gen2_path\"",
            "\"adf_copy_activity\"",
            "\"databricks_table\"",
            "\"snowflake_table\"",
            "\"azure_synapse_dedicated_sql_table\"");
    Http.Response dataSet = http.get("/atlas/v2/types/entitydef/name/DataSet");
    assertThat(dataSet.json().path("subTypes").toString()).contains("azure_sql_table");
    assertError(http.get("/atlas/v2/types/typedef/name/no_such_type"), 404, "ATLAS-404-00-001");
  }

  @Test
  void createOrUpdateAssignsGuidsAndMatchesByQualifiedNamePerType() {
    String guid = create("azure_sql_table", "mssql://s/db/dbo/t1", "t1");
    Http.Response again =
        http.post(
            "/atlas/v2/entity",
            Http.json(
                "{'entity':{'typeName':'azure_sql_table','attributes':{'qualifiedName':'mssql://s/db/dbo/t1','name':'t1','description':'now described'}}}"));
    assertThat(again.json().path("mutatedEntities").path("UPDATE").get(0).path("guid").asText())
        .isEqualTo(guid);
    assertThat(again.json().path("guidAssignments").toString()).contains(guid);
    // Same qualifiedName, other type: a second entity.
    String other = create("azure_blob_path", "mssql://s/db/dbo/t1", "t1");
    assertThat(other).isNotEqualTo(guid);
    // Unchanged re-upload: nothing mutated.
    Http.Response same =
        http.post(
            "/atlas/v2/entity",
            Http.json(
                "{'entity':{'typeName':'azure_sql_table','attributes':{'qualifiedName':'mssql://s/db/dbo/t1','name':'t1','description':'now described'}}}"));
    assertThat(same.json().path("mutatedEntities").size()).isZero();

    JsonNode entity = http.get("/atlas/v2/entity/guid/" + guid).json().path("entity");
    assertThat(entity.path("attributes").path("description").asText()).isEqualTo("now described");
    assertThat(entity.path("lastModifiedTS").asText()).isEqualTo("2");
    Http.Response byUnique =
        http.get(
            "/atlas/v2/entity/uniqueAttribute/type/azure_sql_table?attr:qualifiedName="
                + Http.enc("mssql://s/db/dbo/t1"));
    assertThat(byUnique.json().path("entity").path("guid").asText()).isEqualTo(guid);
    // Supertype look-up finds subtypes.
    assertThat(
            http.get(
                    "/atlas/v2/entity/uniqueAttribute/type/DataSet?attr:qualifiedName="
                        + Http.enc("mssql://s/db/dbo/t1"))
                .status())
        .isEqualTo(200);
    assertError(
        http.get("/atlas/v2/entity/uniqueAttribute/type/azure_sql_table?attr:qualifiedName=nope"),
        404,
        "ATLAS-404-00-009");
    assertError(
        http.get("/atlas/v2/entity/guid/00000000-0000-0000-0000-000000000000"),
        404,
        "ATLAS-404-00-005");
    Http.Response header = http.get("/atlas/v2/entity/guid/" + guid + "/header");
    assertThat(header.json().path("displayText").asText()).isEqualTo("t1");
  }

  @Test
  void mandatoryAttributesAndEnumsAreValidated() {
    Http.Response noName =
        http.post(
            "/atlas/v2/entity",
            Http.json(
                "{'entity':{'typeName':'azure_sql_table','attributes':{'qualifiedName':'q/noname'}}}"));
    assertError(noName, 404, "ATLAS-404-00-007");
    assertThat(noName.json().path("errorMessage").asText())
        .contains("azure_sql_table.name: mandatory attribute value missing");
    Http.Response column =
        http.post(
            "/atlas/v2/entity",
            Http.json(
                "{'entity':{'typeName':'azure_sql_column','attributes':{'qualifiedName':'q#c','name':'c'}}}"));
    assertThat(column.json().path("errorMessage").asText())
        .contains(
            "azure_sql_column.data_type: mandatory attribute value missing in type azure_sql_column");
    assertError(
        http.post(
            "/atlas/v2/entity",
            Http.json(
                "{'entity':{'typeName':'no_such','attributes':{'qualifiedName':'x','name':'x'}}}")),
        404,
        "ATLAS-404-00-001");
    http.post(
        "/atlas/v2/types/typedefs",
        Http.json(
            "{'enumDefs':[{'name':'tier','elementDefs':[{'value':'GOLD'},{'value':'SILVER'}]}],"
                + "'entityDefs':[{'name':'tiered_set','superTypes':['DataSet'],'attributeDefs':[{'name':'tier','typeName':'tier'}]}]}"));
    assertError(
        http.post(
            "/atlas/v2/entity",
            Http.json(
                "{'entity':{'typeName':'tiered_set','attributes':{'qualifiedName':'t','name':'t','tier':'BRONZE'}}}")),
        404,
        "ATLAS-404-00-007");
    assertThat(
            http.post(
                    "/atlas/v2/entity",
                    Http.json(
                        "{'entity':{'typeName':'tiered_set','attributes':{'qualifiedName':'t','name':'t','tier':'GOLD'}}}"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void classificationAddedTwiceIs400AndLabelsWork() {
    String guid = create("azure_sql_table", "mssql://s/db/dbo/classified", "classified");
    String path = "/atlas/v2/entity/guid/" + guid;
    assertThat(
            http.post(
                    path + "/classifications",
                    Http.json("[{'typeName':'MICROSOFT.PERSONAL.EMAIL'}]"))
                .status())
        .isEqualTo(204);
    assertError(
        http.post(
            path + "/classifications", Http.json("[{'typeName':'MICROSOFT.PERSONAL.EMAIL'}]")),
        400,
        "ATLAS-400-00-01B");
    assertThat(
            http.get(path + "/classification/MICROSOFT.PERSONAL.EMAIL")
                .json()
                .path("entityGuid")
                .asText())
        .isEqualTo(guid);
    assertThat(
            http.put(
                    path + "/classifications",
                    Http.json("[{'typeName':'MICROSOFT.PERSONAL.EMAIL','attributes':{}}]"))
                .status())
        .isEqualTo(204);
    assertThat(http.delete(path + "/classification/MICROSOFT.PERSONAL.EMAIL", null).status())
        .isEqualTo(204);
    assertError(
        http.delete(path + "/classification/MICROSOFT.PERSONAL.EMAIL", null),
        400,
        "ATLAS-400-00-06D");
    assertError(
        http.post(path + "/classifications", Http.json("[{'typeName':'NO.SUCH.CLASS'}]")),
        400,
        "ATLAS-400-00-046");

    assertThat(http.put(path + "/labels", Http.json("['gold','pii']")).status()).isEqualTo(204);
    assertThat(http.delete(path + "/labels", Http.json("['pii']")).status()).isEqualTo(204);
    assertThat(http.get(path).json().path("entity").path("labels").toString())
        .isEqualTo("[\"gold\"]");
    assertError(http.put(path + "/labels", Http.json("['has space']")), 400, "ATLAS-400-00-090");
  }

  @Test
  void businessMetadataIsValidatedAgainstItsDefinition() {
    Http.Response def =
        http.post(
            "/atlas/v2/types/typedefs",
            Http.json(
                "{'businessMetadataDefs':[{'name':'Quality','attributeDefs':["
                    + "{'name':'score','typeName':'int','options':{'applicableEntityTypes':'[\\\"DataSet\\\"]'}},"
                    + "{'name':'note','typeName':'string','options':{'maxStrLength':'5','applicableEntityTypes':'[\\\"DataSet\\\"]'}}]}]}"));
    assertThat(def.status()).as(def.body()).isEqualTo(200);
    assertThat(def.json().path("businessMetadataDefs").get(0).path("category").asText())
        .isEqualTo("BUSINESS_METADATA");
    String guid = create("azure_sql_table", "mssql://s/db/dbo/bm", "bm");
    String path = "/atlas/v2/entity/guid/" + guid + "/businessmetadata";
    assertThat(http.post(path, Http.json("{'Quality':{'score':90}}")).status()).isEqualTo(204);
    assertError(http.post(path, Http.json("{'Nope':{'score':90}}")), 404, "ATLAS-404-00-007");
    assertError(http.post(path, Http.json("{'Quality':{'unknown':1}}")), 404, "ATLAS-404-00-007");
    assertError(
        http.post(path, Http.json("{'Quality':{'score':'high'}}")), 404, "ATLAS-404-00-007");
    assertError(
        http.post(path, Http.json("{'Quality':{'note':'too long'}}")), 404, "ATLAS-404-00-007");
    assertThat(http.post(path + "/Quality", Http.json("{'note':'ok'}")).status()).isEqualTo(204);
    JsonNode bm =
        http.get("/atlas/v2/entity/guid/" + guid).json().path("entity").path("businessAttributes");
    assertThat(bm.path("Quality").path("score").asInt()).isEqualTo(90);
    assertThat(bm.path("Quality").path("note").asText()).isEqualTo("ok");
    // A definition in use cannot be deleted.
    assertError(http.delete("/atlas/v2/types/typedef/name/Quality", null), 409, "ATLAS-409-00-002");
  }

  @Test
  void staleLastModifiedTsIs412() {
    String guid = create("azure_sql_table", "mssql://s/db/dbo/etag", "etag");
    String body =
        "{'entity':{'typeName':'azure_sql_table','lastModifiedTS':'%s','attributes':{'qualifiedName':'mssql://s/db/dbo/etag','name':'etag','description':'%s'}}}";
    assertThat(http.post("/atlas/v2/entity", Http.json(String.format(body, "1", "first"))).status())
        .isEqualTo(200);
    Http.Response stale =
        http.post("/atlas/v2/entity", Http.json(String.format(body, "1", "second")));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().path("errorCode").asText()).isEqualTo("PreconditionFailed");
    assertThat(
            http.post("/atlas/v2/entity", Http.json(String.format(body, "0", "create-only")))
                .status())
        .isEqualTo(412);
    assertThat(
            http.get("/atlas/v2/entity/guid/" + guid)
                .json()
                .path("entity")
                .path("attributes")
                .path("description")
                .asText())
        .isEqualTo("first");
  }

  @Test
  void partialUpdateBulkAndDelete() {
    Http.Response bulk =
        http.post(
            "/atlas/v2/entity/bulk",
            Http.json(
                "{'entities':["
                    + "{'typeName':'azure_blob_path','guid':'-1','attributes':{'qualifiedName':'https://a/b/1.csv','name':'1.csv'}},"
                    + "{'typeName':'azure_blob_path','guid':'-2','attributes':{'qualifiedName':'https://a/b/2.csv','name':'2.csv'}}]}"));
    String g1 = bulk.json().path("guidAssignments").path("-1").asText();
    String g2 = bulk.json().path("guidAssignments").path("-2").asText();
    assertThat(bulk.json().path("mutatedEntities").path("CREATE")).hasSize(2);
    Http.Response partial =
        http.put("/atlas/v2/entity/guid/" + g1 + "?name=description", "\"renamed\"");
    assertThat(
            partial
                .json()
                .path("mutatedEntities")
                .path("PARTIAL_UPDATE")
                .get(0)
                .path("guid")
                .asText())
        .isEqualTo(g1);
    Http.Response list = http.get("/atlas/v2/entity/bulk?guid=" + g1 + "&guid=" + g2);
    assertThat(list.json().path("entities")).hasSize(2);
    Http.Response deleted = http.delete("/atlas/v2/entity/bulk?guid=" + g1 + "&guid=" + g2, null);
    assertThat(deleted.json().path("mutatedEntities").path("DELETE")).hasSize(2);
    assertThat(
            http.get("/atlas/v2/entity/guid/" + g1).json().path("entity").path("status").asText())
        .isEqualTo("DELETED");
    assertThat(
            http.get(
                    "/atlas/v2/entity/uniqueAttribute/type/azure_blob_path?attr:qualifiedName="
                        + Http.enc("https://a/b/1.csv"))
                .status())
        .isEqualTo(404);
  }

  @Test
  void lineageFollowsProcessInputsAndOutputs() {
    create("azure_sql_table", "mssql://s/db/dbo/src", "src");
    create("azure_datalake_gen2_path", "https://lake/raw/src.parquet", "src.parquet");
    Http.Response process =
        http.post(
            "/atlas/v2/entity",
            Http.json(
                "{'entity':{'typeName':'adf_copy_activity','attributes':{'qualifiedName':'adf://copy','name':'copy',"
                    + "'inputs':[{'typeName':'azure_sql_table','uniqueAttributes':{'qualifiedName':'mssql://s/db/dbo/src'}}],"
                    + "'outputs':[{'typeName':'azure_datalake_gen2_path','uniqueAttributes':{'qualifiedName':'https://lake/raw/src.parquet'}}]}}}"));
    assertThat(process.status()).as(process.body()).isEqualTo(200);
    Http.Response lineage =
        http.get(
            "/atlas/v2/lineage/uniqueAttribute/type/azure_datalake_gen2_path?direction=INPUT&depth=2&attr:qualifiedName="
                + Http.enc("https://lake/raw/src.parquet"));
    assertThat(lineage.status()).as(lineage.body()).isEqualTo(200);
    assertThat(lineage.json().path("relations")).hasSize(2);
    assertThat(lineage.json().path("guidEntityMap")).hasSize(3);
    Http.Response missingRef =
        http.post(
            "/atlas/v2/entity",
            Http.json(
                "{'entity':{'typeName':'Process','attributes':{'qualifiedName':'p2','name':'p2',"
                    + "'inputs':[{'typeName':'azure_sql_table','uniqueAttributes':{'qualifiedName':'nowhere'}}]}}}"));
    assertError(missingRef, 404, "ATLAS-404-00-00A");
  }

  @Test
  void unimplementedAndUnknownRoutesAnswer501() {
    assertError(http.get("/atlas/v2/search/dsl?query=x"), 501, "NotImplemented");
    assertError(http.send("PATCH", "/atlas/v2/entity", "{}"), 501, "NotImplemented");
    assertError(http.post("/search/query", "{}"), 400, "ATLAS-400-00-01A");
    assertError(http.post("/atlas/v2/entity", "{not json"), 400, "ATLAS-400-00-029");
  }
}
