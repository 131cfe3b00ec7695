package dev.steward.governance.snapshot;

import com.azure.core.exception.HttpResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.governance.arm.ArmClient;
import dev.steward.governance.implementation.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes snapshots of Azure resources for the drift engine: a Resource Graph query over one or more
 * subscriptions ({@code POST /providers/Microsoft.ResourceGraph/resources}, paged with {@code
 * $skipToken}), optionally followed by each resource's full ARM GET with its type's latest stable
 * apiVersion, written as JSON Lines (one resource with its {@code id} per line) that {@code
 * dev.steward.drift.DriftEngine} reads.
 *
 * <p>The file is written atomically: readers see the previous snapshot or the complete new one,
 * never a part. A failure (a service error after the ARM client's retries, a truncated result, a
 * row without {@code id}) leaves no file behind and throws. Rows repeated across pages are written
 * once. Memory stays constant in the number of resources apart from the set of ids seen.
 *
 * <p>apiVersions are read from each resource provider once per namespace and cached for the life of
 * the snapshotter, so a long-lived snapshotter (as in {@link DriftWatchJob}) reads them once.
 * Thread-safe.
 *
 * <pre>{@code
 * ResourceSnapshotter snapshotter = ResourceSnapshotter.builder(arm).build();
 * SnapshotResult result = snapshotter.snapshot(
 *     SnapshotOptions.builder()
 *         .subscription("00000000-0000-0000-0000-000000000000")
 *         .resourceType("Microsoft.Network/networkSecurityGroups")
 *         .fullResources(true)
 *         .build(),
 *     Path.of("current.jsonl"));
 * }</pre>
 */
public final class ResourceSnapshotter {

  /**
   * The Resource Graph api-version used: the latest stable one in azure-rest-api-specs
   * (specification/resourcegraph/.../stable/2024-04-01/resourcegraph.json).
   */
  public static final String RESOURCE_GRAPH_API_VERSION = "2024-04-01";

  /** The Resource Graph query operation's path. */
  public static final String RESOURCE_GRAPH_PATH = "/providers/Microsoft.ResourceGraph/resources";

  private static final Logger LOG = LoggerFactory.getLogger(ResourceSnapshotter.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ArmClient arm;
  private final Clock clock;
  private final ApiVersions apiVersions;

  private ResourceSnapshotter(Builder b) {
    this.arm = b.arm;
    this.clock = b.clock;
    this.apiVersions = new ApiVersions(b.arm);
  }

  /**
   * Starts a builder.
   *
   * @param arm the ARM client every request goes through (retries, throttling and auth are its job)
   * @return a builder with the system UTC clock
   */
  public static Builder builder(ArmClient arm) {
    return new Builder(arm);
  }

  /**
   * Takes a snapshot and writes it to a JSON Lines file, replacing the file atomically.
   *
   * @param options what to snapshot
   * @param out the file to write (its directory is created if missing)
   * @return counts, pages, duration and the file
   * @throws SnapshotException when the result is incomplete or malformed; no file is written
   * @throws HttpResponseException when ARM or Resource Graph fails (after the client's retries)
   */
  public SnapshotResult snapshot(SnapshotOptions options, Path out) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    Instant start = clock.instant();
    Run run = new Run(options);
    AtomicFiles.write(out, false, run::writeTo);
    Duration duration = Duration.between(start, clock.instant());
    SnapshotResult result =
        new SnapshotResult(
            run.written,
            run.pages,
            run.totalRecords,
            run.duplicates,
            run.vanished,
            duration,
            out.toAbsolutePath());
    if (run.totalRecords >= 0 && run.written + run.duplicates + run.vanished < run.totalRecords) {
      LOG.warn(
          "Resource Graph reported {} records but {} came back over {} pages (resources may have"
              + " been deleted while paging)",
          run.totalRecords,
          run.written + run.duplicates + run.vanished,
          run.pages);
    }
    LOG.info(
        "snapshot: {} resources over {} pages in {} ms to {}",
        run.written,
        run.pages,
        duration.toMillis(),
        result.file());
    return result;
  }

  /** One snapshot's paging state. */
  private final class Run {
    private final SnapshotOptions options;
    private final String kql;
    private final Set<String> seen = new HashSet<>();
    long written;
    int pages;
    long totalRecords = -1;
    long duplicates;
    long vanished;

    Run(SnapshotOptions options) {
      this.options = options;
      this.kql = options.kql();
    }

