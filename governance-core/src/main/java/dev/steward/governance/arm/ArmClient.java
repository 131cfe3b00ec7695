package dev.steward.governance.arm;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.steward.governance.arm.implementation.ArmBearerTokenPolicy;
import dev.steward.governance.arm.implementation.BufferedHttpResponse;
import dev.steward.purview.RetryPolicies;
import dev.steward.purview.Sleeper;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A thin, synchronous client for Azure Resource Manager: JSON in, JSON out, on the azure-core
 * pipeline the {@link ArmClientBuilder} assembles. Paths are resource ids or any ARM path starting
 * with {@code /} (e.g. {@code /subscriptions/{id}/providers/Microsoft.Web}); absolute URLs ({@code
 * nextLink}, polling URLs) are accepted only when they point at the configured endpoint, so the
 * token never leaves it.
 *
 * <pre>{@code
 * ArmClient arm = new ArmClientBuilder()
 *     .credential(new DefaultAzureCredentialBuilder().build())
 *     .build();
 * JsonNode site = arm.get("/subscriptions/.../providers/Microsoft.Web/sites/web1", "2023-12-01");
 * arm.list("/subscriptions/.../providers/Microsoft.Web/sites/web1/backups", "2023-12-01")
 *     .forEach(b -> System.out.println(b.path("properties").path("status").asText()));
 * }</pre>
 *
 * <p>Every non-2xx answer becomes an {@link ArmException} (401/403: {@link
 * ArmAuthenticationException}) carrying ARM's {@code error.code}, message, details and request id.
 * Instances are thread-safe.
 */
