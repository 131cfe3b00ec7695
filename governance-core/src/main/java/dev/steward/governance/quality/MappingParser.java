package dev.steward.governance.quality;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a mapping file into a tree, remembering where each object and array started. */
final class MappingParser {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> SECRET_KEYS =
      Set.of("clientsecret", "secret", "password", "token", "apikey", "api_key", "client_secret");

  private final String source;
  private final Map<JsonNode, JsonLocation> where = new IdentityHashMap<>();

  MappingParser(String source) {
    this.source = source;
  }

  QualityMapping parse(String text) {
    String trimmed = text.stripLeading();
    boolean json = trimmed.startsWith("{");
    JsonFactory factory = json ? new JsonFactory() : new YAMLFactory();
    JsonNode root;
    try (JsonParser p = factory.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw error(null, null, "the mapping file is empty");
      }
      root = read(p, "");
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new QualityInputException(
          source,
          l == null ? 0 : l.getLineNr(),
          l == null ? 0 : l.getColumnNr(),
          null,
          "not valid " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new QualityInputException(source, 0, 0, null, e.getMessage());
    }
    if (!root.isObject()) {
      throw error(root, null, "the mapping must be an object with a 'mappings' list");
    }
    QualitySchema schema = schema((ObjectNode) root);
    Optional<String> connection =
        Optional.ofNullable(text(root.path("purview"), "connection", root.get("purview"), null));
    JsonNode list = root.get("mappings");
    if (list == null || !list.isArray()) {
      throw error(root, null, "'mappings' must be a list of dataset entries");
    }
    List<QualityMapping.Entry> entries = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode e : list) {
      String name = "mappings[" + index + "]";
      if (!e.isObject()) {
        throw error(e, name, "each entry must be an object with qalitaDatasetId and purview");
      }
      String id = text(e, "qalitaDatasetId", e, name);
      if (id == null) {
        id = text(e, "datasetId", e, name);
      }
      if (id == null) {
        throw error(e, name, "missing 'qalitaDatasetId' (or 'datasetId')");
      }
      String entry = name + " (" + id + ")";
      Integer before = seen.putIfAbsent(id, index);
      if (before != null) {
        throw error(
            e, entry, "dataset id '" + id + "' is already mapped by mappings[" + before + "]");
      }
      QualityMapping.Target target = target(e.get("purview"), e, entry);
      Map<String, QualityMapping.Target> fields = new LinkedHashMap<>();
      JsonNode fieldList = e.get("fields");
      if (fieldList != null && !fieldList.isNull()) {
        if (!fieldList.isArray()) {
          throw error(fieldList, entry, "'fields' must be a list of {name, purview}");
        }
        int fi = 0;
        for (JsonNode f : fieldList) {
          String fieldEntry = entry + ".fields[" + fi + "]";
          String fieldName = f.isObject() ? text(f, "name", f, fieldEntry) : null;
          if (fieldName == null && f.isObject()) {
            fieldName = text(f, "fieldName", f, fieldEntry);
          }
          if (fieldName == null) {
            throw error(f, fieldEntry, "a field entry needs 'name'");
          }
          if (fields.put(
                  fieldName, target(f.get("purview"), f, fieldEntry + " (" + fieldName + ")"))
              != null) {
            throw error(f, fieldEntry, "field '" + fieldName + "' is mapped twice");
          }
          fi++;
        }
      }
      entries.add(new QualityMapping.Entry(id, target, fields, line(e)));
      index++;
    }
    return new QualityMapping(source, schema, connection, entries);
  }

  private QualitySchema schema(ObjectNode root) {
    QualitySchema schema = QualitySchema.qalita();
    String preset = text(root, "preset", root, null);
    if (preset != null && !preset.equalsIgnoreCase("qalita")) {
      throw error(root, "preset", "unknown preset '" + preset + "' (known: qalita)");
    }
    String group = text(root, "businessMetadata", root, null);
    if (group != null) {
      schema = schema.withGroup(group);
    }
    if (root.has("classification")) {
      JsonNode c = root.get("classification");
      String name = c.isNull() || c.asText().equalsIgnoreCase("none") ? null : c.asText();
      schema = schema.withAtRiskClassification(name);
    }
    JsonNode types = root.get("applicableEntityTypes");
    if (types != null) {
      if (!types.isArray() || types.isEmpty()) {
        throw error(types, "applicableEntityTypes", "must be a non-empty list of entity types");
      }
      List<String> list = new ArrayList<>();
      types.forEach(t -> list.add(t.asText()));
      schema = schema.withApplicableEntityTypes(list);
    }
    JsonNode sla = root.get("sla");
    if (sla != null) {
      double good = sla.path("goodAtLeast").asDouble(schema.goodAtLeast());
      double atRisk = sla.path("atRiskAtLeast").asDouble(schema.atRiskAtLeast());
      try {
        schema = schema.withThresholds(good, atRisk);
      } catch (IllegalArgumentException ex) {
        throw error(sla, "sla", ex.getMessage());
      }
    }
    JsonNode attrs = root.get("attributes");
    JsonNode dims = root.get("dimensions");
    if (attrs != null || dims != null) {
      List<String> dimensions = new ArrayList<>(schema.dimensions());
      if (dims != null) {
        if (!dims.isArray()) {
          throw error(dims, "dimensions", "must be a list of attribute names");
        }
        dimensions.clear();
        dims.forEach(d -> dimensions.add(d.asText()));
      }
      JsonNode a = attrs == null ? NODES.objectNode() : attrs;
      schema =
          schema.withAttributes(
              a.path("overallScore").asText(schema.overallScore()),
              a.path("updatedAt").asText(schema.updatedAt()),
              a.path("openIssues").asText(schema.openIssues()),
              a.path("slaStatus").asText(schema.slaStatus()),
              a.path("link").asText(schema.link()),
              dimensions);
    }
    return schema;
  }

  private QualityMapping.Target target(JsonNode purview, JsonNode owner, String entry) {
    if (purview == null || !purview.isObject()) {
      throw error(purview == null ? owner : purview, entry, "missing 'purview' {guid | resolve}");
    }
    String guid = text(purview, "guid", purview, entry);
    JsonNode resolve = purview.get("resolve");
    if (guid != null && resolve != null) {
      throw error(purview, entry, "give either 'guid' or 'resolve', not both");
    }
    if (guid != null) {
      return QualityMapping.Target.guid(guid);
    }
    if (resolve == null || !resolve.isObject()) {
      throw error(purview, entry, "'purview' needs 'guid' or 'resolve: {typeName, qualifiedName}'");
    }
    String type = text(resolve, "typeName", resolve, entry);
    String qn = text(resolve, "qualifiedName", resolve, entry);
    if (type == null || qn == null) {
      throw error(
          resolve,
          entry,
          "'resolve' needs both typeName and qualifiedName (missing "
              + (type == null ? "typeName" : "qualifiedName")
              + ")");
    }
    return QualityMapping.Target.resolve(type, qn);
  }

  private String text(JsonNode node, String field, JsonNode at, String entry) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw error(at, entry, "'" + field + "' must be a text value");
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private JsonNode read(JsonParser p, String path) throws IOException {
    JsonToken t = p.currentToken();
    JsonLocation at = p.currentTokenLocation();
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        where.put(o, at);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonLocation nameAt = p.currentTokenLocation();
          p.nextToken();
          JsonNode value = read(p, path + "/" + name);
          refuseSecret(name, value, nameAt, path);
          o.set(name, value);
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        where.put(a, at);
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          a.add(read(p, path + "/" + i++));
        }
        return a;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return NODES.numberNode(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default ->
          throw new QualityInputException(
              source, at.getLineNr(), at.getColumnNr(), null, "unexpected " + t + " at " + path);
    }
  }

  private void refuseSecret(String name, JsonNode value, JsonLocation at, String path) {
    if (!SECRET_KEYS.contains(name.toLowerCase(Locale.ROOT))) {
      return;
    }
    if (value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      return;
    }
    throw new QualityInputException(
        source,
        at.getLineNr(),
        at.getColumnNr(),
        (path.isEmpty() ? "" : path.substring(1) + ".") + name,
        "inline secrets are refused: a mapping file is shared and versioned. Reference the secret"
            + " instead: '"
            + name
            + "Env: VARIABLE' (an environment variable), or 'purview.connection: NAME' (a"
            + " connection from 'steward connections')");
  }

  private int line(JsonNode node) {
    JsonLocation l = where.get(node);
    return l == null ? 0 : l.getLineNr();
  }

  private QualityInputException error(JsonNode node, String entry, String problem) {
    JsonLocation l = node == null ? null : where.get(node);
    return new QualityInputException(
        source, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), entry, problem);
  }
}
