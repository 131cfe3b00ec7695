package dev.steward.drift.implementation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.drift.DriftRulesException;
import dev.steward.drift.models.ChangeType;
import dev.steward.drift.models.Severity;
import dev.steward.drift.models.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rules file (JSON; comments and trailing commas allowed) and merges it into {@link
 * RuleData}. Every error names the file, the line and column, and the offending rule.
 */
public final class RuleParser {

  /** The rules-file format this parser reads. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
              .enable(JsonReadFeature.ALLOW_YAML_COMMENTS)
              .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
              .build());

  private static final Set<String> TOP =
      Set.of(
          "version", "name", "revision", "description", "types", "children", "severity", "disable");
  private static final Set<String> TYPE_KEYS =
      Set.of("volatile", "secrets", "compare", "arrays", "defaults");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "id",
          "title",
          "types",
          "path",
          "severity",
          "insecureWhen",
          "order",
          "absentAs",
          "anyChange",
          "changes",
          "policy");

  private final String file;

  private RuleParser(String file) {
    this.file = file;
  }

  /**
   * Reads a rules file and merges it over {@code base}.
   *
   * @param base the rules so far (not changed)
   * @param file the file name for messages
   * @param in the file's content
   * @return the merged rules
   * @throws DriftRulesException when the file is malformed
   */
  public static RuleData merge(RuleData base, String file, InputStream in) {
    RuleData out = base.copy();
    new RuleParser(file).read(out, in);
    return out;
  }

  private SourceLocation loc(JsonLocation l) {
    return new SourceLocation(file, l.getLineNr(), l.getColumnNr());
  }

  private DriftRulesException error(JsonLocation at, String rule, String message) {
    return new DriftRulesException(loc(at), rule, message, null);
  }

