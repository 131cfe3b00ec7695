package dev.steward.cli.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.steward.cli.serve.Route.Request;
import dev.steward.cli.serve.Route.Response;
import dev.steward.governance.audit.AuditTrail;
import dev.steward.governance.connection.ConnectionRegistry;
import dev.steward.governance.connection.ConnectionTester;
import dev.steward.governance.connection.FileConnectionRegistry;
import dev.steward.governance.connection.SecretReference;
import dev.steward.governance.extract.ExtractionJob;
import dev.steward.governance.extract.FileCheckpointStore;
import dev.steward.governance.health.CompositeHealthCheck;
import dev.steward.governance.health.HealthCheck;
import dev.steward.governance.health.HealthCheckResult;
import dev.steward.governance.health.HealthChecks;
import dev.steward.governance.health.HealthReport;
import dev.steward.governance.health.HealthStatus;
import dev.steward.governance.metrics.DriftMetrics;
import dev.steward.governance.schedule.FileScheduleStore;
import dev.steward.governance.schedule.GovernanceScheduler;
import dev.steward.governance.schedule.InProcessGovernanceScheduler;
import dev.steward.governance.schedule.SchedulingClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP service behind {@code steward serve}, on the JDK's {@code com.sun.net.httpserver} (no
 * server library: the CLI already serves the quality webhook on it, and a handful of JSON routes
 * need nothing more). Routes live under {@code /api} and need the bearer token; {@code /health},
 * {@code /health/live}, {@code /health/ready} and {@code /metrics} are open so probes and
 * Prometheus can reach them.
 *
 * <p>Every response is JSON except {@code /metrics} (Prometheus text) and {@code /api/openapi}
 * (YAML). Errors use the Azure REST shape {@code {"error":{"code","message","target"}}}: 400 names
 * the field, 401 says how to authenticate, 404 and 405 name the route, 413 the limit.
 */