    void writeTo(OutputStream file) throws IOException {
      BufferedOutputStream out = new BufferedOutputStream(file, 1 << 16);
      String skipToken = null;
      Set<String> tokens = new HashSet<>();
      do {
        JsonNode page =
            arm.post(RESOURCE_GRAPH_PATH, RESOURCE_GRAPH_API_VERSION, request(skipToken));
        pages++;
        String where = "Resource Graph page " + pages;
        if (page == null || !page.isObject()) {
          throw new SnapshotException(where + ": expected a JSON object, got " + page);
        }
        if (pages == 1 && page.path("totalRecords").canConvertToLong()) {
          totalRecords = page.path("totalRecords").asLong();
        }
        // The specs' examples send resultTruncated as the string "false"; accept both forms.
        JsonNode truncated = page.path("resultTruncated");
        if (truncated.asBoolean(false) || "true".equalsIgnoreCase(truncated.asText())) {
          throw new SnapshotException(
              where
                  + ": Resource Graph truncated the result (resultTruncated=true); the query must"
                  + " keep the 'id' column so that it can be paged");
        }
        JsonNode data = page.path("data");
        if (!data.isArray()) {
          throw new SnapshotException(
              where
                  + ": no 'data' array (resultFormat objectArray expected), fields: "
                  + fieldNames(page));
        }
        int row = 0;
        for (JsonNode resource : data) {
          row++;
          JsonNode id = resource.path("id");
          if (!id.isTextual() || id.asText().isBlank()) {
            throw new SnapshotException(
                where + ", row " + row + ": no 'id' (the query must project the id column)");
          }
          if (!seen.add(id.asText().toLowerCase(Locale.ROOT))) {
            duplicates++;
            continue;
          }
          JsonNode body = options.fullResources() ? fetch(id.asText(), where, row) : resource;
          if (body == null) {
            vanished++;
            continue;
          }
          out.write(MAPPER.writeValueAsBytes(body));
          out.write('\n');
          written++;
        }
        JsonNode next = page.path("$skipToken");
        skipToken = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
        if (skipToken != null && !tokens.add(skipToken)) {
          throw new SnapshotException(
              where + ": Resource Graph returned a $skipToken it had already returned");
        }
      } while (skipToken != null);
      out.flush();
    }

    private ObjectNode request(String skipToken) {
      ObjectNode body = MAPPER.createObjectNode();
      options.subscriptions().forEach(body.putArray("subscriptions")::add);
      body.put("query", kql);
      ObjectNode o = body.putObject("options");
      o.put("$top", options.pageSize());
      if (skipToken != null) {
        o.put("$skipToken", skipToken);
      }
      o.put("resultFormat", "objectArray");
      return body;
    }

    /** The resource's full body, or null when it was deleted since Resource Graph listed it. */
    private JsonNode fetch(String id, String where, int row) {
      ResourceIds parsed;
      try {
        parsed = ResourceIds.parse(id);
      } catch (IllegalArgumentException e) {
        throw new SnapshotException(where + ", row " + row + ": " + e.getMessage(), e);
      }
      String apiVersion = apiVersions.forResource(parsed);
      try {
        JsonNode body = arm.get(id, apiVersion);
        if (body == null || !body.path("id").isTextual()) {
          throw new SnapshotException(
              "GET " + id + "?api-version=" + apiVersion + " returned a body without 'id'");
        }
        return body;
      } catch (HttpResponseException e) {
        if (e.getResponse() != null && e.getResponse().getStatusCode() == 404) {
          LOG.info("{} was listed by Resource Graph but is gone (404); left out", id);
          return null;
        }
        throw e;
      }
    }
  }

  private static String fieldNames(JsonNode node) {
    StringBuilder names = new StringBuilder("[");
    node.fieldNames().forEachRemaining(n -> names.append(names.length() > 1 ? ", " : "").append(n));
    return names.append(']').toString();
  }

  /** Builds a {@link ResourceSnapshotter}. */
  public static final class Builder {
    private final ArmClient arm;
    private Clock clock = Clock.systemUTC();

    private Builder(ArmClient arm) {
      this.arm = Objects.requireNonNull(arm, "arm");
    }

    /**
     * The clock durations are measured with (tests pass a fixed or manual clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the snapshotter.
     *
     * @return the snapshotter
     */
    public ResourceSnapshotter build() {
      return new ResourceSnapshotter(this);
    }
  }
}