public final class ArmClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration DEFAULT_POLL = Duration.ofSeconds(5);

  private final HttpPipeline pipeline;
  private final URI endpoint;
  private final String scope;
  private final Clock clock;
  private final Sleeper sleeper;

  ArmClient(HttpPipeline pipeline, URI endpoint, String scope, Clock clock, Sleeper sleeper) {
    this.pipeline = pipeline;
    this.endpoint = endpoint;
    this.scope = scope;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * The endpoint this client talks to.
   *
   * @return e.g. {@code https://management.azure.com}
   */
  public String endpoint() {
    return endpoint.toString();
  }

  /**
   * GET a resource.
   *
   * @param path a resource id or ARM path
   * @param apiVersion the api-version, e.g. {@code 2023-12-01}
   * @return the JSON body
   * @throws ArmException on an error status
   */
  public JsonNode get(String path, String apiVersion) {
    return send(HttpMethod.GET, path, apiVersion, null).body();
  }

  /**
   * PUT (create or replace) a resource.
   *
   * @param path a resource id or ARM path
   * @param apiVersion the api-version
   * @param body the JSON body
   * @return the JSON body of the answer ({@code MissingNode} when empty)
   * @throws ArmException on an error status
   */
  public JsonNode put(String path, String apiVersion, JsonNode body) {
    return send(HttpMethod.PUT, path, apiVersion, Objects.requireNonNull(body, "body")).body();
  }

  /**
   * PATCH (update) a resource.
   *
   * @param path a resource id or ARM path
   * @param apiVersion the api-version
   * @param body the JSON body
   * @return the JSON body of the answer ({@code MissingNode} when empty)
   * @throws ArmException on an error status
   */
  public JsonNode patch(String path, String apiVersion, JsonNode body) {
    return send(HttpMethod.PATCH, path, apiVersion, Objects.requireNonNull(body, "body")).body();
  }

  /**
   * POST an action (e.g. {@code .../listKeys}, {@code .../config/backup/list}).
   *
   * @param path a resource id or ARM path
   * @param apiVersion the api-version
   * @param body the JSON body, or null for none
   * @return the JSON body of the answer ({@code MissingNode} when empty)
   * @throws ArmException on an error status
   */
  public JsonNode post(String path, String apiVersion, JsonNode body) {
    return send(HttpMethod.POST, path, apiVersion, body).body();
  }

  /**
   * DELETE a resource. ARM answers 204 for a resource that is already gone.
   *
   * @param path a resource id or ARM path
   * @param apiVersion the api-version
   * @throws ArmException on an error status
   */
  public void delete(String path, String apiVersion) {
    send(HttpMethod.DELETE, path, apiVersion, null);
  }

  /**
   * Lists an ARM collection: yields each element of {@code value}, fetching the next page (by
   * {@code nextLink}, which carries any {@code $skipToken}) only when the stream gets there. A
   * {@code nextLink} that repeats an earlier page fails with {@link IllegalStateException} instead
   * of looping.
   *
   * @param path a collection path, e.g. {@code {siteId}/backups}
   * @param apiVersion the api-version
   * @return the lazy stream of elements
   * @throws ArmException on an error status (when the page is fetched)
   */
  public Stream<JsonNode> list(String path, String apiVersion) {
    Iterator<JsonNode> it = new PageIterator(path, apiVersion);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * Sends one request and returns the whole answer. Any 2xx is returned; anything else throws.
   *
   * @param method the HTTP method
   * @param path a resource id, an ARM path starting with {@code /}, or an absolute URL on the
   *     endpoint
   * @param apiVersion the api-version, added as a query parameter unless the path has one; null for
   *     none
   * @param body the JSON body, or null
   * @return the response
   * @throws ArmException on an error status
   * @throws IllegalArgumentException when the path is not an ARM path on this endpoint
   */
  public ArmResponse send(HttpMethod method, String path, String apiVersion, JsonNode body) {
    Objects.requireNonNull(method, "method");
    URL url = url(path, apiVersion);
    HttpRequest request = new HttpRequest(method, url);
    request.setHeader(HttpHeaderName.ACCEPT, "application/json");
    if (body != null) {
      try {
        request.setBody(BinaryData.fromBytes(MAPPER.writeValueAsBytes(body)));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("Cannot write the request body for " + path, e);
      }
      request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
    }
    BufferedHttpResponse response;
    try (HttpResponse raw = pipeline.sendSync(request, com.azure.core.util.Context.NONE)) {
      response = BufferedHttpResponse.read(raw);
    }
    int status = response.getStatusCode();
    JsonNode json = parse(response, method, url);
    if (status >= 200 && status < 300) {
      return new ArmResponse(
          method, url.toString(), status, new HttpHeaders(response.getHeaders()), json);
    }
    throw error(response, method, url, json);
  }

  /**
   * Follows a long-running operation started by {@code response} (a 201/202 with {@code
   * Azure-AsyncOperation} or {@code Location}) until it ends, waiting as ARM asks ({@code
   * Retry-After}, else 5 s) through the builder's sleeper. After a successful PUT or PATCH followed
   * through {@code Azure-AsyncOperation}, the resource is read again and returned.
   *
   * @param response the first answer
   * @param timeout how long to keep polling
   * @return the final answer ({@code response} itself when there is nothing to poll)
   * @throws ArmException when the operation fails or is cancelled ({@code error} of the status
   *     body), or on an error status while polling
   * @throws IllegalStateException when the timeout passes
   */
  public ArmResponse waitForCompletion(ArmResponse response, Duration timeout) {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(timeout, "timeout");
    if (!response.isLongRunning()) {
      return response;
    }
    String async = response.header("Azure-AsyncOperation");
    String poll = async != null ? async : response.header("Location");
    long deadline = clock.millis() + timeout.toMillis();
    ArmResponse last = response;
    while (true) {
      Duration wait = RetryPolicies.retryAfter(last.headers(), clock);
      pause(wait == null ? DEFAULT_POLL : wait, deadline, response);
      last = send(HttpMethod.GET, poll, null, null);
      if (async != null) {
        String status = last.body().path("status").asText("");
        if (status.equalsIgnoreCase("Succeeded")) {
          if (response.method() == HttpMethod.PUT || response.method() == HttpMethod.PATCH) {
            return send(HttpMethod.GET, response.url(), null, null);
          }
          return last;
        }
        if (status.equalsIgnoreCase("Failed") || status.equalsIgnoreCase("Canceled")) {
          JsonNode err = field(last.body(), "error");
          throw new ArmException(
              "ARM operation "
                  + response.method()
                  + " "
                  + pathOf(response.url())
                  + " ended "
                  + status
                  + (err.isMissingNode()
                      ? ""
                      : ": " + err.path("code").asText() + ": " + err.path("message").asText()),
              null,
              err.path("code").asText(status),
              err.path("message").asText(null),
              details(err.path("details")),
              last.requestId());
        }
      } else if (last.statusCode() != 202) {
        return last;
      }
    }
  }

  private void pause(Duration wait, long deadline, ArmResponse started) {
    if (clock.millis() + wait.toMillis() > deadline) {
      throw new IllegalStateException(
          "ARM operation "
              + started.method()
              + " "
              + pathOf(started.url())
              + " did not finish before the timeout");
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while polling " + pathOf(started.url()), e);
    }
  }

  private static String pathOf(String url) {
    try {
      return new URI(url).getPath();
    } catch (URISyntaxException e) {
      return url;
    }
  }

  URL url(String path, String apiVersion) {
    Objects.requireNonNull(path, "path");
    if (path.isBlank() || path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new IllegalArgumentException(
          "ARM path must not be blank or contain whitespace or control characters: '" + path + "'");
    }
    String full;
    if (path.startsWith("/")) {
      full = endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path;
    } else if (path.regionMatches(true, 0, "http://", 0, 7)
        || path.regionMatches(true, 0, "https://", 0, 8)) {
      URI u = URI.create(path);
      if (!endpoint.getScheme().equalsIgnoreCase(u.getScheme())
          || !endpoint.getRawAuthority().equalsIgnoreCase(u.getRawAuthority())) {
        throw new IllegalArgumentException(
            "Refusing to follow "
                + u.getScheme()
                + "://"
                + u.getRawAuthority()
                + u.getRawPath()
                + ": it is not on the ARM endpoint "
                + endpoint
                + " (the token is only sent there)");
      }
      full = path;
    } else {
      throw new IllegalArgumentException(
          "ARM path must start with '/' (a resource id) or be a URL on "
              + endpoint
              + ", was '"
              + path
              + "'");
    }
    if (apiVersion != null && !full.toLowerCase(Locale.ROOT).contains("api-version=")) {
      full +=
          (full.indexOf('?') < 0 ? "?" : "&")
              + "api-version="
              + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8);
    }
    try {
      return new URL(full);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Not a valid ARM URL: " + full, e);
    }
  }

  private static JsonNode parse(BufferedHttpResponse response, HttpMethod method, URL url) {
    byte[] bytes = response.bytes();
    if (bytes.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = MAPPER.readTree(bytes);
      return node == null ? MissingNode.getInstance() : node;
    } catch (IOException e) {
      if (response.getStatusCode() >= 200 && response.getStatusCode() < 300) {
        throw new ArmException(
            "ARM "
                + method
                + " "
                + url.getPath()
                + " answered HTTP "
                + response.getStatusCode()
                + " with a body that is not JSON: "
                + e.getMessage(),
            response,
            null,
            null,
            null,
            requestId(response));
      }
      return MissingNode.getInstance();
    }
  }

  private ArmException error(
      BufferedHttpResponse response, HttpMethod method, URL url, JsonNode json) {
    int status = response.getStatusCode();
    // ARM's envelope is {"error":{"code","message","details"}}; some resource providers
    // (Microsoft.Web among them) answer {"Code","Message","Details"} at the top level instead.
    JsonNode err = field(json, "error");
    if (err.isMissingNode() && field(json, "code").isTextual()) {
      err = json;
    }
    String code = field(err, "code").isTextual() ? field(err, "code").asText() : null;
    String message = field(err, "message").isTextual() ? field(err, "message").asText() : null;
    List<ArmErrorDetail> details = details(field(err, "details"));
    String requestId = requestId(response);
    StringBuilder text =
        new StringBuilder("ARM ")
            .append(method)
            .append(' ')
            .append(url.getPath())
            .append(" failed with HTTP ")
            .append(status);
    if (code != null) {
      text.append(' ').append(code);
    }
    if (message != null) {
      text.append(": ").append(message);
    }
    for (ArmErrorDetail d : details) {
      text.append(" [").append(d.code()).append(": ").append(d.message()).append(']');
    }
    if (requestId != null) {
      text.append(" (request id ").append(requestId).append(')');
    }
    if (status == 401) {
      boolean refreshed =
          response.getHeaderValue(HttpHeaderName.fromString(ArmBearerTokenPolicy.REFRESHED_HEADER))
              != null;
      text.append(". The token for scope ")
          .append(scope)
          .append(refreshed ? " was refused even after one refresh" : " was refused")
          .append(
              ": check the credential (expired secret or certificate, wrong tenant, clock skew)");
      return new ArmAuthenticationException(
          text.toString(), response, code, message, details, requestId);
    }
    if (status == 403) {
      text.append(
          ". The identity lacks a role for this operation: grant one on the resource or its scope");
      return new ArmAuthenticationException(
          text.toString(), response, code, message, details, requestId);
    }
    return new ArmException(text.toString(), response, code, message, details, requestId);
  }

  private static List<ArmErrorDetail> details(JsonNode array) {
    List<ArmErrorDetail> out = new ArrayList<>();
    if (array.isArray()) {
      for (JsonNode d : array) {
        out.add(
            new ArmErrorDetail(
                field(d, "code").asText(null),
                field(d, "message").asText(null),
                field(d, "target").isTextual() ? field(d, "target").asText() : null,
                details(field(d, "details"))));
      }
    }
    return out;
  }

  /**
   * A field by name, ignoring ASCII case (ARM providers differ on {@code code} vs {@code Code}).
   */
  private static JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return MissingNode.getInstance();
    }
    JsonNode exact = node.get(name);
    if (exact != null) {
      return exact;
    }
    var it = node.fields();
    while (it.hasNext()) {
      var e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return MissingNode.getInstance();
  }

  private static String requestId(HttpResponse response) {
    String id = response.getHeaderValue(HttpHeaderName.fromString("x-ms-request-id"));
    return id != null
        ? id
        : response.getHeaderValue(HttpHeaderName.fromString("x-ms-correlation-request-id"));
  }

  @Override
  public String toString() {
    return "ArmClient[endpoint=" + endpoint + ", scope=" + scope + "]";
  }

  /** Pages through {@code value}/{@code nextLink} lazily. */
  private final class PageIterator implements Iterator<JsonNode> {
    private final String apiVersion;
    private final Set<String> seen = new HashSet<>();
    private String nextLink;
    private Iterator<JsonNode> page = List.<JsonNode>of().iterator();

    PageIterator(String path, String apiVersion) {
      this.apiVersion = apiVersion;
      this.nextLink = path;
    }

    @Override
    public boolean hasNext() {
      while (!page.hasNext() && nextLink != null) {
        String link = nextLink;
        if (!seen.add(link)) {
          throw new IllegalStateException(
              "ARM paging loop: nextLink " + link + " was already fetched");
        }
        JsonNode body = send(HttpMethod.GET, link, apiVersion, null).body();
        JsonNode value = body.path("value");
        if (!value.isArray() && !value.isMissingNode() && !value.isNull()) {
          throw new IllegalStateException(
              "ARM list " + pathOf(link) + " answered a 'value' that is not an array");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        page = items.iterator();
        JsonNode next = body.path("nextLink");
        nextLink = next.isTextual() && !next.asText().isBlank() ? next.asText() : null;
      }
      return page.hasNext();
    }

    @Override
    public JsonNode next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.next();
    }
  }
}