final class StewardServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StewardServer.class);
  static final long DEFAULT_MAX_BODY = 4L << 20;
  static final String NO_TOKEN =
      "no API token is configured, so every /api route answers 401: put \"token\":"
          + " \"env:VARIABLE\" (or \"file:/path\") in the file given to --config; the variable or"
          + " file holds a random token of 16 characters or more";

  private HttpServer server;
  private ExecutorService requestPool;
  private List<Route> routes;
  private byte[] tokenDigest;
  private long maxBody;
  private PrometheusMeterRegistry registry;
  private CompositeHealthCheck health;
  private Duration healthCacheFor;
  private SchedulingClock clock;
  private GovernanceScheduler scheduler;
  private AuditTrail audit;
  private final List<ExecutorService> owned = new ArrayList<>();
  private HealthReport lastReport;

  private StewardServer(Builder b) throws IOException {
    try {
      initialise(b);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    server.createContext("/", this::dispatch);
    server.setExecutor(requestPool);
    server.start();
  }

  private void initialise(Builder b) throws IOException {
    ServeConfig config = b.config;
    Path home = b.home;
    this.maxBody = config.maxBodyBytes() == null ? DEFAULT_MAX_BODY : config.maxBodyBytes();
    this.tokenDigest = config.token() == null ? null : digestOf(config.token(), b.env);
    if (tokenDigest == null) {
      LOG.warn(NO_TOKEN);
    }
    this.registry =
        b.registry != null ? b.registry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

    if (b.clock != null) {
      this.clock = b.clock;
    } else {
      ScheduledExecutorService timer =
          Executors.newSingleThreadScheduledExecutor(daemon("steward-serve-timer-"));
      owned.add(timer);
      this.clock = SchedulingClock.system(Clock.systemUTC(), timer);
    }
    ConnectionRegistry connections =
        new FileConnectionRegistry(
            config.connections() != null
                ? Path.of(config.connections())
                : home.resolve("connections.json"));
    Path auditDir = config.audit() != null ? Path.of(config.audit()) : home.resolve("audit");
    this.audit = AuditTrail.builder(auditDir).build();
    FileCheckpointStore checkpoints = new FileCheckpointStore(home.resolve("checkpoints"));
    ExtractionJob extractionJob =
        ExtractionJob.builder(connections)
            .env(b.env)
            .checkpoints(checkpoints)
            .audit(audit)
            .meterRegistry(registry)
            .build();
    this.scheduler =
        InProcessGovernanceScheduler.builder()
            .clock(clock)
            .meterRegistry(registry)
            .job(ExtractionJob.TYPE, extractionJob)
            .store(new FileScheduleStore(home.resolve("schedules.json")))
            .build();
    ExecutorService extractionPool = Executors.newFixedThreadPool(2, daemon("steward-extract-"));
    owned.add(extractionPool);
    ExtractionRuns runs =
        new ExtractionRuns(
            extractionPool,
            home.resolve("extractions"),
            checkpoints,
            audit,
            b.env,
            clock::now,
            registry);
    ConnectionTester tester =
        b.tester != null ? b.tester : ConnectionTester.builder().env(b.env).build();

    ServeConfig.Readiness readiness = config.readiness();
    Duration grace =
        Duration.ofMinutes(
            readiness == null || readiness.schedulerGraceMinutes() == null
                ? 5
                : readiness.schedulerGraceMinutes());
    CompositeHealthCheck.Builder healthBuilder =
        CompositeHealthCheck.builder()
            .clock(clock)
            .timeout(
                Duration.ofSeconds(
                    readiness == null || readiness.timeoutSeconds() == null
                        ? 5
                        : readiness.timeoutSeconds()))
            .add(HealthChecks.auditTrail(auditDir))
            .add(HealthChecks.scheduler(scheduler, clock, grace));
    if (readiness != null && readiness.connections() != null) {
      for (String name : readiness.connections()) {
        healthBuilder.add(
            HealthCheck.of(
                "purview:" + name,
                () ->
                    HealthChecks.purview(
                            tester,
                            connections
                                .get(name)
                                .orElseThrow(
                                    () ->
                                        new IllegalStateException(
                                            "no connection named '" + name + "'")))
                        .check()));
      }
    }
    b.extraChecks.forEach(healthBuilder::add);
    this.health = healthBuilder.build();
    this.healthCacheFor = b.healthCacheFor;

    ApiRoutes api =
        new ApiRoutes(
            connections,
            tester,
            scheduler,
            runs,
            home,
            QualityRoute.create(config.quality(), connections, audit, b.env, registry),
            new DriftMetrics(registry));
    List<Route> all = new ArrayList<>(api.routes());
    all.add(new Route("GET", "/health", false, r -> healthResponse()));
    all.add(new Route("GET", "/health/ready", false, r -> healthResponse()));
    all.add(
        new Route(
            "GET",
            "/health/live",
            false,
            r -> Response.json(200, Map.of("status", HealthStatus.UP.name()))));
    all.add(
        new Route(
            "GET",
            "/metrics",
            false,
            r ->
                new Response(
                    200,
                    "text/plain; version=0.0.4; charset=utf-8",
                    registry.scrape().getBytes(StandardCharsets.UTF_8),
                    Map.of())));
    all.sort(Comparator.comparingInt(Route::literalSegments).reversed());
    this.routes = List.copyOf(all);

    int threads = config.threads() == null ? 16 : config.threads();
    this.requestPool = Executors.newFixedThreadPool(threads, daemon("steward-serve-"));
    owned.add(requestPool);
    String host = b.host != null ? b.host : config.host() != null ? config.host() : "127.0.0.1";
    int port = b.port != null ? b.port : config.port() != null ? config.port() : 8080;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 512);
  }

  /** Starts a builder: home directory (connections, schedules, checkpoints, audit, outputs). */
  static Builder builder(Path home) {
    return new Builder(home);
  }

  int port() {
    return server.getAddress().getPort();
  }

  String host() {
    return server.getAddress().getHostString();
  }

  boolean authenticationConfigured() {
    return tokenDigest != null;
  }

  /** The routes, most specific first. */
  List<Route> routes() {
    return routes;
  }

  PrometheusMeterRegistry meterRegistry() {
    return registry;
  }

  GovernanceScheduler scheduler() {
    return scheduler;
  }

  private static byte[] digestOf(String reference, Map<String, String> env) {
    SecretReference ref = SecretReference.parse(reference);
    String token;
    try {
      token = ref.resolve(env);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(
          "the API token reference cannot be read: " + e.getMessage());
    }
    if (token.length() < 16) {
      throw new IllegalArgumentException(
          "the API token at " + ref + " is shorter than 16 characters; use a random token");
    }
    return sha256(token.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Checks the bearer token in constant time: both sides are hashed first, so neither the content
   * nor the length of the configured token leaks through timing.
   */
  private void authenticate(HttpExchange exchange) {
    if (tokenDigest == null) {
      throw new ApiException(401, "AuthenticationNotConfigured", NO_TOKEN, null);
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiException(
          401,
          "AuthenticationRequired",
          "send the API token as 'Authorization: Bearer TOKEN'",
          "Authorization");
    }
    byte[] presented = sha256(header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    if (!MessageDigest.isEqual(presented, tokenDigest)) {
      throw new ApiException(
          401, "InvalidToken", "the bearer token is not the configured API token", "Authorization");
    }
  }

  private synchronized Response healthResponse() throws InterruptedException {
    Instant now = clock.now();
    if (lastReport == null
        || healthCacheFor.isZero()
        || !now.isBefore(lastReport.checkedAt().plus(healthCacheFor))) {
      lastReport = health.check();
    }
    HealthReport report = lastReport;
    ObjectNode node = JsonBody.JSON.createObjectNode();
    node.put("status", report.status().name());
    node.put("checkedAt", report.checkedAt().toString());
    ArrayNode checks = node.putArray("checks");
    for (HealthCheckResult c : report.checks()) {
      ObjectNode check = checks.addObject();
      check.put("name", c.name());
      check.put("status", c.status().name());
      check.put("latencyMs", c.latency().toMillis());
      check.put("detail", c.detail());
    }
    return Response.json(report.status() == HealthStatus.DOWN ? 503 : 200, node);
  }

  private void dispatch(HttpExchange exchange) {
    long started = System.nanoTime();
    String method = exchange.getRequestMethod();
    String routeTag = "unmatched";
    Response response;
    try {
      String path = exchange.getRequestURI().getPath();
      List<Route> matching = new ArrayList<>();
      Route route = null;
      Map<String, String> parameters = null;
      for (Route r : routes) {
        Map<String, String> p = r.match(path);
        if (p != null) {
          matching.add(r);
          if (route == null && r.method().equals(method)) {
            route = r;
            parameters = p;
          }
        }
      }
      if (matching.isEmpty()) {
        throw new ApiException(
            404, "NotFound", "no route " + path + "; GET /api/openapi lists the routes", null);
      }
      if (route == null) {
        Set<String> allowed = new TreeSet<>();
        matching.forEach(r -> allowed.add(r.method()));
        response =
            error(
                    new ApiException(
                        405,
                        "MethodNotAllowed",
                        method + " is not allowed on " + path + "; allowed: " + allowed,
                        null))
                .withHeader("Allow", String.join(", ", allowed));
      } else {
        routeTag = route.template();
        if (route.authenticated()) {
          authenticate(exchange);
        }
        byte[] body = readBody(exchange);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (body.length > 0
            && type != null
            && !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
          throw new ApiException(
              415, "UnsupportedMediaType", "send application/json, not " + type, "Content-Type");
        }
        response =
            route
                .handler()
                .handle(new Request(path, parameters, exchange.getRequestHeaders(), body));
      }
    } catch (ApiException e) {
      response = error(e);
      if (e.status() == 401) {
        response = response.withHeader("WWW-Authenticate", "Bearer realm=\"steward\"");
      }
    } catch (Exception e) {
      LOG.error("{} {} failed", method, routeTag, e);
      response =
          error(
              new ApiException(
                  500,
                  "InternalError",
                  e.getClass().getSimpleName() + "; the server log has the details",
                  null));
    }
    try (exchange) {
      send(exchange, response);
    } catch (IOException e) {
      LOG.debug("could not send the response to {} {}: {}", method, routeTag, e.toString());
    }
    Timer.builder("steward.http.server.requests")
        .description("HTTP requests to steward serve")
        .tag("method", knownMethod(method))
        .tag("route", routeTag)
        .tag("status", String.valueOf(response.status()))
        .register(registry)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  private static String knownMethod(String method) {
    return switch (method) {
      case "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS" -> method;
      default -> "OTHER";
    };
  }

  private byte[] readBody(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > maxBody) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw ApiException.invalid("Content-Length", "Content-Length is not a number");
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
      if (body.length > maxBody) {
        throw tooLarge();
      }
      return body;
    }
  }

  private ApiException tooLarge() {
    return new ApiException(
        413, "PayloadTooLarge", "the request body is larger than " + maxBody + " bytes", "body");
  }

  static Response error(ApiException e) {
    ObjectNode root = JsonBody.JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("code", e.code());
    error.put("message", e.getMessage());
    if (e.target() != null) {
      error.put("target", e.target());
    }
    return Response.json(e.status(), root);
  }

  private static void send(HttpExchange exchange, Response response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    response.headers().forEach(exchange.getResponseHeaders()::set);
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Stops listening, stops the scheduler (waiting up to 5 seconds for runs) and the threads. */
  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
    if (scheduler != null) {
      scheduler.shutdown(Duration.ofSeconds(5));
    }
    owned.forEach(ExecutorService::shutdownNow);
    if (health != null) {
      health.close();
    }
    if (audit != null) {
      audit.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  /** Builds and starts a {@link StewardServer}. */
  static final class Builder {
    private final Path home;
    private ServeConfig config = ServeConfig.empty();
    private Map<String, String> env = System.getenv();
    private String host;
    private Integer port;
    private SchedulingClock clock;
    private ConnectionTester tester;
    private PrometheusMeterRegistry registry;
    private Duration healthCacheFor = Duration.ofSeconds(1);
    private final List<HealthCheck> extraChecks = new ArrayList<>();

    private Builder(Path home) {
      this.home = Objects.requireNonNull(home, "home");
    }

    Builder config(ServeConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    Builder env(Map<String, String> env) {
      this.env = Map.copyOf(env);
      return this;
    }

    Builder host(String host) {
      this.host = host;
      return this;
    }

    Builder port(Integer port) {
      this.port = port;
      return this;
    }

    Builder clock(SchedulingClock clock) {
      this.clock = clock;
      return this;
    }

    Builder tester(ConnectionTester tester) {
      this.tester = tester;
      return this;
    }

    Builder meterRegistry(PrometheusMeterRegistry registry) {
      this.registry = registry;
      return this;
    }

    Builder healthCacheFor(Duration healthCacheFor) {
      this.healthCacheFor = healthCacheFor;
      return this;
    }

    Builder healthCheck(HealthCheck check) {
      extraChecks.add(check);
      return this;
    }

    /**
     * Starts the server.
     *
     * @throws IOException when it cannot listen
     * @throws IllegalArgumentException when the configuration is wrong (naming what)
     */
    StewardServer start() throws IOException {
      return new StewardServer(this);
    }
  }
}
