package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The HTTP side: the JDK server, a small fixed pool, bearer-token auth, routing, faults and the
 * admin endpoints {@code /emulator/faults}, {@code /emulator/stats} and {@code /emulator/reset}.
 */
public final class EmulatorServer implements AutoCloseable {

  /** Prefix of every Data Map route. */
  public static final String BASE = "/datamap/api";

  private static final Pattern API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");
  private static final byte[] NO_BODY = new byte[0];

  private final HttpServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService delayer;
  private final String bearer;
  private final FaultEngine faults;
  private final Router router;
  private final Runnable reset;
  private final String endpoint;

  /**
   * Binds the server (not yet started).
   *
   * @param host the address to bind, e.g. 127.0.0.1
   * @param port the port, 0 for an ephemeral one
   * @param token the accepted bearer token
   * @param map the Data Map to serve
   * @param faults throttling, faults and counters
   * @param threads request threads
   * @param reset restores the initial state ({@code POST /emulator/reset})
   * @throws IOException when the address cannot be bound
   */
  public EmulatorServer(
      String host,
      int port,
      String token,
      DataMap map,
      FaultEngine faults,
      int threads,
      Runnable reset)
      throws IOException {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      // Small JSON answers on kept-alive connections otherwise wait for Nagle's algorithm.
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    this.bearer = "Bearer " + token;
    this.faults = faults;
    this.reset = reset;
    this.router = Api.routes(map);
    this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
    this.executor = Executors.newFixedThreadPool(threads, daemon("purview-emulator-"));
    this.delayer = Executors.newSingleThreadScheduledExecutor(daemon("purview-emulator-delay-"));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    this.endpoint = "http://" + hostPart + ":" + server.getAddress().getPort();
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Starts serving. */
  public void start() {
    server.start();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:54321}. */
  public String endpoint() {
    return endpoint;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    delayer.shutdownNow();
  }

  // ------------------------------------------------------------------ dispatch

  private void handle(HttpExchange exchange) {
    String requestId = requestId();
    try {
      String rawPath = exchange.getRequestURI().getRawPath();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      if (rawPath.startsWith("/emulator/")) {
        admin(exchange, method, rawPath, requestId);
      } else if (rawPath.startsWith(BASE + "/") || rawPath.equals(BASE)) {
        dataPlane(exchange, method, rawPath.substring(BASE.length()), requestId);
      } else {
        fail(
            exchange,
            requestId,
            404,
            "NotFound",
            "No such path: " + rawPath + " (Data Map routes start with " + BASE + ")");
      }
    } catch (AtlasException e) {
      fail(exchange, requestId, e.error().status(), e.error().code(), e.getMessage());
    } catch (RuntimeException | IOException e) {
      fail(
          exchange,
          requestId,
          500,
          AtlasError.INTERNAL_ERROR.code(),
          AtlasError.INTERNAL_ERROR.format(e));
    }
  }

  private boolean authorized(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    return header != null && header.equals(bearer);
  }

  private void dataPlane(HttpExchange exchange, String method, String path, String requestId)
      throws IOException {
    Router.Match match = router.match(method, path);
    String routeKey =
        match == null
            ? method + " (unknown path)"
            : match.route() == null
                ? method + " (method not allowed) " + path
                : match.route().key();
    faults.count(routeKey);
    if (!authorized(exchange)) {
      drain(exchange);
      Headers headers = exchange.getResponseHeaders();
      headers.set(
          "WWW-Authenticate",
          "Bearer authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
              + "resource_id=\"https://purview.azure.net\"");
      fail(
          exchange,
          requestId,
          401,
          AtlasError.UNAUTHENTICATED.code(),
          "Authentication required: send 'Authorization: Bearer <token>' with the emulator's token");
      return;
    }
    FaultEngine.Decision decision = faults.decide(routeKey);
    if (decision.kind() == FaultEngine.Kind.THROTTLED) {
      drain(exchange);
      retryAfter(exchange, decision.retryAfterMillis());
      respondLater(
          exchange,
          decision,
          () ->
              fail(
                  exchange,
                  requestId,
                  429,
                  AtlasError.TOO_MANY_REQUESTS.code(),
                  AtlasError.TOO_MANY_REQUESTS.format(
                      decision.rateLimit(), decision.retryAfterMillis())));
      return;
    }
    if (decision.kind() == FaultEngine.Kind.UNAVAILABLE
        || decision.kind() == FaultEngine.Kind.INTERNAL_ERROR) {
      drain(exchange);
      boolean unavailable = decision.kind() == FaultEngine.Kind.UNAVAILABLE;
      if (unavailable) {
        retryAfter(exchange, decision.retryAfterMillis());
      }
      respondLater(
          exchange,
          decision,
          () ->
              fail(
                  exchange,
                  requestId,
                  unavailable ? 503 : 500,
                  unavailable
                      ? AtlasError.SERVICE_UNAVAILABLE.code()
                      : AtlasError.INTERNAL_ERROR.code(),
                  unavailable
                      ? AtlasError.SERVICE_UNAVAILABLE.format("injected fault")
                      : AtlasError.INTERNAL_ERROR.format("(injected fault)")));
      return;
    }
    ApiResponse response;
    if (match == null) {
      drain(exchange);
      throw new AtlasException(
          AtlasError.NOT_IMPLEMENTED,
          method
              + " "
              + BASE
              + path
              + " is not a Data Map 2023-09-01 route the Steward emulator knows");
    } else if (match.route() == null) {
      drain(exchange);
      throw new AtlasException(
          AtlasError.NOT_IMPLEMENTED,
          method
              + " "
              + BASE
              + path
              + ": this method is not implemented for this path by the Steward emulator");
    } else if (match.route().handler() == null) {
      drain(exchange);
      throw new AtlasException(
          AtlasError.NOT_IMPLEMENTED,
          match.route().operationId()
              + " ("
              + match.route().key()
              + ") is not implemented by the Steward emulator");
    } else {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      ApiRequest request =
          new ApiRequest(
              method,
              path,
              match.params(),
              ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
              body,
              exchange.getRequestHeaders().getFirst("Content-Type"));
      checkApiVersion(match.route(), request);
      response = match.route().handler().handle(request);
    }
    ApiResponse answer = response;
    respondLater(exchange, decision, () -> send(exchange, requestId, answer, decision.kind()));
  }

  private static void checkApiVersion(Router.Route route, ApiRequest request) {
    String version = request.query("api-version");
    boolean required = !route.template().startsWith("/atlas/v2/");
    if (version == null || version.isEmpty()) {
      if (required) {
        throw AtlasError.INVALID_PARAMETERS.exception(
            "api-version is required on " + route.template() + " (use 2023-09-01)");
      }
      return;
    }
    if (!API_VERSION.matcher(version).matches()) {
      throw AtlasError.INVALID_PARAMETERS.exception(
          "api-version=" + version + " is not a valid version (use 2023-09-01)");
    }
  }

  private void respondLater(HttpExchange exchange, FaultEngine.Decision decision, Runnable send) {
    if (decision.delayMillis() > 0) {
      delayer.schedule(send, decision.delayMillis(), TimeUnit.MILLISECONDS);
    } else {
      send.run();
    }
  }

  private static void retryAfter(HttpExchange exchange, long millis) {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Retry-After", String.valueOf(Math.max(1, (millis + 999) / 1000)));
    headers.set("retry-after-ms", String.valueOf(millis));
    headers.set("x-ms-retry-after-ms", String.valueOf(millis));
  }

  private static void drain(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  // ------------------------------------------------------------------ responses

  private static void send(HttpExchange exchange, String requestId, ApiResponse response) {
    send(exchange, requestId, response, null);
  }

  private static void send(
      HttpExchange exchange, String requestId, ApiResponse response, FaultEngine.Kind fault) {
    try {
      Headers headers = exchange.getResponseHeaders();
      headers.set("x-ms-request-id", requestId);
      String clientId = exchange.getRequestHeaders().getFirst("x-ms-client-request-id");
      if (clientId != null) {
        headers.set("x-ms-client-request-id", clientId);
      }
      byte[] body = response.body();
      if (body == null) {
        exchange.sendResponseHeaders(response.status(), -1);
        exchange.close();
        return;
      }
      headers.set("Content-Type", response.contentType());
      if (body.length == 0) {
        body = NO_BODY;
      }
      if (fault == FaultEngine.Kind.TRUNCATED) {
        int n = body.length / 2;
        exchange.sendResponseHeaders(response.status(), n == 0 ? -1 : n);
        if (n > 0) {
          exchange.getResponseBody().write(body, 0, n);
        }
        exchange.close();
      } else if (fault == FaultEngine.Kind.RESET) {
        // Announce the full length, send half, then drop the connection.
        exchange.sendResponseHeaders(response.status(), body.length);
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        exchange.close();
      } else {
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
          exchange.getResponseBody().write(body);
        }
        exchange.close();
      }
    } catch (IOException e) {
      exchange.close();
    }
  }

  private static void fail(
      HttpExchange exchange, String requestId, int status, String code, String message) {
    ObjectNode error = Json.object();
    error.put("requestId", requestId);
    error.put("errorCode", code);
    error.put("errorMessage", message);
    send(exchange, requestId, new ApiResponse(status, ApiResponse.JSON, Json.bytes(error)));
  }

  // ------------------------------------------------------------------ admin

  private void admin(HttpExchange exchange, String method, String path, String requestId)
      throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    if (!authorized(exchange)) {
      fail(
          exchange,
          requestId,
          401,
          AtlasError.UNAUTHENTICATED.code(),
          "Authentication required: the admin endpoints take the same bearer token");
      return;
    }
    String route = method + " " + path;
    switch (route) {
      case "GET /emulator/stats" -> send(exchange, requestId, ApiResponse.json(faults.stats()));
      case "DELETE /emulator/stats" -> {
        faults.resetCounters();
        send(exchange, requestId, ApiResponse.noContent());
      }
      case "GET /emulator/faults" -> send(exchange, requestId, ApiResponse.json(faults.describe()));
      case "DELETE /emulator/faults" -> {
        faults.clear();
        send(exchange, requestId, ApiResponse.noContent());
      }
      case "POST /emulator/faults" -> {
        program(Json.parse(body));
        send(exchange, requestId, ApiResponse.json(faults.describe()));
      }
      case "POST /emulator/reset" -> {
        reset.run();
        send(exchange, requestId, ApiResponse.noContent());
      }
      default ->
          fail(
              exchange,
              requestId,
              404,
              "NotFound",
              "Admin routes: GET|DELETE /emulator/stats, GET|POST|DELETE /emulator/faults, POST /emulator/reset");
    }
  }

