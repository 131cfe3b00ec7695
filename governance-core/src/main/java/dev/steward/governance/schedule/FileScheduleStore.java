package dev.steward.governance.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.governance.implementation.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ScheduleStore} in one JSON file, rewritten atomically (temporary file, then rename) with
 * owner-only permissions. A missing file is an empty store.
 */
public final class FileScheduleStore implements ScheduleStore {

  private static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  /**
   * Creates a store backed by {@code file}.
   *
   * @param file the JSON file
   */
  public FileScheduleStore(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public List<JobStatus> load() {
    if (!Files.exists(file)) {
      return List.of();
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw new IllegalStateException(
          file
              + (location == null ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr())
              + ": not a valid schedule store: "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<JobStatus> jobs = new ArrayList<>();
    int index = 0;
    for (JsonNode job : root.path("jobs")) {
      try {
        jobs.add(read(job));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            file + ": jobs[" + index + "] (" + job.path("id").asText("?") + "): " + e.getMessage(),
            e);
      }
      index++;
    }
    return List.copyOf(jobs);
  }

  @Override
  public void save(List<JobStatus> jobs) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", FORMAT_VERSION);
    ArrayNode array = root.putArray("jobs");
    for (JobStatus job : jobs) {
      array.add(write(job));
    }
    AtomicFiles.write(
        file, true, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
  }

  private static ObjectNode write(JobStatus status) {
    JobSpec spec = status.spec();
    ObjectNode node = JSON.createObjectNode();
    node.put("id", spec.id());
    node.put("jobType", spec.jobType());
    ObjectNode parameters = node.putObject("parameters");
    spec.parameters().forEach(parameters::put);
    node.put("schedule", spec.schedule().format());
    node.put("misfirePolicy", spec.misfirePolicy().name());
    node.put("jitter", spec.jitter().toString());
    status.nextRun().ifPresent(t -> node.put("nextRun", t.toString()));
    status.lastRun().ifPresent(t -> node.put("lastRun", t.toString()));
    status
        .lastOutcome()
        .ifPresent(
            o -> {
              ObjectNode outcome = node.putObject("lastOutcome");
              outcome.put("status", o.status().name());
              outcome.put("message", o.message());
            });
    status.lastDuration().ifPresent(d -> node.put("lastDuration", d.toString()));
    node.put("runs", status.runs());
    node.put("skipped", status.skipped());
    return node;
  }

  private static JobStatus read(JsonNode node) {
    Map<String, String> parameters = new LinkedHashMap<>();
    node.path("parameters")
        .fields()
        .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
    JobSpec spec =
        new JobSpec(
            required(node, "id"),
            required(node, "jobType"),
            parameters,
            Schedule.parse(required(node, "schedule")),
            MisfirePolicy.valueOf(node.path("misfirePolicy").asText("SKIP")),
            Duration.parse(node.path("jitter").asText("PT0S")));
    Optional<JobOutcome> outcome =
        node.has("lastOutcome")
            ? Optional.of(
                new JobOutcome(
                    JobOutcome.Status.valueOf(required(node.get("lastOutcome"), "status")),
                    node.get("lastOutcome").path("message").asText("")))
            : Optional.empty();
    return new JobStatus(
        spec,
        instant(node, "nextRun"),
        instant(node, "lastRun"),
        outcome,
        node.has("lastDuration")
            ? Optional.of(Duration.parse(node.get("lastDuration").asText()))
            : Optional.empty(),
        false,
        node.path("runs").asLong(0),
        node.path("skipped").asLong(0));
  }

  private static String required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("missing text field '" + field + "'");
    }
    return value.asText();
  }

  private static Optional<Instant> instant(JsonNode node, String field) {
    return node.hasNonNull(field)
        ? Optional.of(Instant.parse(node.get(field).asText()))
        : Optional.empty();
  }
}
