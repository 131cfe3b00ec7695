package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The 96 operations of the Data Map 2023-09-01 API, wired to the {@link DataMap}. */
final class Api {
  private final DataMap map;
  private final Search search;

  private Api(DataMap map) {
    this.map = map;
    this.search = new Search(map);
  }

  static Router routes(DataMap map) {
    Api api = new Api(map);
    Router r = new Router();
    api.types(r);
    api.entities(r);
    api.discovery(r);
    api.lineageAndRelationships(r);
    api.glossary(r);
    return r;
  }

  private <T> T read(java.util.function.Supplier<T> action) {
    return map.read(action);
  }

  private <T> T write(java.util.function.Supplier<T> action) {
    return map.write(action);
  }

  private static ApiResponse json(JsonNode node) {
    return ApiResponse.json(node);
  }

  private static ApiResponse list(List<? extends JsonNode> nodes) {
    ArrayNode array = Json.array();
    nodes.forEach(array::add);
    return ApiResponse.json(array);
  }

  private ApiResponse noContent(Runnable action) {
    write(
        () -> {
          action.run();
          return null;
        });
    return ApiResponse.noContent();
  }

  // ------------------------------------------------------------------ types

  private void types(Router r) {
    r.add(
        "GET",
        "/atlas/v2/types/typedefs",
        "Type_List",
        q ->
            read(
                () -> {
                  java.util.function.Predicate<ObjectNode> only = typeFilter(q);
                  boolean templates = q.bool("includeTermTemplate", false) || only != null;
                  return json(
                      TypeRegistry.typesDef(
                          map.types.list(d -> only == null || only.test(d)), templates));
                }));
    r.add(
        "GET",
        "/atlas/v2/types/typedefs/headers",
        "Type_ListHeaders",
        q ->
            read(
                () -> {
                  java.util.function.Predicate<ObjectNode> only = typeFilter(q);
                  boolean templates = q.bool("includeTermTemplate", false) || only != null;
                  ArrayNode out = Json.array();
                  for (ObjectNode def : map.types.list(d -> only == null || only.test(d))) {
                    if (!templates && "TERM_TEMPLATE".equals(Json.text(def, "category"))) {
                      continue;
                    }
                    ObjectNode header = out.addObject();
                    header.put("category", Json.text(def, "category"));
                    header.put("guid", Json.text(def, "guid"));
                    header.put("name", Json.text(def, "name"));
                  }
                  return json(out);
                }));
    r.add(
        "POST",
        "/atlas/v2/types/typedefs",
        "Type_BulkCreate",
        q ->
            write(
                () ->
                    json(
                        TypeRegistry.typesDef(
                            map.types.create(TypeRegistry.defsOf(q.requiredJson())), true))));
    r.add(
        "PUT",
        "/atlas/v2/types/typedefs",
        "Type_BulkUpdate",
        q ->
            write(
                () ->
                    json(
                        TypeRegistry.typesDef(
                            map.types.update(TypeRegistry.defsOf(q.requiredJson())), true))));
    r.add(
        "DELETE",
        "/atlas/v2/types/typedefs",
        "Type_BulkDelete",
        q ->
            noContent(
                () -> {
                  List<ObjectNode> defs = TypeRegistry.defsOf(q.requiredJson());
                  for (ObjectNode def : defs) {
                    if (map.types.get(Json.text(def, "name")) == null) {
                      throw AtlasError.TYPE_NAME_NOT_FOUND.exception(Json.text(def, "name"));
                    }
                  }
                  // Delete dependants first: relationship defs, then the rest in reverse order.
                  List<ObjectNode> ordered = new ArrayList<>(defs);
                  ordered.sort(
                      (a, b) ->
                          Boolean.compare(
                              !"RELATIONSHIP".equals(Json.text(a, "category")),
                              !"RELATIONSHIP".equals(Json.text(b, "category"))));
                  for (ObjectNode def : ordered) {
                    map.types.delete(Json.text(def, "name"), map::typeInUse);
                  }
                }));
    r.add(
        "GET",
        "/atlas/v2/types/typedef/name/{name}",
        "Type_GetByName",
        q -> read(() -> json(typeByName(q.param("name"), null))));
    r.add(
        "GET",
        "/atlas/v2/types/typedef/guid/{guid}",
        "Type_GetByGuid",
        q -> read(() -> json(typeByGuid(q.param("guid"), null))));
    r.add(
        "DELETE",
        "/atlas/v2/types/typedef/name/{name}",
        "Type_Delete",
        q -> noContent(() -> map.types.delete(q.param("name"), map::typeInUse)));
    String[][] specific = {
      {"businessmetadatadef", "BUSINESS_METADATA", "BusinessMetadata"},
      {"classificationdef", "CLASSIFICATION", "Classification"},
      {"entitydef", "ENTITY", "Entity"},
      {"enumdef", "ENUM", "Enum"},
      {"relationshipdef", "RELATIONSHIP", "Relationship"},
      {"structdef", "STRUCT", "Struct"}
    };
    for (String[] s : specific) {
      TypeRegistry.Category category = TypeRegistry.Category.valueOf(s[1]);
      r.add(
          "GET",
          "/atlas/v2/types/" + s[0] + "/name/{name}",
          "Type_Get" + s[2] + "DefByName",
          q -> read(() -> json(typeByName(q.param("name"), category))));
      r.add(
          "GET",
          "/atlas/v2/types/" + s[0] + "/guid/{guid}",
          "Type_Get" + s[2] + "DefByGuid",
          q -> read(() -> json(typeByGuid(q.param("guid"), category))));
    }
    r.add(
        "GET",
        "/types/termtemplatedef/name/{name}",
        "Type_GetTermTemplateDefByName",
        q -> read(() -> json(typeByName(q.param("name"), TypeRegistry.Category.TERM_TEMPLATE))));
    r.add(
        "GET",
        "/types/termtemplatedef/guid/{guid}",
        "Type_GetTermTemplateDefByGuid",
        q -> read(() -> json(typeByGuid(q.param("guid"), TypeRegistry.Category.TERM_TEMPLATE))));
  }

