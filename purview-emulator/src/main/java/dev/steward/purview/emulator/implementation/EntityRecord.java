package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One stored entity: its complete JSON (without the derived {@code relationshipAttributes}) as
 * UTF-8 bytes, and the few fields search and the indexes need, extracted once per write. Immutable:
 * a write replaces the record, so readers never see a half-written entity.
 */
final class EntityRecord {
  private static final String[] NONE = new String[0];

  final String guid;
  final String typeName;
  final String qualifiedName;
  final String name;
  final String description;
  final String owner;
  final String collectionId;
  final long createTime;
  final long updateTime;
  final long lastModified;
  final boolean deleted;
  final String[] classifications;
  final String[] labels;

  /** Term guids, then display texts: {@code [g1, g2, ..., t1, t2, ...]}. */
  final String[] terms;

  /** Contacts as triples {@code [id, type, info, ...]}. */
  final String[] contacts;

  final boolean hasBusinessAttributes;
  final byte[] json;

  private EntityRecord(ObjectNode entity, byte[] json) {
    JsonNode attributes = entity.path("attributes");
    this.guid = Json.text(entity, "guid");
    this.typeName = Json.text(entity, "typeName").intern();
    this.qualifiedName = Json.text(attributes, "qualifiedName");
    this.name = Json.text(attributes, "name");
    this.description = Json.text(attributes, "description");
    this.owner = Json.text(attributes, "owner");
    String collection = Json.text(entity, "collectionId");
    this.collectionId = collection == null ? null : collection.intern();
    this.createTime = entity.path("createTime").asLong();
    this.updateTime = entity.path("updateTime").asLong();
    this.lastModified = Json.longValue(entity, "lastModifiedTS", 1);
    this.deleted = "DELETED".equals(Json.text(entity, "status"));
    this.classifications = names(entity.get("classifications"), "typeName");
    this.labels = internAll(Json.strings(entity.get("labels")));
    this.terms = terms(entity.get("meanings"));
    this.contacts = contacts(entity.get("contacts"));
    JsonNode bm = entity.get("businessAttributes");
    this.hasBusinessAttributes = bm != null && bm.size() > 0;
    this.json = json;
  }

  static EntityRecord of(ObjectNode entity) {
    return new EntityRecord(entity, Json.bytes(entity));
  }

  /** A fresh, mutable tree of the stored entity. */
  ObjectNode tree() {
    return Json.parseObject(json);
  }

  String status() {
    return deleted ? "DELETED" : "ACTIVE";
  }

  String displayText() {
    return name != null ? name : qualifiedName;
  }

  boolean hasClassification(String classification) {
    for (String c : classifications) {
      if (c.equals(classification)) {
        return true;
      }
    }
    return false;
  }

  int termCount() {
    return terms.length / 2;
  }

  private static String[] names(JsonNode array, String field) {
    if (array == null || !array.isArray() || array.isEmpty()) {
      return NONE;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode element : array) {
      String value = Json.text(element, field);
      if (value != null) {
        out.add(value.intern());
      }
    }
    return out.toArray(NONE);
  }

  private static String[] internAll(List<String> values) {
    if (values.isEmpty()) {
      return NONE;
    }
    String[] out = new String[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).intern();
    }
    return out;
  }

  private static String[] terms(JsonNode meanings) {
    if (meanings == null || !meanings.isArray() || meanings.isEmpty()) {
      return NONE;
    }
    int n = meanings.size();
    String[] out = new String[2 * n];
    for (int i = 0; i < n; i++) {
      out[i] = Json.text(meanings.get(i), "termGuid");
      String display = Json.text(meanings.get(i), "displayText");
      out[n + i] = display == null ? "" : display.intern();
    }
    return out;
  }

  private static String[] contacts(JsonNode contacts) {
    if (contacts == null || !contacts.isObject() || contacts.isEmpty()) {
      return NONE;
    }
    List<String> out = new ArrayList<>();
    contacts
        .fields()
        .forEachRemaining(
            entry -> {
              for (JsonNode contact : entry.getValue()) {
                out.add(Json.text(contact, "id"));
                out.add(entry.getKey().intern());
                String info = Json.text(contact, "info");
                out.add(info == null ? "" : info);
              }
            });
    return out.toArray(NONE);
  }
}
