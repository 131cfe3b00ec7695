package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Type definitions (Atlas {@code AtlasTypesDef}): every category, by name and by guid, with the
 * derived views the store needs (super/subtype closures, attributes, relationship ends). Not
 * thread-safe: the {@link DataMap} lock guards it.
 */
final class TypeRegistry {

  /** The categories, in the order of the {@code AtlasTypesDef} arrays. */
  enum Category {
    ENUM("enumDefs"),
    STRUCT("structDefs"),
    CLASSIFICATION("classificationDefs"),
    ENTITY("entityDefs"),
    RELATIONSHIP("relationshipDefs"),
    BUSINESS_METADATA("businessMetadataDefs"),
    TERM_TEMPLATE("termTemplateDefs");

    final String arrayName;

    Category(String arrayName) {
      this.arrayName = arrayName;
    }

    static Category parse(String value) {
      if (value == null) {
        return null;
      }
      String upper = value.trim().toUpperCase(Locale.ROOT);
      for (Category category : values()) {
        if (category.name().equals(upper)) {
          return category;
        }
      }
      return null;
    }
  }

  static final Set<String> PRIMITIVES =
      Set.of(
          "boolean",
          "byte",
          "short",
          "int",
          "long",
          "float",
          "double",
          "biginteger",
          "bigdecimal",
          "string",
          "date",
          "object");

  /** One end of a relationship, seen from the entity type that carries the attribute. */
  record RelationshipEnd(
      String relationshipType,
      String attributeName,
      boolean myEndIsEnd1,
      boolean many,
      boolean container,
      boolean legacy,
      String otherType,
      String category,
      String declaringType) {}

  /** Derived view of an entity type. */
  static final class EntityType {
    final String name;
    final Set<String> superTypes = new LinkedHashSet<>(); // including itself
    final Set<String> subTypes = new LinkedHashSet<>(); // including itself
    final Map<String, JsonNode> attributes = new LinkedHashMap<>();
    final Map<String, RelationshipEnd> relationshipAttributes = new LinkedHashMap<>();

    EntityType(String name) {
      this.name = name;
    }

    boolean isA(String type) {
      return superTypes.contains(type);
    }
  }

  private final Map<String, ObjectNode> byName = new LinkedHashMap<>();
  private final Map<String, ObjectNode> byGuid = new HashMap<>();
  private Map<String, EntityType> entityTypes = Map.of();
  private final Clock clock;

  interface Clock {
    long now();

    String guid();
  }

  TypeRegistry(Clock clock) {
    this.clock = clock;
  }

  void reset(List<ObjectNode> builtins) {
    byName.clear();
    byGuid.clear();
    create(builtins);
  }

  ObjectNode get(String name) {
    return byName.get(name);
  }

  ObjectNode getByGuid(String guid) {
    return byGuid.get(guid);
  }

  ObjectNode get(String name, Category category) {
    ObjectNode def = byName.get(name);
    return def != null && category.name().equals(Json.text(def, "category")) ? def : null;
  }

  Collection<ObjectNode> all() {
    return byName.values();
  }

  EntityType entityType(String name) {
    return name == null ? null : entityTypes.get(name);
  }

  /** The entity type or a 404 ATLAS-404-00-001. */
  EntityType requireEntityType(String name) {
    EntityType type = entityType(name);
    if (type == null) {
      throw AtlasError.TYPE_NAME_NOT_FOUND.exception(name);
    }
    return type;
  }

  boolean isClassification(String name) {
    return get(name, Category.CLASSIFICATION) != null;
  }

  /** The classification and its subtypes. */
  Set<String> classificationWithSubTypes(String name) {
    Set<String> out = new HashSet<>();
    out.add(name);
    boolean grew = true;
    while (grew) {
      grew = false;
      for (ObjectNode def : byName.values()) {
        if ("CLASSIFICATION".equals(Json.text(def, "category"))
            && !out.contains(Json.text(def, "name"))) {
          for (String sup : Json.strings(def.get("superTypes"))) {
            if (out.contains(sup)) {
              out.add(Json.text(def, "name"));
              grew = true;
              break;
            }
          }
        }
      }
    }
    return out;
  }

