package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The one Jackson mapper and small tree helpers. */
public final class Json {
  /** Shared, thread-safe mapper. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The node factory. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A new empty array. */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** Parses bytes; malformed JSON is a 400. */
  public static JsonNode parse(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return NODES.missingNode();
    }
    try {
      return MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw AtlasError.BAD_REQUEST.exception("malformed JSON body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses stored bytes that are known to be valid. */
  public static ObjectNode parseObject(byte[] bytes) {
    try {
      return (ObjectNode) MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serializes a tree. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a field, or null when absent, null or not textual. */
  public static String text(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : null;
  }

  /** The long value of a field (numbers or numeric strings), or the default. */
  public static long longValue(JsonNode node, String field, long dflt) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return dflt;
    }
    if (value.isNumber()) {
      return value.asLong();
    }
    try {
      return Long.parseLong(value.asText().trim());
    } catch (NumberFormatException e) {
      return dflt;
    }
  }

  /** The strings of an array field (non-text elements skipped). */
  public static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      for (JsonNode element : node) {
        if (element.isValueNode() && !element.isNull()) {
          out.add(element.asText());
        }
      }
    }
    return out;
  }

  /** An object field, created when missing or not an object. */
  public static ObjectNode objectField(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    if (value instanceof ObjectNode) {
      return (ObjectNode) value;
    }
    return node.putObject(field);
  }

  /** An array of strings. */
  public static ArrayNode arrayOf(Iterable<String> values) {
    ArrayNode array = array();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }
}
