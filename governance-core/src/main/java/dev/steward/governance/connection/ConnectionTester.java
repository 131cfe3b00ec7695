package dev.steward.governance.connection;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import dev.steward.governance.connection.ConnectionTestResult.Status;
import dev.steward.governance.connection.ConnectionTestResult.Step;
import dev.steward.purview.AuthenticationException;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewException;
import dev.steward.purview.PurviewRetryOptions;
import dev.steward.purview.models.QueryOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Tests a connection step by step — endpoint DNS, TLS, token acquisition, authorisation by a cheap
 * read, Data Map reachable — and says for each failure what a person should do about it. Never
 * throws for a failing connection: the failure is in the result.
 */
public final class ConnectionTester {

  static final String SCOPE = "https://purview.azure.net/.default";
  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

  /** Resolves a host name, as {@link InetAddress#getAllByName} does. */
  @FunctionalInterface
  public interface Resolver {
    /**
     * Resolves a host.
     *
     * @param host the host name
     * @return its addresses
     * @throws UnknownHostException when it does not resolve
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final Resolver resolver;
  private final Function<PurviewConnection, TokenCredential> credentials;

  private ConnectionTester(Builder builder) {
    this.resolver = builder.resolver;
    SecretResolver secrets =
        builder.secrets != null ? builder.secrets : SecretResolver.of(builder.env);
    this.credentials =
        builder.credentials != null ? builder.credentials : c -> Connections.credential(c, secrets);
  }

  /**
   * Starts a builder.
   *
   * @return a builder using the process environment and the system resolver
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tests the connection.
   *
   * @param connection the connection
   * @return one entry per step
   */
  public ConnectionTestResult test(PurviewConnection connection) {
    List<Step> steps = new ArrayList<>();
    URI uri;
    try {
      uri = URI.create(connection.endpoint());
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host in '" + connection.endpoint() + "'");
      }
    } catch (IllegalArgumentException e) {
      steps.add(
          new Step(
              "dns",
              Status.FAILED,
              Duration.ZERO,
              e.getMessage(),
              "the endpoint must look like https://ACCOUNT.purview.azure.com"));
      return skipRest(connection, steps, "dns");
    }
    if (!run(steps, "dns", () -> dns(uri.getHost()))) {
      return skipRest(connection, steps, "dns");
    }
    if ("https".equalsIgnoreCase(uri.getScheme())) {
      if (!run(steps, "tls", () -> tls(uri))) {
        return skipRest(connection, steps, "tls");
      }
    } else {
      steps.add(
          new Step(
              "tls", Status.SKIPPED, Duration.ZERO, "plain HTTP endpoint (local emulator)", ""));
    }
    TokenCredential[] credential = new TokenCredential[1];
    if (!run(steps, "token", () -> token(connection, credential))) {
      return skipRest(connection, steps, "token");
    }
    var clientBuilder =
        new dev.steward.purview.PurviewDataMapClientBuilder()
            .endpoint(connection.endpoint())
            .credential(credential[0])
            .allowInsecureLoopback(connection.allowInsecureLoopback())
            .retry(PurviewRetryOptions.none());
    if (credential[0] instanceof SecretCredential refreshable) {
      clientBuilder.addPolicy(new SecretRefreshPolicy(refreshable));
    }
    PurviewDataMapClient client = clientBuilder.buildClient();
    if (!run(steps, "authorization", () -> authorization(client))) {
      return skipRest(connection, steps, "authorization");
    }
    run(steps, "data-map", () -> dataMap(client));
    return new ConnectionTestResult(connection.name(), steps);
  }

  private ConnectionTestResult skipRest(
      PurviewConnection connection, List<Step> steps, String failed) {
    for (String name : List.of("dns", "tls", "token", "authorization", "data-map")) {
      if (steps.stream().noneMatch(s -> s.name().equals(name))) {
        steps.add(
            new Step(name, Status.SKIPPED, Duration.ZERO, "skipped: " + failed + " failed", ""));
      }
    }
    return new ConnectionTestResult(connection.name(), steps);
  }

  /** What a step found, or a failure with a diagnosis. */
  private record Outcome(String detail, String diagnosis) {
    static Outcome ok(String detail) {
      return new Outcome(detail, null);
    }
  }

  /** A step body. */
  @FunctionalInterface
  private interface Body {
    Outcome run() throws Exception;
  }

  private static boolean run(List<Step> steps, String name, Body body) {
    long start = System.nanoTime();
    Outcome outcome;
    try {
      outcome = body.run();
    } catch (Exception e) {
      outcome = new Outcome(firstLine(e), "unexpected failure: " + e.getClass().getSimpleName());
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    boolean ok = outcome.diagnosis() == null;
    steps.add(
        new Step(
            name,
            ok ? Status.OK : Status.FAILED,
            took,
            outcome.detail(),
            ok ? "" : outcome.diagnosis()));
    return ok;
  }

  private Outcome dns(String host) {
    try {
      InetAddress[] addresses = resolver.resolve(host);
      return Outcome.ok(
          host
              + " -> "
              + Arrays.stream(addresses)
                  .map(InetAddress::getHostAddress)
                  .collect(Collectors.joining(", ")));
    } catch (UnknownHostException e) {
      return new Outcome(
          host + " does not resolve",
          "check the account name in the endpoint; behind a private endpoint, this machine must"
              + " use the private DNS zone privatelink.purview.azure.com");
    }
  }

  private static Outcome tls(URI uri) {
    int port = uri.getPort() > 0 ? uri.getPort() : 443;
    try (SSLSocket socket = (SSLSocket) SSLSocketFactory.getDefault().createSocket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MILLIS);
      socket.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
      socket.startHandshake();
      return Outcome.ok(
          socket.getSession().getProtocol()
              + " "
              + socket.getSession().getCipherSuite()
              + " with "
              + uri.getHost()
              + ":"
              + port);
    } catch (javax.net.ssl.SSLException e) {
      return new Outcome(
          firstLine(e),
          "the TLS handshake failed: a proxy that intercepts TLS needs its CA in the JVM trust store");
    } catch (IOException e) {
      return new Outcome(
          firstLine(e),
          "cannot open a connection to "
              + uri.getHost()
              + ":"
              + port
              + ": check firewalls, proxies and the account's public network access setting");
    }
  }

