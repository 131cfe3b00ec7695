package dev.steward.purview.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.steward.purview.emulator.implementation.EmulatorServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Walks every example of {@code ../shared/purview-examples/2023-09-01/}: creates what the request
 * refers to, sends the example's request, and checks the response has the example response's status
 * and shape (same field names and JSON types at every path the example shows).
 */
class FidelityTest {
  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern DYNAMIC_KEY = Pattern.compile("(-?\\d+)|" + GUID.pattern());
  private static final Set<String> QUERY =
      Set.of(
          "api-version",
          "minExtInfo",
          "ignoreRelationships",
          "collectionId",
          "name",
          "limit",
          "offset",
          "sort",
          "includeTermTemplate",
          "type",
          "depth",
          "width",
          "direction",
          "extendedInfo",
          "excludeRelationshipTypes",
          "isOverwrite",
          "businessAttributeUpdateBehavior",
          "ignoreTermsAndCategories",
          "includeTermHierarchy");
  private static final Map<String, String> ALIASES =
      Map.of("termId", "termGuid", "glossaryId", "glossaryGuid", "categoryId", "categoryGuid");

  /** Known misspellings in Microsoft's examples (research notes, quirk 1). */
  private static final Set<String> QUIRKS = Set.of("continuousToken");

  /** Fields Purview sends only in some answers: hit highlights depend on what matched. */
  private static final Set<String> OPTIONAL = Set.of("@search.highlights");

  /**
   * Examples whose answer the emulator deliberately does not copy, with the reason. They are
   * reported, not failed.
   */
  static final Map<String, String> DIVERGENCES =
      Map.of(
          "Entity_PartialUpdateAttributeByGuid.json",
          "the example lists the entity under mutatedEntities.CREATE; Atlas reports a partial update"
              + " under PARTIAL_UPDATE, as the emulator does");

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  record Source(String file, String operationId, String method, String template) {}