  /** Business metadata definitions applicable to the entity type, by name. */
  Map<String, ObjectNode> businessMetadataFor(EntityType type) {
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    for (ObjectNode def : byName.values()) {
      if (!"BUSINESS_METADATA".equals(Json.text(def, "category"))) {
        continue;
      }
      if (applicable(def, type)) {
        out.put(Json.text(def, "name"), def);
      }
    }
    return out;
  }

  private static boolean applicable(ObjectNode bmDef, EntityType type) {
    for (JsonNode attr : bmDef.path("attributeDefs")) {
      String applicable = Json.text(attr.path("options"), "applicableEntityTypes");
      if (applicable == null || applicable.isBlank()) {
        return true;
      }
      try {
        for (JsonNode t : Json.MAPPER.readTree(applicable)) {
          if (type.isA(t.asText())) {
            return true;
          }
        }
      } catch (java.io.IOException e) {
        return true;
      }
    }
    return bmDef.path("attributeDefs").isEmpty();
  }

  /** Headers of all defs, filtered by category. */
  List<ObjectNode> list(Predicate<ObjectNode> filter) {
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode def : byName.values()) {
      if (filter.test(def)) {
        out.add(def);
      }
    }
    return out;
  }

  /** An {@code AtlasTypesDef} holding the given defs. */
  static ObjectNode typesDef(Collection<ObjectNode> defs, boolean includeTermTemplates) {
    ObjectNode out = Json.object();
    for (Category category : Category.values()) {
      if (category == Category.TERM_TEMPLATE && !includeTermTemplates) {
        continue;
      }
      out.putArray(category.arrayName);
    }
    for (ObjectNode def : defs) {
      Category category = Category.parse(Json.text(def, "category"));
      if (category == Category.TERM_TEMPLATE && !includeTermTemplates) {
        continue;
      }
      ArrayNode array =
          out.has(category.arrayName)
              ? (ArrayNode) out.get(category.arrayName)
              : out.putArray(category.arrayName);
      array.add(def);
    }
    return out;
  }

  // ---------------------------------------------------------------- writes

  /** Reads the defs of an {@code AtlasTypesDef} body, each tagged with its category. */
  static List<ObjectNode> defsOf(JsonNode typesDef) {
    if (typesDef == null || !typesDef.isObject()) {
      throw AtlasError.BAD_REQUEST.exception("the body must be an AtlasTypesDef object");
    }
    List<ObjectNode> out = new ArrayList<>();
    for (Category category : Category.values()) {
      JsonNode array = typesDef.get(category.arrayName);
      if (array == null || array.isNull()) {
        continue;
      }
      if (!array.isArray()) {
        throw AtlasError.BAD_REQUEST.exception(category.arrayName + " must be an array");
      }
      for (JsonNode def : array) {
        if (!def.isObject() || Json.text(def, "name") == null) {
          throw AtlasError.INVALID_TYPE_DEFINITION.exception(
              "a definition in " + category.arrayName + " has no name");
        }
        ObjectNode copy = ((ObjectNode) def).deepCopy();
        copy.put("category", category.name());
        out.add(copy);
      }
    }
    return out;
  }

  /**
   * Creates the defs that do not exist yet; existing ones are left as they are (Purview: "only new
   * definitions will be created"). Returns the stored defs, in request order.
   */
  List<ObjectNode> create(List<ObjectNode> defs) {
    List<ObjectNode> fresh = new ArrayList<>();
    List<ObjectNode> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ObjectNode def : defs) {
      String name = Json.text(def, "name");
      if (!seen.add(name)) {
        throw AtlasError.INVALID_TYPE_DEFINITION.exception(
            name + " is defined twice in the request");
      }
      ObjectNode existing = byName.get(name);
      if (existing != null) {
        if (!existing.path("category").asText().equals(def.path("category").asText())) {
          throw AtlasError.TYPE_ALREADY_EXISTS.exception(name);
        }
        result.add(existing);
      } else {
        ObjectNode normalized = normalize(def, null);
        fresh.add(normalized);
        result.add(normalized);
      }
    }
    validateAndPut(fresh);
    return result;
  }

  /** Replaces existing defs (404 for an unknown one). */
  List<ObjectNode> update(List<ObjectNode> defs) {
    List<ObjectNode> updated = new ArrayList<>();
    for (ObjectNode def : defs) {
      ObjectNode existing = byName.get(Json.text(def, "name"));
      if (existing == null) {
        throw AtlasError.TYPE_NAME_NOT_FOUND.exception(Json.text(def, "name"));
      }
      updated.add(normalize(def, existing));
    }
    validateAndPut(updated);
    return updated;
  }

  private void validateAndPut(List<ObjectNode> defs) {
    Map<String, ObjectNode> pending = new HashMap<>();
    for (ObjectNode def : defs) {
      pending.put(Json.text(def, "name"), def);
    }
    for (ObjectNode def : defs) {
      validate(def, pending);
    }
    for (ObjectNode def : defs) {
      ObjectNode previous = byName.put(Json.text(def, "name"), def);
      if (previous != null) {
        byGuid.remove(Json.text(previous, "guid"));
      }
      byGuid.put(Json.text(def, "guid"), def);
    }
    rebuild();
  }

  private boolean known(String typeName, Map<String, ObjectNode> pending) {
    if (typeName == null) {
      return false;
    }
    String t = typeName.trim();
    if (PRIMITIVES.contains(t)) {
      return true;
    }
    if (t.startsWith("array<") && t.endsWith(">")) {
      return known(t.substring(6, t.length() - 1), pending);
    }
    if (t.startsWith("map<") && t.endsWith(">")) {
      String inner = t.substring(4, t.length() - 1);
      int comma = inner.indexOf(',');
      return comma > 0
          && known(inner.substring(0, comma), pending)
          && known(inner.substring(comma + 1), pending);
    }
    return byName.containsKey(t) || pending.containsKey(t);
  }

  private void validate(ObjectNode def, Map<String, ObjectNode> pending) {
    String name = Json.text(def, "name");
    Category category = Category.parse(Json.text(def, "category"));
    for (String sup : Json.strings(def.get("superTypes"))) {
      if (!byName.containsKey(sup) && !pending.containsKey(sup)) {
        throw AtlasError.TYPE_NAME_NOT_FOUND.exception(sup);
      }
    }
    for (JsonNode attr : def.path("attributeDefs")) {
      String attrName = Json.text(attr, "name");
      String typeName = Json.text(attr, "typeName");
      if (attrName == null || attrName.isBlank()) {
        throw AtlasError.INVALID_TYPE_DEFINITION.exception(name + ": an attribute has no name");
      }
      if (!known(typeName, pending)) {
        throw AtlasError.TYPE_NAME_NOT_FOUND.exception(typeName);
      }
      if (category == Category.BUSINESS_METADATA) {
        String element =
            typeName.startsWith("array<") ? typeName.substring(6, typeName.length() - 1) : typeName;
        ObjectNode elementDef =
            byName.containsKey(element) ? byName.get(element) : pending.get(element);
        boolean isEnum = elementDef != null && "ENUM".equals(Json.text(elementDef, "category"));
        if (!PRIMITIVES.contains(element) && !isEnum) {
          throw AtlasError.INVALID_TYPE_DEFINITION.exception(
              name
                  + "."
                  + attrName
                  + ": business metadata attributes must be primitive or enum, not "
                  + typeName);
        }
      }
    }
    if (category == Category.RELATIONSHIP) {
      for (String end : List.of("endDef1", "endDef2")) {
        JsonNode endDef = def.get(end);
        if (endDef == null
            || Json.text(endDef, "type") == null
            || Json.text(endDef, "name") == null) {
          throw AtlasError.INVALID_TYPE_DEFINITION.exception(
              name + ": " + end + " needs type and name");
        }
        if (!known(Json.text(endDef, "type"), pending)) {
          throw AtlasError.TYPE_NAME_NOT_FOUND.exception(Json.text(endDef, "type"));
        }
      }
    }
  }

  private ObjectNode normalize(ObjectNode def, ObjectNode existing) {
    long now = clock.now();
    ObjectNode out = Json.object();
    out.put("category", Json.text(def, "category"));
    out.put(
        "guid", existing != null ? Json.text(existing, "guid") : pick(def, "guid", clock.guid()));
    out.put(
        "createdBy",
        existing != null
            ? Json.text(existing, "createdBy")
            : pick(def, "createdBy", "ServiceAdmin"));
    out.put("updatedBy", pick(def, "updatedBy", "ServiceAdmin"));
    out.put("createTime", existing != null ? existing.path("createTime").asLong() : now);
    out.put("updateTime", now);
    long version = existing != null ? existing.path("version").asLong() + 1 : 1;
    out.put("version", version);
    out.put("name", Json.text(def, "name"));
    out.put("description", pick(def, "description", Json.text(def, "name")));
    out.put("typeVersion", pick(def, "typeVersion", "1.0"));
    out.put("lastModifiedTS", String.valueOf(version));
    if (def.has("serviceType")) {
      out.set("serviceType", def.get("serviceType"));
    }
    if (def.has("options")) {
      out.set("options", def.get("options"));
    }
    Category category = Category.parse(Json.text(def, "category"));
    if (category == Category.ENUM) {
      ArrayNode elements = out.putArray("elementDefs");
      int ordinal = 0;
      for (JsonNode element : def.path("elementDefs")) {
        ObjectNode e = Json.object();
        e.put("value", Json.text(element, "value"));
        e.put("ordinal", element.has("ordinal") ? element.get("ordinal").asInt() : ordinal);
        if (element.has("description")) {
          e.set("description", element.get("description"));
        }
        elements.add(e);
        ordinal++;
      }
      if (def.has("defaultValue")) {
        out.set("defaultValue", def.get("defaultValue"));
      }
      return out;
    }
    ArrayNode attrs = out.putArray("attributeDefs");
    for (JsonNode attr : def.path("attributeDefs")) {
      attrs.add(normalizeAttribute(attr));
    }
    switch (category) {
      case ENTITY -> {
        out.set("superTypes", Json.arrayOf(Json.strings(def.get("superTypes"))));
        out.putArray("subTypes");
        out.putArray("relationshipAttributeDefs");
      }
      case CLASSIFICATION -> {
        out.set("superTypes", Json.arrayOf(Json.strings(def.get("superTypes"))));
        out.set("entityTypes", Json.arrayOf(Json.strings(def.get("entityTypes"))));
        out.putArray("subTypes");
      }
      case RELATIONSHIP -> {
        out.put("relationshipCategory", pick(def, "relationshipCategory", "ASSOCIATION"));
        out.put("relationshipLabel", pick(def, "relationshipLabel", "r:" + Json.text(def, "name")));
        out.put("propagateTags", pick(def, "propagateTags", "NONE"));
        out.set("endDef1", normalizeEnd(def.get("endDef1")));
        out.set("endDef2", normalizeEnd(def.get("endDef2")));
      }
      default -> {}
    }
    return out;
  }

  private static ObjectNode normalizeEnd(JsonNode end) {
    ObjectNode out = Json.object();
    if (end == null || !end.isObject()) {
      return out;
    }
    out.put("type", Json.text(end, "type"));
    out.put("name", Json.text(end, "name"));
    out.put("isContainer", end.path("isContainer").asBoolean(false));
    out.put("cardinality", pick(end, "cardinality", "SINGLE"));
    out.put("isLegacyAttribute", end.path("isLegacyAttribute").asBoolean(false));
    if (end.has("description")) {
      out.set("description", end.get("description"));
    }
    return out;
  }

  static ObjectNode normalizeAttribute(JsonNode attr) {
    ObjectNode a = Json.object();
    a.put("name", Json.text(attr, "name"));
    String typeName = Json.text(attr, "typeName");
    a.put("typeName", typeName);
    boolean optional = attr.path("isOptional").asBoolean(true);
    a.put("isOptional", optional);
    String cardinality =
        pick(
            attr,
            "cardinality",
            typeName != null && typeName.startsWith("array<") ? "SET" : "SINGLE");
    a.put("cardinality", cardinality);
    a.put(
        "valuesMinCount",
        attr.has("valuesMinCount") ? attr.get("valuesMinCount").asInt() : optional ? 0 : 1);
    a.put(
        "valuesMaxCount",
        attr.has("valuesMaxCount")
            ? attr.get("valuesMaxCount").asInt()
            : "SINGLE".equals(cardinality) ? 1 : Integer.MAX_VALUE);
    a.put("isUnique", attr.path("isUnique").asBoolean(false));
    a.put("isIndexable", attr.path("isIndexable").asBoolean(false));
    a.put("includeInNotification", attr.path("includeInNotification").asBoolean(false));
    for (String extra :
        List.of("defaultValue", "description", "options", "constraints", "searchWeight")) {
      if (attr.has(extra)) {
        a.set(extra, attr.get(extra));
      }
    }
    return a;
  }

  private static String pick(JsonNode node, String field, String dflt) {
    String value = Json.text(node, field);
    return value == null ? dflt : value;
  }

  /** Deletes one def; 404 if unknown, 409 if something still uses it. */
  void delete(String name, Predicate<String> inUse) {
    ObjectNode def = byName.get(name);
    if (def == null) {
      throw AtlasError.TYPE_NAME_NOT_FOUND.exception(name);
    }
    for (ObjectNode other : byName.values()) {
      if (other == def) {
        continue;
      }
      if (Json.strings(other.get("superTypes")).contains(name)) {
        throw AtlasError.TYPE_HAS_REFERENCES.exception(name);
      }
      for (JsonNode attr : other.path("attributeDefs")) {
        String t = Json.text(attr, "typeName");
        if (t != null && (t.equals(name) || t.equals("array<" + name + ">"))) {
          throw AtlasError.TYPE_HAS_REFERENCES.exception(name);
        }
      }
      if ("RELATIONSHIP".equals(Json.text(other, "category"))
          && (name.equals(Json.text(other.path("endDef1"), "type"))
              || name.equals(Json.text(other.path("endDef2"), "type")))) {
        throw AtlasError.TYPE_HAS_REFERENCES.exception(name);
      }
    }
    if (inUse.test(name)) {
      throw AtlasError.TYPE_HAS_REFERENCES.exception(name);
    }
    byName.remove(name);
    byGuid.remove(Json.text(def, "guid"));
    rebuild();
  }

  // ---------------------------------------------------------------- derived views

  private void rebuild() {
    Map<String, EntityType> types = new HashMap<>();
    for (ObjectNode def : byName.values()) {
      if ("ENTITY".equals(Json.text(def, "category"))) {
        types.put(Json.text(def, "name"), new EntityType(Json.text(def, "name")));
      }
    }
    for (EntityType type : types.values()) {
      collectSupers(type.name, type.superTypes);
    }
    for (EntityType type : types.values()) {
      for (String sup : type.superTypes) {
        EntityType supType = types.get(sup);
        if (supType != null) {
          supType.subTypes.add(type.name);
        }
      }
      List<String> order = new ArrayList<>(type.superTypes);
      java.util.Collections.reverse(order);
      for (String sup : order) {
        ObjectNode def = byName.get(sup);
        if (def != null) {
          for (JsonNode attr : def.path("attributeDefs")) {
            type.attributes.put(Json.text(attr, "name"), attr);
          }
        }
      }
    }
    for (ObjectNode def : byName.values()) {
      if (!"RELATIONSHIP".equals(Json.text(def, "category"))) {
        continue;
      }
      String relName = Json.text(def, "name");
      String category = Json.text(def, "relationshipCategory");
      JsonNode end1 = def.path("endDef1");
      JsonNode end2 = def.path("endDef2");
      addEnd(types, relName, category, end1, end2, true);
      addEnd(types, relName, category, end2, end1, false);
    }
    for (ObjectNode def : byName.values()) {
      String category = Json.text(def, "category");
      if ("ENTITY".equals(category)) {
        EntityType type = types.get(Json.text(def, "name"));
        ArrayNode subs = def.putArray("subTypes");
        ArrayNode relAttrs = def.putArray("relationshipAttributeDefs");
        for (EntityType other : types.values()) {
          if (Json.strings(byName.get(other.name).get("superTypes")).contains(type.name)) {
            subs.add(other.name);
          }
        }
        ObjectNode own = byName.get(type.name);
        for (RelationshipEnd end : type.relationshipAttributes.values()) {
          ObjectNode rel = byName.get(end.relationshipType());
          JsonNode myEnd = rel.path(end.myEndIsEnd1() ? "endDef1" : "endDef2");
          if (!type.name.equals(Json.text(myEnd, "type")) || own == null) {
            continue;
          }
          ObjectNode a = Json.object();
          a.put("name", end.attributeName());
          a.put("typeName", end.many() ? "array<" + end.otherType() + ">" : end.otherType());
          a.put("isOptional", true);
          a.put("cardinality", Json.text(myEnd, "cardinality"));
          a.put("valuesMinCount", -1);
          a.put("valuesMaxCount", -1);
          a.put("isUnique", false);
          a.put("isIndexable", false);
          a.put("includeInNotification", false);
          a.put("relationshipTypeName", end.relationshipType());
          a.put("isLegacyAttribute", end.legacy());
          relAttrs.add(a);
        }
      } else if ("CLASSIFICATION".equals(category)) {
        ArrayNode subs = def.putArray("subTypes");
        for (ObjectNode other : byName.values()) {
          if ("CLASSIFICATION".equals(Json.text(other, "category"))
              && Json.strings(other.get("superTypes")).contains(Json.text(def, "name"))) {
            subs.add(Json.text(other, "name"));
          }
        }
      }
    }
    entityTypes = types;
  }

  private static void addEnd(
      Map<String, EntityType> types,
      String relName,
      String category,
      JsonNode mine,
      JsonNode other,
      boolean mineIsEnd1) {
    String myType = Json.text(mine, "type");
    String attrName = Json.text(mine, "name");
    String cardinality = Json.text(mine, "cardinality");
    RelationshipEnd end =
        new RelationshipEnd(
            relName,
            attrName,
            mineIsEnd1,
            "SET".equals(cardinality) || "LIST".equals(cardinality),
            mine.path("isContainer").asBoolean(false),
            mine.path("isLegacyAttribute").asBoolean(false),
            Json.text(other, "type"),
            category,
            myType);
    for (EntityType type : types.values()) {
      if (type.superTypes.contains(myType)) {
        RelationshipEnd present = type.relationshipAttributes.get(attrName);
        // The most specific declaring type wins (Atlas picks by type hierarchy).
        if (present == null
            || (!present.declaringType().equals(myType)
                && types.containsKey(myType)
                && types.get(myType).superTypes.contains(present.declaringType()))) {
          type.relationshipAttributes.put(attrName, end);
        }
      }
    }
  }

  private void collectSupers(String name, Set<String> out) {
    if (!out.add(name)) {
      return;
    }
    ObjectNode def = byName.get(name);
    if (def != null) {
      for (String sup : Json.strings(def.get("superTypes"))) {
        collectSupers(sup, out);
      }
    }
  }
}
