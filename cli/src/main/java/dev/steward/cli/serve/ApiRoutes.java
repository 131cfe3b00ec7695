package dev.steward.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.cli.governance.Loopback;
import dev.steward.cli.serve.Route.Request;
import dev.steward.cli.serve.Route.Response;
import dev.steward.drift.DriftEngine;
import dev.steward.drift.models.DriftReport;
import dev.steward.governance.connection.ConnectionRegistry;
import dev.steward.governance.connection.ConnectionTestResult;
import dev.steward.governance.connection.ConnectionTester;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.connection.SecretReference;
import dev.steward.governance.extract.ExtractionJob;
import dev.steward.governance.extract.ExtractionRequest;
import dev.steward.governance.metrics.DriftMetrics;
import dev.steward.governance.schedule.GovernanceScheduler;
import dev.steward.governance.schedule.JobStatus;
import dev.steward.governance.schedule.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The {@code /api} routes of {@code steward serve}. */
final class ApiRoutes {

  static final String OPENAPI_RESOURCE = "/openapi/steward-api.yaml";

  private final ConnectionRegistry connections;
  private final ConnectionTester tester;
  private final GovernanceScheduler scheduler;
  private final ExtractionRuns runs;
  private final Path home;
  private final QualityRoute quality;
  private final DriftEngine drift = DriftEngine.create();
  private final DriftMetrics driftMetrics;
  private final byte[] openapi;

  ApiRoutes(
      ConnectionRegistry connections,
      ConnectionTester tester,
      GovernanceScheduler scheduler,
      ExtractionRuns runs,
      Path home,
      QualityRoute quality,
      DriftMetrics driftMetrics) {
    this.driftMetrics = driftMetrics;
    this.connections = connections;
    this.tester = tester;
    this.scheduler = scheduler;
    this.runs = runs;
    this.home = home;
    this.quality = quality;
    try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the class path");
      }
      this.openapi = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Route> routes() {
    return List.of(
        new Route(
            "GET",
            "/api/openapi",
            true,
            r -> new Response(200, "application/yaml", openapi, Map.of())),
        new Route("GET", "/api/connections", true, this::listConnections),
        new Route("POST", "/api/connections", true, this::putConnection),
        new Route("DELETE", "/api/connections/{name}", true, this::deleteConnection),
        new Route("POST", "/api/connections/test", true, this::testConnection),
        new Route("POST", "/api/extractions", true, this::startExtraction),
        new Route("GET", "/api/extractions/{id}", true, this::getExtraction),
        new Route("POST", "/api/schedules", true, this::schedule),
        new Route("GET", "/api/scheduler/status", true, r -> schedulerStatus()),
        new Route("POST", "/api/scheduler/stop", true, r -> stopAll()),
        new Route("POST", "/api/quality/webhook", true, quality::handle),
        new Route("POST", "/api/drift", true, this::drift));
  }

  // ------------------------------------------------------------------ connections

  private Response listConnections(Request request) {
    ObjectNode root = JsonBody.JSON.createObjectNode();
    ArrayNode list = root.putArray("connections");
    connections.list().forEach(c -> list.add(connectionJson(c)));
    return Response.json(200, root);
  }

