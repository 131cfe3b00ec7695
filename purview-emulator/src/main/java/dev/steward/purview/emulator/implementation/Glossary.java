package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Glossaries, terms and categories. Term-to-entity assignments are real {@code
 * AtlasGlossarySemanticAssignment} relationships, so an entity's {@code meanings} and a term's
 * {@code assignedEntities} come from one place. Guarded by the {@link DataMap} lock.
 */
final class Glossary {
  static final String ASSIGNMENT = "AtlasGlossarySemanticAssignment";
  static final List<String> TERM_RELATIONS =
      List.of(
          "seeAlso",
          "synonyms",
          "antonyms",
          "preferredTerms",
          "preferredToTerms",
          "replacementTerms",
          "replacedBy",
          "translationTerms",
          "translatedTerms",
          "isA",
          "classifies",
          "validValues",
          "validValuesFor");
  private static final Set<String> TEXT_FIELDS =
      Set.of(
          "name",
          "shortDescription",
          "longDescription",
          "language",
          "usage",
          "abbreviation",
          "status",
          "examples");

  private final DataMap map;
  private final Map<String, ObjectNode> glossaries = new LinkedHashMap<>();
  private final Map<String, ObjectNode> terms = new LinkedHashMap<>();
  private final Map<String, ObjectNode> categories = new LinkedHashMap<>();

  Glossary(DataMap map) {
    this.map = map;
  }

  boolean exists(String guid) {
    return glossaries.containsKey(guid) || terms.containsKey(guid) || categories.containsKey(guid);
  }

  ObjectNode termNode(String guid) {
    return terms.get(guid);
  }

  Collection<ObjectNode> allTerms() {
    return terms.values();
  }

  void clear() {
    glossaries.clear();
    terms.clear();
    categories.clear();
  }

  // ---------------------------------------------------------------- glossaries

  ObjectNode requireGlossary(String guid) {
    ObjectNode g = glossaries.get(guid);
    if (g == null) {
      throw AtlasError.INSTANCE_GUID_NOT_FOUND.exception(guid);
    }
    return g;
  }

  List<ObjectNode> listGlossaries(
      int limit, int offset, boolean desc, boolean ignoreTermsAndCategories) {
    List<ObjectNode> all = new ArrayList<>();
    for (ObjectNode g : glossaries.values()) {
      all.add(ignoreTermsAndCategories ? g.deepCopy() : glossaryJson(g));
    }
    all.sort((a, b) -> (desc ? -1 : 1) * Json.text(a, "name").compareTo(Json.text(b, "name")));
    return page(all, limit, offset);
  }

  static <T> List<T> page(List<T> all, int limit, int offset) {
    int from = Math.max(0, Math.min(offset, all.size()));
    int to = limit < 0 ? all.size() : Math.min(all.size(), from + limit);
    return new ArrayList<>(all.subList(from, to));
  }

  ObjectNode createGlossary(JsonNode body) {
    requireObject(body);
    String name = Json.text(body, "name");
    String qn = Json.text(body, "qualifiedName");
    if (name == null && qn == null) {
      throw AtlasError.BAD_REQUEST.exception(
          "Attributes qualifiedName and name are missing. Failed to derive a unique name for Glossary");
    }
    String qualifiedName = qn != null ? qn : name;
    for (ObjectNode g : glossaries.values()) {
      if (qualifiedName.equals(Json.text(g, "qualifiedName"))) {
        throw AtlasError.GLOSSARY_ALREADY_EXISTS.exception(qualifiedName);
      }
    }
    ObjectNode g = base(map.guid(), qualifiedName, name != null ? name : qn);
    copyText(body, g, "shortDescription", "longDescription", "language", "usage");
    glossaries.put(Json.text(g, "guid"), g);
    return glossaryJson(g);
  }

  ObjectNode updateGlossary(String guid, JsonNode body, boolean partial) {
    ObjectNode g = requireGlossary(guid);
    requireObject(body);
    if (partial) {
      body.fields()
          .forEachRemaining(
              e -> {
                if (TEXT_FIELDS.contains(e.getKey())) {
                  g.set(e.getKey(), e.getValue());
                }
              });
    } else {
      for (String field :
          List.of("name", "shortDescription", "longDescription", "language", "usage")) {
        if (body.has(field)) {
          g.set(field, body.get(field));
        } else if (!"name".equals(field)) {
          g.remove(field);
        }
      }
    }
    touch(g);
    return glossaryJson(g);
  }

