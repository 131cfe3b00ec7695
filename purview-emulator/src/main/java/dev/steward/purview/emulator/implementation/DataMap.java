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
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The in-memory Data Map: type definitions, entities (indexed by guid and by type + qualifiedName),
 * relationships, lineage and the glossary. One read-write lock: reads run in parallel, writes one
 * at a time, and a failed write changes nothing (every check runs before the first change).
 */
public final class DataMap implements TypeRegistry.Clock {

  static final String USER = "steward-emulator";
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.\\-]{1,50}");
  private static final Set<String> HEADER_ATTRIBUTES =
      Set.of("qualifiedName", "name", "owner", "description", "createTime");

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  final TypeRegistry types = new TypeRegistry(this);
  private final LinkedHashMap<String, EntityRecord> entities = new LinkedHashMap<>();
  private final HashMap<String, HashMap<String, EntityRecord>> byTypeQn = new HashMap<>();
  private final HashMap<String, Relationship> relationships = new HashMap<>();
  private final HashMap<String, List<Relationship>> relationshipsByEntity = new HashMap<>();
  final Glossary glossary = new Glossary(this);
  private final LongSupplier clock;
  private final Random random;
  private final String rootCollection;
  private long tempIds = -9_514_774_903_018_100L;

  /**
   * A Data Map with the built-in types.
   *
   * @param clock epoch milliseconds
   * @param seed seed of the guid generator (guids are reproducible for a given seed and history)
   * @param rootCollection the collection new entities go to when the request names none
   */
  public DataMap(LongSupplier clock, long seed, String rootCollection) {
    this.clock = clock;
    this.random = new Random(seed);
    this.rootCollection = rootCollection;
    types.create(TypeRegistry.defsOf(BuiltinTypes.typesDef()));
  }

  // ------------------------------------------------------------------ locking

  /** Runs under the read lock. */
  public <T> T read(Supplier<T> action) {
    lock.readLock().lock();
    try {
      return action.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs under the write lock. */
  public <T> T write(Supplier<T> action) {
    lock.writeLock().lock();
    try {
      return action.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public long now() {
    return clock.getAsLong();
  }

  @Override
  public String guid() {
    while (true) {
      long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
      long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      String guid = new java.util.UUID(hi, lo).toString();
      if (!entities.containsKey(guid)
          && !relationships.containsKey(guid)
          && !glossary.exists(guid)) {
        return guid;
      }
    }
  }

  String rootCollection() {
    return rootCollection;
  }

  // ------------------------------------------------------------------ reads

  /** Number of active entities. */
  public int size() {
    return read(
        () -> {
          int n = 0;
          for (EntityRecord r : entities.values()) {
            if (!r.deleted) {
              n++;
            }
          }
          return n;
        });
  }

  /** Bytes of stored entity JSON (for the memory measurement in the benchmarks). */
  public long storedJsonBytes() {
    return read(
        () -> {
          long sum = 0;
          for (EntityRecord r : entities.values()) {
            sum += r.json.length;
          }
          return sum;
        });
  }

  Collection<EntityRecord> records() {
    return entities.values();
  }

  EntityRecord record(String guid) {
    return guid == null ? null : entities.get(guid);
  }

  EntityRecord requireRecord(String guid) {
    EntityRecord record = record(guid);
    if (record == null) {
      throw AtlasError.INSTANCE_GUID_NOT_FOUND.exception(guid);
    }
    return record;
  }

  EntityRecord requireActive(String guid) {
    EntityRecord record = requireRecord(guid);
    if (record.deleted) {
      throw AtlasError.INSTANCE_GUID_NOT_FOUND.exception(guid);
    }
    return record;
  }

  /** Finds an active entity by type (or a subtype) and qualifiedName. */
  EntityRecord findUnique(String typeName, String qualifiedName) {
    TypeRegistry.EntityType type = types.requireEntityType(typeName);
    HashMap<String, EntityRecord> exact = byTypeQn.get(typeName);
    EntityRecord found = exact == null ? null : exact.get(qualifiedName);
    if (found != null) {
      return found;
    }
    for (String sub : type.subTypes) {
      HashMap<String, EntityRecord> index = byTypeQn.get(sub);
      if (index != null && (found = index.get(qualifiedName)) != null) {
        return found;
      }
    }
    return null;
  }

  /** Resolves {@code attr:<name>=value} unique attributes to an entity, or a 404. */
  EntityRecord requireUnique(String typeName, Map<String, String> uniqueAttributes) {
    TypeRegistry.EntityType type = types.requireEntityType(typeName);
    if (uniqueAttributes.isEmpty()) {
      throw AtlasError.INVALID_PARAMETERS.exception(
          "no unique attribute (attr:qualifiedName=...) given");
    }
    EntityRecord found = null;
    for (Map.Entry<String, String> entry : uniqueAttributes.entrySet()) {
      if ("qualifiedName".equals(entry.getKey())) {
        found = findUnique(typeName, entry.getValue());
      } else {
        JsonNode def = type.attributes.get(entry.getKey());
        if (def == null || !def.path("isUnique").asBoolean()) {
          throw AtlasError.INVALID_PARAMETERS.exception(
              entry.getKey() + " is not a unique attribute of " + typeName);
        }
        for (EntityRecord r : entities.values()) {
          if (!r.deleted
              && type.subTypes.contains(r.typeName)
              && entry.getValue().equals(Json.text(r.tree().path("attributes"), entry.getKey()))) {
            found = r;
            break;
          }
        }
      }
      if (found == null) {
        throw AtlasError.INSTANCE_BY_UNIQUE_ATTRIBUTE_NOT_FOUND.exception(
            typeName, uniqueAttributes);
      }
    }
    return found;
  }

  /** The entity JSON with its relationship attributes, as stored plus derived fields. */
  ObjectNode entityTree(EntityRecord record, boolean withRelationships) {
    ObjectNode tree = record.tree();
    if (withRelationships) {
      tree.set("relationshipAttributes", relationshipAttributes(record));
    }
    return tree;
  }

  /** {@code AtlasEntityWithExtInfo}. */
  ObjectNode withExtInfo(EntityRecord record, boolean minExtInfo, boolean ignoreRelationships) {
    ObjectNode out = Json.object();
    ObjectNode referred = out.putObject("referredEntities");
    out.set("entity", entityTree(record, !ignoreRelationships));
    if (!minExtInfo) {
      for (String guid : referredGuids(record)) {
        EntityRecord other = entities.get(guid);
        if (other != null && !referred.has(guid)) {
          referred.set(guid, entityTree(other, !ignoreRelationships));
        }
      }
    }
    return out;
  }

  private Set<String> referredGuids(EntityRecord record) {
    Set<String> out = new LinkedHashSet<>();
    TypeRegistry.EntityType type = types.entityType(record.typeName);
    if (type == null) {
      return out;
    }
    for (Relationship rel : relationshipsOf(record.guid)) {
      TypeRegistry.RelationshipEnd end = endFor(type, rel);
      if (end != null && (end.container() || end.legacy())) {
        out.add(rel.other(record.guid));
      }
    }
    return out;
  }

  List<Relationship> relationshipsOf(String guid) {
    List<Relationship> list = relationshipsByEntity.get(guid);
    return list == null ? List.of() : list;
  }

  /** The end of {@code rel} that belongs to an entity of {@code type}, or null. */
  private TypeRegistry.RelationshipEnd endFor(TypeRegistry.EntityType type, Relationship rel) {
    for (TypeRegistry.RelationshipEnd end : type.relationshipAttributes.values()) {
      if (end.relationshipType().equals(rel.typeName)) {
        return end;
      }
    }
    return null;
  }

  ObjectNode relationshipAttributes(EntityRecord record) {
    ObjectNode out = Json.object();
    TypeRegistry.EntityType type = types.entityType(record.typeName);
    if (type == null) {
      return out;
    }
    Map<String, List<Relationship>> byAttribute = new HashMap<>();
    for (Relationship rel : relationshipsOf(record.guid)) {
      if (!rel.active()) {
        continue;
      }
      for (TypeRegistry.RelationshipEnd end : type.relationshipAttributes.values()) {
        if (end.relationshipType().equals(rel.typeName)
            && (end.myEndIsEnd1() ? rel.end1 : rel.end2).equals(record.guid)) {
          byAttribute.computeIfAbsent(end.attributeName(), k -> new ArrayList<>()).add(rel);
        }
      }
    }
    for (TypeRegistry.RelationshipEnd end : type.relationshipAttributes.values()) {
      List<Relationship> rels = byAttribute.getOrDefault(end.attributeName(), List.of());
      if (end.many()) {
        ArrayNode array = out.putArray(end.attributeName());
        for (Relationship rel : rels) {
          array.add(relatedObject(rel, rel.other(record.guid)));
        }
      } else if (rels.isEmpty()) {
        out.putNull(end.attributeName());
      } else {
        out.set(end.attributeName(), relatedObject(rels.get(0), rels.get(0).other(record.guid)));
      }
    }
    return out;
  }

  /** {@code AtlasRelatedObjectId}. */
  ObjectNode relatedObject(Relationship rel, String guid) {
    ObjectNode out = Json.object();
    out.put("guid", guid);
    EntityRecord other = entities.get(guid);
    if (other != null) {
      out.put("typeName", other.typeName);
      out.put("entityStatus", other.status());
      out.put("displayText", other.displayText());
      out.putObject("uniqueAttributes").put("qualifiedName", other.qualifiedName);
    } else {
      ObjectNode term = glossary.termNode(guid);
      out.put("typeName", term != null ? "AtlasGlossaryTerm" : "Referenceable");
      out.put("entityStatus", "ACTIVE");
      out.put("displayText", term != null ? Json.text(term, "name") : guid);
    }
    out.put("relationshipType", rel.typeName);
    out.put("relationshipGuid", rel.guid);
    out.put("relationshipStatus", rel.status);
    ObjectNode relAttrs = out.putObject("relationshipAttributes");
    relAttrs.put("typeName", rel.typeName);
    ObjectNode def = types.get(rel.typeName);
    if (rel.attributes.size() > 0 || (def != null && !def.path("attributeDefs").isEmpty())) {
      ObjectNode attrs = relAttrs.putObject("attributes");
      if (def != null) {
        for (JsonNode attr : def.path("attributeDefs")) {
          attrs.putNull(Json.text(attr, "name"));
        }
      }
      attrs.setAll(rel.attributes);
    }
    return out;
  }

  /** {@code AtlasEntityHeader}, as the header route returns it. */
  ObjectNode header(EntityRecord record) {
    return header(record, false);
  }

  /** The header; {@code allAttributes} as lineage shows them, else the header attributes only. */
  ObjectNode header(EntityRecord record, boolean allAttributes) {
    ObjectNode tree = record.tree();
    ObjectNode out = Json.object();
    out.put("typeName", record.typeName);
    ObjectNode attrs = out.putObject("attributes");
    tree.path("attributes")
        .fields()
        .forEachRemaining(
            e -> {
              if (allAttributes || HEADER_ATTRIBUTES.contains(e.getKey())) {
                attrs.set(e.getKey(), e.getValue());
              }
            });
    out.put("guid", record.guid);
    out.put("status", record.status());
    out.put("displayText", record.displayText());
    out.set("classificationNames", Json.arrayOf(List.of(record.classifications)));
    out.set(
        "classifications",
        tree.has("classifications") ? tree.get("classifications") : Json.array());
    ArrayNode meaningNames = out.putArray("meaningNames");
    for (int i = 0; i < record.termCount(); i++) {
      meaningNames.add(record.terms[record.termCount() + i]);
    }
    out.set("meanings", tree.has("meanings") ? tree.get("meanings") : Json.array());
    out.set("labels", Json.arrayOf(List.of(record.labels)));
    out.put("isIncomplete", false);
    out.put("lastModifiedTS", String.valueOf(record.lastModified));
    return out;
  }

  /** The header of a mutation result (Purview returns full entity headers). */
  ObjectNode mutationHeader(EntityRecord record) {
    return header(record, false);
  }

  // ------------------------------------------------------------------ entity writes

  private static final class Plan {
    ObjectNode input;
    TypeRegistry.EntityType type;
    EntityRecord existing;
    String guid;
    String tempKey;
    ObjectNode result;
    final Map<TypeRegistry.RelationshipEnd, JsonNode> refs = new LinkedHashMap<>();
    final Map<TypeRegistry.RelationshipEnd, List<String>> resolved = new LinkedHashMap<>();
  }

  /**
   * Atlas create-or-update: an entity is matched by guid, else by type + qualifiedName; new ones
   * get a guid. Unchanged entities are not reported as mutated.
   */
  ObjectNode createOrUpdate(List<JsonNode> inputs, String collectionId, String bmBehavior) {
    long now = now();
    List<Plan> plans = new ArrayList<>();
    Map<String, Plan> byTemp = new HashMap<>();
    Map<String, Plan> byKey = new HashMap<>();
    List<String> messages = new ArrayList<>();
    for (JsonNode node : inputs) {
      if (!node.isObject()) {
        throw AtlasError.BAD_REQUEST.exception("an entity must be a JSON object");
      }
      ObjectNode input = (ObjectNode) node;
      Plan plan = new Plan();
      plan.input = input;
      String typeName = Json.text(input, "typeName");
      if (typeName == null) {
        throw AtlasError.INVALID_PARAMETERS.exception("typeName is missing in an entity");
      }
      plan.type = types.requireEntityType(typeName);
      JsonNode attributes = input.get("attributes");
      if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
        throw AtlasError.BAD_REQUEST.exception("attributes must be an object");
      }
      String qn = Json.text(attributes, "qualifiedName");
      String guid = Json.text(input, "guid");
      boolean assigned = guid != null && !guid.isBlank() && !guid.startsWith("-");
      if (assigned) {
        EntityRecord byGuid = entities.get(guid);
        if (byGuid != null && !byGuid.deleted) {
          plan.existing = byGuid;
        }
      }
      String key = typeName + '\u0000' + qn;
      Plan earlier = qn == null ? null : byKey.get(key);
      if (plan.existing == null && qn != null && earlier == null) {
        HashMap<String, EntityRecord> index = byTypeQn.get(typeName);
        plan.existing = index == null ? null : index.get(qn);
      }
      if (earlier != null) {
        throw AtlasError.INVALID_PARAMETERS.exception(
            "the request holds two entities of type " + typeName + " with qualifiedName " + qn);
      }
      if (plan.existing == null && qn == null) {
        messages.add(
            typeName + ".qualifiedName: mandatory attribute value missing in type " + typeName);
        continue;
      }
      plan.tempKey = guid != null && !guid.isBlank() ? guid : String.valueOf(tempIds--);
      plan.guid = plan.existing != null ? plan.existing.guid : guid();
      if (plan.existing != null
          && input.has("lastModifiedTS")
          && !input.get("lastModifiedTS").isNull()) {
        long sent = Json.longValue(input, "lastModifiedTS", -1);
        if (sent != plan.existing.lastModified) {
          throw AtlasError.PRECONDITION_FAILED.exception(
              plan.existing.guid, input.get("lastModifiedTS").asText(), plan.existing.lastModified);
        }
      }
      if (qn != null) {
        byKey.put(key, plan);
      }
      byTemp.put(plan.tempKey, plan);
      plans.add(plan);
    }
    if (!messages.isEmpty()) {
      throw AtlasError.INSTANCE_CRUD_INVALID_PARAMS.exception(String.join(", ", messages));
    }
    // Build the new trees and validate them.
    for (Plan plan : plans) {
      plan.result = buildEntity(plan, collectionId, bmBehavior, now, messages);
    }
    if (!messages.isEmpty()) {
      throw AtlasError.INSTANCE_CRUD_INVALID_PARAMS.exception(String.join(", ", messages));
    }
    // Resolve references (relationship attributes and legacy attributes such as inputs/outputs).
    for (Plan plan : plans) {
      for (Map.Entry<TypeRegistry.RelationshipEnd, JsonNode> ref : plan.refs.entrySet()) {
        List<String> guids = new ArrayList<>();
        JsonNode value = ref.getValue();
        if (value.isArray()) {
          for (JsonNode element : value) {
            guids.add(resolveRef(element, byTemp, byKey));
          }
        } else if (!value.isNull()) {
          guids.add(resolveRef(value, byTemp, byKey));
        }
        plan.resolved.put(ref.getKey(), guids);
        if (ref.getKey().legacy()) {
          ArrayNode ids = Json.array();
          for (String g : guids) {
            ids.add(objectId(g, byTemp));
          }
          ((ObjectNode) plan.result.get("attributes")).set(ref.getKey().attributeName(), ids);
        }
      }
    }
    // Commit.
    ObjectNode emr = Json.object();
    ObjectNode mutated = emr.putObject("mutatedEntities");
    ObjectNode assignments = emr.putObject("guidAssignments");
    for (Plan plan : plans) {
      assignments.put(plan.tempKey, plan.guid);
    }
    for (Plan plan : plans) {
      boolean relChanged = false;
      for (Map.Entry<TypeRegistry.RelationshipEnd, List<String>> entry : plan.resolved.entrySet()) {
        relChanged |= syncRelationships(plan.guid, entry.getKey(), entry.getValue(), now);
      }
      if (plan.existing != null) {
        ObjectNode before = plan.existing.tree();
        if (!relChanged && sameContent(before, plan.result)) {
          continue;
        }
        plan.result.put("lastModifiedTS", String.valueOf(plan.existing.lastModified + 1));
      }
      EntityRecord record = EntityRecord.of(plan.result);
      put(record);
      mutated.withArray(plan.existing == null ? "CREATE" : "UPDATE").add(mutationHeader(record));
    }
    return emr;
  }

  private ObjectNode objectId(String guid, Map<String, Plan> byTemp) {
    ObjectNode id = Json.object();
    id.put("guid", guid);
    EntityRecord record = entities.get(guid);
    String typeName = null;
    String qn = null;
    if (record != null) {
      typeName = record.typeName;
      qn = record.qualifiedName;
    } else {
      for (Plan plan : byTemp.values()) {
        if (plan.guid.equals(guid)) {
          typeName = plan.type.name;
          qn = Json.text(plan.result.path("attributes"), "qualifiedName");
        }
      }
    }
    id.put("typeName", typeName);
    id.putObject("uniqueAttributes").put("qualifiedName", qn);
    return id;
  }

  private String resolveRef(JsonNode ref, Map<String, Plan> byTemp, Map<String, Plan> byKey) {
    if (ref.isTextual()) {
      ref = Json.object().put("guid", ref.asText());
    }
    String guid = Json.text(ref, "guid");
    if (guid != null && byTemp.containsKey(guid)) {
      return byTemp.get(guid).guid;
    }
    if (guid != null && !guid.startsWith("-")) {
      EntityRecord record = entities.get(guid);
      if (record != null && !record.deleted) {
        return guid;
      }
      for (Plan plan : byTemp.values()) {
        if (plan.guid.equals(guid)) {
          return guid;
        }
      }
    }
    String typeName = Json.text(ref, "typeName");
    String qn = Json.text(ref.path("uniqueAttributes"), "qualifiedName");
    if (qn == null) {
      qn = Json.text(ref.path("attributes"), "qualifiedName");
    }
    if (typeName != null && qn != null) {
      Plan planned = byKey.get(typeName + '\u0000' + qn);
      if (planned != null) {
        return planned.guid;
      }
      if (types.entityType(typeName) != null) {
        EntityRecord found = findUnique(typeName, qn);
        if (found != null) {
          return found.guid;
        }
      }
    }
    throw AtlasError.REFERENCED_ENTITY_NOT_FOUND.exception(ref.toString());
  }

  private static boolean sameContent(ObjectNode before, ObjectNode after) {
    ObjectNode a = before.deepCopy();
    ObjectNode b = after.deepCopy();
    for (String volatileField : List.of("updateTime", "updatedBy", "lastModifiedTS", "version")) {
      a.remove(volatileField);
      b.remove(volatileField);
    }
    return a.equals(b);
  }

  private ObjectNode buildEntity(
      Plan plan, String collectionId, String bmBehavior, long now, List<String> messages) {
    ObjectNode input = plan.input;
    TypeRegistry.EntityType type = plan.type;
    ObjectNode before = plan.existing == null ? null : plan.existing.tree();
    ObjectNode attributes = before == null ? Json.object() : (ObjectNode) before.get("attributes");
    JsonNode given = input.get("attributes");
    if (given != null && given.isObject()) {
      given.fields().forEachRemaining(e -> attributes.set(e.getKey(), e.getValue()));
    }
    // Legacy relationship attributes (Process inputs/outputs) are references.
    for (TypeRegistry.RelationshipEnd end : type.relationshipAttributes.values()) {
      if (end.legacy() && given != null && given.has(end.attributeName())) {
        plan.refs.put(end, given.get(end.attributeName()));
      }
    }
    JsonNode relationshipAttributes = input.get("relationshipAttributes");
    if (relationshipAttributes != null && relationshipAttributes.isObject()) {
      relationshipAttributes
          .fields()
          .forEachRemaining(
              e -> {
                TypeRegistry.RelationshipEnd end = type.relationshipAttributes.get(e.getKey());
                if (end != null && !plan.refs.containsKey(end) && !isEmptyRef(e.getValue())) {
                  plan.refs.put(end, e.getValue());
                }
              });
    }
    validateAttributes(type, attributes, messages);
    ObjectNode out = Json.object();
    out.put("typeName", type.name);
    out.set("attributes", attributes);
    out.put("guid", plan.guid);
    out.put("status", "ACTIVE");
    out.put("createdBy", before == null ? USER : Json.text(before, "createdBy"));
    out.put("updatedBy", USER);
    out.put("createTime", before == null ? now : before.path("createTime").asLong());
    out.put("updateTime", now);
    out.put("version", 0);
    out.put("lastModifiedTS", before == null ? "1" : Json.text(before, "lastModifiedTS"));
    String collection =
        collectionId != null
            ? collectionId
            : before != null ? Json.text(before, "collectionId") : rootCollection;
    out.put("collectionId", collection);
    // Classifications: applied on create (Atlas ignores them when updating an entity).
    if (before == null) {
      JsonNode classifications = input.get("classifications");
      if (classifications != null && classifications.isArray() && !classifications.isEmpty()) {
        ArrayNode list = out.putArray("classifications");
        Set<String> seen = new HashSet<>();
        for (JsonNode c : classifications) {
          ObjectNode normalized = classification(c, plan.guid);
          if (!seen.add(Json.text(normalized, "typeName"))) {
            throw AtlasError.CLASSIFICATION_ALREADY_ASSOCIATED.exception(
                plan.guid, Json.text(normalized, "typeName"));
          }
          list.add(normalized);
        }
      }
    } else if (before.has("classifications")) {
      out.set("classifications", before.get("classifications"));
    }
    JsonNode labels =
        input.has("labels") ? input.get("labels") : before == null ? null : before.get("labels");
    if (labels != null && labels.isArray() && !labels.isEmpty()) {
      out.set("labels", Json.arrayOf(validLabels(labels)));
    }
    if (before != null && before.has("meanings")) {
      out.set("meanings", before.get("meanings"));
    }
    JsonNode contacts =
        input.has("contacts")
            ? input.get("contacts")
            : before == null ? null : before.get("contacts");
    if (contacts != null && contacts.isObject() && !contacts.isEmpty()) {
      out.set("contacts", validContacts(contacts));
    }
    ObjectNode bm =
        before == null || !before.has("businessAttributes")
            ? Json.object()
            : (ObjectNode) before.get("businessAttributes");
    JsonNode givenBm = input.get("businessAttributes");
    if (givenBm != null && givenBm.isObject() && !givenBm.isEmpty()) {
      String behavior = bmBehavior == null ? "ignore" : bmBehavior;
      if (before == null || !"ignore".equalsIgnoreCase(behavior)) {
        boolean replace = before == null || "replace".equalsIgnoreCase(behavior);
        validateBusinessAttributes(type, givenBm, messages);
        bm = replace ? ((ObjectNode) givenBm).deepCopy() : merge(bm, givenBm);
      }
    }
    if (bm.size() > 0) {
      out.set("businessAttributes", bm);
    }
    JsonNode custom =
        input.has("customAttributes")
            ? input.get("customAttributes")
            : before == null ? null : before.get("customAttributes");
    if (custom != null && custom.isObject() && !custom.isEmpty()) {
      out.set("customAttributes", custom);
    }
    return out;
  }

  private static boolean isEmptyRef(JsonNode value) {
    return value == null || value.isNull() || (value.isArray() && value.isEmpty());
  }

  private static ObjectNode merge(ObjectNode bm, JsonNode given) {
    ObjectNode out = bm.deepCopy();
    given
        .fields()
        .forEachRemaining(
            e -> {
              ObjectNode target = Json.objectField(out, e.getKey());
              e.getValue().fields().forEachRemaining(a -> target.set(a.getKey(), a.getValue()));
            });
    return out;
  }

  ObjectNode classification(JsonNode c, String entityGuid) {
    String typeName = Json.text(c, "typeName");
    if (typeName == null || !types.isClassification(typeName)) {
      throw AtlasError.UNKNOWN_CLASSIFICATION.exception(typeName);
    }
    ObjectNode out = Json.object();
    out.put("typeName", typeName);
    if (c.has("attributes") && c.get("attributes").isObject() && !c.get("attributes").isEmpty()) {
      out.set("attributes", c.get("attributes"));
    }
    out.put("lastModifiedTS", "1");
    out.put("entityGuid", entityGuid);
    out.put("entityStatus", "ACTIVE");
    out.put(
        "removePropagationsOnEntityDelete",
        c.path("removePropagationsOnEntityDelete").asBoolean(false));
    if (c.has("validityPeriods") && c.get("validityPeriods").isArray()) {
      out.set("validityPeriods", c.get("validityPeriods"));
    }
    return out;
  }

  private static List<String> validLabels(JsonNode labels) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode label : labels) {
      String value = label.asText();
      if (!label.isTextual() || !LABEL.matcher(value).matches()) {
        throw AtlasError.INVALID_LABEL_CHARACTERS.exception(label.toString());
      }
      out.add(value);
    }
    return new ArrayList<>(out);
  }

  private static ObjectNode validContacts(JsonNode contacts) {
    ObjectNode out = Json.object();
    contacts
        .fields()
        .forEachRemaining(
            e -> {
              if (!"Expert".equals(e.getKey()) && !"Owner".equals(e.getKey())) {
                throw AtlasError.INVALID_PARAMETERS.exception(
                    "contact type " + e.getKey() + " (expected Expert or Owner)");
              }
              if (!e.getValue().isArray()) {
                throw AtlasError.INVALID_PARAMETERS.exception(
                    "contacts." + e.getKey() + " must be an array");
              }
              if (e.getValue().size() > 20) {
                throw AtlasError.INVALID_PARAMETERS.exception(
                    "the maximum number of contacts is 20 per contact type");
              }
              ArrayNode list = out.putArray(e.getKey());
              for (JsonNode contact : e.getValue()) {
                if (Json.text(contact, "id") == null) {
                  throw AtlasError.INVALID_PARAMETERS.exception("a contact has no id");
                }
                ObjectNode c = list.addObject();
                c.put("id", Json.text(contact, "id"));
                if (contact.has("info")) {
                  c.set("info", contact.get("info"));
                }
              }
            });
    return out;
  }

  void validateAttributes(
      TypeRegistry.EntityType type, ObjectNode attributes, List<String> messages) {
    for (Map.Entry<String, JsonNode> entry : type.attributes.entrySet()) {
      JsonNode def = entry.getValue();
      JsonNode value = attributes.get(entry.getKey());
      String field = type.name + "." + entry.getKey();
      if (value == null || value.isNull()) {
        if (!def.path("isOptional").asBoolean(true)) {
          messages.add(field + ": mandatory attribute value missing in type " + type.name);
        }
        continue;
      }
      checkValue(Json.text(def, "typeName"), value, field, messages);
    }
  }

  void checkValue(String typeName, JsonNode value, String field, List<String> messages) {
    if (typeName == null || value == null || value.isNull()) {
      return;
    }
    boolean ok;
    switch (typeName) {
      case "byte", "short", "int", "long", "biginteger" ->
          ok =
              value.isIntegralNumber()
                  || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))
                  || (value.isTextual() && value.asText().trim().matches("-?\\d+"));
      case "float", "double", "bigdecimal" ->
          ok =
              value.isNumber()
                  || (value.isTextual()
                      && value.asText().trim().matches("-?\\d+(\\.\\d*)?([eE][-+]?\\d+)?"));
      case "date" -> ok = value.isNumber() || value.isTextual();
      case "boolean" ->
          ok =
              value.isBoolean()
                  || (value.isTextual()
                      && (value.asText().equalsIgnoreCase("true")
                          || value.asText().equalsIgnoreCase("false")));
      case "string" -> ok = value.isValueNode();
      default -> {
        if (typeName.startsWith("array<") && typeName.endsWith(">")) {
          String element = typeName.substring(6, typeName.length() - 1);
          if (!value.isArray()) {
            ok = false;
          } else {
            for (JsonNode e : value) {
              checkValue(element, e, field, messages);
            }
            ok = true;
          }
        } else {
          ObjectNode def = types.get(typeName, TypeRegistry.Category.ENUM);
          if (def != null) {
            ok = false;
            for (JsonNode element : def.path("elementDefs")) {
              if (element.path("value").asText().equals(value.asText())) {
                ok = true;
                break;
              }
            }
          } else {
            ok = true;
          }
        }
      }
    }
    if (!ok) {
      messages.add(field + ": invalid value for type " + typeName);
    }
  }

  /** Validates business attributes {@code {bm: {attr: value}}} against their definitions. */
  void validateBusinessAttributes(
      TypeRegistry.EntityType type, JsonNode bm, List<String> messages) {
    if (!bm.isObject()) {
      throw AtlasError.BAD_REQUEST.exception(
          "business metadata must be an object {name: {attribute: value}}");
    }
    Map<String, ObjectNode> applicable = types.businessMetadataFor(type);
    bm.fields()
        .forEachRemaining(
            e -> {
              ObjectNode def = applicable.get(e.getKey());
              if (def == null) {
                messages.add(
                    e.getKey() + ": invalid business-metadata for entity type " + type.name);
                return;
              }
              if (!e.getValue().isObject()) {
                messages.add(
                    e.getKey() + ": business-metadata value must be an object of attributes");
                return;
              }
              Map<String, JsonNode> defs = new HashMap<>();
              for (JsonNode attr : def.path("attributeDefs")) {
                defs.put(Json.text(attr, "name"), attr);
              }
              e.getValue()
                  .fields()
                  .forEachRemaining(
                      a -> {
                        String field = type.name + "." + e.getKey() + "." + a.getKey();
                        JsonNode attrDef = defs.get(a.getKey());
                        if (attrDef == null) {
                          messages.add(
                              field
                                  + ": invalid business-metadata attribute for entity type "
                                  + type.name);
                          return;
                        }
                        checkValue(Json.text(attrDef, "typeName"), a.getValue(), field, messages);
                        String max = Json.text(attrDef.path("options"), "maxStrLength");
                        if (max != null
                            && a.getValue().isTextual()
                            && a.getValue().asText().length() > Integer.parseInt(max.trim())) {
                          messages.add(
                              field + ":  Business attribute-value exceeds maximum length limit");
                        }
                      });
            });
  }

  private void put(EntityRecord record) {
    EntityRecord previous = entities.put(record.guid, record);
    if (previous != null && previous.qualifiedName != null) {
      HashMap<String, EntityRecord> index = byTypeQn.get(previous.typeName);
      if (index != null && index.get(previous.qualifiedName) == previous) {
        index.remove(previous.qualifiedName);
      }
    }
    if (!record.deleted && record.qualifiedName != null) {
      byTypeQn
          .computeIfAbsent(record.typeName, k -> new HashMap<>())
          .put(record.qualifiedName, record);
    }
  }

  /** Replaces a stored entity with a modified tree, bumping its timestamps. */
  EntityRecord update(EntityRecord record, ObjectNode tree) {
    tree.put("updateTime", now());
    tree.put("updatedBy", USER);
    tree.put("lastModifiedTS", String.valueOf(record.lastModified + 1));
    EntityRecord updated = EntityRecord.of(tree);
    put(updated);
    return updated;
  }

  /** Loads an entity exactly as given (state files, seeds): no validation, guid kept. */
  void load(ObjectNode entity) {
    put(EntityRecord.of(entity));
  }

  void loadRelationship(JsonNode node) {
    Relationship rel =
        new Relationship(
            Json.text(node, "guid"),
            Json.text(node, "typeName"),
            Json.text(node.path("end1"), "guid"),
            Json.text(node.path("end2"), "guid"),
            node.path("createTime").asLong(now()),
            USER);
    rel.status = node.path("status").asText("ACTIVE");
    rel.label = Json.text(node, "label");
    rel.version = node.path("version").asLong();
    rel.updateTime = node.path("updateTime").asLong(rel.createTime);
    if (node.get("attributes") instanceof ObjectNode attrs) {
      rel.attributes = attrs;
    }
    index(rel);
  }

  Collection<Relationship> allRelationships() {
    return relationships.values();
  }

  void index(Relationship rel) {
    relationships.put(rel.guid, rel);
    relationshipsByEntity.computeIfAbsent(rel.end1, k -> new ArrayList<>(2)).add(rel);
    relationshipsByEntity.computeIfAbsent(rel.end2, k -> new ArrayList<>(2)).add(rel);
  }

  void unindex(Relationship rel) {
    relationships.remove(rel.guid);
    List<Relationship> a = relationshipsByEntity.get(rel.end1);
    if (a != null) {
      a.remove(rel);
    }
    List<Relationship> b = relationshipsByEntity.get(rel.end2);
    if (b != null) {
      b.remove(rel);
    }
  }

  /** Makes the relationships of one end equal to the targets; true when something changed. */
  private boolean syncRelationships(
      String guid, TypeRegistry.RelationshipEnd end, List<String> targets, long now) {
    boolean changed = false;
    Set<String> wanted = new LinkedHashSet<>(targets);
    for (Relationship rel : new ArrayList<>(relationshipsOf(guid))) {
      if (!rel.typeName.equals(end.relationshipType()) || !rel.active()) {
        continue;
      }
      String mine = end.myEndIsEnd1() ? rel.end1 : rel.end2;
      if (!mine.equals(guid)) {
        continue;
      }
      if (!wanted.remove(rel.other(guid))) {
        unindex(rel);
        changed = true;
      }
    }
    for (String target : wanted) {
      if (!end.many()) {
        // A single-valued end points at one entity.
        for (Relationship rel : new ArrayList<>(relationshipsOf(guid))) {
          if (rel.typeName.equals(end.relationshipType())
              && (end.myEndIsEnd1() ? rel.end1 : rel.end2).equals(guid)) {
            unindex(rel);
          }
        }
      }
      String end1 = end.myEndIsEnd1() ? guid : target;
      String end2 = end.myEndIsEnd1() ? target : guid;
      Relationship rel = new Relationship(guid(), end.relationshipType(), end1, end2, now, USER);
      ObjectNode def = types.get(end.relationshipType());
      rel.label = def == null ? null : Json.text(def, "relationshipLabel");
      index(rel);
      changed = true;
    }
    return changed;
  }

  /** Partial update of one attribute (PUT /entity/guid/{guid}?name=). */
  ObjectNode partialUpdateAttribute(String guid, String name, JsonNode value) {
    EntityRecord record = requireActive(guid);
    TypeRegistry.EntityType type = types.requireEntityType(record.typeName);
    if (value == null || value.isMissingNode() || value.isNull()) {
      throw AtlasError.INVALID_PARAMETERS.exception(
          "null updates are not possible (attribute " + name + ")");
    }
    ObjectNode tree = record.tree();
    ObjectNode attrs = Json.objectField(tree, "attributes");
    if (!type.attributes.containsKey(name) && !attrs.has(name)) {
      throw AtlasError.UNKNOWN_ATTRIBUTE.exception(name, record.typeName);
    }
    List<String> messages = new ArrayList<>();
    JsonNode def = type.attributes.get(name);
    if (def != null) {
      checkValue(Json.text(def, "typeName"), value, record.typeName + "." + name, messages);
    }
    if (!messages.isEmpty()) {
      throw AtlasError.INSTANCE_CRUD_INVALID_PARAMS.exception(String.join(", ", messages));
    }
    attrs.set(name, value);
    EntityRecord updated = update(record, tree);
    return partialResult(updated);
  }

  ObjectNode partialResult(EntityRecord updated) {
    ObjectNode emr = Json.object();
    emr.putObject("guidAssignments");
    ObjectNode header = mutationHeader(updated);
    emr.putObject("mutatedEntities").putArray("PARTIAL_UPDATE").add(header);
    emr.putArray("partialUpdatedEntities").add(header.deepCopy());
    return emr;
  }

  /** Partial update by unique attribute: the given attributes are merged into the entity. */
  ObjectNode partialUpdateByUnique(String typeName, Map<String, String> unique, JsonNode body) {
    EntityRecord record = requireUnique(typeName, unique);
    JsonNode entity = body.has("entity") ? body.get("entity") : body;
    if (!entity.isObject()) {
      throw AtlasError.BAD_REQUEST.exception("the body must be an AtlasEntityWithExtInfo");
    }
    ObjectNode input = ((ObjectNode) entity).deepCopy();
    input.put("guid", record.guid);
    input.put("typeName", record.typeName);
    ObjectNode attrs = Json.objectField(input, "attributes");
    attrs.put("qualifiedName", record.qualifiedName);
    input.remove("lastModifiedTS");
    ObjectNode emr = createOrUpdate(List.of(input), null, null);
    EntityRecord updated = entities.get(record.guid);
    ObjectNode out = partialResult(updated);
    if (!emr.path("mutatedEntities").has("UPDATE")) {
      ((ObjectNode) out.get("mutatedEntities")).putArray("PARTIAL_UPDATE");
      out.putArray("partialUpdatedEntities");
    }
    return out;
  }

  /**
   * Soft delete (Atlas): status DELETED, out of the unique index and search; cascades to owned
   * children.
   */
  ObjectNode delete(List<String> guids) {
    for (String guid : guids) {
      requireRecord(guid);
    }
    ObjectNode emr = Json.object();
    ArrayNode deleted = emr.putObject("mutatedEntities").putArray("DELETE");
    Set<String> done = new HashSet<>();
    ArrayList<String> queue = new ArrayList<>(guids);
    long now = now();
    while (!queue.isEmpty()) {
      String guid = queue.remove(0);
      EntityRecord record = entities.get(guid);
      if (record == null || record.deleted || !done.add(guid)) {
        continue;
      }
      TypeRegistry.EntityType type = types.entityType(record.typeName);
      for (Relationship rel : new ArrayList<>(relationshipsOf(guid))) {
        if (!rel.active()) {
          continue;
        }
        TypeRegistry.RelationshipEnd end = type == null ? null : endFor(type, rel);
        if (end != null
            && end.container()
            && "COMPOSITION".equals(end.category())
            && (end.myEndIsEnd1() ? rel.end1 : rel.end2).equals(guid)) {
          queue.add(rel.other(guid));
        }
        rel.status = "DELETED";
        rel.updateTime = now;
      }
      ObjectNode header = header(record);
      ObjectNode tree = record.tree();
      tree.put("status", "DELETED");
      EntityRecord updated = update(record, tree);
      header.put("status", "ACTIVE");
      header.put("lastModifiedTS", String.valueOf(updated.lastModified));
      deleted.add(header);
      glossary.entityDeleted(guid);
    }
    return emr;
  }

  boolean typeInUse(String typeName) {
    ObjectNode def = types.get(typeName);
    String category = def == null ? null : Json.text(def, "category");
    for (EntityRecord record : entities.values()) {
      if (record.deleted) {
        continue;
      }
      if (record.typeName.equals(typeName) || record.hasClassification(typeName)) {
        return true;
      }
      if ("BUSINESS_METADATA".equals(category)
          && record.hasBusinessAttributes
          && record.tree().path("businessAttributes").has(typeName)) {
        return true;
      }
    }
    for (Relationship rel : relationships.values()) {
      if (rel.active() && rel.typeName.equals(typeName)) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ classifications

  void addClassifications(EntityRecord record, JsonNode classifications) {
    requireArray(classifications, "classifications");
    ObjectNode tree = record.tree();
    ArrayNode list = tree.withArray("classifications");
    Set<String> present = new HashSet<>(List.of(record.classifications));
    for (JsonNode c : classifications) {
      ObjectNode normalized = classification(c, record.guid);
      String name = Json.text(normalized, "typeName");
      if (!present.add(name)) {
        throw AtlasError.CLASSIFICATION_ALREADY_ASSOCIATED.exception(record.guid, name);
      }
      list.add(normalized);
    }
    update(record, tree);
  }

  void updateClassifications(EntityRecord record, JsonNode classifications) {
    requireArray(classifications, "classifications");
    ObjectNode tree = record.tree();
    ArrayNode list = tree.withArray("classifications");
    for (JsonNode c : classifications) {
      ObjectNode normalized = classification(c, record.guid);
      String name = Json.text(normalized, "typeName");
      int index = indexOf(list, name);
      if (index < 0) {
        throw AtlasError.CLASSIFICATION_NOT_ASSOCIATED.exception(record.guid, name);
      }
      long ts = Json.longValue(list.get(index), "lastModifiedTS", 1);
      normalized.put("lastModifiedTS", String.valueOf(ts + 1));
      list.set(index, normalized);
    }
    update(record, tree);
  }

  void removeClassification(EntityRecord record, String name) {
    ObjectNode tree = record.tree();
    ArrayNode list = tree.withArray("classifications");
    int index = indexOf(list, name);
    if (index < 0) {
      if (!types.isClassification(name)) {
        throw AtlasError.CLASSIFICATION_NOT_FOUND.exception(name);
      }
      throw AtlasError.CLASSIFICATION_NOT_ASSOCIATED.exception(record.guid, name);
    }
    list.remove(index);
    if (list.isEmpty()) {
      tree.remove("classifications");
    }
    update(record, tree);
  }

  ObjectNode getClassification(EntityRecord record, String name) {
    ArrayNode list = record.tree().withArray("classifications");
    int index = indexOf(list, name);
    if (index < 0) {
      throw AtlasError.CLASSIFICATION_NOT_FOUND.exception(name);
    }
    return (ObjectNode) list.get(index);
  }

  /**
   * POST /entity/bulk/setClassifications: per entity, the classifications become exactly the given
   * ones.
   */
  ArrayNode setClassifications(JsonNode body) {
    JsonNode map = body.path("guidHeaderMap");
    if (!map.isObject()) {
      throw AtlasError.BAD_REQUEST.exception("guidHeaderMap is required");
    }
    ArrayNode out = Json.array();
    List<String> guids = new ArrayList<>();
    map.fieldNames().forEachRemaining(guids::add);
    for (String guid : guids) {
      requireActive(guid);
      for (JsonNode c : map.get(guid).path("classifications")) {
        classification(c, guid);
      }
    }
    for (String guid : guids) {
      EntityRecord record = requireActive(guid);
      JsonNode header = map.get(guid);
      ObjectNode tree = record.tree();
      ArrayNode before = tree.withArray("classifications");
      ArrayNode after = Json.array();
      String target = guid + ":" + record.typeName + ":qualifiedName -> ";
      Set<String> keep = new HashSet<>();
      for (JsonNode c : header.path("classifications")) {
        ObjectNode normalized = classification(c, guid);
        String name = Json.text(normalized, "typeName");
        keep.add(name);
        boolean present = indexOf(before, name) >= 0;
        after.add(normalized);
        out.add((present ? "Update:" : "Add:") + target + name + ":(Done)");
      }
      for (JsonNode c : before) {
        if (!keep.contains(Json.text(c, "typeName"))) {
          out.add("Delete:" + target + Json.text(c, "typeName") + ":(Done)");
        }
      }
      if (after.isEmpty()) {
        tree.remove("classifications");
      } else {
        tree.set("classifications", after);
      }
      update(record, tree);
    }
    return out;
  }

  private static int indexOf(ArrayNode list, String typeName) {
    for (int i = 0; i < list.size(); i++) {
      if (typeName.equals(Json.text(list.get(i), "typeName"))) {
        return i;
      }
    }
    return -1;
  }

  static void requireArray(JsonNode node, String what) {
    if (node == null || !node.isArray()) {
      throw AtlasError.BAD_REQUEST.exception(what + " must be a JSON array");
    }
  }

  // ------------------------------------------------------------------ labels

  enum LabelOp {
    ADD,
    SET,
    REMOVE
  }

  void labels(EntityRecord record, JsonNode body, LabelOp op) {
    List<String> given =
        body == null || body.isMissingNode() || body.isNull()
            ? List.of()
            : validLabelsOrArray(body);
    ObjectNode tree = record.tree();
    Set<String> labels = new LinkedHashSet<>(List.of(record.labels));
    switch (op) {
      case ADD -> labels.addAll(given);
      case SET -> {
        labels.clear();
        labels.addAll(given);
      }
      case REMOVE -> given.forEach(labels::remove);
    }
    if (labels.isEmpty()) {
      tree.remove("labels");
    } else {
      tree.set("labels", Json.arrayOf(labels));
    }
    update(record, tree);
  }

  private static List<String> validLabelsOrArray(JsonNode body) {
    requireArray(body, "labels");
    return validLabels(body);
  }

  // ------------------------------------------------------------------ business metadata

  void addBusinessMetadata(EntityRecord record, JsonNode body, boolean overwrite) {
    TypeRegistry.EntityType type = types.requireEntityType(record.typeName);
    List<String> messages = new ArrayList<>();
    validateBusinessAttributes(type, body, messages);
    if (!messages.isEmpty()) {
      throw AtlasError.INSTANCE_CRUD_INVALID_PARAMS.exception(String.join(", ", messages));
    }
    ObjectNode tree = record.tree();
    ObjectNode current =
        overwrite || !tree.has("businessAttributes")
            ? Json.object()
            : (ObjectNode) tree.get("businessAttributes");
    ObjectNode merged = merge(current, body);
    tree.set("businessAttributes", merged);
    update(record, tree);
  }

  void removeBusinessMetadata(EntityRecord record, JsonNode body) {
    if (!body.isObject()) {
      throw AtlasError.BAD_REQUEST.exception(
          "business metadata must be an object {name: {attribute: value}}");
    }
    TypeRegistry.EntityType type = types.requireEntityType(record.typeName);
    List<String> messages = new ArrayList<>();
    validateBusinessAttributes(type, stripValues(body), messages);
    if (!messages.isEmpty()) {
      throw AtlasError.INSTANCE_CRUD_INVALID_PARAMS.exception(String.join(", ", messages));
    }
    ObjectNode tree = record.tree();
    ObjectNode current =
        tree.has("businessAttributes")
            ? (ObjectNode) tree.get("businessAttributes")
            : Json.object();
    body.fields()
        .forEachRemaining(
            e -> {
              JsonNode bm = current.get(e.getKey());
              if (bm instanceof ObjectNode bmObject) {
                if (e.getValue().isEmpty()) {
                  current.remove(e.getKey());
                } else {
                  e.getValue().fieldNames().forEachRemaining(bmObject::remove);
                  if (bmObject.isEmpty()) {
                    current.remove(e.getKey());
                  }
                }
              }
            });
    if (current.isEmpty()) {
      tree.remove("businessAttributes");
    } else {
      tree.set("businessAttributes", current);
    }
    update(record, tree);
  }

  private static JsonNode stripValues(JsonNode body) {
    ObjectNode out = Json.object();
    body.fields()
        .forEachRemaining(
            e -> {
              ObjectNode attrs = out.putObject(e.getKey());
              if (e.getValue().isObject()) {
                e.getValue().fieldNames().forEachRemaining(attrs::putNull);
              }
            });
    return out;
  }

  // ------------------------------------------------------------------ collections, relationships,
  // lineage

  ObjectNode moveTo(String collectionId, List<String> guids) {
    if (collectionId == null || collectionId.isBlank()) {
      throw AtlasError.INVALID_PARAMETERS.exception("collectionId is required");
    }
    for (String guid : guids) {
      requireActive(guid);
    }
    ObjectNode emr = Json.object();
    ArrayNode updated = emr.putObject("mutatedEntities").putArray("UPDATE");
    ObjectNode assignments = emr.putObject("guidAssignments");
    for (String guid : guids) {
      EntityRecord record = requireActive(guid);
      ObjectNode tree = record.tree();
      tree.put("collectionId", collectionId);
      EntityRecord after = update(record, tree);
      updated.add(mutationHeader(after));
      assignments.put(String.valueOf(tempIds--), guid);
    }
    return emr;
  }

  boolean endExists(String guid) {
    EntityRecord record = entities.get(guid);
    return (record != null && !record.deleted) || glossary.termNode(guid) != null;
  }

  String endTypeName(String guid) {
    EntityRecord record = entities.get(guid);
    if (record != null) {
      return record.typeName;
    }
    return glossary.termNode(guid) != null ? "AtlasGlossaryTerm" : null;
  }

  ObjectNode createRelationship(JsonNode body) {
    String typeName = Json.text(body, "typeName");
    ObjectNode def =
        typeName == null ? null : types.get(typeName, TypeRegistry.Category.RELATIONSHIP);
    if (def == null) {
      throw AtlasError.TYPE_NAME_NOT_FOUND.exception(typeName);
    }
    String end1 = endGuid(body.path("end1"));
    String end2 = endGuid(body.path("end2"));
    for (Relationship rel : relationshipsOf(end1)) {
      if (rel.active()
          && rel.typeName.equals(typeName)
          && rel.end1.equals(end1)
          && rel.end2.equals(end2)) {
        throw AtlasError.RELATIONSHIP_ALREADY_EXISTS.exception(typeName, end1, end2);
      }
    }
    Relationship rel = new Relationship(guid(), typeName, end1, end2, now(), USER);
    rel.label = body.has("label") ? Json.text(body, "label") : Json.text(def, "relationshipLabel");
    if (body.get("attributes") instanceof ObjectNode attrs) {
      rel.attributes = attrs.deepCopy();
    }
    index(rel);
    return relationshipJson(rel);
  }

  ObjectNode updateRelationship(JsonNode body) {
    String guid = Json.text(body, "guid");
    Relationship rel = guid == null ? null : relationships.get(guid);
    if (rel == null) {
      throw AtlasError.RELATIONSHIP_GUID_NOT_FOUND.exception(guid);
    }
    if (body.get("attributes") instanceof ObjectNode attrs) {
      attrs.fields().forEachRemaining(e -> rel.attributes.set(e.getKey(), e.getValue()));
    }
    if (body.has("label")) {
      rel.label = Json.text(body, "label");
    }
    rel.updateTime = now();
    rel.updatedBy = USER;
    rel.version++;
    return relationshipJson(rel);
  }

  Relationship requireRelationship(String guid) {
    Relationship rel = relationships.get(guid);
    if (rel == null) {
      throw AtlasError.RELATIONSHIP_GUID_NOT_FOUND.exception(guid);
    }
    return rel;
  }

  void deleteRelationship(String guid) {
    Relationship rel = requireRelationship(guid);
    rel.status = "DELETED";
    rel.updateTime = now();
  }

  private String endGuid(JsonNode end) {
    String guid = Json.text(end, "guid");
    if (guid != null && endExists(guid)) {
      return guid;
    }
    String typeName = Json.text(end, "typeName");
    String qn = Json.text(end.path("uniqueAttributes"), "qualifiedName");
    if (guid == null && typeName != null && qn != null && types.entityType(typeName) != null) {
      EntityRecord found = findUnique(typeName, qn);
      if (found != null) {
        return found.guid;
      }
    }
    throw AtlasError.INSTANCE_GUID_NOT_FOUND.exception(guid != null ? guid : end.toString());
  }

  ObjectNode relationshipJson(Relationship rel) {
    ObjectNode out = Json.object();
    out.put("typeName", rel.typeName);
    out.set("attributes", rel.attributes);
    out.put("guid", rel.guid);
    out.set("end1", endJson(rel.end1));
    out.set("end2", endJson(rel.end2));
    out.put("label", rel.label);
    out.put("status", rel.status);
    out.put("createdBy", rel.createdBy);
    out.put("updatedBy", rel.updatedBy);
    out.put("createTime", rel.createTime);
    out.put("updateTime", rel.updateTime);
    out.put("version", rel.version);
    return out;
  }

  private ObjectNode endJson(String guid) {
    ObjectNode out = Json.object();
    out.put("guid", guid);
    out.put("typeName", endTypeName(guid));
    EntityRecord record = entities.get(guid);
    if (record != null) {
      out.putObject("uniqueAttributes").put("qualifiedName", record.qualifiedName);
    }
    return out;
  }

  /** Lineage around an entity, from Process inputs/outputs. */
  ObjectNode lineage(EntityRecord base, String direction, int depth, int width) {
    String dir = direction == null ? "BOTH" : direction.toUpperCase(java.util.Locale.ROOT);
    if (!Set.of("INPUT", "OUTPUT", "BOTH").contains(dir)) {
      throw AtlasError.INVALID_PARAMETERS.exception("direction must be INPUT, OUTPUT or BOTH");
    }
    ObjectNode out = Json.object();
    out.put("baseEntityGuid", base.guid);
    out.put("lineageDirection", dir);
    out.put("lineageDepth", depth);
    out.put("lineageWidth", width);
    ObjectNode guidEntityMap = Json.object();
    ArrayNode relations = Json.array();
    ObjectNode widthCounts = Json.object();
    guidEntityMap.set(base.guid, header(base, true));
    int children = 0;
    if (!"OUTPUT".equals(dir)) {
      children +=
          walk(base.guid, true, depth, guidEntityMap, relations, widthCounts.putObject("INPUT"));
    }
    if (!"INPUT".equals(dir)) {
      children +=
          walk(base.guid, false, depth, guidEntityMap, relations, widthCounts.putObject("OUTPUT"));
    }
    out.put("childrenCount", children);
    out.set("guidEntityMap", guidEntityMap);
    out.set("widthCounts", widthCounts);
    out.set("relations", relations);
    out.putArray("parentRelations");
    return out;
  }

  /** Upstream (input) or downstream neighbours of an entity in the lineage graph. */
  List<String[]> lineageNeighbours(String guid, boolean upstream) {
    List<String[]> out = new ArrayList<>();
    for (Relationship rel : relationshipsOf(guid)) {
      if (!rel.active()) {
        continue;
      }
      // dataset_process_inputs: end1 = process, end2 = dataset (dataset -> process).
      // process_dataset_outputs: end1 = process, end2 = dataset (process -> dataset).
      boolean inputs = "dataset_process_inputs".equals(rel.typeName);
      boolean outputs = "process_dataset_outputs".equals(rel.typeName);
      if (!inputs && !outputs) {
        continue;
      }
      String from = inputs ? rel.end2 : rel.end1;
      String to = inputs ? rel.end1 : rel.end2;
      if (upstream && to.equals(guid)) {
        out.add(new String[] {from, to, rel.guid});
      } else if (!upstream && from.equals(guid)) {
        out.add(new String[] {from, to, rel.guid});
      }
    }
    return out;
  }

  private int walk(
      String start,
      boolean upstream,
      int depth,
      ObjectNode guidEntityMap,
      ArrayNode relations,
      ObjectNode widthCounts) {
    Set<String> visited = new HashSet<>();
    List<String> frontier = List.of(start);
    int hops = depth <= 0 ? Integer.MAX_VALUE : depth * 2;
    int firstLevel = 0;
    for (int level = 0; level < hops && !frontier.isEmpty(); level++) {
      List<String> next = new ArrayList<>();
      for (String guid : frontier) {
        if (!visited.add(guid)) {
          continue;
        }
        List<String[]> neighbours = lineageNeighbours(guid, upstream);
        widthCounts.put(guid, neighbours.size());
        for (String[] edge : neighbours) {
          String other = upstream ? edge[0] : edge[1];
          EntityRecord record = entities.get(other);
          if (record == null || record.deleted) {
            continue;
          }
          if (level == 0) {
            firstLevel++;
          }
          guidEntityMap.set(other, header(record, true));
          ObjectNode relation = relations.addObject();
          relation.put("fromEntityId", edge[0]);
          relation.put("relationshipId", edge[2]);
          relation.put("toEntityId", edge[1]);
          next.add(other);
        }
      }
      frontier = next;
    }
    return firstLevel;
  }

  /** Empties the store and restores the built-in types (callers hold the write lock). */
  public void clearAll() {
    clear();
    types.reset(TypeRegistry.defsOf(BuiltinTypes.typesDef()));
  }

  private void clear() {
    entities.clear();
    byTypeQn.clear();
    relationships.clear();
    relationshipsByEntity.clear();
    glossary.clear();
  }
}