  /** The {@code type} query parameter as a def filter; null when absent. */
  private static java.util.function.Predicate<ObjectNode> typeFilter(ApiRequest q) {
    String type = q.query("type");
    if (type == null || type.isEmpty()) {
      return null;
    }
    TypeRegistry.Category category = TypeRegistry.Category.parse(type);
    if (category != null) {
      return d -> category.name().equals(Json.text(d, "category"));
    }
    if (java.util.Set.of("PRIMITIVE", "OBJECT_ID_TYPE", "ARRAY", "MAP")
        .contains(type.toUpperCase(Locale.ROOT))) {
      return d -> false; // built into Atlas; never listed as definitions
    }
    throw AtlasError.INVALID_PARAMETERS.exception("type=" + type);
  }

  private ObjectNode typeByName(String name, TypeRegistry.Category category) {
    ObjectNode def = category == null ? map.types.get(name) : map.types.get(name, category);
    if (def == null) {
      throw AtlasError.TYPE_NAME_NOT_FOUND.exception(name);
    }
    return def;
  }

  private ObjectNode typeByGuid(String guid, TypeRegistry.Category category) {
    ObjectNode def = map.types.getByGuid(guid);
    if (def == null || (category != null && !category.name().equals(Json.text(def, "category")))) {
      throw AtlasError.TYPE_GUID_NOT_FOUND.exception(guid);
    }
    return def;
  }

  // ------------------------------------------------------------------ entities