  /**
   * Programs faults from JSON: {@code {"route", "type", "failNext", "failRequests", "failFraction",
   * "rateLimit", "delayMs", "retryAfterMs"}}.
   */
  void program(JsonNode spec) {
    if (!spec.isObject()) {
      throw AtlasError.BAD_REQUEST.exception("the body must be a JSON object");
    }
    String route = Json.text(spec, "route");
    FaultEngine.Kind kind;
    try {
      kind =
          FaultEngine.Kind.valueOf(
              spec.path("type").asText("UNAVAILABLE").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw AtlasError.INVALID_PARAMETERS.exception(
          "type must be one of THROTTLED, UNAVAILABLE, INTERNAL_ERROR, RESET, TRUNCATED");
    }
    try {
      if (spec.has("retryAfterMs")) {
        faults.retryAfter(spec.get("retryAfterMs").asLong());
      }
      if (spec.has("rateLimit")) {
        faults.rateLimit(spec.get("rateLimit").asInt(), route);
      }
      if (spec.has("delayMs")) {
        faults.delay(spec.get("delayMs").asLong(), route);
      }
      if (spec.has("failNext")) {
        int n = spec.get("failNext").asInt();
        long[] ordinals = new long[Math.max(0, n)];
        for (int i = 0; i < ordinals.length; i++) {
          ordinals[i] = i + 1;
        }
        faults.failOrdinals(kind, route, ordinals);
      }
      if (spec.has("failRequests")) {
        JsonNode list = spec.get("failRequests");
        long[] ordinals = new long[list.size()];
        for (int i = 0; i < ordinals.length; i++) {
          ordinals[i] = list.get(i).asLong();
        }
        faults.failOrdinals(kind, route, ordinals);
      }
      if (spec.has("failFraction")) {
        faults.failFraction(kind, route, spec.get("failFraction").asDouble());
      }
    } catch (IllegalArgumentException e) {
      throw AtlasError.INVALID_PARAMETERS.exception(e.getMessage());
    }
  }
}