  void deleteGlossary(String guid) {
    requireGlossary(guid);
    for (ObjectNode term : new ArrayList<>(terms.values())) {
      if (guid.equals(anchorOf(term))) {
        deleteTerm(Json.text(term, "guid"));
      }
    }
    categories.values().removeIf(c -> guid.equals(anchorOf(c)));
    glossaries.remove(guid);
  }

  ObjectNode glossaryJson(ObjectNode g) {
    ObjectNode out = g.deepCopy();
    String guid = Json.text(g, "guid");
    ArrayNode termHeaders = out.putArray("terms");
    for (ObjectNode term : terms.values()) {
      if (guid.equals(anchorOf(term))) {
        termHeaders.add(termHeader(term, Json.text(term.path("anchor"), "relationGuid")));
      }
    }
    ArrayNode categoryHeaders = out.putArray("categories");
    for (ObjectNode category : categories.values()) {
      if (guid.equals(anchorOf(category))) {
        ObjectNode header = categoryHeaders.addObject();
        header.put("categoryGuid", Json.text(category, "guid"));
        header.put("relationGuid", Json.text(category.path("anchor"), "relationGuid"));
        header.put("displayText", Json.text(category, "name"));
        String parent = Json.text(category.path("parentCategory"), "categoryGuid");
        if (parent != null) {
          header.put("parentCategoryGuid", parent);
        }
      }
    }
    return out;
  }

  ObjectNode detailed(String guid) {
    ObjectNode out = glossaryJson(requireGlossary(guid));
    ObjectNode termInfo = out.putObject("termInfo");
    for (ObjectNode term : terms.values()) {
      if (guid.equals(anchorOf(term))) {
        termInfo.set(Json.text(term, "guid"), termJson(term, true));
      }
    }
    ObjectNode categoryInfo = out.putObject("categoryInfo");
    for (ObjectNode category : categories.values()) {
      if (guid.equals(anchorOf(category))) {
        categoryInfo.set(Json.text(category, "guid"), categoryJson(category));
      }
    }
    return out;
  }

