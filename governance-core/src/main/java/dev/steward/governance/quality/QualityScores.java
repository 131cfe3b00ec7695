package dev.steward.governance.quality;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads quality scores: a JSON array or JSON Lines of score records or webhook events.
 *
 * <p>A <b>score record</b>: {@code {"datasetId": "retail.sales.daily", "field": null, "overall":
 * 92.4, "dimensions": {"completeness": 98.7}, "openIssues": 3, "slaStatus": "At risk", "link":
 * "https://...", "measuredAt": "2025-09-22T08:15:00Z"}} ({@code qalitaDatasetId} or {@code
 * sourceId} for {@code datasetId}, {@code overallScore} for {@code overall}, dimension scores also
 * at the top level, {@code measuredAt} ISO-8601 or epoch ms).
 *
 * <p>A <b>webhook event</b>, recognised by its {@code event} field: {@code {"event":
 * "quality_score_changed", "sourceId": "retail.sales.daily", "scores": {"overall": 92.4,
 * "completeness": 98.7}, "issues": {"open": 3}, "urls": {"dataset": "https://...", "alerts":
 * "https://..."}, "measuredAt": "2025-09-22T08:15:00Z"}}, optionally with {@code slaStatus} and
 * {@code fieldName}.
 *
 * <p>Unknown fields are ignored.
 */
public final class QualityScores {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DIMENSION_FIELDS =
      Set.of(
          "completeness",
          "accuracy",
          "freshness",
          "consistency",
          "timeliness",
          "validity",
          "uniqueness");

  private QualityScores() {}

  /**
   * Reads a file of scores.
   *
   * @param file a JSON array or JSON Lines file
   * @return the scores, in file order
   * @throws QualityInputException naming file, line, column and record when a record is invalid
   * @throws UncheckedIOException when it cannot be read
   */
  public static List<QualityScore> read(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scores file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses scores text.
   *
   * @param source the name used in errors
   * @param text a JSON array, or JSON Lines
   * @return the scores
   * @throws QualityInputException naming the source, line, column and record
   */
  public static List<QualityScore> parse(String source, String text) {
    List<QualityScore> out = new ArrayList<>();
    try (JsonParser p = JSON.getFactory().createParser(text)) {
      JsonToken t = p.nextToken();
      boolean array = t == JsonToken.START_ARRAY;
      if (array) {
        t = p.nextToken();
      }
      int index = 0;
      while (t != null && !(array && t == JsonToken.END_ARRAY)) {
        JsonLocation at = p.currentTokenLocation();
        String record = (array ? "[" + index + "]" : "line " + at.getLineNr());
        if (t != JsonToken.START_OBJECT) {
          throw new QualityInputException(
              source, at.getLineNr(), at.getColumnNr(), record, "expected a JSON object, got " + t);
        }
        JsonNode node = JSON.readTree(p);
        try {
          out.add(fromJson(node));
        } catch (IllegalArgumentException e) {
          throw new QualityInputException(
              source, at.getLineNr(), at.getColumnNr(), record, e.getMessage());
        }
        index++;
        t = p.nextToken();
      }
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new QualityInputException(
          source,
          l == null ? 0 : l.getLineNr(),
          l == null ? 0 : l.getColumnNr(),
          null,
          "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Converts one score record or webhook event.
   *
   * @param node the JSON object
   * @return the score
   * @throws IllegalArgumentException naming the field when the object is not a valid score
   */
  public static QualityScore fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a score must be a JSON object");
    }
    return node.hasNonNull("event") ? fromEvent(node) : fromRecord(node);
  }

  private static QualityScore fromEvent(JsonNode e) {
    String id = firstText(e, "sourceId", "datasetId", "qalitaDatasetId");
    if (id == null) {
      throw new IllegalArgumentException("event '" + e.get("event").asText() + "' has no sourceId");
    }
    JsonNode scores = e.path("scores");
    Double overall = number(scores, "overall", "scores.overall");
    Map<String, Double> dims = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = scores.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (!f.getKey().equals("overall")) {
        dims.put(f.getKey(), number(scores, f.getKey(), "scores." + f.getKey()));
      }
    }
    Integer open = integer(e.path("issues"), "open", "issues.open");
    String link = text(e.path("urls"), "dataset");
    return new QualityScore(
        id, firstText(e, "fieldName", "field"), overall, dims, open, status(e), link, instant(e));
  }

  private static QualityScore fromRecord(JsonNode r) {
    String id = firstText(r, "datasetId", "qalitaDatasetId", "sourceId");
    if (id == null) {
      throw new IllegalArgumentException("a score record needs 'datasetId'");
    }
    Double overall = number(r, "overall", "overall");
    if (overall == null) {
      overall = number(r, "overallScore", "overallScore");
    }
    Map<String, Double> dims = new LinkedHashMap<>();
    JsonNode d = r.path("dimensions");
    for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      dims.put(f.getKey(), number(d, f.getKey(), "dimensions." + f.getKey()));
    }
    for (String dim : DIMENSION_FIELDS) {
      if (r.hasNonNull(dim)) {
        dims.put(dim, number(r, dim, dim));
      }
    }
    Integer open = integer(r, "openIssues", "openIssues");
    String link = firstText(r, "link", "url");
    return new QualityScore(
        id, firstText(r, "field", "fieldName"), overall, dims, open, status(r), link, instant(r));
  }

  private static SlaStatus status(JsonNode n) {
    String s = text(n, "slaStatus");
    return s == null ? null : SlaStatus.parse(s);
  }

  private static Instant instant(JsonNode n) {
    JsonNode v = n.get("measuredAt");
    if (v == null || v.isNull()) {
      v = n.get("updatedAt");
    }
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("'measuredAt' is missing (ISO-8601 or epoch ms)");
    }
    if (v.isIntegralNumber()) {
      return Instant.ofEpochMilli(v.asLong());
    }
    try {
      return Instant.parse(v.asText());
    } catch (DateTimeParseException ex) {
      throw new IllegalArgumentException(
          "'measuredAt' value '" + v.asText() + "' is not ISO-8601 (e.g. 2025-09-22T08:15:00Z)");
    }
  }

  private static Double number(JsonNode n, String field, String name) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText().strip());
      } catch (NumberFormatException ex) {
        // falls through to the error below
      }
    }
    throw new IllegalArgumentException("'" + name + "' must be a number, was " + v);
  }

  private static Integer integer(JsonNode n, String field, String name) {
    Double d = number(n, field, name);
    if (d == null) {
      return null;
    }
    if (d != Math.rint(d)) {
      throw new IllegalArgumentException("'" + name + "' must be a whole number, was " + d);
    }
    return d.intValue();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private static String firstText(JsonNode n, String... fields) {
    for (String f : fields) {
      String s = text(n, f);
      if (s != null) {
        return s;
      }
    }
    return null;
  }
}