  private static List<JsonNode> entitiesOf(JsonNode body, boolean bulk) {
    List<JsonNode> out = new ArrayList<>();
    if (bulk) {
      JsonNode list = body.get("entities");
      DataMap.requireArray(list, "entities");
      list.forEach(out::add);
    } else {
      JsonNode entity = body.get("entity");
      if (entity == null || !entity.isObject()) {
        throw AtlasError.BAD_REQUEST.exception(
            "the body must be an AtlasEntityWithExtInfo {\"entity\": {...}}");
      }
      out.add(entity);
    }
    JsonNode referred = body.get("referredEntities");
    if (referred != null && referred.isObject()) {
      referred
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isObject()) {
                  ObjectNode copy = ((ObjectNode) e.getValue()).deepCopy();
                  if (!copy.has("guid")) {
                    copy.put("guid", e.getKey());
                  }
                  out.add(copy);
                }
              });
    }
    return out;
  }

  private static String bmBehavior(ApiRequest q) {
    String behavior = q.query("businessAttributeUpdateBehavior");
    if (behavior != null
        && !Set.of("ignore", "replace", "merge").contains(behavior.toLowerCase(Locale.ROOT))) {
      throw AtlasError.INVALID_PARAMETERS.exception(
          "businessAttributeUpdateBehavior must be ignore, replace or merge");
    }
    return behavior;
  }

  private EntityRecord unique(ApiRequest q) {
    return map.requireUnique(q.param("typeName"), q.uniqueAttributes());
  }

  private void entities(Router r) {
    r.add(
        "POST",
        "/atlas/v2/entity",
        "Entity_CreateOrUpdate",
        q -> {
          List<JsonNode> entities = entitiesOf(q.requiredJson(), false);
          return write(
              () -> json(map.createOrUpdate(entities, q.query("collectionId"), bmBehavior(q))));
        });
    r.add(
        "POST",
        "/atlas/v2/entity/bulk",
        "Entity_BulkCreateOrUpdate",
        q -> {
          List<JsonNode> entities = entitiesOf(q.requiredJson(), true);
          return write(
              () -> json(map.createOrUpdate(entities, q.query("collectionId"), bmBehavior(q))));
        });
    r.add(
        "GET",
        "/atlas/v2/entity/bulk",
        "Entity_ListByGuids",
        q ->
            read(
                () -> {
                  List<String> guids = q.queryAll("guid");
                  if (guids.isEmpty()) {
                    throw AtlasError.INVALID_PARAMETERS.exception(
                        "guid is required (repeat it for each entity)");
                  }
                  List<EntityRecord> records = new ArrayList<>();
                  for (String guid : guids) {
                    records.add(map.requireRecord(guid));
                  }
                  return json(entitiesWithExtInfo(records, q));
                }));
    r.add(
        "DELETE",
        "/atlas/v2/entity/bulk",
        "Entity_BulkDelete",
        q ->
            write(
                () -> {
                  List<String> guids = q.queryAll("guid");
                  if (guids.isEmpty()) {
                    throw AtlasError.INVALID_PARAMETERS.exception(
                        "guid is required (repeat it for each entity)");
                  }
                  return json(map.delete(guids));
                }));
    r.add(
        "GET",
        "/atlas/v2/entity/bulk/uniqueAttribute/type/{typeName}",
        "Entity_ListByUniqueAttributes",
        q ->
            read(
                () -> {
                  map.types.requireEntityType(q.param("typeName"));
                  List<EntityRecord> records = new ArrayList<>();
                  for (Map<String, String> attrs : q.indexedUniqueAttributes()) {
                    String qn = attrs.get("qualifiedName");
                    EntityRecord record =
                        qn == null ? null : map.findUnique(q.param("typeName"), qn);
                    if (record != null) {
                      records.add(record);
                    }
                  }
                  return json(entitiesWithExtInfo(records, q));
                }));
    r.add(
        "POST",
        "/atlas/v2/entity/bulk/classification",
        "Entity_AddClassification",
        q ->
            noContent(
                () -> {
                  JsonNode body = q.requiredJson();
                  JsonNode classification = body.get("classification");
                  if (classification == null || !classification.isObject()) {
                    throw AtlasError.BAD_REQUEST.exception("classification is required");
                  }
                  List<String> guids = Json.strings(body.get("entityGuids"));
                  if (guids.isEmpty()) {
                    throw AtlasError.INVALID_PARAMETERS.exception("entityGuids is required");
                  }
                  List<EntityRecord> records = new ArrayList<>();
                  for (String guid : guids) {
                    EntityRecord record = map.requireActive(guid);
                    map.classification(classification, guid);
                    if (record.hasClassification(Json.text(classification, "typeName"))) {
                      throw AtlasError.CLASSIFICATION_ALREADY_ASSOCIATED.exception(
                          guid, Json.text(classification, "typeName"));
                    }
                    records.add(record);
                  }
                  for (EntityRecord record : records) {
                    map.addClassifications(record, Json.array().add(classification));
                  }
                }));
    r.add(
        "POST",
        "/atlas/v2/entity/bulk/setClassifications",
        "Entity_BulkSetClassifications",
        q -> {
          JsonNode body = q.requiredJson();
          return write(() -> json(map.setClassifications(body)));
        });
    r.add(
        "POST",
        "/atlas/v2/entity/businessmetadata/import",
        "Entity_ImportBusinessMetadata",
        q -> write(() -> json(importBusinessMetadata(q))));
    r.add(
        "GET",
        "/atlas/v2/entity/businessmetadata/import/template",
        "Entity_GetSampleBusinessMetadataTemplate",
        q ->
            ApiResponse.text(
                "application/octet-stream",
                "EntityType,EntityUniqueAttributeValue,BusinessAttributeName,BusinessAttributeValue,EntityUniqueAttributeName[optional]"));

    r.add(
        "GET",
        "/atlas/v2/entity/guid/{guid}",
        "Entity_Get",
        q ->
            read(
                () ->
                    json(
                        map.withExtInfo(
                            map.requireRecord(q.param("guid")),
                            q.bool("minExtInfo", false),
                            q.bool("ignoreRelationships", false)))));
    r.add(
        "PUT",
        "/atlas/v2/entity/guid/{guid}",
        "Entity_PartialUpdateAttributeByGuid",
        q -> {
          String name = q.required("name");
          JsonNode value = q.json();
          return write(() -> json(map.partialUpdateAttribute(q.param("guid"), name, value)));
        });
    r.add(
        "DELETE",
        "/atlas/v2/entity/guid/{guid}",
        "Entity_Delete",
        q -> write(() -> json(map.delete(List.of(q.param("guid"))))));
    r.add(
        "GET",
        "/atlas/v2/entity/guid/{guid}/header",
        "Entity_GetHeader",
        q -> read(() -> json(map.header(map.requireRecord(q.param("guid"))))));
    r.add(
        "POST",
        "/atlas/v2/entity/guid/{guid}/businessmetadata",
        "Entity_AddOrUpdateBusinessMetadata",
        q ->
            noContent(
                () ->
                    map.addBusinessMetadata(
                        map.requireActive(q.param("guid")),
                        q.requiredJson(),
                        q.bool("isOverwrite", false))));
    r.add(
        "DELETE",
        "/atlas/v2/entity/guid/{guid}/businessmetadata",
        "Entity_RemoveBusinessMetadata",
        q ->
            noContent(
                () ->
                    map.removeBusinessMetadata(
                        map.requireActive(q.param("guid")), q.requiredJson())));
    r.add(
        "POST",
        "/atlas/v2/entity/guid/{guid}/businessmetadata/{businessMetadataName}",
        "Entity_AddOrUpdateBusinessMetadataAttributes",
        q ->
            noContent(
                () ->
                    map.addBusinessMetadata(
                        map.requireActive(q.param("guid")),
                        Json.object().set(q.param("businessMetadataName"), q.requiredJson()),
                        false)));
    r.add(
        "DELETE",
        "/atlas/v2/entity/guid/{guid}/businessmetadata/{businessMetadataName}",
        "Entity_RemoveBusinessMetadataAttributes",
        q ->
            noContent(
                () ->
                    map.removeBusinessMetadata(
                        map.requireActive(q.param("guid")),
                        Json.object().set(q.param("businessMetadataName"), q.requiredJson()))));
    r.add(
        "GET",
        "/atlas/v2/entity/guid/{guid}/classification/{classificationName}",
        "Entity_GetClassification",
        q ->
            read(
                () ->
                    json(
                        map.getClassification(
                            map.requireRecord(q.param("guid")), q.param("classificationName")))));
    r.add(
        "DELETE",
        "/atlas/v2/entity/guid/{guid}/classification/{classificationName}",
        "Entity_RemoveClassification",
        q ->
            noContent(
                () ->
                    map.removeClassification(
                        map.requireActive(q.param("guid")), q.param("classificationName"))));
    r.add(
        "GET",
        "/atlas/v2/entity/guid/{guid}/classifications",
        "Entity_GetClassifications",
        q ->
            read(
                () -> {
                  EntityRecord record = map.requireRecord(q.param("guid"));
                  ArrayNode list = record.tree().withArray("classifications");
                  ObjectNode out = Json.object();
                  out.set("list", list);
                  out.put("pageSize", list.size());
                  out.put("sortBy", "typeName");
                  out.put("sortType", "NONE");
                  out.put("startIndex", 0);
                  out.put("totalCount", list.size());
                  return json(out);
                }));
    r.add(
        "POST",
        "/atlas/v2/entity/guid/{guid}/classifications",
        "Entity_AddClassifications",
        q ->
            noContent(
                () ->
                    map.addClassifications(map.requireActive(q.param("guid")), q.requiredJson())));
    r.add(
        "PUT",
        "/atlas/v2/entity/guid/{guid}/classifications",
        "Entity_UpdateClassifications",
        q ->
            noContent(
                () ->
                    map.updateClassifications(
                        map.requireActive(q.param("guid")), q.requiredJson())));
    r.add(
        "PUT",
        "/atlas/v2/entity/guid/{guid}/labels",
        "Entity_AddLabel",
        q ->
            noContent(
                () ->
                    map.labels(map.requireActive(q.param("guid")), q.json(), DataMap.LabelOp.ADD)));
    r.add(
        "POST",
        "/atlas/v2/entity/guid/{guid}/labels",
        "Entity_SetLabels",
        q ->
            noContent(
                () ->
                    map.labels(map.requireActive(q.param("guid")), q.json(), DataMap.LabelOp.SET)));
    r.add(
        "DELETE",
        "/atlas/v2/entity/guid/{guid}/labels",
        "Entity_RemoveLabels",
        q ->
            noContent(
                () ->
                    map.labels(
                        map.requireActive(q.param("guid")), q.json(), DataMap.LabelOp.REMOVE)));

    r.add(
        "GET",
        "/atlas/v2/entity/uniqueAttribute/type/{typeName}",
        "Entity_GetByUniqueAttributes",
        q ->
            read(
                () ->
                    json(
                        map.withExtInfo(
                            unique(q),
                            q.bool("minExtInfo", false),
                            q.bool("ignoreRelationships", false)))));
    r.add(
        "PUT",
        "/atlas/v2/entity/uniqueAttribute/type/{typeName}",
        "Entity_PartialUpdateByUniqueAttributes",
        q -> {
          JsonNode body = q.requiredJson();
          return write(
              () ->
                  json(map.partialUpdateByUnique(q.param("typeName"), q.uniqueAttributes(), body)));
        });
    r.add(
        "DELETE",
        "/atlas/v2/entity/uniqueAttribute/type/{typeName}",
        "Entity_DeleteByUniqueAttribute",
        q -> write(() -> json(map.delete(List.of(unique(q).guid)))));
    r.add(
        "DELETE",
        "/atlas/v2/entity/uniqueAttribute/type/{typeName}/classification/{classificationName}",
        "Entity_RemoveClassificationByUniqueAttribute",
        q -> noContent(() -> map.removeClassification(unique(q), q.param("classificationName"))));
    r.add(
        "POST",
        "/atlas/v2/entity/uniqueAttribute/type/{typeName}/classifications",
        "Entity_AddClassificationsByUniqueAttribute",
        q -> noContent(() -> map.addClassifications(unique(q), q.requiredJson())));
    r.add(
        "PUT",
        "/atlas/v2/entity/uniqueAttribute/type/{typeName}/classifications",
        "Entity_UpdateClassificationsByUniqueAttribute",
        q -> noContent(() -> map.updateClassifications(unique(q), q.requiredJson())));
    r.add(
        "PUT",
        "/atlas/v2/entity/uniqueAttribute/type/{typeName}/labels",
        "Entity_AddLabelsByUniqueAttribute",
        q -> noContent(() -> map.labels(unique(q), q.json(), DataMap.LabelOp.ADD)));
    r.add(
        "POST",
        "/atlas/v2/entity/uniqueAttribute/type/{typeName}/labels",
        "Entity_SetLabelsByUniqueAttribute",
        q -> noContent(() -> map.labels(unique(q), q.json(), DataMap.LabelOp.SET)));
    r.add(
        "DELETE",
        "/atlas/v2/entity/uniqueAttribute/type/{typeName}/labels",
        "Entity_RemoveLabelsByUniqueAttribute",
        q -> noContent(() -> map.labels(unique(q), q.json(), DataMap.LabelOp.REMOVE)));
    r.add(
        "POST",
        "/entity/moveTo",
        "Entity_MoveEntitiesToCollection",
        q -> {
          String collectionId = q.required("collectionId");
          List<String> guids = Json.strings(q.requiredJson().get("entityGuids"));
          if (guids.isEmpty()) {
            throw AtlasError.INVALID_PARAMETERS.exception("entityGuids is required");
          }
          return write(() -> json(map.moveTo(collectionId, guids)));
        });
  }

  private ObjectNode entitiesWithExtInfo(List<EntityRecord> records, ApiRequest q) {
    boolean minExtInfo = q.bool("minExtInfo", false);
    boolean ignoreRelationships = q.bool("ignoreRelationships", false);
    ObjectNode out = Json.object();
    ObjectNode referred = out.putObject("referredEntities");
    ArrayNode entities = out.putArray("entities");
    for (EntityRecord record : records) {
      ObjectNode one = map.withExtInfo(record, minExtInfo, ignoreRelationships);
      entities.add(one.get("entity"));
      referred.setAll((ObjectNode) one.get("referredEntities"));
    }
    return out;
  }

  /**
   * CSV import:
   * EntityType,EntityUniqueAttributeValue,BusinessAttributeName,BusinessAttributeValue[,EntityUniqueAttributeName].
   */
  private ObjectNode importBusinessMetadata(ApiRequest q) {
    String csv = csvOf(q);
    ObjectNode out = Json.object();
    ArrayNode success = Json.array();
    ArrayNode failed = Json.array();
    String[] lines = csv.split("\\r?\\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty() || (i == 0 && line.startsWith("EntityType"))) {
        continue;
      }
      String[] cells = line.split(",", -1);
      try {
        if (cells.length < 4
            || cells[0].isBlank()
            || cells[1].isBlank()
            || cells[2].isBlank()
            || cells[3].isBlank()) {
          throw AtlasError.BAD_REQUEST.exception("Line #" + (i + 1) + ": missing fields");
        }
        String attrName = cells[2].trim();
        int dot = attrName.indexOf('.');
        if (dot < 1) {
          throw AtlasError.BAD_REQUEST.exception(
              "Line #"
                  + (i + 1)
                  + ": BusinessAttributeName must be <businessMetadata>.<attribute>");
        }
        EntityRecord record = map.findUnique(cells[0].trim(), cells[1].trim());
        if (record == null) {
          throw AtlasError.BAD_REQUEST.exception(
              "Line #"
                  + (i + 1)
                  + ": no "
                  + cells[0].trim()
                  + " entity found with qualifiedName="
                  + cells[1].trim());
        }
        ObjectNode bm = Json.object();
        bm.putObject(attrName.substring(0, dot)).put(attrName.substring(dot + 1), cells[3].trim());
        map.addBusinessMetadata(record, bm, false);
        ObjectNode info = success.addObject();
        info.put("parentObjectName", record.guid);
        info.put(
            "childObjectName",
            "{"
                + attrName.substring(0, dot)
                + "={"
                + attrName.substring(dot + 1)
                + "="
                + cells[3].trim()
                + "}}");
        info.put("importStatus", "SUCCESS");
        info.put("remarks", "");
      } catch (AtlasException e) {
        ObjectNode info = failed.addObject();
        info.put("parentObjectName", cells.length > 1 ? cells[1] : "");
        info.put("childObjectName", cells.length > 2 ? cells[2] : "");
        info.put("importStatus", "FAILED");
        info.put("remarks", e.getMessage());
      }
    }
    out.set("successImportInfoList", success);
    if (!failed.isEmpty()) {
      out.set("failedImportInfoList", failed);
    }
    return out;
  }

  /** The CSV text: the "file" part of a multipart body, or the raw body. */
  private static String csvOf(ApiRequest q) {
    String body = new String(q.body, StandardCharsets.UTF_8);
    String type = q.contentType == null ? "" : q.contentType;
    int b = type.indexOf("boundary=");
    if (b < 0) {
      return body;
    }
    String boundary = "--" + type.substring(b + 9).replace("\"", "").split(";")[0].trim();
    StringBuilder out = new StringBuilder();
    for (String part : body.split(java.util.regex.Pattern.quote(boundary))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      int skip = 4;
      if (headerEnd < 0) {
        headerEnd = part.indexOf("\n\n");
        skip = 2;
      }
      if (headerEnd < 0 || !part.substring(0, headerEnd).contains("name=\"file\"")) {
        continue;
      }
      out.append(part.substring(headerEnd + skip));
    }
    return out.toString().strip();
  }

  // ------------------------------------------------------------------ discovery

  private void discovery(Router r) {
    r.add(
        "POST",
        "/search/query",
        "Discovery_Query",
        q -> {
          JsonNode body = q.json();
          return read(() -> ApiResponse.jsonBytes(search.query(body)));
        });
    r.add(
        "POST",
        "/search/suggest",
        "Discovery_Suggest",
        q -> {
          JsonNode body = q.requiredJson();
          return read(() -> ApiResponse.jsonBytes(search.suggest(body)));
        });
    r.add(
        "POST",
        "/search/autocomplete",
        "Discovery_AutoComplete",
        q -> {
          JsonNode body = q.requiredJson();
          return read(() -> json(search.autocomplete(body)));
        });
  }

  // ------------------------------------------------------------------ lineage, relationships

  private void lineageAndRelationships(Router r) {
    r.add(
        "GET",
        "/atlas/v2/lineage/{guid}",
        "Lineage_Get",
        q ->
            read(
                () ->
                    json(
                        map.lineage(
                            map.requireActive(q.param("guid")),
                            q.required("direction"),
                            q.integer("depth", 3),
                            q.integer("width", 10)))));
    r.add(
        "GET",
        "/atlas/v2/lineage/uniqueAttribute/type/{typeName}",
        "Lineage_GetByUniqueAttribute",
        q ->
            read(
                () ->
                    json(
                        map.lineage(
                            unique(q),
                            q.required("direction"),
                            q.integer("depth", 3),
                            q.integer("width", 10)))));
    r.add(
        "GET",
        "/lineage/{guid}/next",
        "Lineage_GetNextPage",
        q ->
            read(
                () -> {
                  EntityRecord base = map.requireActive(q.param("guid"));
                  String direction = q.required("direction").toUpperCase(Locale.ROOT);
                  int offset = q.integer("offset", 0);
                  int limit = q.integer("limit", 10);
                  if (offset < 0 || limit < 1) {
                    throw AtlasError.INVALID_PARAMETERS.exception(
                        "offset must be >= 0 and limit >= 1");
                  }
                  ObjectNode full = map.lineage(base, direction, 1, limit);
                  ArrayNode relations = (ArrayNode) full.get("relations");
                  ArrayNode page = Json.array();
                  ObjectNode guidEntityMap = Json.object();
                  guidEntityMap.set(base.guid, full.get("guidEntityMap").get(base.guid));
                  for (int i = offset; i < Math.min(relations.size(), offset + limit); i++) {
                    JsonNode relation = relations.get(i);
                    page.add(relation);
                    for (String end : List.of("fromEntityId", "toEntityId")) {
                      String guid = Json.text(relation, end);
                      guidEntityMap.set(guid, full.get("guidEntityMap").get(guid));
                    }
                  }
                  full.set("relations", page);
                  full.set("guidEntityMap", guidEntityMap);
                  return json(full);
                }));
    r.add(
        "POST",
        "/atlas/v2/relationship",
        "Relationship_Create",
        q -> {
          JsonNode body = q.requiredJson();
          return write(() -> json(map.createRelationship(body)));
        });
    r.add(
        "PUT",
        "/atlas/v2/relationship",
        "Relationship_Update",
        q -> {
          JsonNode body = q.requiredJson();
          return write(() -> json(map.updateRelationship(body)));
        });
    r.add(
        "GET",
        "/atlas/v2/relationship/guid/{guid}",
        "Relationship_Get",
        q ->
            read(
                () -> {
                  Relationship rel = map.requireRelationship(q.param("guid"));
                  ObjectNode out = Json.object();
                  out.set("relationship", map.relationshipJson(rel));
                  if (q.bool("extendedInfo", false)) {
                    ObjectNode referred = out.putObject("referredEntities");
                    for (String guid : List.of(rel.end1, rel.end2)) {
                      EntityRecord record = map.record(guid);
                      if (record != null) {
                        referred.set(guid, map.header(record));
                      }
                    }
                  }
                  return json(out);
                }));
    r.add(
        "DELETE",
        "/atlas/v2/relationship/guid/{guid}",
        "Relationship_Delete",
        q -> noContent(() -> map.deleteRelationship(q.param("guid"))));
  }

  // ------------------------------------------------------------------ glossary

  private static boolean desc(ApiRequest q) {
    String sort = q.query("sort");
    return sort != null && sort.equalsIgnoreCase("DESC");
  }

  private void glossary(Router r) {
    Glossary g = map.glossary;
    r.add(
        "GET",
        "/atlas/v2/glossary",
        "Glossary_List",
        q ->
            read(
                () ->
                    list(
                        g.listGlossaries(
                            q.integer("limit", -1),
                            q.integer("offset", 0),
                            desc(q),
                            q.bool("ignoreTermsAndCategories", false)))));
    r.add(
        "POST",
        "/atlas/v2/glossary",
        "Glossary_Create",
        q -> {
          JsonNode body = q.requiredJson();
          return write(() -> json(g.createGlossary(body)));
        });
    r.add(
        "GET",
        "/atlas/v2/glossary/{glossaryId}",
        "Glossary_Get",
        q -> read(() -> json(g.glossaryJson(g.requireGlossary(q.param("glossaryId"))))));
    r.add(
        "PUT",
        "/atlas/v2/glossary/{glossaryId}",
        "Glossary_Update",
        q -> {
          JsonNode body = q.requiredJson();
          return write(() -> json(g.updateGlossary(q.param("glossaryId"), body, false)));
        });
    r.add(
        "DELETE",
        "/atlas/v2/glossary/{glossaryId}",
        "Glossary_Delete",
        q -> noContent(() -> g.deleteGlossary(q.param("glossaryId"))));
    r.add(
        "GET",
        "/atlas/v2/glossary/{glossaryId}/detailed",
        "Glossary_GetDetailed",
        q -> read(() -> json(g.detailed(q.param("glossaryId")))));
    r.add(
        "PUT",
        "/atlas/v2/glossary/{glossaryId}/partial",
        "Glossary_PartialUpdate",
        q -> {
          JsonNode body = q.requiredJson();
          return write(() -> json(g.updateGlossary(q.param("glossaryId"), body, true)));
        });
    r.add(
        "GET",
        "/atlas/v2/glossary/{glossaryId}/terms",
        "Glossary_ListTerms",
        q ->
            read(
                () ->
                    list(
                        g.glossaryTerms(
                            q.param("glossaryId"),
                            false,
                            q.integer("limit", -1),
                            q.integer("offset", 0),
                            desc(q)))));
    r.add(
        "GET",
        "/atlas/v2/glossary/{glossaryId}/terms/headers",
        "Glossary_ListTermHeaders",
        q ->
            read(
                () ->
                    list(
                        g.glossaryTerms(
                            q.param("glossaryId"),
                            true,
                            q.integer("limit", -1),
                            q.integer("offset", 0),
                            desc(q)))));
    r.add(
        "GET",
        "/atlas/v2/glossary/{glossaryId}/categories",
        "Glossary_ListCategories",
        q ->
            read(
                () ->
                    list(
                        g.glossaryCategories(
                            q.param("glossaryId"),
                            false,
                            q.integer("limit", -1),
                            q.integer("offset", 0),
                            desc(q)))));
    r.add(
        "GET",
        "/atlas/v2/glossary/{glossaryId}/categories/headers",
        "Glossary_ListCategoriesHeaders",
        q ->
            read(
                () ->
                    list(
                        g.glossaryCategories(
                            q.param("glossaryId"),
                            true,
                            q.integer("limit", -1),
                            q.integer("offset", 0),
                            desc(q)))));

    r.add(
        "POST",
        "/atlas/v2/glossary/category",
        "Glossary_CreateCategory",
        q -> {
          JsonNode body = q.requiredJson();
          return write(() -> json(g.createCategory(body)));
        });
    r.add(
        "POST",
        "/atlas/v2/glossary/categories",
        "Glossary_CreateCategories",
        q -> {
          JsonNode body = q.requiredJson();
          DataMap.requireArray(body, "categories");
          return write(
              () -> {
                List<ObjectNode> out = new ArrayList<>();
                body.forEach(c -> out.add(g.createCategory(c)));
                return list(out);
              });
        });
    r.add(
        "GET",
        "/atlas/v2/glossary/category/{categoryId}",
        "Glossary_GetCategory",
        q -> read(() -> json(g.categoryJson(g.requireCategory(q.param("categoryId"))))));
    r.add(
        "PUT",
        "/atlas/v2/glossary/category/{categoryId}",
        "Glossary_UpdateCategory",
        q -> {
          JsonNode body = q.requiredJson();
          return write(() -> json(g.updateCategory(q.param("categoryId"), body, false)));
        });
    r.add(
        "DELETE",
        "/atlas/v2/glossary/category/{categoryId}",
        "Glossary_DeleteCategory",
        q -> noContent(() -> g.deleteCategory(q.param("categoryId"))));
    r.add(
        "PUT",
        "/atlas/v2/glossary/category/{categoryId}/partial",
        "Glossary_PartialUpdateCategory",
        q -> {
          JsonNode body = q.requiredJson();
          return write(() -> json(g.updateCategory(q.param("categoryId"), body, true)));
        });
    r.add(
        "GET",
        "/atlas/v2/glossary/category/{categoryId}/related",
        "Glossary_ListRelatedCategories",
        q -> read(() -> json(g.relatedCategories(q.param("categoryId")))));
    r.add(
        "GET",
        "/atlas/v2/glossary/category/{categoryId}/terms",
        "Glossary_ListCategoryTerms",
        q ->
            read(
                () -> {
                  g.requireCategory(q.param("categoryId"));
                  ArrayNode headers = g.categoryTermHeaders(q.param("categoryId"));
                  List<JsonNode> all = new ArrayList<>();
                  headers.forEach(all::add);
                  ArrayNode out = Json.array();
                  Glossary.page(all, q.integer("limit", -1), q.integer("offset", 0))
                      .forEach(out::add);
                  return json(out);
                }));

    r.add(
        "POST",
        "/atlas/v2/glossary/term",
        "Glossary_CreateTerm",
        q -> {
          JsonNode body = q.requiredJson();
          return write(() -> json(g.createTerm(body)));
        });
    r.add(
        "POST",
        "/atlas/v2/glossary/terms",
        "Glossary_CreateTerms",
        q -> {
          JsonNode body = q.requiredJson();
          DataMap.requireArray(body, "terms");
          return write(
              () -> {
                List<ObjectNode> out = new ArrayList<>();
                body.forEach(t -> out.add(g.createTerm(t)));
                return list(out);
              });
        });
    r.add(
        "GET",
        "/atlas/v2/glossary/term/{termId}",
        "Glossary_GetTerm",
        q ->
            read(
                () -> {
                  boolean withAssets =
                      !q.queryAll("excludeRelationshipTypes").contains(Glossary.ASSIGNMENT);
                  return json(g.termJson(g.requireTerm(q.param("termId")), withAssets));
                }));
    r.add(
        "PUT",
        "/atlas/v2/glossary/term/{termId}",
        "Glossary_UpdateTerm",
        q -> {
          JsonNode body = q.requiredJson();
          return write(() -> json(g.updateTerm(q.param("termId"), body, false)));
        });
    r.add(
        "DELETE",
        "/atlas/v2/glossary/term/{termId}",
        "Glossary_DeleteTerm",
        q -> noContent(() -> g.deleteTerm(q.param("termId"))));
    r.add(
        "PUT",
        "/atlas/v2/glossary/term/{termId}/partial",
        "Glossary_PartialUpdateTerm",
        q -> {
          JsonNode body = q.requiredJson();
          return write(() -> json(g.updateTerm(q.param("termId"), body, true)));
        });
    r.add(
        "GET",
        "/atlas/v2/glossary/terms/{termId}/assignedEntities",
        "Glossary_ListEntitiesAssignedWithTerm",
        q ->
            read(
                () ->
                    list(
                        g.assignedEntities(
                            q.param("termId"),
                            q.integer("limit", -1),
                            q.integer("offset", 0),
                            desc(q)))));
    r.add(
        "POST",
        "/atlas/v2/glossary/terms/{termId}/assignedEntities",
        "Glossary_AssignTermToEntities",
        q -> noContent(() -> g.assign(q.param("termId"), q.requiredJson())));
    r.add(
        "DELETE",
        "/atlas/v2/glossary/terms/{termId}/assignedEntities",
        "Glossary_DeleteTermAssignmentFromEntities",
        q -> noContent(() -> g.unassign(q.param("termId"), q.requiredJson())));
    r.add(
        "GET",
        "/atlas/v2/glossary/terms/{termId}/related",
        "Glossary_ListRelatedTerms",
        q -> read(() -> json(g.relatedTerms(q.param("termId")))));
  }
}