  List<ObjectNode> glossaryTerms(
      String guid, boolean headersOnly, int limit, int offset, boolean desc) {
    requireGlossary(guid);
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode term : terms.values()) {
      if (guid.equals(anchorOf(term))) {
        out.add(
            headersOnly
                ? termHeader(term, Json.text(term.path("anchor"), "relationGuid"))
                : termJson(term, true));
      }
    }
    sortByName(out, headersOnly ? "displayText" : "name", desc);
    return page(out, limit, offset);
  }

  List<ObjectNode> glossaryCategories(
      String guid, boolean headersOnly, int limit, int offset, boolean desc) {
    requireGlossary(guid);
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode category : categories.values()) {
      if (guid.equals(anchorOf(category))) {
        if (headersOnly) {
          ObjectNode header = Json.object();
          header.put("categoryGuid", Json.text(category, "guid"));
          header.put("relationGuid", Json.text(category.path("anchor"), "relationGuid"));
          header.put("displayText", Json.text(category, "name"));
          String parent = Json.text(category.path("parentCategory"), "categoryGuid");
          if (parent != null) {
            header.put("parentCategoryGuid", parent);
          }
          out.add(header);
        } else {
          out.add(categoryJson(category));
        }
      }
    }
    sortByName(out, headersOnly ? "displayText" : "name", desc);
    return page(out, limit, offset);
  }

  private static void sortByName(List<ObjectNode> list, String field, boolean desc) {
    list.sort(
        (a, b) ->
            (desc ? -1 : 1)
                * String.valueOf(Json.text(a, field))
                    .compareTo(String.valueOf(Json.text(b, field))));
  }

  // ---------------------------------------------------------------- terms

  ObjectNode requireTerm(String guid) {
    ObjectNode term = terms.get(guid);
    if (term == null) {
      throw AtlasError.INSTANCE_GUID_NOT_FOUND.exception(guid);
    }
    return term;
  }

  ObjectNode createTerm(JsonNode body) {
    requireObject(body);
    String glossaryGuid = Json.text(body.path("anchor"), "glossaryGuid");
    if (glossaryGuid == null) {
      throw new AtlasException(AtlasError.BAD_REQUEST, "Mandatory anchor attribute is missing");
    }
    ObjectNode g = requireGlossary(glossaryGuid);
    String name = Json.text(body, "name");
    if (name == null || name.isBlank()) {
      throw AtlasError.BAD_REQUEST.exception(
          "Attributes qualifiedName, name & glossary name are missing. Failed to derive a unique name for Glossary term");
    }
    String qualifiedName = name + "@" + Json.text(g, "qualifiedName");
    for (ObjectNode term : terms.values()) {
      if (qualifiedName.equals(Json.text(term, "qualifiedName"))) {
        throw AtlasError.GLOSSARY_TERM_ALREADY_EXISTS.exception(qualifiedName);
      }
    }
    validateTemplateAttributes(body.get("attributes"));
    ObjectNode term = base(map.guid(), qualifiedName, name);
    copyText(
        body, term, "shortDescription", "longDescription", "abbreviation", "usage", "examples");
    term.put("status", Json.text(body, "status") != null ? Json.text(body, "status") : "Draft");
    ObjectNode anchor = term.putObject("anchor");
    anchor.put("glossaryGuid", glossaryGuid);
    anchor.put("relationGuid", map.guid());
    copyStructured(body, term);
    terms.put(Json.text(term, "guid"), term);
    return termJson(term, true);
  }

  private void validateTemplateAttributes(JsonNode attributes) {
    if (attributes == null || !attributes.isObject()) {
      return;
    }
    attributes
        .fields()
        .forEachRemaining(
            e -> {
              ObjectNode template = map.types.get(e.getKey(), TypeRegistry.Category.TERM_TEMPLATE);
              if (template == null) {
                throw AtlasError.TYPE_NAME_NOT_FOUND.exception(e.getKey());
              }
              List<String> messages = new ArrayList<>();
              Map<String, JsonNode> defs = new LinkedHashMap<>();
              for (JsonNode attr : template.path("attributeDefs")) {
                defs.put(Json.text(attr, "name"), attr);
              }
              e.getValue()
                  .fields()
                  .forEachRemaining(
                      a -> {
                        JsonNode def = defs.get(a.getKey());
                        if (def == null) {
                          messages.add(
                              e.getKey()
                                  + "."
                                  + a.getKey()
                                  + ": attribute not found in term template "
                                  + e.getKey());
                        } else {
                          map.checkValue(
                              Json.text(def, "typeName"),
                              a.getValue(),
                              e.getKey() + "." + a.getKey(),
                              messages);
                        }
                      });
              if (!messages.isEmpty()) {
                throw AtlasError.INSTANCE_CRUD_INVALID_PARAMS.exception(
                    String.join(", ", messages));
              }
            });
  }

  private void copyStructured(JsonNode body, ObjectNode term) {
    for (String relation : TERM_RELATIONS) {
      if (body.has(relation) && body.get(relation).isArray()) {
        ArrayNode list = term.putArray(relation);
        for (JsonNode header : body.get(relation)) {
          String other = Json.text(header, "termGuid");
          ObjectNode related = requireTerm(other);
          list.add(
              termHeader(
                  related,
                  Json.text(header, "relationGuid") != null
                      ? Json.text(header, "relationGuid")
                      : map.guid()));
        }
      }
    }
    if (body.has("categories") && body.get("categories").isArray()) {
      ArrayNode list = term.putArray("categories");
      for (JsonNode header : body.get("categories")) {
        ObjectNode category = requireCategory(Json.text(header, "categoryGuid"));
        ObjectNode h = list.addObject();
        h.put("categoryGuid", Json.text(category, "guid"));
        h.put(
            "relationGuid",
            Json.text(header, "relationGuid") != null
                ? Json.text(header, "relationGuid")
                : map.guid());
        h.put("displayText", Json.text(category, "name"));
      }
    }
    for (String field : List.of("contacts", "resources", "attributes")) {
      if (body.has(field) && !body.get(field).isNull()) {
        term.set(field, body.get(field));
      }
    }
  }

  ObjectNode updateTerm(String guid, JsonNode body, boolean partial) {
    ObjectNode term = requireTerm(guid);
    requireObject(body);
    if (partial) {
      body.fields()
          .forEachRemaining(
              e -> {
                if (TEXT_FIELDS.contains(e.getKey())) {
                  term.set(e.getKey(), e.getValue());
                }
              });
    } else {
      validateTemplateAttributes(body.get("attributes"));
      copyText(
          body,
          term,
          "name",
          "shortDescription",
          "longDescription",
          "abbreviation",
          "usage",
          "status",
          "examples");
      copyStructured(body, term);
    }
    touch(term);
    return termJson(term, true);
  }

  void deleteTerm(String guid) {
    requireTerm(guid);
    for (Relationship rel : new ArrayList<>(map.relationshipsOf(guid))) {
      if (ASSIGNMENT.equals(rel.typeName) && rel.active()) {
        throw new AtlasException(
            AtlasError.BAD_REQUEST,
            "Term (guid=" + guid + ") cannot be deleted as it has been assigned to entities.");
      }
    }
    for (Relationship rel : new ArrayList<>(map.relationshipsOf(guid))) {
      map.unindex(rel);
    }
    terms.remove(guid);
  }

  ObjectNode termHeader(ObjectNode term, String relationGuid) {
    ObjectNode header = Json.object();
    header.put("termGuid", Json.text(term, "guid"));
    header.put("relationGuid", relationGuid);
    header.put("displayText", Json.text(term, "name"));
    return header;
  }

  ObjectNode termJson(ObjectNode term, boolean withAssignedEntities) {
    ObjectNode out = term.deepCopy();
    // Category and related-term headers show current display texts.
    if (withAssignedEntities) {
      ArrayNode assigned = Json.array();
      for (Relationship rel : map.relationshipsOf(Json.text(term, "guid"))) {
        if (ASSIGNMENT.equals(rel.typeName) && rel.active()) {
          assigned.add(map.relatedObject(rel, rel.end2));
        }
      }
      if (!assigned.isEmpty()) {
        out.set("assignedEntities", assigned);
      }
    }
    return out;
  }

  List<ObjectNode> assignedEntities(String termGuid, int limit, int offset, boolean desc) {
    requireTerm(termGuid);
    List<ObjectNode> out = new ArrayList<>();
    for (Relationship rel : map.relationshipsOf(termGuid)) {
      if (ASSIGNMENT.equals(rel.typeName) && rel.active()) {
        out.add(map.relatedObject(rel, rel.end2));
      }
    }
    sortByName(out, "displayText", desc);
    return page(out, limit, offset);
  }

  void assign(String termGuid, JsonNode relatedObjectIds) {
    ObjectNode term = requireTerm(termGuid);
    DataMap.requireArray(relatedObjectIds, "relatedObjectIds");
    List<EntityRecord> records = new ArrayList<>();
    for (JsonNode id : relatedObjectIds) {
      EntityRecord record = map.requireActive(Json.text(id, "guid"));
      for (Relationship rel : map.relationshipsOf(record.guid)) {
        if (ASSIGNMENT.equals(rel.typeName) && rel.active() && rel.end1.equals(termGuid)) {
          throw AtlasError.INVALID_PARAMETERS.exception(
              "term " + termGuid + " is already assigned to entity " + record.guid);
        }
      }
      records.add(record);
    }
    int i = 0;
    for (JsonNode id : relatedObjectIds) {
      EntityRecord record = records.get(i++);
      Relationship rel =
          new Relationship(map.guid(), ASSIGNMENT, termGuid, record.guid, map.now(), DataMap.USER);
      JsonNode attrs = id.path("relationshipAttributes").path("attributes");
      if (attrs instanceof ObjectNode a) {
        rel.attributes = a.deepCopy();
      }
      map.index(rel);
      ObjectNode tree = record.tree();
      ObjectNode meaning = tree.withArray("meanings").addObject();
      meaning.put("termGuid", termGuid);
      meaning.put("relationGuid", rel.guid);
      meaning.put("displayText", Json.text(term, "name"));
      meaning.put("status", "ACTIVE");
      if (rel.attributes.has("confidence")) {
        meaning.set("confidence", rel.attributes.get("confidence"));
      }
      map.update(record, tree);
    }
  }

  void unassign(String termGuid, JsonNode relatedObjectIds) {
    requireTerm(termGuid);
    DataMap.requireArray(relatedObjectIds, "relatedObjectIds");
    for (JsonNode id : relatedObjectIds) {
      String entityGuid = Json.text(id, "guid");
      String relationshipGuid = Json.text(id, "relationshipGuid");
      Relationship found = null;
      for (Relationship rel : map.relationshipsOf(entityGuid)) {
        if (ASSIGNMENT.equals(rel.typeName)
            && rel.active()
            && rel.end1.equals(termGuid)
            && (relationshipGuid == null || relationshipGuid.equals(rel.guid))) {
          found = rel;
        }
      }
      if (found == null) {
        throw new AtlasException(
            AtlasError.BAD_REQUEST,
            "Given relationshipGuid("
                + relationshipGuid
                + ") is invalid for term (guid="
                + termGuid
                + ") and entity(guid="
                + entityGuid
                + ")");
      }
      map.unindex(found);
      removeMeaning(entityGuid, termGuid);
    }
  }

  private void removeMeaning(String entityGuid, String termGuid) {
    EntityRecord record = map.record(entityGuid);
    if (record == null) {
      return;
    }
    ObjectNode tree = record.tree();
    ArrayNode meanings = tree.withArray("meanings");
    for (int i = meanings.size() - 1; i >= 0; i--) {
      if (termGuid.equals(Json.text(meanings.get(i), "termGuid"))) {
        meanings.remove(i);
      }
    }
    if (meanings.isEmpty()) {
      tree.remove("meanings");
    }
    map.update(record, tree);
  }

  void entityDeleted(String entityGuid) {
    for (Relationship rel : new ArrayList<>(map.relationshipsOf(entityGuid))) {
      if (ASSIGNMENT.equals(rel.typeName)) {
        map.unindex(rel);
      }
    }
  }

  ObjectNode relatedTerms(String termGuid) {
    ObjectNode term = requireTerm(termGuid);
    ObjectNode out = Json.object();
    for (String relation : TERM_RELATIONS) {
      if (term.has(relation) && !term.get(relation).isEmpty()) {
        out.set(relation, term.get(relation));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- categories

  ObjectNode requireCategory(String guid) {
    ObjectNode category = guid == null ? null : categories.get(guid);
    if (category == null) {
      throw AtlasError.INSTANCE_GUID_NOT_FOUND.exception(guid);
    }
    return category;
  }

  ObjectNode createCategory(JsonNode body) {
    requireObject(body);
    String glossaryGuid = Json.text(body.path("anchor"), "glossaryGuid");
    if (glossaryGuid == null) {
      throw new AtlasException(AtlasError.BAD_REQUEST, "Mandatory anchor attribute is missing");
    }
    ObjectNode g = requireGlossary(glossaryGuid);
    String name = Json.text(body, "name");
    if (name == null || name.isBlank()) {
      throw AtlasError.BAD_REQUEST.exception("Category name is empty/null");
    }
    String parentGuid = Json.text(body.path("parentCategory"), "categoryGuid");
    ObjectNode parent = parentGuid == null ? null : requireCategory(parentGuid);
    String qualifiedName =
        (parent == null ? "" : Json.text(parent, "qualifiedName").split("@")[0] + ".")
            + name
            + "@"
            + Json.text(g, "qualifiedName");
    for (ObjectNode c : categories.values()) {
      if (qualifiedName.equals(Json.text(c, "qualifiedName"))) {
        throw AtlasError.GLOSSARY_CATEGORY_ALREADY_EXISTS.exception(qualifiedName);
      }
    }
    ObjectNode category = base(map.guid(), qualifiedName, name);
    copyText(body, category, "shortDescription", "longDescription");
    ObjectNode anchor = category.putObject("anchor");
    anchor.put("glossaryGuid", glossaryGuid);
    anchor.put("relationGuid", map.guid());
    if (parent != null) {
      ObjectNode p = category.putObject("parentCategory");
      p.put("categoryGuid", parentGuid);
      p.put("relationGuid", map.guid());
      p.put("displayText", Json.text(parent, "name"));
    }
    String guid = Json.text(category, "guid");
    categories.put(guid, category);
    linkTerms(category, body.get("terms"));
    return categoryJson(category);
  }

  private void linkTerms(ObjectNode category, JsonNode termHeaders) {
    if (termHeaders == null || !termHeaders.isArray()) {
      return;
    }
    for (JsonNode header : termHeaders) {
      ObjectNode term = requireTerm(Json.text(header, "termGuid"));
      ArrayNode list = term.withArray("categories");
      boolean present = false;
      for (JsonNode c : list) {
        present |= Json.text(category, "guid").equals(Json.text(c, "categoryGuid"));
      }
      if (!present) {
        ObjectNode h = list.addObject();
        h.put("categoryGuid", Json.text(category, "guid"));
        h.put("relationGuid", map.guid());
        h.put("displayText", Json.text(category, "name"));
      }
    }
  }

  ObjectNode updateCategory(String guid, JsonNode body, boolean partial) {
    ObjectNode category = requireCategory(guid);
    requireObject(body);
    if (partial) {
      body.fields()
          .forEachRemaining(
              e -> {
                if (TEXT_FIELDS.contains(e.getKey())) {
                  category.set(e.getKey(), e.getValue());
                }
              });
    } else {
      copyText(body, category, "name", "shortDescription", "longDescription");
      linkTerms(category, body.get("terms"));
    }
    touch(category);
    return categoryJson(category);
  }

  void deleteCategory(String guid) {
    requireCategory(guid);
    for (ObjectNode term : terms.values()) {
      JsonNode list = term.get("categories");
      if (list instanceof ArrayNode array) {
        for (int i = array.size() - 1; i >= 0; i--) {
          if (guid.equals(Json.text(array.get(i), "categoryGuid"))) {
            array.remove(i);
          }
        }
      }
    }
    categories.remove(guid);
  }

  ObjectNode categoryJson(ObjectNode category) {
    ObjectNode out = category.deepCopy();
    String guid = Json.text(category, "guid");
    ArrayNode children = Json.array();
    for (ObjectNode c : categories.values()) {
      if (guid.equals(Json.text(c.path("parentCategory"), "categoryGuid"))) {
        ObjectNode h = children.addObject();
        h.put("categoryGuid", Json.text(c, "guid"));
        h.put("parentCategoryGuid", guid);
        h.put("relationGuid", Json.text(c.path("parentCategory"), "relationGuid"));
        h.put("displayText", Json.text(c, "name"));
      }
    }
    if (!children.isEmpty()) {
      out.set("childrenCategories", children);
    }
    ArrayNode termHeaders = categoryTermHeaders(guid);
    if (!termHeaders.isEmpty()) {
      out.set("terms", termHeaders);
    }
    return out;
  }

  ArrayNode categoryTermHeaders(String guid) {
    ArrayNode out = Json.array();
    for (ObjectNode term : terms.values()) {
      for (JsonNode c : term.path("categories")) {
        if (guid.equals(Json.text(c, "categoryGuid"))) {
          out.add(termHeader(term, Json.text(c, "relationGuid")));
        }
      }
    }
    return out;
  }

  ObjectNode relatedCategories(String guid) {
    ObjectNode category = requireCategory(guid);
    ObjectNode out = Json.object();
    ObjectNode json = categoryJson(category);
    if (category.has("parentCategory")) {
      ObjectNode parent = category.get("parentCategory").deepCopy();
      out.putArray("parent").add(parent);
    }
    if (json.has("childrenCategories")) {
      out.set("children", json.get("childrenCategories"));
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private ObjectNode base(String guid, String qualifiedName, String name) {
    long now = map.now();
    ObjectNode node = Json.object();
    node.put("guid", guid);
    node.put("qualifiedName", qualifiedName);
    node.put("name", name);
    node.put("lastModifiedTS", "1");
    node.put("createdBy", DataMap.USER);
    node.put("updatedBy", DataMap.USER);
    node.put("createTime", now);
    node.put("updateTime", now);
    return node;
  }

  private void touch(ObjectNode node) {
    node.put("updateTime", map.now());
    node.put("updatedBy", DataMap.USER);
    node.put("lastModifiedTS", String.valueOf(Json.longValue(node, "lastModifiedTS", 1) + 1));
  }

  private static void copyText(JsonNode from, ObjectNode to, String... fields) {
    for (String field : fields) {
      if (from.has(field) && !from.get(field).isNull()) {
        to.set(field, from.get(field));
      }
    }
  }

  private static void requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw AtlasError.BAD_REQUEST.exception("the body must be a JSON object");
    }
  }

  private static String anchorOf(ObjectNode node) {
    return Json.text(node.path("anchor"), "glossaryGuid");
  }

  /** State: every glossary, term and category as stored. */
  ObjectNode state() {
    ObjectNode out = Json.object();
    ArrayNode g = out.putArray("glossaries");
    glossaries.values().forEach(g::add);
    ArrayNode t = out.putArray("terms");
    terms.values().forEach(t::add);
    ArrayNode c = out.putArray("categories");
    categories.values().forEach(c::add);
    return out;
  }

  void load(JsonNode state) {
    for (JsonNode g : state.path("glossaries")) {
      glossaries.put(Json.text(g, "guid"), (ObjectNode) g);
    }
    for (JsonNode t : state.path("terms")) {
      terms.put(Json.text(t, "guid"), (ObjectNode) t);
    }
    for (JsonNode c : state.path("categories")) {
      categories.put(Json.text(c, "guid"), (ObjectNode) c);
    }
  }
}
