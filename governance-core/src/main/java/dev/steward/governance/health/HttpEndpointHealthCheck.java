package dev.steward.governance.health;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks that an HTTP endpoint answers, optionally with a bearer token from a credential: ARM
 * ({@code https://management.azure.com/subscriptions?api-version=2022-12-01}, scope {@code
 * https://management.azure.com/.default}) or Key Vault ({@code
 * https://VAULT.vault.azure.net/secrets?api-version=7.4}, scope {@code
 * https://vault.azure.net/.default}).
 *
 * <p>Status mapping: 2xx UP; 403 DEGRADED (reachable and authenticated, but the identity may not
 * perform the probe); 401 DOWN (the token was refused); anything else, a token failure or no answer
 * DOWN. The detail names the endpoint without its query string and never the token. A token is
 * never sent over plain HTTP except to a loopback host.
 */
public final class HttpEndpointHealthCheck implements HealthCheck {

  private final String name;
  private final URI uri;
  private final TokenCredential credential;
  private final String scope;
  private final HttpClient httpClient;
  private final Duration requestTimeout;

  private HttpEndpointHealthCheck(Builder builder) {
    this.name = builder.name;
    this.uri = builder.uri;
    this.credential = builder.credential;
    this.scope = builder.scope;
    this.httpClient =
        builder.httpClient != null
            ? builder.httpClient
            : HttpClient.newBuilder().connectTimeout(builder.requestTimeout).build();
    this.requestTimeout = builder.requestTimeout;
  }

  /**
   * Starts a builder.
   *
   * @param name the check's name, e.g. {@code arm} or {@code keyvault:contoso}
   * @param uri the URL to GET
   * @return a builder with no credential and a 5-second request timeout
   */
  public static Builder builder(String name, URI uri) {
    return new Builder(name, uri);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Health check() throws InterruptedException {
    String where = display(uri);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET();
    if (credential != null) {
      if (!"https".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost())) {
        return Health.down("refusing to send a token over plain HTTP to " + where);
      }
      AccessToken token;
      try {
        token = credential.getTokenSync(new TokenRequestContext().addScopes(scope));
      } catch (RuntimeException e) {
        return Health.down("no token for " + scope + ": " + CompositeHealthCheck.describe(e));
      }
      request.header("Authorization", "Bearer " + token.getToken());
    }
    HttpResponse<Void> response;
    try {
      response = httpClient.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      return Health.down("cannot reach " + where + ": " + CompositeHealthCheck.describe(e));
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Health.up("HTTP " + status + " from " + where);
    }
    if (status == 403) {
      return Health.degraded(
          "HTTP 403 from "
              + where
              + ": reachable and authenticated, but the identity lacks permission for this probe");
    }
    if (status == 401) {
      return Health.down(
          "HTTP 401 from "
              + where
              + ": the token was refused (wrong tenant, or not issued for "
              + scope
              + ")");
    }
    return Health.down("HTTP " + status + " from " + where);
  }

  private static String display(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
  }

  @Override
  public String toString() {
    return "HttpEndpointHealthCheck[" + name + " " + display(uri) + "]";
  }

  /** Builds an {@link HttpEndpointHealthCheck}. */
  public static final class Builder {
    private final String name;
    private final URI uri;
    private TokenCredential credential;
    private String scope;
    private HttpClient httpClient;
    private Duration requestTimeout = Duration.ofSeconds(5);

    private Builder(String name, URI uri) {
      this.name = Objects.requireNonNull(name, "name");
      this.uri = Objects.requireNonNull(uri, "uri");
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("health check '" + name + "': the URL has no host");
      }
    }

    /**
     * Sends a bearer token from {@code credential} for {@code scope}.
     *
     * @param credential the credential
     * @param scope the token scope, e.g. {@code https://management.azure.com/.default}
     * @return this builder
     */
    public Builder credential(TokenCredential credential, String scope) {
      this.credential = Objects.requireNonNull(credential, "credential");
      this.scope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /**
     * Sets the HTTP client (default: a new JDK client).
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets the request timeout.
     *
     * @param requestTimeout the timeout
     * @return this builder
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * Builds the check.
     *
     * @return the check
     */
    public HttpEndpointHealthCheck build() {
      return new HttpEndpointHealthCheck(this);
    }
  }
}
