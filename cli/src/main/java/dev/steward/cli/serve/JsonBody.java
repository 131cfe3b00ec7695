package dev.steward.cli.serve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A request's JSON object, read with located errors: malformed JSON names the line and column, a
 * missing, unknown or mistyped field names the field, and values are never echoed for fields that
 * may hold secrets.
 */
final class JsonBody {

  static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode node;

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  static JsonBody parse(byte[] body, Set<String> known) {
    if (body.length == 0) {
      throw ApiException.invalid("body", "the request body must be a JSON object");
    }
    JsonNode parsed;
    try {
      parsed = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw ApiException.invalid(
          "body",
          "malformed JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.invalid("body", "unreadable body: " + e.getMessage());
    }
    if (!(parsed instanceof ObjectNode object)) {
      throw ApiException.invalid("body", "the request body must be a JSON object");
    }
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw ApiException.invalid(
            name, "unknown field '" + name + "'; known fields: " + String.join(", ", known));
      }
    }
    return new JsonBody(object);
  }

  JsonNode node(String field) {
    return node.get(field);
  }

  String text(String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw ApiException.invalid(field, "field '" + field + "' is required");
      }
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw ApiException.invalid(field, "field '" + field + "' must be a non-empty string");
    }
    return value.asText();
  }

  boolean bool(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw ApiException.invalid(
          field, "field '" + field + "' must be true or false, was " + value.getNodeType());
    }
    return value.booleanValue();
  }

  List<String> strings(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw ApiException.invalid(field, "field '" + field + "' must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual() || item.asText().isBlank()) {
        throw ApiException.invalid(
            field + "[" + i + "]", "field '" + field + "[" + i + "]' must be a non-empty string");
      }
      out.add(item.asText().strip());
    }
    return out;
  }
}