  private void read(RuleData out, InputStream in) {
    try (JsonParser p = MAPPER.createParser(in)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw error(p.currentTokenLocation(), "(file)", "a rules file is a JSON object");
      }
      JsonLocation start = p.currentTokenLocation();
      String name = file;
      String revision = null;
      boolean sawVersion = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonLocation at = p.currentTokenLocation();
        p.nextToken();
        if (!TOP.contains(field)) {
          throw error(at, field, "unknown top-level key (expected one of " + TOP + ")");
        }
        switch (field) {
          case "version" -> {
            if (!p.currentToken().isNumeric() || p.getIntValue() != FORMAT_VERSION) {
              throw error(
                  at, "version", "unsupported format version (this engine reads version 1)");
            }
            sawVersion = true;
          }
          case "name" -> name = p.getValueAsString();
          case "revision" -> revision = p.getValueAsString();
          case "description" -> p.skipChildren();
          case "types" -> readTypes(p, out);
          case "children" ->
              readArray(p, "children", (node, where, label) -> child(node, where, label, out));
          case "severity" ->
              readArray(p, "severity", (node, where, label) -> severity(node, where, label, out));
          case "disable" ->
              readArray(p, "disable", (node, where, label) -> disable(node, where, label, out));
          default -> throw new IllegalStateException(field);
        }
      }
      if (!sawVersion) {
        throw error(start, "version", "missing \"version\": 1");
      }
      out.sources.add(revision == null ? name : name + "@" + revision);
    } catch (DriftRulesException e) {
      throw e;
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      SourceLocation where =
          l == null
              ? new SourceLocation(file, 0, 0)
              : new SourceLocation(file, l.getLineNr(), l.getColumnNr());
      throw new DriftRulesException(where, "(syntax)", e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules file " + file, e);
    }
  }

  private interface ElementReader {
    void read(JsonNode node, JsonLocation where, String label);
  }

  private void readArray(JsonParser p, String field, ElementReader reader) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw error(p.currentTokenLocation(), field, "'" + field + "' must be an array");
    }
    int i = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      JsonLocation where = p.currentTokenLocation();
      JsonNode node = p.readValueAsTree();
      String label = field + "[" + i++ + "]";
      if (node.hasNonNull("id")) {
        label = node.get("id").asText();
      }
      try {
        reader.read(node, where, label);
      } catch (IllegalArgumentException e) {
        if (e instanceof DriftRulesException d) {
          throw d;
        }
        throw new DriftRulesException(loc(where), label, e.getMessage(), e);
      }
    }
  }

  private void readTypes(JsonParser p, RuleData out) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw error(p.currentTokenLocation(), "types", "'types' must be an object");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String type = p.currentName().toLowerCase(Locale.ROOT);
      p.nextToken();
      JsonLocation where = p.currentTokenLocation();
      JsonNode node = p.readValueAsTree();
      String label = "types." + type;
      try {
        typeSection(type, node, out);
      } catch (IllegalArgumentException e) {
        throw new DriftRulesException(loc(where), label, e.getMessage(), e);
      }
    }
  }

  private static void typeSection(String type, JsonNode node, RuleData out) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("a type section must be an object");
    }
    checkKeys(node, TYPE_KEYS, "type section");
    RuleData.TypeData data = out.type(type);
    paths(node.get("volatile"), "volatile", data.volatiles);
    paths(node.get("secrets"), "secrets", data.secrets);
    JsonNode compare = node.get("compare");
    if (compare != null) {
      requireObject(compare, "compare");
      for (Map.Entry<String, JsonNode> e : compare.properties()) {
        PathPattern.parse(e.getKey(), true);
        if (!e.getValue().isTextual()) {
          throw new IllegalArgumentException(
              "compare." + e.getKey() + " must be a comparison name");
        }
        data.compare.put(e.getKey(), Comparison.byId(e.getValue().asText()));
      }
    }
    JsonNode arrays = node.get("arrays");
    if (arrays != null) {
      requireObject(arrays, "arrays");
      for (Map.Entry<String, JsonNode> e : arrays.properties()) {
        PathPattern.parse(e.getKey(), true);
        data.arrays.put(e.getKey(), arraySpec(e.getKey(), e.getValue()));
      }
    }
    JsonNode defaults = node.get("defaults");
    if (defaults != null) {
      if (!defaults.isArray()) {
        throw new IllegalArgumentException(
            "'defaults' must be an array of {path, value, apiVersions}");
      }
      for (JsonNode d : defaults) {
        checkKeys(d, Set.of("path", "value", "apiVersions"), "default");
        if (!d.path("path").isTextual() || !d.has("value")) {
          throw new IllegalArgumentException("a default needs 'path' and 'value': " + d);
        }
        String path = d.get("path").asText();
        PathPattern.parse(path, true);
        ApiVersionRange range =
            ApiVersionRange.parse(
                d.hasNonNull("apiVersions") ? d.get("apiVersions").asText() : null);
        data.defaults.put(
            path + " " + range, new RuleData.DefaultSpec(path, d.get("value"), range));
      }
    }
  }

  private static RuleData.ArraySpec arraySpec(String path, JsonNode v) {
    if (v.isTextual() && v.asText().equals("set")) {
      return new RuleData.ArraySpec(List.of(), true);
    }
    if (v.isObject()) {
      checkKeys(v, Set.of("key", "set"), "arrays." + path);
      if (v.path("set").asBoolean(false)) {
        return new RuleData.ArraySpec(List.of(), true);
      }
      v = v.get("key");
    }
    List<String> key = new ArrayList<>();
    if (v != null && v.isTextual()) {
      key.add(v.asText());
    } else if (v != null && v.isArray()) {
      for (JsonNode k : v) {
        key.add(k.asText());
      }
    }
    if (key.isEmpty() || key.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException(
          "arrays." + path + " must be \"set\", a key field, or a list of key fields");
    }
    return new RuleData.ArraySpec(List.copyOf(key), false);
  }

  private static void paths(JsonNode list, String what, LinkedHashSet<String> into) {
    if (list == null) {
      return;
    }
    if (!list.isArray()) {
      throw new IllegalArgumentException("'" + what + "' must be an array of paths");
    }
    for (JsonNode v : list) {
      String s = v.asText();
      if (!v.isTextual() || s.isEmpty()) {
        throw new IllegalArgumentException("'" + what + "' entries are path strings, found " + v);
      }
      if (s.startsWith("!")) {
        PathPattern.parse(s.substring(1), true);
        into.remove(s.substring(1));
      } else {
        PathPattern.parse(s, true);
        into.add(s);
      }
    }
  }

  private static void child(JsonNode node, JsonLocation where, String label, RuleData out) {
    checkKeys(node, Set.of("type", "parent", "array"), "child");
    String type = node.path("type").asText("").toLowerCase(Locale.ROOT);
    String parent = node.path("parent").asText("").toLowerCase(Locale.ROOT);
    String array = node.path("array").asText("");
    if (type.isEmpty() || parent.isEmpty() || array.isEmpty()) {
      throw new IllegalArgumentException("a child entry needs 'type', 'parent' and 'array'");
    }
    if (!type.startsWith(parent + "/")) {
      throw new IllegalArgumentException("child type '" + type + "' is not under '" + parent + "'");
    }
    PathPattern.parse(array, false);
    out.children.put(type, new RuleData.ChildSpec(type, parent, array));
  }

  private static void disable(JsonNode node, JsonLocation where, String label, RuleData out) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("'disable' lists rule ids, found " + node);
    }
    if (out.severity.remove(node.asText()) == null) {
      throw new IllegalArgumentException("cannot disable unknown rule '" + node.asText() + "'");
    }
  }

  private static void severity(JsonNode node, JsonLocation where, String label, RuleData out) {
    checkKeys(node, RULE_KEYS, "severity rule");
    String id = node.path("id").asText("");
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "a severity rule needs an 'id' of letters, digits, '.', '_' and '-'");
    }
    Severity severity;
    try {
      severity = Severity.parse(node.path("severity").asText(""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'severity': " + e.getMessage(), e);
    }
    Set<String> types = new LinkedHashSet<>();
    JsonNode t = node.get("types");
    if (t == null || !t.isArray() || t.isEmpty()) {
      throw new IllegalArgumentException("'types' must list resource types (or \"*\")");
    }
    for (JsonNode type : t) {
      types.add(type.asText().toLowerCase(Locale.ROOT));
    }
    if (!node.path("path").isTextual()) {
      throw new IllegalArgumentException("'path' must be a string (\"\" for the whole resource)");
    }
    PathPattern path = PathPattern.parse(node.get("path").asText(), false);
    int kinds =
        (node.has("insecureWhen") ? 1 : 0)
            + (node.has("order") ? 1 : 0)
            + (node.path("anyChange").asBoolean(false) ? 1 : 0);
    if (kinds != 1) {
      throw new IllegalArgumentException(
          "a severity rule has exactly one of 'insecureWhen', 'order' or 'anyChange': true");
    }
    Predicate insecure =
        node.has("insecureWhen") ? Predicate.compile(node.get("insecureWhen")) : null;
    List<String> order = null;
    if (node.has("order")) {
      JsonNode o = node.get("order");
      if (!o.isArray() || o.size() < 2) {
        throw new IllegalArgumentException("'order' lists at least two values, weakest first");
      }
      order = new ArrayList<>();
      for (JsonNode v : o) {
        order.add(v.asText());
      }
    }
    String absentAs = node.hasNonNull("absentAs") ? node.get("absentAs").asText() : null;
    if (absentAs != null
        && (order == null || order.stream().noneMatch(absentAs::equalsIgnoreCase))) {
      throw new IllegalArgumentException("'absentAs' must be one of the 'order' values");
    }
    Set<ChangeType> changes = EnumSet.noneOf(ChangeType.class);
    for (JsonNode c : node.path("changes")) {
      try {
        changes.add(ChangeType.valueOf(c.asText().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'changes' takes ADDED, REMOVED, MODIFIED; found " + c, e);
      }
    }
    JsonNode policy = node.path("policy");
    String policyId = policy.hasNonNull("id") ? policy.get("id").asText() : null;
    String policyName = policy.hasNonNull("name") ? policy.get("name").asText() : null;
    SeverityRule rule =
        new SeverityRule(
            id,
            node.path("title").asText(id),
            Set.copyOf(types),
            path,
            severity,
            insecure,
            order == null ? null : List.copyOf(order),
            absentAs,
            node.path("anyChange").asBoolean(false),
            Set.copyOf(changes),
            policyId,
            policyName);
    out.severity.remove(id);
    out.severity.put(id, rule);
  }

  private static void requireObject(JsonNode n, String what) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("'" + what + "' must be an object");
    }
  }

  private static void checkKeys(JsonNode n, Set<String> allowed, String what) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("a " + what + " must be an object, found " + n);
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(
            "unknown key '" + k + "' in " + what + " (expected one of " + allowed + ")");
      }
    }
  }
}
