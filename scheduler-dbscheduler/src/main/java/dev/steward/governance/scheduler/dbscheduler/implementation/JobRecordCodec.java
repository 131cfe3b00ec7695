package dev.steward.governance.scheduler.dbscheduler.implementation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import dev.steward.governance.schedule.JobOutcome;
import dev.steward.governance.schedule.JobSpec;
import dev.steward.governance.schedule.MisfirePolicy;
import dev.steward.governance.schedule.Schedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@link JobRecord}s as UTF-8 JSON in {@code task_data}: never Java serialization,
 * so a row is readable with {@code convert_from(task_data, 'UTF8')} and survives refactoring.
 * Unknown fields are kept and written back.
 *
 * <pre>{@code
 * {"format":1,"id":"nightly","jobType":"extraction","parameters":{"connection":"contoso"},
 *  "schedule":"daily 02:30","misfirePolicy":"SKIP","jitter":"PT0S","dueAt":"2026-11-24T02:30:00Z",
 *  "lastRun":"2026-11-23T02:30:00.120Z","lastOutcome":{"status":"SUCCEEDED","message":"42 assets"},
 *  "lastDurationMillis":5130,"runs":7,"skipped":0}
 * }</pre>
 */
public final class JobRecordCodec implements Serializer {

  /** The value of the {@code format} field this version writes. */
  public static final int FORMAT = 1;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KNOWN =
      Set.of(
          "format",
          "id",
          "jobType",
          "parameters",
          "schedule",
          "misfirePolicy",
          "jitter",
          "dueAt",
          "lastRun",
          "lastOutcome",
          "lastDurationMillis",
          "runs",
          "skipped");

  @Override
  public byte[] serialize(Object data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof JobRecord record)) {
      throw new IllegalArgumentException(
          "the Steward scheduler stores only job records, not " + data.getClass().getName());
    }
    return encode(record);
  }

  @Override
  public <T> T deserialize(Class<T> type, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    if (!type.isAssignableFrom(JobRecord.class)) {
      throw new IllegalArgumentException(
          "the Steward scheduler reads only job records, not " + type.getName());
    }
    return type.cast(decode(bytes));
  }

  /**
   * Writes a record.
   *
   * @param record the record
   * @return UTF-8 JSON
   */
  public static byte[] encode(JobRecord record) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    JobSpec spec = record.spec();
    root.put("id", spec.id());
    root.put("jobType", spec.jobType());
    ObjectNode parameters = root.putObject("parameters");
    spec.parameters().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> parameters.put(e.getKey(), e.getValue()));
    root.put("schedule", spec.schedule().format());
    root.put("misfirePolicy", spec.misfirePolicy().name());
    root.put("jitter", spec.jitter().toString());
    putInstant(root, "dueAt", record.dueAt());
    putInstant(root, "lastRun", record.lastRun());
    if (record.lastOutcome() != null) {
      ObjectNode outcome = root.putObject("lastOutcome");
      outcome.put("status", record.lastOutcome().status().name());
      outcome.put("message", record.lastOutcome().message());
    }
    if (record.lastDuration() != null) {
      root.put("lastDurationMillis", record.lastDuration().toMillis());
    }
    root.put("runs", record.runs());
    root.put("skipped", record.skipped());
    Iterator<Map.Entry<String, JsonNode>> extra = record.unknown().fields();
    while (extra.hasNext()) {
      Map.Entry<String, JsonNode> e = extra.next();
      if (!KNOWN.contains(e.getKey())) {
        root.set(e.getKey(), e.getValue());
      }
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write job record of '" + spec.id() + "'", e);
    }
  }

  /**
   * Reads a record.
   *
   * @param bytes UTF-8 JSON as {@link #encode} writes it
   * @return the record
   * @throws IllegalArgumentException naming the field when the data is not a job record
   */
  public static JobRecord decode(byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "task_data is not JSON: "
              + e.getMessage()
              + " (data starts with '"
              + preview(bytes)
              + "')",
          e);
    }
    if (root == null || !root.isObject() || !root.has("id") || !root.has("jobType")) {
      throw new IllegalArgumentException(
          "task_data is not a Steward job record (no 'id'/'jobType'): '" + preview(bytes) + "'");
    }
    String id = root.path("id").asText();
    try {
      Map<String, String> parameters = new LinkedHashMap<>();
      root.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), text(e)));
      JobSpec spec =
          new JobSpec(
              id,
              root.path("jobType").asText(),
              parameters,
              Schedule.parse(required(root, "schedule")),
              MisfirePolicy.valueOf(root.path("misfirePolicy").asText("SKIP")),
              Duration.parse(root.path("jitter").asText("PT0S")));
      JobOutcome outcome = null;
      JsonNode o = root.get("lastOutcome");
      if (o != null && o.isObject()) {
        outcome =
            new JobOutcome(
                JobOutcome.Status.valueOf(o.path("status").asText()), o.path("message").asText(""));
      }
      JsonNode duration = root.get("lastDurationMillis");
      ObjectNode unknown = JSON.createObjectNode();
      root.fields()
          .forEachRemaining(
              e -> {
                if (!KNOWN.contains(e.getKey())) {
                  unknown.set(e.getKey(), e.getValue());
                }
              });
      return new JobRecord(
          spec,
          instant(root, "dueAt"),
          instant(root, "lastRun"),
          outcome,
          duration == null || duration.isNull() ? null : Duration.ofMillis(duration.asLong()),
          root.path("runs").asLong(0),
          root.path("skipped").asLong(0),
          unknown);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("job record '" + id + "': " + e.getMessage(), e);
    }
  }

  private static String text(Map.Entry<String, JsonNode> e) {
    return e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString();
  }

  private static String required(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is missing or not text");
    }
    return node.asText();
  }

  private static Instant instant(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return Instant.parse(node.asText());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "field '" + field + "' is not an ISO-8601 instant: '" + node.asText() + "'", e);
    }
  }

  private static void putInstant(ObjectNode root, String field, Instant value) {
    if (value != null) {
      root.put(field, value.toString());
    }
  }

  private static String preview(byte[] bytes) {
    String text = new String(bytes, 0, Math.min(bytes.length, 40), StandardCharsets.UTF_8);
    return text.replaceAll("\\p{Cntrl}", "?");
  }
}
