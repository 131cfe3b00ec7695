package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One request, as a route handler sees it: path parameters, query parameters and body. */
final class ApiRequest {
  final String method;
  final String path;
  final Map<String, String> pathParams;
  final Map<String, List<String>> query;
  final byte[] body;
  final String contentType;
  private JsonNode json;

  ApiRequest(
      String method,
      String path,
      Map<String, String> pathParams,
      Map<String, List<String>> query,
      byte[] body,
      String contentType) {
    this.method = method;
    this.path = path;
    this.pathParams = pathParams;
    this.query = query;
    this.body = body;
    this.contentType = contentType;
  }

  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw AtlasError.INVALID_PARAMETERS.exception("malformed query string: " + s);
    }
  }

  String param(String name) {
    return pathParams.get(name);
  }

  String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  List<String> queryAll(String name) {
    List<String> values = query.get(name);
    return values == null ? List.of() : values;
  }

  boolean bool(String name, boolean dflt) {
    String value = query(name);
    if (value == null || value.isEmpty()) {
      return dflt;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw AtlasError.INVALID_PARAMETERS.exception(name + "=" + value + " (expected true or false)");
  }

  int integer(String name, int dflt) {
    String value = query(name);
    if (value == null || value.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw AtlasError.INVALID_PARAMETERS.exception(name + "=" + value + " (expected an integer)");
    }
  }

  String required(String name) {
    String value = query(name);
    if (value == null || value.isEmpty()) {
      throw AtlasError.INVALID_PARAMETERS.exception(name + " is required");
    }
    return value;
  }

  /** {@code attr:<name>=value} query parameters. */
  Map<String, String> uniqueAttributes() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      if (entry.getKey().startsWith("attr:") && !entry.getValue().isEmpty()) {
        out.put(entry.getKey().substring(5), entry.getValue().get(0));
      }
    }
    return out;
  }

  /** {@code attr_N:<name>=value} query parameters, grouped by N in order. */
  List<Map<String, String>> indexedUniqueAttributes() {
    Map<String, Map<String, String>> byIndex = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : query.entrySet()) {
      String key = entry.getKey();
      int colon = key.indexOf(':');
      if (key.startsWith("attr_") && colon > 5) {
        for (String value : entry.getValue()) {
          byIndex
              .computeIfAbsent(key.substring(5, colon), k -> new LinkedHashMap<>())
              .put(key.substring(colon + 1), value);
        }
      }
    }
    return new ArrayList<>(byIndex.values());
  }

  /** The body as JSON (parsed once); missing node when the body is empty. */
  JsonNode json() {
    if (json == null) {
      json = Json.parse(body);
    }
    return json;
  }

  /** The body as JSON; a 400 when it is empty. */
  JsonNode requiredJson() {
    JsonNode node = json();
    if (node.isMissingNode()) {
      throw AtlasError.BAD_REQUEST.exception("a JSON body is required");
    }
    return node;
  }
}