  private Outcome token(PurviewConnection connection, TokenCredential[] holder) {
    TokenCredential credential;
    try {
      credential = credentials.apply(connection);
    } catch (IllegalStateException e) {
      return new Outcome(
          e.getMessage(), "make the secret reference " + connection.secret() + " readable");
    }
    holder[0] = credential;
    try {
      AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
      String kind =
          switch (connection.authentication()) {
            case CLIENT_SECRET -> "client-secret";
            case MANAGED_IDENTITY -> "managed-identity";
            case DEFAULT -> "DefaultAzureCredential";
            case TOKEN -> "static";
          };
      boolean expires = token.getExpiresAt() != null && token.getExpiresAt().getYear() < 9999;
      return Outcome.ok(
          kind + " token for " + SCOPE + (expires ? ", expires " + token.getExpiresAt() : ""));
    } catch (RuntimeException e) {
      return new Outcome(firstLine(e), diagnoseToken(connection, e));
    }
  }

  static String diagnoseToken(PurviewConnection connection, Throwable e) {
    String text = String.valueOf(e.getMessage());
    if (text.contains("AADSTS7000215") || text.contains("AADSTS7000222")) {
      return "the client secret is wrong or expired: create a new secret for app "
          + connection.clientId()
          + " and update "
          + connection.secret();
    }
    if (text.contains("AADSTS700016")) {
      return "app "
          + connection.clientId()
          + " is not found in tenant "
          + connection.tenantId()
          + ": wrong tenant id, or wrong client id";
    }
    if (text.contains("AADSTS90002") || text.contains("AADSTS900023")) {
      return "tenant " + connection.tenantId() + " does not exist: wrong tenant id";
    }
    if (connection.authentication() == PurviewConnection.Authentication.MANAGED_IDENTITY
        || text.toLowerCase(Locale.ROOT).contains("managed identity")) {
      return "no managed identity answered here: run on Azure with an identity assigned to the"
          + " resource, or use client-secret authentication";
    }
    return "token acquisition failed: check the tenant id, client id and secret";
  }

  private static Outcome authorization(PurviewDataMapClient client) {
    try {
      int types = client.typeDefinitions().listHeaders().size();
      return Outcome.ok("read " + types + " type definitions");
    } catch (AuthenticationException e) {
      return new Outcome(
          "HTTP " + e.statusCode() + " " + e.errorCode() + ": " + e.errorMessage(),
          e.statusCode() == 403
              ? "the identity lacks the Data Reader role on the root collection: add it in the"
                  + " Purview portal (Data Map > Collections > Role assignments)"
              : "the token was rejected: wrong tenant, or a token not issued for " + SCOPE);
    } catch (PurviewException e) {
      return new Outcome(
          "HTTP " + e.statusCode() + ": " + firstLine(e),
          "Purview answered with an error; retry later or check the service health");
    } catch (RuntimeException e) {
      return new Outcome(
          firstLine(e),
          "the Data Map API did not answer: check that the endpoint is a Purview account");
    }
  }

  private static Outcome dataMap(PurviewDataMapClient client) {
    try {
      var result = client.discovery().queryPage(QueryOptions.builder().limit(1).build());
      return Outcome.ok(
          "search answered"
              + (result.searchCount() == null
                  ? ""
                  : ": " + result.searchCount() + " assets indexed"));
    } catch (PurviewException e) {
      return new Outcome(
          "HTTP " + e.statusCode() + ": " + firstLine(e),
          "discovery search failed: the Data Map may still be provisioning");
    }
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    message = newline < 0 ? message : message.substring(0, newline);
    return message.length() > 300 ? message.substring(0, 300) + "..." : message;
  }

  /** Builds a {@link ConnectionTester}. */
  public static final class Builder {
    private Map<String, String> env = System.getenv();
    private Resolver resolver = InetAddress::getAllByName;
    private Function<PurviewConnection, TokenCredential> credentials;
    private SecretResolver secrets;

    private Builder() {}

    /**
     * Sets how secret references are read (default {@link SecretResolver#of(Map)} over {@link
     * #env}): pass one with your {@link KeyVaultSecrets} for {@code keyvault://} references.
     *
     * @param secrets the resolver
     * @return this builder
     */
    public Builder secrets(SecretResolver secrets) {
      this.secrets = Objects.requireNonNull(secrets, "secrets");
      return this;
    }

    /**
     * Sets the environment secret references are read from.
     *
     * @param env the variables
     * @return this builder
     */
    public Builder env(Map<String, String> env) {
      this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
      return this;
    }

    /**
     * Sets the host resolver.
     *
     * @param resolver the resolver
     * @return this builder
     */
    public Builder resolver(Resolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /**
     * Sets how credentials are built (default {@link Connections#credential}).
     *
     * @param credentials the factory
     * @return this builder
     */
    public Builder credentials(Function<PurviewConnection, TokenCredential> credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Builds the tester.
     *
     * @return the tester
     */
    public ConnectionTester build() {
      return new ConnectionTester(this);
    }
  }
}