  @Test
  void everyExampleIsAnsweredWithTheExampleShape() throws Exception {
    Path dir = Path.of(System.getProperty("steward.examples.dir", "../../shared/purview-examples"));
    Assumptions.assumeTrue(
        Files.isDirectory(dir.resolve("2023-09-01")), "examples not found at " + dir);
    List<Source> sources = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("SOURCES.tsv"))) {
      String[] cells = line.split("\t");
      if (line.startsWith("#") || cells.length < 7 || cells[0].equals("file")) {
        continue;
      }
      sources.add(new Source(cells[0], cells[4], cells[5], cells[6]));
    }
    Map<String, String> failures = new TreeMap<>();
    int passed = 0;
    int notImplemented = 0;
    try (PurviewEmulator emulator = PurviewEmulator.builder().start()) {
      for (Source source : sources) {
        emulator.reset();
        JsonNode example =
            Http.MAPPER.readTree(dir.resolve("2023-09-01").resolve(source.file()).toFile());
        try {
          String problem = new Case(emulator, source, example).run();
          if (problem != null && DIVERGENCES.containsKey(source.file())) {
            System.out.println(
                "  divergence "
                    + source.file()
                    + ": "
                    + DIVERGENCES.get(source.file())
                    + " ("
                    + problem
                    + ")");
            continue;
          }
          if (problem == null) {
            passed++;
          } else if (problem.startsWith("501")) {
            notImplemented++;
            failures.put(source.file(), problem);
          } else {
            failures.put(source.file(), problem);
          }
        } catch (RuntimeException e) {
          failures.put(source.file(), "harness: " + e);
        }
      }
    }
    System.out.printf(
        "Fidelity: %d of %d examples answered with the example's status and shape (%d not implemented, %d deliberate divergences)%n",
        passed, sources.size(), notImplemented, DIVERGENCES.size());
    failures.forEach((file, problem) -> System.out.println("  " + file + ": " + problem));
    assertThat(sources).hasSize(115);
    assertThat(failures).as("examples whose answer differs from the example").isEmpty();
  }

  /** One example: fixtures, request, comparison. */
  static final class Case {
    final PurviewEmulator emulator;
    final Http http;
    final Source source;
    final JsonNode example;
    final ObjectNode params;
    final Map<String, String> ids = new LinkedHashMap<>();
    int counter;

    Case(PurviewEmulator emulator, Source source, JsonNode example) {
      this.emulator = emulator;
      this.http = new Http(emulator);
      this.source = source;
      this.example = example;
      this.params = (ObjectNode) untemplate(example.get("parameters").deepCopy());
    }

    String run() throws IOException, InterruptedException {
      JsonNode expected = example.path("responses").elements().next().path("body");
      int expectedStatus = Integer.parseInt(example.path("responses").fieldNames().next());
      prepare(expected);
      substitute(params);
      realContinuationToken();
      HttpResponse<String> response = send();
      if (response.statusCode() != expectedStatus) {
        return response.statusCode() + " instead of " + expectedStatus + ": " + response.body();
      }
      if (expected.isMissingNode() || expected.isNull()) {
        return response.body().isEmpty() ? null : "expected no body, got " + response.body();
      }
      JsonNode actual =
          expected.isTextual() && !response.body().startsWith("\"")
              ? TextNode.valueOf(response.body())
              : Http.MAPPER.readTree(response.body());
      List<String> problems = new ArrayList<>();
      compare("$", expected, actual, problems);
      return problems.isEmpty()
          ? null
          : String.join("; ", problems.subList(0, Math.min(5, problems.size())));
    }

    /** A token from another session is refused; page 1 of the same body gives a real one. */
    private void realContinuationToken() {
      JsonNode body = bodyParam();
      if (body.isObject() && body.has("continuationToken")) {
        ObjectNode first = ((ObjectNode) body).deepCopy();
        first.remove("continuationToken");
        Http.Response page = http.post("/search/query?api-version=2023-09-01", first);
        ((ObjectNode) body)
            .put("continuationToken", page.json().path("continuationToken").asText());
      }
    }

    // -------------------------------------------------------------- fixtures

    private void prepare(JsonNode expected) {
      String op = source.operationId();
      // Definitions the request names.
      if (op.startsWith("Type_Get") && !op.equals("Type_GetRelationshipDefByName")) {
        ensureType(expected);
      }
      if (op.equals("Type_BulkUpdate") || op.equals("Type_BulkDelete")) {
        post("/atlas/v2/types/typedefs", bodyParam());
      }
      if (op.equals("Type_Delete")) {
        post(
            "/atlas/v2/types/typedefs",
            Http.json(
                "{'structDefs':[{'name':'"
                    + params.path("name").asText()
                    + "','attributeDefs':[]}]}"));
      }
      if (op.startsWith("Entity_")
          && op.contains("BusinessMetadata")
          && !op.contains("Import")
          && !op.contains("Template")) {
        JsonNode body = bodyParam();
        String bmName =
            params.has("businessMetadataName")
                ? params.path("businessMetadataName").asText()
                : null;
        if (bmName != null) {
          businessMetadata(bmName, body);
        } else {
          body.fields().forEachRemaining(e -> businessMetadata(e.getKey(), e.getValue()));
        }
      }
      if (op.equals("Discovery_Query") && params.toString().contains("BusinessMetadataName")) {
        businessMetadata(
            "BusinessMetadataName",
            Http.json(
                "{'StringAttributeName':'s','NumberAttributeName':1,'BooleanAttributeName':true,'DateAttributeName':1}"));
      }
      if (source.file().startsWith("Glossary_CreateTermWithTemplate")) {
        bodyParam()
            .path("attributes")
            .fields()
            .forEachRemaining(e -> termTemplate(e.getKey(), e.getValue()));
      }
      if (op.equals("Type_GetRelationshipDefByName")) {
        for (String end : List.of("endDef1", "endDef2")) {
          String type = expected.path(end).path("type").asText();
          if (http.get("/atlas/v2/types/typedef/name/" + type).status() == 404) {
            post(
                "/atlas/v2/types/typedefs",
                Http.json("{'entityDefs':[{'name':'" + type + "','superTypes':['DataSet']}]}"));
          }
        }
        ensureType(expected);
      }
      // Entities the answer reports as updated exist before the request.
      for (JsonNode header : expected.path("mutatedEntities").path("UPDATE")) {
        if (!source.template().contains("moveTo")) {
          ObjectNode entity = JsonNodeFactory.instance.objectNode();
          entity.put("typeName", header.path("typeName").asText());
          entity
              .putObject("attributes")
              .put("qualifiedName", header.path("attributes").path("qualifiedName").asText())
              .put("name", "before");
          createEntity(entity);
        }
      }
      // Entities named by type and unique attribute.
      if (source.template().contains("uniqueAttribute")
          && params.has("attr:qualifiedName")
          && !op.startsWith("Lineage_")) {
        ids.put("unique", entityFor("unique"));
      }
      // Objects the request refers to by guid.
      collect(params, null, null);
      if (source.file().startsWith("Glossary_RemoveTermAssignment")) {
        String term = ids.get(params.path("termId").asText());
        for (JsonNode id : params.path("relatedObjectIds")) {
          String entity = ids.get(id.path("guid").asText());
          http.post(
              "/atlas/v2/glossary/terms/" + term + "/assignedEntities",
              Http.json("[{'guid':'" + entity + "'}]"));
          String relationship =
              http.get("/atlas/v2/glossary/terms/" + term + "/assignedEntities")
                  .json()
                  .get(0)
                  .path("relationshipGuid")
                  .asText();
          ids.put(id.path("relationshipGuid").asText(), relationship);
        }
      }
      if (op.startsWith("Discovery_") && expected.has("value")) {
        searchFixtures(expected);
      }
      if (op.startsWith("Lineage_")) {
        lineageFixture();
      }
    }

    private JsonNode bodyParam() {
      for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (isBody(e.getKey(), e.getValue())) {
          return e.getValue();
        }
      }
      return JsonNodeFactory.instance.missingNode();
    }

    private boolean isBody(String key, JsonNode value) {
      if (key.equals("Endpoint")
          || QUERY.contains(key)
          || key.startsWith("attr")
          || isPathParam(key)) {
        return false;
      }
      if (key.equals("guid") && value.isArray()) {
        return false;
      }
      return true;
    }

    private boolean isPathParam(String key) {
      for (String segment : source.template().split("/")) {
        if (segment.startsWith("{")) {
          String name = segment.substring(1, segment.length() - 1);
          if (name.equals(key) || key.equals(ALIASES.get(name))) {
            return true;
          }
        }
      }
      return false;
    }

    private void ensureType(JsonNode def) {
      String name = params.has("name") ? params.path("name").asText() : def.path("name").asText();
      if (http.get("/atlas/v2/types/typedef/name/" + Http.enc(name)).status() == 200) {
        String guid =
            http.get("/atlas/v2/types/typedef/name/" + Http.enc(name)).json().path("guid").asText();
        ids.put(def.path("guid").asText(), guid);
        return;
      }
      ObjectNode copy = def.deepCopy();
      String category = copy.path("category").asText();
      for (JsonNode attr : copy.path("attributeDefs")) {
        String t = attr.path("typeName").asText().replaceAll("^array<(.*)>$", "$1");
        if (!Set.of("string", "int", "long", "date", "boolean", "float", "double").contains(t)
            && http.get("/atlas/v2/types/typedef/name/" + Http.enc(t)).status() == 404) {
          post(
              "/atlas/v2/types/typedefs",
              Http.json("{'enumDefs':[{'name':'" + t + "','elementDefs':[{'value':'A'}]}]}"));
        }
      }
      String array =
          switch (category) {
            case "ENUM" -> "enumDefs";
            case "STRUCT" -> "structDefs";
            case "CLASSIFICATION" -> "classificationDefs";
            case "RELATIONSHIP" -> "relationshipDefs";
            case "BUSINESS_METADATA" -> "businessMetadataDefs";
            case "TERM_TEMPLATE" -> "termTemplateDefs";
            default -> "entityDefs";
          };
      copy.remove("subTypes");
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.putArray(array).add(copy);
      JsonNode created = post("/atlas/v2/types/typedefs", body);
      ids.put(def.path("guid").asText(), created.path(array).get(0).path("guid").asText());
    }

    private void businessMetadata(String name, JsonNode attributes) {
      ObjectNode def = JsonNodeFactory.instance.objectNode();
      ObjectNode bm = def.putArray("businessMetadataDefs").addObject();
      bm.put("name", name);
      ArrayNode attrs = bm.putArray("attributeDefs");
      attributes
          .fields()
          .forEachRemaining(
              e -> {
                ObjectNode a = attrs.addObject();
                a.put("name", e.getKey());
                a.put(
                    "typeName",
                    e.getValue().isBoolean()
                        ? "boolean"
                        : e.getValue().isNumber() ? "long" : "string");
              });
      post("/atlas/v2/types/typedefs", def);
    }

    private void termTemplate(String name, JsonNode values) {
      ObjectNode def = JsonNodeFactory.instance.objectNode();
      ObjectNode template = def.putArray("termTemplateDefs").addObject();
      template.put("name", name);
      ArrayNode attrs = template.putArray("attributeDefs");
      values
          .fields()
          .forEachRemaining(
              e -> {
                ObjectNode a = attrs.addObject();
                a.put("name", e.getKey());
                a.put(
                    "typeName",
                    e.getValue().isArray()
                        ? "array<string>"
                        : e.getValue().isNumber() ? "date" : "string");
              });
      post("/atlas/v2/types/typedefs", def);
    }

    /** Finds guids by the key they sit under and creates the object each one names. */
    private void collect(JsonNode node, String key, JsonNode parent) {
      if (node.isTextual()
          && GUID.matcher(node.asText()).matches()
          && !ids.containsKey(node.asText())) {
        String guid = node.asText();
        String kind = kindOf(key, parent);
        if (kind != null) {
          ids.put(guid, create(kind, guid, parent));
        }
        return;
      }
      if (node.isObject()) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        // Glossaries first, then categories and terms, then everything else.
        keys.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        for (String k : keys) {
          if (node.get(k).isObject() && k.equals("guidHeaderMap")) {
            node.get(k)
                .fields()
                .forEachRemaining(
                    e -> {
                      if (!ids.containsKey(e.getKey())) {
                        ids.put(
                            e.getKey(),
                            entity(
                                e.getValue().path("typeName").asText("azure_storage_account"),
                                e.getValue()
                                    .path("attributes")
                                    .path("qualifiedName")
                                    .asText(null)));
                      }
                    });
            continue;
          }
          collect(node.get(k), k, node);
        }
      } else if (node.isArray()) {
        for (JsonNode element : node) {
          collect(element, key, parent);
        }
      }
    }

    private static int rank(String key) {
      return key.toLowerCase().contains("glossary") || key.equals("anchor")
          ? 0
          : key.toLowerCase().contains("categor") ? 1 : key.toLowerCase().contains("term") ? 2 : 3;
    }

    private String kindOf(String key, JsonNode parent) {
      if (key == null) {
        return null;
      }
      String op = source.operationId();
      switch (key) {
        case "glossaryGuid", "glossaryId":
          return "glossary";
        case "termGuid", "termId":
          return "term";
        case "categoryGuid", "categoryId":
          return "category";
        case "entityGuids", "id":
          return op.startsWith("Type_") ? null : "entity";
        case "guid":
          if (op.startsWith("Type_")) {
            return null;
          }
          if (parent != null && "AtlasGlossaryTerm".equals(parent.path("typeName").asText())) {
            return "term";
          }
          if (op.startsWith("Relationship_") && parent != null && parent.has("end1")) {
            return op.equals("Relationship_Create") ? null : "relationship";
          }
          if (op.startsWith("Relationship_Get")) {
            return "relationship";
          }
          if (op.startsWith("Glossary_") && parent != null && parent.has("anchor")) {
            return null;
          }
          return "entity";
        default:
          return null;
      }
    }

    private String create(String kind, String exampleGuid, JsonNode parent) {
      counter++;
      switch (kind) {
        case "glossary":
          {
            ObjectNode body =
                shownFields(
                    exampleGuid, "shortDescription", "longDescription", "language", "usage");
            body.put("name", "Glossary" + counter);
            String glossaryGuid = post("/atlas/v2/glossary", body).path("guid").asText();
            JsonNode shown = shownFor(exampleGuid);
            if (shown != null
                && shown.path("categories").toString().contains("parentCategoryGuid")) {
              String parentGuid =
                  post(
                          "/atlas/v2/glossary/category",
                          Http.json(
                              "{'name':'Top"
                                  + (++counter)
                                  + "','anchor':{'glossaryGuid':'"
                                  + glossaryGuid
                                  + "'}}"))
                      .path("guid")
                      .asText();
              post(
                  "/atlas/v2/glossary/category",
                  Http.json(
                      "{'name':'Sub"
                          + (++counter)
                          + "','anchor':{'glossaryGuid':'"
                          + glossaryGuid
                          + "'},'parentCategory':{'categoryGuid':'"
                          + parentGuid
                          + "'}}"));
            }
            return glossaryGuid;
          }
        case "term":
          {
            String glossary = anyGlossary();
            ObjectNode body =
                shownFields(
                    exampleGuid,
                    "shortDescription",
                    "longDescription",
                    "abbreviation",
                    "status",
                    "contacts",
                    "resources");
            body.put("name", "Term" + counter);
            body.putObject("anchor").put("glossaryGuid", glossary);
            JsonNode shown = shownFor(exampleGuid);
            if (source.file().contains("RelatedTerms")) {
              shown = example.path("responses").path("200").path("body");
            }
            for (String relation : List.of("seeAlso", "synonyms")) {
              if (shown != null && shown.path(relation).size() > 0) {
                String related =
                    post(
                            "/atlas/v2/glossary/term",
                            Http.json(
                                "{'name':'Related"
                                    + (++counter)
                                    + "','anchor':{'glossaryGuid':'"
                                    + glossary
                                    + "'}}"))
                        .path("guid")
                        .asText();
                body.putArray(relation).addObject().put("termGuid", related);
              }
            }
            if (shown != null && shown.path("categories").size() > 0) {
              String category =
                  post(
                          "/atlas/v2/glossary/category",
                          Http.json(
                              "{'name':'Cat"
                                  + (++counter)
                                  + "','anchor':{'glossaryGuid':'"
                                  + glossary
                                  + "'}}"))
                      .path("guid")
                      .asText();
              body.putArray("categories").addObject().put("categoryGuid", category);
            }
            String termGuid = post("/atlas/v2/glossary/term", body).path("guid").asText();
            if (shown != null && shown.path("assignedEntities").size() > 0) {
              String entity = entity("azure_storage_account", null);
              http.post(
                  "/atlas/v2/glossary/terms/" + termGuid + "/assignedEntities",
                  Http.json("[{'guid':'" + entity + "'}]"));
            }
            return termGuid;
          }
        case "category":
          {
            String glossary = anyGlossary();
            ObjectNode body = shownFields(exampleGuid, "shortDescription", "longDescription");
            body.put("name", "Category" + counter);
            body.putObject("anchor").put("glossaryGuid", glossary);
            JsonNode shown = shownFor(exampleGuid);
            if (shown != null && shown.has("parentCategory")
                || source.file().contains("RelatedCategories")) {
              String parentGuid =
                  post(
                          "/atlas/v2/glossary/category",
                          Http.json(
                              "{'name':'Parent"
                                  + (++counter)
                                  + "','anchor':{'glossaryGuid':'"
                                  + glossary
                                  + "'}}"))
                      .path("guid")
                      .asText();
              body.putObject("parentCategory").put("categoryGuid", parentGuid);
            }
            if (shown != null && shown.path("terms").size() > 0) {
              String term =
                  post(
                          "/atlas/v2/glossary/term",
                          Http.json(
                              "{'name':'InCat"
                                  + (++counter)
                                  + "','anchor':{'glossaryGuid':'"
                                  + glossary
                                  + "'}}"))
                      .path("guid")
                      .asText();
              body.putArray("terms").addObject().put("termGuid", term);
            }
            String guid = post("/atlas/v2/glossary/category", body).path("guid").asText();
            if (shown != null && shown.path("childrenCategories").size() > 0
                || source.file().contains("RelatedCategories")) {
              post(
                  "/atlas/v2/glossary/category",
                  Http.json(
                      "{'name':'Child"
                          + (++counter)
                          + "','anchor':{'glossaryGuid':'"
                          + glossary
                          + "'},'parentCategory':{'categoryGuid':'"
                          + guid
                          + "'}}"));
            }
            return guid;
          }
        case "relationship":
          {
            String glossary = anyGlossary();
            String t1 =
                post(
                        "/atlas/v2/glossary/term",
                        Http.json(
                            "{'name':'RelA"
                                + counter
                                + "','anchor':{'glossaryGuid':'"
                                + glossary
                                + "'}}"))
                    .path("guid")
                    .asText();
            String t2 =
                post(
                        "/atlas/v2/glossary/term",
                        Http.json(
                            "{'name':'RelB"
                                + counter
                                + "','anchor':{'glossaryGuid':'"
                                + glossary
                                + "'}}"))
                    .path("guid")
                    .asText();
            return post(
                    "/atlas/v2/relationship",
                    Http.json(
                        "{'typeName':'AtlasGlossarySynonym','end1':{'guid':'"
                            + t1
                            + "','typeName':'AtlasGlossaryTerm'},'end2':{'guid':'"
                            + t2
                            + "','typeName':'AtlasGlossaryTerm'}}"))
                .path("guid")
                .asText();
          }
        default:
          return entityFor(exampleGuid);
      }
    }

    private ObjectNode shownFields(String guid, String... fields) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      JsonNode shown = shownFor(guid);
      if (shown != null) {
        for (String field : fields) {
          if (shown.hasNonNull(field)) {
            out.set(field, shown.get(field));
          }
        }
      }
      return out;
    }

    /** The object the example shows for a guid; for the path's own object, the answer body. */
    private JsonNode shownFor(String guid) {
      JsonNode found = findByGuid(example.path("responses"), guid);
      if (found == null) {
        for (String key :
            List.of(
                "termId", "termGuid", "categoryId", "categoryGuid", "glossaryId", "glossaryGuid")) {
          JsonNode body = example.path("responses").path("200").path("body");
          if (params.path(key).asText().equals(guid)
              && isPathParam(key)
              && body.has("qualifiedName")) {
            return body;
          }
        }
      }
      return found;
    }

    private static JsonNode findByGuid(JsonNode node, String guid) {
      if (node.isObject()) {
        if (guid.equals(node.path("guid").asText()) && node.has("qualifiedName")) {
          return node;
        }
        for (JsonNode child : node) {
          JsonNode found = findByGuid(child, guid);
          if (found != null) {
            return found;
          }
        }
      } else if (node.isArray()) {
        for (JsonNode child : node) {
          JsonNode found = findByGuid(child, guid);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    }

    private String anyGlossary() {
      for (String created : ids.values()) {
        if (http.get("/atlas/v2/glossary/" + created).status() == 200) {
          return created;
        }
      }
      String guid =
          post("/atlas/v2/glossary", Http.json("{'name':'Fixture" + (++counter) + "'}"))
              .path("guid")
              .asText();
      ids.put("fixture-glossary-" + counter, guid);
      return guid;
    }

    /** An entity for an example guid: from the example response when it shows that entity. */
    private String entityFor(String exampleGuid) {
      JsonNode expected = example.path("responses").elements().next().path("body");
      JsonNode shown =
          expected.path("entity").path("guid").asText().equals(exampleGuid)
              ? expected.path("entity")
              : expected.path("guid").asText().equals(exampleGuid) && expected.has("typeName")
                  ? expected
                  : null;
      for (JsonNode e : expected.path("entities")) {
        if (e.path("guid").asText().equals(exampleGuid)) {
          shown = e;
        }
      }
      if (exampleGuid.equals("unique") && expected.has("entity")) {
        shown = expected.path("entity");
      }
      String op = source.operationId();
      String type = params.path("typeName").asText("azure_storage_account");
      if (type.equals("Asset") || type.equals("column") && !op.contains("Classification")) {
        type = "azure_storage_account";
      }
      String qn =
          params.has("attr:qualifiedName") ? params.path("attr:qualifiedName").asText() : null;
      ObjectNode entity = JsonNodeFactory.instance.objectNode();
      if (shown != null) {
        entity = shown.deepCopy();
        entity.remove("guid");
        entity.remove("lastModifiedTS");
        entity.remove("classificationNames");
        entity.remove("meaningNames");
        entity.remove("meanings");
        entity.remove("displayText");
        JsonNode relationshipAttributes = entity.remove("relationshipAttributes");
        if (relationshipAttributes != null) {
          ObjectNode refs = entity.putObject("relationshipAttributes");
          relationshipAttributes
              .fields()
              .forEachRemaining(
                  e -> {
                    if (e.getValue().isObject() && e.getValue().has("guid")) {
                      String target = entity(e.getValue().path("typeName").asText(), null);
                      refs.putObject(e.getKey()).put("guid", target);
                    }
                  });
        }
        if (qn != null) {
          ((ObjectNode) entity.path("attributes")).put("qualifiedName", qn);
        }
      } else {
        entity.put("typeName", type);
        ObjectNode attrs = entity.putObject("attributes");
        attrs.put("qualifiedName", qn != null ? qn : "fixture://" + exampleGuid);
        attrs.put("name", "fixture" + counter);
        attrs.put("owner", "ExampleOwner");
        attrs.put("createTime", 0);
        if (params.has("name") && op.equals("Entity_PartialUpdateAttributeByGuid")) {
          attrs.put(params.path("name").asText(), "before");
        }
      }
      ObjectNode attrs = (ObjectNode) entity.path("attributes");
      if (!attrs.has("name") || attrs.get("name").isNull()) {
        attrs.put("name", "fixture" + counter);
      }
      if (!attrs.hasNonNull("qualifiedName")) {
        attrs.put("qualifiedName", "fixture://" + exampleGuid);
      }
      String guid = createEntity(entity);
      // Classifications the request removes, updates or reads must be there first.
      if (op.contains("RemoveClassification")
          || op.contains("GetClassification")
          || op.startsWith("Entity_UpdateClassifications")) {
        String name =
            params.has("classificationName") ? params.path("classificationName").asText() : null;
        List<String> names = new ArrayList<>();
        if (name != null) {
          names.add(name);
        } else {
          bodyParam().forEach(c -> names.add(c.path("typeName").asText()));
        }
        for (String n : names) {
          http.post(
              "/atlas/v2/entity/guid/" + guid + "/classifications",
              Http.json("[{'typeName':'" + n + "'}]"));
        }
      }
      if (op.equals("Entity_GetHeader") && shown == null) {
        http.post(
            "/atlas/v2/entity/guid/" + guid + "/classifications",
            Http.json("[{'typeName':'MICROSOFT.PERSONAL.EMAIL'}]"));
      }
      if (op.contains("RemoveBusiness")) {
        JsonNode body = bodyParam();
        ObjectNode bm = JsonNodeFactory.instance.objectNode();
        if (params.has("businessMetadataName")) {
          bm.set(params.path("businessMetadataName").asText(), body);
        } else {
          bm.setAll((ObjectNode) body);
        }
        http.post("/atlas/v2/entity/guid/" + guid + "/businessmetadata", bm);
      }
      return guid;
    }

    private String entity(String type, String qualifiedName) {
      counter++;
      ObjectNode entity = JsonNodeFactory.instance.objectNode();
      entity.put("typeName", type.isEmpty() ? "azure_storage_account" : type);
      ObjectNode attrs = entity.putObject("attributes");
      attrs.put("qualifiedName", qualifiedName != null ? qualifiedName : "fixture://" + counter);
      attrs.put("name", "fixture" + counter);
      return createEntity(entity);
    }

    private String createEntity(ObjectNode entity) {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.set("entity", entity);
      JsonNode result = post("/atlas/v2/entity", body);
      Iterator<JsonNode> assigned = result.path("guidAssignments").elements();
      return assigned.next().asText();
    }

    private void searchFixtures(JsonNode expected) {
      JsonNode hits = expected.path("value");
      int copies = expected.has("continuationToken") || expected.has("continuousToken") ? 12 : 1;
      for (JsonNode hit : hits) {
        for (int copy = 0; copy < copies; copy++) {
          if (hit.path("objectType").asText().equals("Glossary terms") || hit.has("glossaryType")) {
            String glossary = anyGlossary();
            ObjectNode term =
                Http.json("{'anchor':{'glossaryGuid':'" + glossary + "'}}").deepCopy();
            term.put("name", hit.path("name").asText() + (copy == 0 ? "" : copy));
            term.put("status", hit.path("termStatus").asText("Approved"));
            term.put("longDescription", hit.path("longDescription").asText(""));
            post("/atlas/v2/glossary/term", term);
            continue;
          }
          String type = hit.path("entityType").asText("azure_blob_path");
          ObjectNode entity = JsonNodeFactory.instance.objectNode();
          entity.put("typeName", type);
          ObjectNode attrs = entity.putObject("attributes");
          String prefix = copy == 0 ? "" : "c" + copy + "_";
          attrs.put(
              "qualifiedName",
              hit.path("qualifiedName").asText().replaceFirst("([^/]*)$", prefix + "$1"));
          attrs.put("name", prefix + hit.path("name").asText("x"));
          attrs.set(
              "description",
              hit.path("description").isMissingNode()
                  ? JsonNodeFactory.instance.nullNode()
                  : hit.get("description"));
          if (hit.hasNonNull("owner")) {
            attrs.set("owner", hit.get("owner"));
          }
          if (type.endsWith("_column")) {
            attrs.put("data_type", "string");
          }
          ArrayNode classifications = entity.putArray("classifications");
          hit.path("classification")
              .forEach(c -> classifications.addObject().put("typeName", c.asText()));
          ArrayNode labels = entity.putArray("labels");
          hit.path("label").forEach(labels::add);
          if (!hit.path("contact").isEmpty()) {
            ObjectNode contacts = entity.putObject("contacts");
            hit.path("contact")
                .forEach(
                    c ->
                        contacts
                            .withArray(c.path("contactType").asText())
                            .addObject()
                            .put("id", c.path("id").asText())
                            .put("info", c.path("info").asText()));
          }
          String guid = createEntity(entity);
          if (copy == 0) {
            ids.put(hit.path("id").asText(), guid);
          }
          for (JsonNode term : hit.path("term")) {
            String glossary =
                post(
                        "/atlas/v2/glossary",
                        Http.json(
                            "{'name':'"
                                + term.path("glossaryName").asText("Glossary")
                                + (counter++)
                                + "'}"))
                    .path("guid")
                    .asText();
            String termGuid =
                post(
                        "/atlas/v2/glossary/term",
                        Http.json(
                            "{'name':'"
                                + term.path("name").asText()
                                + "','anchor':{'glossaryGuid':'"
                                + glossary
                                + "'}}"))
                    .path("guid")
                    .asText();
            http.post(
                "/atlas/v2/glossary/terms/" + termGuid + "/assignedEntities",
                Http.json("[{'guid':'" + guid + "'}]"));
          }
        }
      }
    }

    private void lineageFixture() {
      String base = ids.values().stream().findFirst().orElse(null);
      if (base == null) {
        JsonNode expected = example.path("responses").elements().next().path("body");
        JsonNode shown =
            expected.path("guidEntityMap").path(expected.path("baseEntityGuid").asText());
        ObjectNode entity = JsonNodeFactory.instance.objectNode();
        entity.put("typeName", params.path("typeName").asText("azure_blob_path"));
        ObjectNode attrs = entity.putObject("attributes");
        if (shown.has("attributes")) {
          attrs.setAll((ObjectNode) shown.get("attributes"));
        }
        attrs.put("qualifiedName", params.path("attr:qualifiedName").asText("fixture://lineage"));
        if (!attrs.hasNonNull("name")) {
          attrs.put("name", "lineage");
        }
        base = createEntity(entity);
      }
      JsonNode expectedLineage = example.path("responses").elements().next().path("body");
      ObjectNode otherEntity = JsonNodeFactory.instance.objectNode();
      otherEntity.put("typeName", "azure_blob_path");
      ObjectNode otherAttrs = otherEntity.putObject("attributes");
      for (JsonNode shownEntity : expectedLineage.path("guidEntityMap")) {
        if (shownEntity.has("attributes")) {
          otherAttrs.setAll((ObjectNode) shownEntity.get("attributes"));
          break;
        }
      }
      otherAttrs.put("qualifiedName", "fixture://lineage-input");
      otherAttrs.put("name", "lineage-input");
      String other = createEntity(otherEntity);
      ObjectNode process = JsonNodeFactory.instance.objectNode();
      process.put("typeName", "Process");
      ObjectNode attrs = process.putObject("attributes");
      for (JsonNode shownEntity : expectedLineage.path("guidEntityMap")) {
        if (shownEntity.has("attributes")) {
          attrs.setAll((ObjectNode) shownEntity.get("attributes"));
          break;
        }
      }
      attrs.put("qualifiedName", "fixture://process");
      attrs.put("name", "process");
      attrs.putArray("inputs").addObject().put("guid", other);
      attrs.putArray("outputs").addObject().put("guid", base);
      createEntity(process);
    }

    // -------------------------------------------------------------- request

    private void substitute(JsonNode node) {
      if (node.isObject()) {
        ObjectNode object = (ObjectNode) node;
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
          JsonNode value = object.get(key);
          if (value.isTextual() && ids.containsKey(value.asText())) {
            object.put(key, ids.get(value.asText()));
          } else {
            substitute(value);
          }
          if (ids.containsKey(key)) {
            object.set(ids.get(key), object.remove(key));
          }
        }
      } else if (node.isArray()) {
        ArrayNode array = (ArrayNode) node;
        for (int i = 0; i < array.size(); i++) {
          if (array.get(i).isTextual() && ids.containsKey(array.get(i).asText())) {
            array.set(i, TextNode.valueOf(ids.get(array.get(i).asText())));
          } else {
            substitute(array.get(i));
          }
        }
      }
    }

    private HttpResponse<String> send() throws IOException, InterruptedException {
      StringBuilder path = new StringBuilder();
      for (String segment : source.template().substring(1).split("/")) {
        path.append('/');
        if (segment.startsWith("{")) {
          String name = segment.substring(1, segment.length() - 1);
          JsonNode value =
              params.has(name) ? params.get(name) : params.get(ALIASES.getOrDefault(name, name));
          path.append(Http.enc(value.asText()));
        } else {
          path.append(segment);
        }
      }
      StringBuilder query = new StringBuilder();
      JsonNode body = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        if (key.equals("Endpoint") || isPathParam(key)) {
          continue;
        }
        if (isBody(key, e.getValue())) {
          body = e.getValue();
          continue;
        }
        String name = key.equals("attr_N:qualifiedName") ? "attr_0:qualifiedName" : key;
        List<JsonNode> values = new ArrayList<>();
        if (e.getValue().isArray()) {
          e.getValue().forEach(values::add);
        } else {
          values.add(e.getValue());
        }
        for (JsonNode v : values) {
          query
              .append(query.length() == 0 ? '?' : '&')
              .append(Http.enc(name))
              .append('=')
              .append(Http.enc(v.asText()));
        }
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  URI.create(emulator.endpoint() + EmulatorServer.BASE + path + query))
              .header("Authorization", "Bearer " + emulator.token());
      HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
      if (body != null) {
        if (source.operationId().equals("Entity_ImportBusinessMetadata")) {
          request.header("Content-Type", "multipart/form-data; boundary=-multipart-boundary");
          publisher = HttpRequest.BodyPublishers.ofString(body.asText());
        } else {
          request.header("Content-Type", "application/json");
          publisher = HttpRequest.BodyPublishers.ofString(Http.MAPPER.writeValueAsString(body));
        }
      }
      request.method(source.method(), publisher);
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode post(String path, JsonNode body) {
      Http.Response r = http.post(path, body);
      if (r.status() != 200) {
        throw new IllegalStateException(
            "fixture POST " + path + " " + body + " -> " + r.status() + " " + r.body());
      }
      return r.json();
    }

    /**
     * Template examples write alternatives ("eq|ne") and placeholders ("<term name>"): pick the
     * first.
     */
    private static JsonNode untemplate(JsonNode node) {
      if (node.isTextual()) {
        String text = node.asText();
        if (text.matches("[A-Za-z_0-9]+(\\|[A-Za-z_0-9]+)+")) {
          return TextNode.valueOf(text.substring(0, text.indexOf('|')));
        }
        if (text.matches(".*<[A-Za-z ]+>.*")
            && !text.matches("^(array|map)<.*")
            && !text.contains("multipart")) {
          return TextNode.valueOf(text.replaceAll("<([^>]+)>", "$1").replace(' ', '_'));
        }
        return node;
      }
      if (node.isObject()) {
        ObjectNode object = (ObjectNode) node;
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
          object.set(key, untemplate(object.get(key)));
        }
      } else if (node.isArray()) {
        ArrayNode array = (ArrayNode) node;
        for (int i = 0; i < array.size(); i++) {
          array.set(i, untemplate(array.get(i)));
        }
      }
      return node;
    }
  }

  // ------------------------------------------------------------------ shape comparison

  /**
   * Same field names and JSON types at every path the example shows. Example nulls match anything;
   * numbers match numbers; object keys that are guids or temporary ids are map keys, compared by
   * value shape; an empty actual array cannot show element shapes and is accepted.
   */
  static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
    if (expected == null || expected.isNull()) {
      return;
    }
    if (actual == null || actual.isMissingNode()) {
      problems.add(path + " missing");
      return;
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        problems.add(path + " is " + actual.getNodeType() + ", example has an object");
        return;
      }
      boolean dynamic = expected.size() > 0;
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        dynamic &= DYNAMIC_KEY.matcher(it.next()).matches();
      }
      if (dynamic) {
        JsonNode sample = expected.elements().next();
        actual
            .fields()
            .forEachRemaining(
                e -> compare(path + "[" + e.getKey() + "]", sample, e.getValue(), problems));
        return;
      }
      expected
          .fields()
          .forEachRemaining(
              e -> {
                if (!QUIRKS.contains(e.getKey())
                    && !(OPTIONAL.contains(e.getKey()) && !actual.has(e.getKey()))) {
                  compare(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), problems);
                }
              });
      return;
    }
    if (expected.isArray()) {
      if (!actual.isArray()) {
        problems.add(path + " is " + actual.getNodeType() + ", example has an array");
        return;
      }
      if (expected.size() > 0) {
        // Elements may differ (optional fields): each actual element must match some example
        // element.
        for (int i = 0; i < actual.size(); i++) {
          List<String> best = null;
          for (JsonNode candidate : expected) {
            List<String> found = new ArrayList<>();
            compare(path + "[" + i + "]", candidate, actual.get(i), found);
            if (best == null || found.size() < best.size()) {
              best = found;
            }
          }
          problems.addAll(best);
        }
      }
      return;
    }
    if (expected.isNumber() ? !actual.isNumber() : expected.getNodeType() != actual.getNodeType()) {
      if (!actual.isNull() || !expected.isValueNode()) {
        problems.add(
            path + " is " + actual.getNodeType() + ", example has " + expected.getNodeType());
      } else {
        problems.add(path + " is null, example has " + expected.getNodeType());
      }
    }
  }
}
