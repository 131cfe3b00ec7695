package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Discovery: {@code /search/query} (keywords, filter, facets, orderby, limit and continuation
 * tokens bound to the request body), {@code /search/suggest} and {@code /search/autocomplete}.
 * Callers hold the {@link DataMap} read lock. A query scans the entity records once: their search
 * fields are plain Java fields, so no JSON is parsed unless a filter names a free attribute.
 */
final class Search {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;
  private static final long DAY = 86_400_000L;

  private final DataMap map;

  Search(DataMap map) {
    this.map = map;
  }

  /** A candidate: an entity record, or a glossary term seen as one. */
  private static final class Candidate {
    final EntityRecord record;
    final ObjectNode term;
    final double score;

    /** Lower-cased sort key of the first orderby clause on a text field. */
    String key;

    Candidate(EntityRecord record, ObjectNode term, double score) {
      this.record = record;
      this.term = term;
      this.score = score;
    }

    EntityRecord record() {
      return record;
    }

    ObjectNode term() {
      return term;
    }

    double score() {
      return score;
    }
  }

  // ------------------------------------------------------------------ query

  byte[] query(JsonNode body) {
    if (body.isMissingNode()) {
      body = Json.object();
    }
    if (!body.isObject()) {
      throw AtlasError.BAD_REQUEST.exception("the body must be a QueryOptions object");
    }
    int limit = limit(body, DEFAULT_LIMIT, MAX_LIMIT);
    String requestHash = requestHash(body);
    int offset = 0;
    String token = Json.text(body, "continuationToken");
    if (token != null && !token.isEmpty()) {
      offset = decodeToken(token, requestHash);
    }
    String keywords = keywords(body);
    Predicate<Candidate> filter = compile(body.get("filter"));
    JsonNode taxonomy = body.path("taxonomySetting").path("assetTypes");
    if (taxonomy.isArray() && !taxonomy.isEmpty()) {
      Set<String> assetTypes = new HashSet<>(Json.strings(taxonomy));
      filter = filter.and(c -> assetTypes.contains(assetType(c)));
    }
    List<Candidate> matches = matches(keywords, filter);
    sort(matches, body.get("orderby"), keywords != null);
    int end = Math.min(matches.size(), offset + limit);
    JsonNode facets = body.get("facets");
    // Streamed: a 1,000-hit page is written field by field, never built as a tree.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + 600 * Math.max(0, end - offset));
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(bytes)) {
      g.writeStartObject();
      g.writeNumberField("@search.count", matches.size());
      g.writeBooleanField("@search.count.approximate", false);
      if (end < matches.size()) {
        g.writeStringField("continuationToken", encodeToken(end, requestHash));
      }
      if (facets != null && facets.isArray() && !facets.isEmpty()) {
        g.writeFieldName("@search.facets");
        Json.MAPPER.writeTree(g, facets(facets, matches));
      }
      g.writeArrayFieldStart("value");
      for (int i = offset; i < end; i++) {
        g.writeStartObject();
        writeHitFields(g, matches.get(i), keywords);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Writes the fields of one search hit (SearchResultValue), without the enclosing braces: a
   * 1,000-hit page is written field by field, never built as a tree.
   */
  private void writeHitFields(JsonGenerator g, Candidate c, String keywords) throws IOException {
    g.writeNumberField("@search.score", c.score());
    if (c.term() != null) {
      ObjectNode term = c.term();
      g.writeStringField("objectType", "Glossary terms");
      g.writeStringField("glossaryType", "AtlasGlossaryTerm");
      g.writeStringField("id", Json.text(term, "guid"));
      g.writeStringField("name", Json.text(term, "name"));
      g.writeStringField("qualifiedName", Json.text(term, "qualifiedName"));
      g.writeStringField("glossary", glossaryNameOfTerm(Json.text(term, "guid")));
      g.writeStringField("longDescription", Json.text(term, "longDescription"));
      g.writeStringField("termStatus", Json.text(term, "status"));
      g.writeArrayFieldStart("termTemplate");
      for (java.util.Iterator<String> it = term.path("attributes").fieldNames(); it.hasNext(); ) {
        g.writeString(it.next());
      }
      g.writeEndArray();
      g.writeNumberField("createTime", term.path("createTime").asLong());
      g.writeNumberField("updateTime", term.path("updateTime").asLong());
      return;
    }
    EntityRecord r = c.record();
    if (keywords != null) {
      ObjectNode highlights = Json.object();
      for (String token : keywords.toLowerCase(Locale.ROOT).split("\\s+")) {
        highlight(highlights, "name", r.name, token);
        highlight(highlights, "qualifiedName", r.qualifiedName, token);
        highlight(highlights, "description", r.description, token);
      }
      if (!highlights.isEmpty()) {
        g.writeFieldName("@search.highlights");
        Json.MAPPER.writeTree(g, highlights);
      }
    }
    String objectType = BuiltinTypes.objectType(r.typeName);
    if (objectType != null) {
      g.writeStringField("objectType", objectType);
    }
    g.writeStringField("id", r.guid);
    g.writeStringField("qualifiedName", r.qualifiedName);
    g.writeStringField("name", r.name);
    g.writeStringField("description", r.description);
    g.writeStringField("owner", r.owner);
    g.writeStringField("entityType", r.typeName);
    g.writeArrayFieldStart("classification");
    for (String classification : r.classifications) {
      g.writeString(classification);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("label");
    for (String label : r.labels) {
      g.writeString(label);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("assetType");
    String assetType = BuiltinTypes.assetType(r.typeName);
    if (assetType != null) {
      g.writeString(assetType);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("term");
    for (int i = 0; i < r.termCount(); i++) {
      g.writeStartObject();
      g.writeStringField("name", r.terms[r.termCount() + i]);
      g.writeStringField("glossaryName", glossaryNameOfTerm(r.terms[i]));
      g.writeStringField("guid", r.terms[i]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("contact");
    for (int i = 0; i < r.contacts.length; i += 3) {
      g.writeStartObject();
      g.writeStringField("id", r.contacts[i]);
      g.writeStringField("info", r.contacts[i + 2]);
      g.writeStringField("contactType", r.contacts[i + 1]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("collectionId", r.collectionId);
    g.writeNumberField("createTime", r.createTime);
    g.writeNumberField("updateTime", r.updateTime);
  }

  private static int limit(JsonNode body, int dflt, int max) {
    JsonNode node = body.get("limit");
    if (node == null || node.isNull()) {
      return dflt;
    }
    int limit = node.asInt(-1);
    if (!node.canConvertToInt() && !node.isTextual() || limit < 1 || limit > max) {
      throw AtlasError.INVALID_PARAMETERS.exception(
          "limit must be between 1 and " + max + ", was " + node);
    }
    return limit;
  }

  private static String keywords(JsonNode body) {
    String keywords = Json.text(body, "keywords");
    if (keywords == null) {
      return null;
    }
    keywords = keywords.trim();
    return keywords.isEmpty() || keywords.equals("*") ? null : keywords;
  }

  private List<Candidate> matches(String keywords, Predicate<Candidate> filter) {
    String[] tokens = keywords == null ? null : keywords.toLowerCase(Locale.ROOT).split("\\s+");
    List<Candidate> out = new ArrayList<>();
    for (EntityRecord record : map.records()) {
      if (record.deleted) {
        continue;
      }
      double score = 1.0;
      if (tokens != null) {
        score = score(tokens, record.name, record.qualifiedName, record.description);
        if (score == 0) {
          continue;
        }
      }
      Candidate candidate = new Candidate(record, null, score);
      if (filter.test(candidate)) {
        out.add(candidate);
      }
    }
    for (ObjectNode term : map.glossary.allTerms()) {
      double score = 1.0;
      if (tokens != null) {
        score =
            score(
                tokens,
                Json.text(term, "name"),
                Json.text(term, "qualifiedName"),
                Json.text(term, "longDescription"));
        if (score == 0) {
          continue;
        }
      }
      Candidate candidate = new Candidate(null, term, score);
      if (filter.test(candidate)) {
        out.add(candidate);
      }
    }
    return out;
  }

  private static double score(
      String[] tokens, String name, String qualifiedName, String description) {
    double score = 0;
    for (String token : tokens) {
      if (containsIgnoreCase(name, token)) {
        score += name.length() == token.length() ? 10 : 5;
      } else if (containsIgnoreCase(qualifiedName, token)) {
        score += 2;
      } else if (containsIgnoreCase(description, token)) {
        score += 1;
      }
    }
    return score;
  }

  /** Case-insensitive substring test without allocating; {@code lowerNeedle} is lower case. */
  static boolean containsIgnoreCase(String haystack, String lowerNeedle) {
    if (haystack == null) {
      return false;
    }
    int n = lowerNeedle.length();
    int max = haystack.length() - n;
    for (int i = 0; i <= max; i++) {
      if (haystack.regionMatches(true, i, lowerNeedle, 0, n)) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ filter

  private Predicate<Candidate> compile(JsonNode filter) {
    if (filter == null || filter.isNull() || (filter.isObject() && filter.isEmpty())) {
      return c -> true;
    }
    if (!filter.isObject()) {
      throw AtlasError.INVALID_PARAMETERS.exception("filter must be an object, was " + filter);
    }
    if (filter.has("and")) {
      List<Predicate<Candidate>> parts = compileAll(filter.get("and"), "and");
      return c -> {
        for (Predicate<Candidate> p : parts) {
          if (!p.test(c)) {
            return false;
          }
        }
        return true;
      };
    }
    if (filter.has("or")) {
      List<Predicate<Candidate>> parts = compileAll(filter.get("or"), "or");
      return c -> {
        for (Predicate<Candidate> p : parts) {
          if (p.test(c)) {
            return true;
          }
        }
        return false;
      };
    }
    if (filter.has("not")) {
      return compile(filter.get("not")).negate();
    }
    if (filter.has("entityType") || filter.has("typeName")) {
      String type = Json.text(filter, filter.has("entityType") ? "entityType" : "typeName");
      boolean subTypes = filter.path("includeSubTypes").asBoolean(true);
      TypeRegistry.EntityType entityType = map.types.entityType(type);
      Set<String> accepted = subTypes && entityType != null ? entityType.subTypes : Set.of(type);
      return c -> accepted.contains(typeName(c));
    }
    if (filter.has("assetType")) {
      String assetType = Json.text(filter, "assetType");
      return c -> assetType != null && assetType.equals(assetType(c));
    }
    if (filter.has("objectType")) {
      String objectType = Json.text(filter, "objectType");
      return c -> objectType != null && objectType.equals(BuiltinTypes.objectType(typeName(c)));
    }
    if (filter.has("classification")) {
      String classification = Json.text(filter, "classification");
      Set<String> names =
          filter.path("includeSubClassifications").asBoolean(true) && classification != null
              ? map.types.classificationWithSubTypes(classification)
              : Set.of(String.valueOf(classification));
      return c -> {
        if (c.record() == null) {
          return false;
        }
        for (String name : c.record().classifications) {
          if (names.contains(name)) {
            return true;
          }
        }
        return false;
      };
    }
    if (filter.has("collectionId")) {
      String collection = Json.text(filter, "collectionId");
      return c ->
          c.record() != null && collection != null && collection.equals(c.record().collectionId);
    }
    if (filter.has("fileExtension")) {
      String extension = "." + Json.text(filter, "fileExtension").toLowerCase(Locale.ROOT);
      return c -> {
        String name =
            c.record() == null
                ? null
                : c.record().name != null ? c.record().name : c.record().qualifiedName;
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(extension);
      };
    }
    if (filter.has("id")) {
      String id = Json.text(filter, "id");
      return c -> id != null && id.equals(guidOf(c));
    }
    if (filter.has("glossaryType")) {
      String glossaryType = Json.text(filter, "glossaryType");
      return c -> glossaryType != null && glossaryType.equals(typeName(c)) && c.term() != null;
    }
    if (filter.has("termGuid")) {
      String termGuid = Json.text(filter, "termGuid");
      return c -> {
        if (c.record() == null) {
          return false;
        }
        for (int i = 0; i < c.record().termCount(); i++) {
          if (c.record().terms[i].equals(termGuid)) {
            return true;
          }
        }
        return false;
      };
    }
    if (filter.has("term")) {
      String term = Json.text(filter, "term");
      String glossary = Json.text(filter, "glossary");
      return c -> {
        if (c.record() == null) {
          return false;
        }
        EntityRecord r = c.record();
        for (int i = 0; i < r.termCount(); i++) {
          if (r.terms[r.termCount() + i].equals(term)
              && (glossary == null || glossary.equals(glossaryNameOfTerm(r.terms[i])))) {
            return true;
          }
        }
        return false;
      };
    }
    if (filter.has("label")) {
      String label = Json.text(filter, "label");
      return c -> c.record() != null && List.of(c.record().labels).contains(label);
    }
    if (filter.has("contactId")) {
      String id = Json.text(filter, "contactId");
      String type = Json.text(filter, "contactType");
      return c -> {
        if (c.record() == null) {
          return false;
        }
        String[] contacts = c.record().contacts;
        for (int i = 0; i < contacts.length; i += 3) {
          if (contacts[i].equals(id) && (type == null || type.equals(contacts[i + 1]))) {
            return true;
          }
        }
        return false;
      };
    }
    if (filter.has("createTime") || filter.has("updateTime")) {
      String field = filter.has("createTime") ? "createTime" : "updateTime";
      JsonNode spec = filter.get(field);
      long now = map.now();
      if (spec.isTextual()) {
        String range = spec.asText();
        return c -> inRange(field.equals("createTime") ? createTime(c) : updateTime(c), range, now);
      }
      String operator = Json.text(spec, "operator");
      long threshold = Json.longValue(spec, "timeThreshold", 0);
      return c ->
          compareNumbers(
              field.equals("createTime") ? createTime(c) : updateTime(c), operator, threshold);
    }
    if (filter.has("attributeName")) {
      return attributeFilter(filter);
    }
    if (filter.has("termStatus")) {
      String status = Json.text(filter, "termStatus");
      return c ->
          c.term() != null && status != null && status.equals(Json.text(c.term(), "status"));
    }
    throw AtlasError.INVALID_PARAMETERS.exception("unsupported filter " + filter);
  }

  private List<Predicate<Candidate>> compileAll(JsonNode array, String op) {
    if (!array.isArray()) {
      throw AtlasError.INVALID_PARAMETERS.exception("'" + op + "' must be an array");
    }
    List<Predicate<Candidate>> parts = new ArrayList<>();
    for (JsonNode part : array) {
      parts.add(compile(part));
    }
    return parts;
  }

  private Predicate<Candidate> attributeFilter(JsonNode filter) {
    String name = Json.text(filter, "attributeName");
    String operator = Json.text(filter, "operator");
    JsonNode value = filter.get("attributeValue");
    if (operator == null) {
      throw AtlasError.INVALID_PARAMETERS.exception(
          "attribute filter on " + name + " has no operator");
    }
    String op = operator.toLowerCase(Locale.ROOT);
    if (!Set.of("eq", "ne", "contains", "prefix", "gt", "ge", "lt", "le", "timerange")
        .contains(op)) {
      throw AtlasError.INVALID_PARAMETERS.exception(
          "unsupported operator "
              + operator
              + " (eq, ne, contains, prefix, gt, ge, lt, le, timerange)");
    }
    long now = map.now();
    return c -> {
      JsonNode actual = attributeValue(c, name);
      if (op.equals("ne")) {
        return actual == null || !equal(actual, value);
      }
      if (actual == null || actual.isNull()) {
        return false;
      }
      return switch (op) {
        case "eq" -> equal(actual, value);
        case "contains" ->
            containsIgnoreCase(actual.asText(), value.asText().toLowerCase(Locale.ROOT));
        case "prefix" ->
            actual
                .asText()
                .toLowerCase(Locale.ROOT)
                .startsWith(value.asText().toLowerCase(Locale.ROOT));
        case "timerange" -> actual.isNumber() && inRange(actual.asLong(), value.asText(), now);
        default ->
            actual.isNumber()
                && value.isNumber()
                && compareNumbers(actual.asDouble(), op, value.asDouble());
      };
    };
  }

  private static boolean equal(JsonNode actual, JsonNode expected) {
    if (actual.isNumber() && expected.isNumber()) {
      return actual.asDouble() == expected.asDouble();
    }
    if (actual.isTextual() && expected.isTextual()) {
      return actual.asText().equalsIgnoreCase(expected.asText());
    }
    return actual.asText().equals(expected.asText());
  }

  private JsonNode attributeValue(Candidate c, String name) {
    EntityRecord r = c.record();
    if (r == null) {
      return c.term().get(name);
    }
    switch (name) {
      case "name":
        return r.name == null ? null : Json.NODES.textNode(r.name);
      case "qualifiedName":
        return r.qualifiedName == null ? null : Json.NODES.textNode(r.qualifiedName);
      case "description":
        return r.description == null ? null : Json.NODES.textNode(r.description);
      case "owner":
        return r.owner == null ? null : Json.NODES.textNode(r.owner);
      case "createTime":
        return Json.NODES.numberNode(r.createTime);
      case "updateTime":
        return Json.NODES.numberNode(r.updateTime);
      default:
        break;
    }
    ObjectNode tree = r.tree();
    JsonNode attribute = tree.path("attributes").get(name);
    if (attribute != null) {
      return attribute;
    }
    int dot = name.indexOf('.');
    if (dot > 0 && r.hasBusinessAttributes) {
      return tree.path("businessAttributes")
          .path(name.substring(0, dot))
          .get(name.substring(dot + 1));
    }
    return null;
  }

  private static boolean compareNumbers(double actual, String operator, double threshold) {
    return switch (operator == null ? "" : operator.toLowerCase(Locale.ROOT)) {
      case "gt" -> actual > threshold;
      case "ge" -> actual >= threshold;
      case "lt" -> actual < threshold;
      case "le" -> actual <= threshold;
      case "eq" -> actual == threshold;
      case "ne" -> actual != threshold;
      default ->
          throw AtlasError.INVALID_PARAMETERS.exception("unsupported time operator " + operator);
    };
  }

  private static boolean inRange(long time, String range, long now) {
    return switch (range.toUpperCase(Locale.ROOT)) {
      case "LAST_24H" -> time >= now - DAY;
      case "LAST_7D" -> time >= now - 7 * DAY;
      case "LAST_30D" -> time >= now - 30 * DAY;
      case "LAST_365D" -> time >= now - 365 * DAY;
      case "MORE_THAN_365D" -> time < now - 365 * DAY;
      default ->
          throw AtlasError.INVALID_PARAMETERS.exception(
              "time range must be LAST_24H, LAST_7D, LAST_30D, LAST_365D or MORE_THAN_365D, was "
                  + range);
    };
  }

  // ------------------------------------------------------------------ candidate fields

  private static String typeName(Candidate c) {
    return c.record() != null ? c.record().typeName : "AtlasGlossaryTerm";
  }

  private static String guidOf(Candidate c) {
    return c.record() != null ? c.record().guid : Json.text(c.term(), "guid");
  }

  private static String assetType(Candidate c) {
    return BuiltinTypes.assetType(typeName(c));
  }

  private static long createTime(Candidate c) {
    return c.record() != null ? c.record().createTime : c.term().path("createTime").asLong();
  }

  private static long updateTime(Candidate c) {
    return c.record() != null ? c.record().updateTime : c.term().path("updateTime").asLong();
  }

  private static String nameOf(Candidate c) {
    return c.record() != null ? c.record().name : Json.text(c.term(), "name");
  }

  private static String qualifiedNameOf(Candidate c) {
    return c.record() != null ? c.record().qualifiedName : Json.text(c.term(), "qualifiedName");
  }

  private String glossaryNameOfTerm(String termGuid) {
    ObjectNode term = map.glossary.termNode(termGuid);
    if (term == null) {
      return null;
    }
    String qn = Json.text(term, "qualifiedName");
    int at = qn == null ? -1 : qn.lastIndexOf('@');
    return at < 0 ? null : qn.substring(at + 1);
  }

  // ------------------------------------------------------------------ sort, facets, hits

  private static void sort(List<Candidate> matches, JsonNode orderby, boolean byScore) {
    Comparator<Candidate> comparator = null;
    if (orderby != null && orderby.isArray()) {
      boolean first = true;
      for (JsonNode clause : orderby) {
        Comparator<Candidate> next = first ? keyed(clause, matches) : null;
        if (next == null) {
          next = clause(clause);
        }
        comparator = comparator == null ? next : comparator.thenComparing(next);
        first = false;
      }
    }
    if (comparator == null && byScore) {
      comparator = Comparator.comparingDouble(Candidate::score).reversed();
    }
    if (comparator != null) {
      matches.sort(comparator); // stable: ties keep insertion order
    }
  }

  /**
   * For a first clause on name or qualifiedName: lower-case each key once, then compare plain
   * strings (much cheaper than a case-insensitive compare inside the sort). Null otherwise.
   */
  private static Comparator<Candidate> keyed(JsonNode clause, List<Candidate> matches) {
    if (!clause.isObject() || clause.size() != 1) {
      return null;
    }
    String field = clause.fieldNames().next();
    if (!field.equals("name") && !field.equals("qualifiedName")) {
      return null;
    }
    for (Candidate c : matches) {
      String value = field.equals("name") ? nameOf(c) : qualifiedNameOf(c);
      c.key = value == null ? null : value.toLowerCase(Locale.ROOT);
    }
    Comparator<Candidate> comparator =
        Comparator.comparing(c -> c.key, Comparator.nullsLast(Comparator.naturalOrder()));
    String direction = clause.get(field).asText("asc");
    if (!direction.equalsIgnoreCase("asc") && !direction.equalsIgnoreCase("desc")) {
      throw AtlasError.INVALID_PARAMETERS.exception(
          "orderby direction must be ASC or DESC, was " + direction);
    }
    return direction.equalsIgnoreCase("desc") ? comparator.reversed() : comparator;
  }

  private static Comparator<Candidate> clause(JsonNode clause) {
    String field;
    String direction;
    if (clause.isTextual()) {
      String[] parts = clause.asText().trim().split("\\s+");
      field = parts[0];
      direction = parts.length > 1 ? parts[1] : "asc";
    } else if (clause.isObject() && clause.size() == 1) {
      field = clause.fieldNames().next();
      direction = clause.get(field).asText("asc");
    } else {
      throw AtlasError.INVALID_PARAMETERS.exception(
          "orderby entries look like {\"name\": \"ASC\"}, was " + clause);
    }
    Comparator<Candidate> comparator =
        switch (field) {
          case "name" ->
              Comparator.comparing(
                  Search::nameOf, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
          case "qualifiedName" ->
              Comparator.comparing(
                  Search::qualifiedNameOf, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
          case "entityType" -> Comparator.comparing(Search::typeName);
          case "id" -> Comparator.comparing(Search::guidOf);
          case "createTime" -> Comparator.comparingLong(Search::createTime);
          case "updateTime" -> Comparator.comparingLong(Search::updateTime);
          case "@search.score", "score" -> Comparator.comparingDouble(Candidate::score);
          default -> throw AtlasError.INVALID_PARAMETERS.exception("cannot order by " + field);
        };
    boolean desc = direction.equalsIgnoreCase("desc");
    if (!desc && !direction.equalsIgnoreCase("asc")) {
      throw AtlasError.INVALID_PARAMETERS.exception(
          "orderby direction must be ASC or DESC, was " + direction);
    }
    return desc ? comparator.reversed() : comparator;
  }

  private ObjectNode facets(JsonNode requested, List<Candidate> matches) {
    ObjectNode out = Json.object();
    for (JsonNode facet : requested) {
      String name = Json.text(facet, "facet");
      if (name == null) {
        throw AtlasError.INVALID_PARAMETERS.exception("a facet has no 'facet' field");
      }
      Map<String, Integer> counts = new HashMap<>();
      for (Candidate c : matches) {
        for (String value : facetValues(c, name)) {
          counts.merge(value, 1, Integer::sum);
        }
      }
      int max = facet.path("count").asInt(0);
      if (max <= 0) {
        max = 10;
      }
      JsonNode sortSpec = facet.path("sort");
      Comparator<Map.Entry<String, Integer>> order;
      if (sortSpec.has("value")) {
        Comparator<Map.Entry<String, Integer>> byValue = Map.Entry.comparingByKey();
        order =
            "desc".equalsIgnoreCase(sortSpec.get("value").asText()) ? byValue.reversed() : byValue;
      } else {
        Comparator<Map.Entry<String, Integer>> byCount = Map.Entry.comparingByValue();
        Comparator<Map.Entry<String, Integer>> c =
            "asc".equalsIgnoreCase(sortSpec.path("count").asText("desc"))
                ? byCount
                : byCount.reversed();
        order = c.thenComparing(Map.Entry.comparingByKey());
      }
      List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
      entries.sort(order);
      ArrayNode buckets = out.putArray(name);
      for (int i = 0; i < Math.min(max, entries.size()); i++) {
        ObjectNode bucket = buckets.addObject();
        bucket.put("count", entries.get(i).getValue());
        bucket.put("value", entries.get(i).getKey());
      }
    }
    return out;
  }

  private List<String> facetValues(Candidate c, String facet) {
    EntityRecord r = c.record();
    List<String> out = new ArrayList<>(2);
    switch (facet) {
      case "entityType" -> out.add(typeName(c));
      case "assetType" -> {
        String assetType = assetType(c);
        if (assetType != null) {
          out.add(assetType);
        }
      }
      case "objectType" -> {
        String objectType = BuiltinTypes.objectType(typeName(c));
        if (objectType != null) {
          out.add(objectType);
        }
      }
      case "classification" -> {
        if (r != null) {
          out.addAll(List.of(r.classifications));
        }
      }
      case "label" -> {
        if (r != null) {
          out.addAll(List.of(r.labels));
        }
      }
      case "term" -> {
        if (r != null) {
          for (int i = 0; i < r.termCount(); i++) {
            out.add(r.terms[r.termCount() + i]);
          }
        }
      }
      case "contactId", "contactType" -> {
        if (r != null) {
          for (int i = 0; i < r.contacts.length; i += 3) {
            out.add(r.contacts[i + (facet.equals("contactId") ? 0 : 1)]);
          }
        }
      }
      case "glossaryType" -> {
        if (c.term() != null) {
          out.add("AtlasGlossaryTerm");
        }
      }
      case "termStatus" -> {
        if (c.term() != null && Json.text(c.term(), "status") != null) {
          out.add(Json.text(c.term(), "status"));
        }
      }
      case "termTemplate" -> {
        if (c.term() != null) {
          c.term().path("attributes").fieldNames().forEachRemaining(out::add);
        }
      }
      default ->
          throw AtlasError.INVALID_PARAMETERS.exception(
              "unsupported facet "
                  + facet
                  + " (entityType, assetType, classification, term, contactId, contactType, label, glossaryType, termStatus, termTemplate)");
    }
    return out;
  }

  private static void highlight(ObjectNode highlights, String field, String value, String token) {
    if (value == null || token.isEmpty()) {
      return;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    int at = lower.indexOf(token);
    if (at < 0) {
      return;
    }
    ArrayNode list = highlights.withArray(field);
    list.add(
        value.substring(0, at)
            + "<em>"
            + value.substring(at, at + token.length())
            + "</em>"
            + value.substring(at + token.length()));
  }

  // ------------------------------------------------------------------ continuation tokens

  private static String requestHash(JsonNode body) {
    StringBuilder canonical = new StringBuilder();
    canonicalize(body, canonical, true);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 16; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void canonicalize(JsonNode node, StringBuilder out, boolean top) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      node.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
      if (top) {
        sorted.remove("continuationToken");
      }
      out.append('{');
      sorted.forEach(
          (k, v) -> {
            out.append(Json.NODES.textNode(k)).append(':');
            canonicalize(v, out, false);
            out.append(',');
          });
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (JsonNode element : node) {
        canonicalize(element, out, false);
        out.append(',');
      }
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }

  private static String encodeToken(int offset, String requestHash) {
    ObjectNode token = Json.object();
    token.put("offset", offset);
    token.put("requestHash", requestHash);
    return Base64.getEncoder().encodeToString(Json.bytes(token));
  }

  private static int decodeToken(String token, String requestHash) {
    JsonNode decoded;
    try {
      decoded = Json.MAPPER.readTree(Base64.getDecoder().decode(token));
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw AtlasError.INVALID_PARAMETERS.exception("continuationToken is malformed");
    }
    if (decoded == null
        || !requestHash.equals(Json.text(decoded, "requestHash"))
        || !decoded.path("offset").isInt()) {
      throw AtlasError.INVALID_PARAMETERS.exception(
          "continuationToken does not belong to this request: send the same body (keywords, filter, limit, orderby, facets) as for the first page");
    }
    return decoded.get("offset").asInt();
  }

  // ------------------------------------------------------------------ suggest, autocomplete

  byte[] suggest(JsonNode body) {
    String keywords = requiredKeywords(body);
    int limit = limit(body, 5, 100);
    Predicate<Candidate> filter = compile(body.get("filter"));
    List<Candidate> matches = matches(keywords, filter);
    String lower = keywords.toLowerCase(Locale.ROOT);
    matches.sort(
        Comparator.comparing(
                (Candidate c) -> {
                  String name = nameOf(c);
                  return name == null || !name.toLowerCase(Locale.ROOT).startsWith(lower);
                })
            .thenComparing(Comparator.comparingDouble(Candidate::score).reversed()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(bytes)) {
      g.writeStartObject();
      g.writeArrayFieldStart("value");
      for (int i = 0; i < Math.min(limit, matches.size()); i++) {
        String name = nameOf(matches.get(i));
        g.writeStartObject();
        g.writeStringField("@search.text", name == null ? "" : "<em>" + name + "</em>");
        writeHitFields(g, matches.get(i), null);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  ObjectNode autocomplete(JsonNode body) {
    String keywords = requiredKeywords(body);
    int limit = limit(body, 50, 100);
    Predicate<Candidate> filter = compile(body.get("filter"));
    String lower = keywords.toLowerCase(Locale.ROOT);
    int lastSpace = lower.lastIndexOf(' ');
    String prefix = lower.substring(lastSpace + 1);
    String head = keywords.substring(0, lastSpace + 1);
    TreeSet<String> completions = new TreeSet<>();
    for (Candidate c : matches(prefix, filter)) {
      String name = nameOf(c);
      if (name == null) {
        continue;
      }
      for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
        if (word.startsWith(prefix) && word.length() > 0) {
          completions.add(word);
        }
      }
    }
    ObjectNode out = Json.object();
    ArrayNode value = out.putArray("value");
    for (String completion : completions) {
      if (value.size() >= limit) {
        break;
      }
      ObjectNode v = value.addObject();
      v.put("text", completion);
      v.put("queryPlusText", head + completion);
    }
    return out;
  }

  private static String requiredKeywords(JsonNode body) {
    String keywords = Json.text(body, "keywords");
    if (keywords == null || keywords.isBlank() || keywords.length() > 100) {
      throw AtlasError.INVALID_PARAMETERS.exception("keywords must be 1 to 100 characters");
    }
    return keywords.trim();
  }
}