  static ObjectNode connectionJson(PurviewConnection c) {
    ObjectNode node = JsonBody.JSON.createObjectNode();
    node.put("name", c.name());
    node.put("endpoint", c.endpoint());
    node.put(
        "authentication", c.authentication().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (c.tenantId() != null) {
      node.put("tenantId", c.tenantId());
    }
    if (c.clientId() != null) {
      node.put("clientId", c.clientId());
    }
    if (c.secret() != null) {
      node.put("secret", c.secret().toString());
    }
    return node;
  }

  private Response putConnection(Request request) {
    JsonBody body =
        JsonBody.parse(
            request.body(),
            Set.of("name", "endpoint", "authentication", "tenantId", "clientId", "secret"));
    String name = body.text("name", true);
    String endpoint = body.text("endpoint", true);
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("endpoint", "field 'endpoint' is not a URL: " + e.getMessage());
    }
    boolean loopback = Loopback.isLoopback(endpoint);
    if (uri.getHost() == null
        || !("https".equalsIgnoreCase(uri.getScheme())
            || ("http".equalsIgnoreCase(uri.getScheme()) && loopback))) {
      throw ApiException.invalid(
          "endpoint",
          "field 'endpoint' must be https://ACCOUNT.purview.azure.com (plain http only on"
              + " loopback), was '"
              + endpoint
              + "'");
    }
    String auth = body.text("authentication", true);
    PurviewConnection.Authentication authentication;
    try {
      authentication =
          PurviewConnection.Authentication.valueOf(auth.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "authentication",
          "field 'authentication' must be client-secret, managed-identity, default or token, was '"
              + auth
              + "'");
    }
    SecretReference secret = null;
    String secretText = body.text("secret", false);
    if (secretText != null) {
      try {
        secret = SecretReference.parse(secretText);
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("secret", "field 'secret': " + e.getMessage());
      }
    }
    PurviewConnection connection;
    try {
      connection =
          new PurviewConnection(
              name,
              endpoint,
              authentication,
              body.text("tenantId", false),
              body.text("clientId", false),
              secret,
              loopback);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          e.getMessage().startsWith("connection name") ? "name" : "authentication", e.getMessage());
    }
    boolean replaced = connections.add(connection);
    return Response.json(replaced ? 200 : 201, connectionJson(connection))
        .withHeader("Location", "/api/connections/" + name);
  }

  private Response deleteConnection(Request request) {
    String name = request.parameters().get("name");
    if (!connections.remove(name)) {
      throw ApiException.notFound("name", "no connection named '" + name + "'");
    }
    return new Response(204, "application/json", new byte[0], Map.of());
  }

  private PurviewConnection connection(String name, String field) {
    return connections
        .get(name)
        .orElseThrow(
            () ->
                ApiException.invalid(
                    field,
                    "field '"
                        + field
                        + "': no connection named '"
                        + name
                        + "'; GET /api/connections lists them"));
  }

  private Response testConnection(Request request) {
    JsonBody body = JsonBody.parse(request.body(), Set.of("name"));
    PurviewConnection connection = connection(body.text("name", true), "name");
    ConnectionTestResult result = tester.test(connection);
    ObjectNode node = JsonBody.JSON.createObjectNode();
    node.put("connection", result.connection());
    node.put("ok", result.ok());
    ArrayNode steps = node.putArray("steps");
    for (ConnectionTestResult.Step step : result.steps()) {
      ObjectNode s = steps.addObject();
      s.put("name", step.name());
      s.put("status", step.status().name());
      s.put("durationMs", step.duration().toMillis());
      s.put("detail", step.detail());
      s.put("diagnosis", step.diagnosis());
    }
    return Response.json(200, node);
  }

  // ------------------------------------------------------------------ extractions

  private Response startExtraction(Request request) {
    JsonBody body =
        JsonBody.parse(
            request.body(),
            Set.of("connection", "assetTypes", "collection", "keywords", "incremental"));
    PurviewConnection connection = connection(body.text("connection", true), "connection");
    ExtractionRequest extraction;
    try {
      extraction =
          ExtractionRequest.builder()
              .assetTypes(body.strings("assetTypes"))
              .collection(body.text("collection", false))
              .keywords(body.text("keywords", false))
              .checkpointKey(connection.name())
              .incremental(body.bool("incremental"))
              .build();
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("body", e.getMessage());
    }
    ExtractionRuns.Run run = runs.start(connection, extraction);
    return Response.json(202, run.toJson()).withHeader("Location", "/api/extractions/" + run.id);
  }

  private Response getExtraction(Request request) {
    String id = request.parameters().get("id");
    return runs.get(id)
        .map(run -> Response.json(200, run.toJson()))
        .orElseThrow(() -> ApiException.notFound("id", "no extraction with id '" + id + "'"));
  }

  // ------------------------------------------------------------------ schedules

  private Response schedule(Request request) {
    JsonBody body =
        JsonBody.parse(
            request.body(),
            Set.of("id", "connection", "schedule", "assetTypes", "collection", "incremental"));
    String id = body.text("id", true);
    PurviewConnection connection = connection(body.text("connection", true), "connection");
    String text = body.text("schedule", true);
    Schedule schedule;
    try {
      schedule = Schedule.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("schedule", "field 'schedule': " + e.getMessage());
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    List<String> types = body.strings("assetTypes");
    if (!types.isEmpty()) {
      parameters.put("assetTypes", String.join(",", types));
    }
    String collection = body.text("collection", false);
    if (collection != null) {
      parameters.put("collection", collection);
    }
    parameters.put("incremental", String.valueOf(body.bool("incremental")));
    parameters.put("out", home.resolve("extractions").resolve(id + "-{time}.jsonl").toString());
    JobStatus status;
    try {
      status = scheduler.schedule(ExtractionJob.spec(id, schedule, connection.name(), parameters));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          e.getMessage().startsWith("job id") ? "id" : "body", e.getMessage());
    }
    return Response.json(201, jobJson(status));
  }

  static ObjectNode jobJson(JobStatus status) {
    ObjectNode node = JsonBody.JSON.createObjectNode();
    node.put("id", status.spec().id());
    node.put("jobType", status.spec().jobType());
    node.put("schedule", status.spec().schedule().format());
    ObjectNode parameters = node.putObject("parameters");
    new java.util.TreeMap<>(status.spec().parameters()).forEach(parameters::put);
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
    status.lastDuration().ifPresent(d -> node.put("lastDurationMs", d.toMillis()));
    node.put("running", status.running());
    node.put("runs", status.runs());
    node.put("skipped", status.skipped());
    return node;
  }

  private Response schedulerStatus() {
    ObjectNode root = JsonBody.JSON.createObjectNode();
    ArrayNode jobs = root.putArray("jobs");
    scheduler.status().forEach(s -> jobs.add(jobJson(s)));
    return Response.json(200, root);
  }

  private Response stopAll() {
    return Response.json(200, Map.of("cancelled", scheduler.cancelAll()));
  }

  // ------------------------------------------------------------------ drift

  private Response drift(Request request) {
    JsonBody body = JsonBody.parse(request.body(), Set.of("baseline", "current"));
    JsonNode baseline = snapshot(body, "baseline");
    JsonNode current = snapshot(body, "current");
    try {
      long started = System.nanoTime();
      DriftReport report = drift.compare(baseline, current);
      driftMetrics.record(report, Duration.ofNanos(System.nanoTime() - started));
      return Response.json(200, report.toJson());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("body", e.getMessage());
    }
  }

  private static JsonNode snapshot(JsonBody body, String field) {
    JsonNode node = body.node(field);
    if (node == null || !(node.isObject() || node.isArray())) {
      throw ApiException.invalid(
          field, "field '" + field + "' must be an ARM snapshot (a JSON object or array)");
    }
    return node;
  }
}
