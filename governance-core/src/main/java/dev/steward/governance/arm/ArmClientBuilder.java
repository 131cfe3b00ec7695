package dev.steward.governance.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.UserAgentPolicy;
import dev.steward.governance.arm.implementation.ArmBearerTokenPolicy;
import dev.steward.governance.arm.implementation.ArmThrottlePolicy;
import dev.steward.governance.arm.implementation.Loopback;
import dev.steward.purview.PurviewRetryOptions;
import dev.steward.purview.RetryPolicies;
import dev.steward.purview.Sleeper;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Builds an {@link ArmClient}.
 *
 * <pre>{@code
 * ArmClient arm = new ArmClientBuilder()
 *     .credential(new DefaultAzureCredentialBuilder().build())
 *     .build();                                  // https://management.azure.com
 * }</pre>
 *
 * <p>The pipeline: user agent, request id, retries (the Purview client's policy: backoff with full
 * jitter, {@code Retry-After} in seconds or as an HTTP date honoured on 429/503), the
 * remaining-quota slow-down ({@link ArmThrottleOptions}), the bearer token for {@code
 * https://management.azure.com/.default} (refreshed once on a 401), your policies, then HTTP
 * logging with {@code Authorization} always redacted. Transport: the JDK {@code
 * java.net.http.HttpClient}.
 *
 * <p>Why a thin client rather than {@code azure-resourcemanager-*}: Steward needs a handful of
 * GET/PUT/PATCH/POST calls on a few resource types, as JSON, on the same synchronous pipeline and
 * test seams (clock, sleeper, loopback) as the Purview client. The resource-manager libraries bring
 * fluent per-service APIs on Reactor and Netty, lag new api-versions, and cannot carry a token to a
 * plain-http loopback test server.
 */
public final class ArmClientBuilder {
  /** The public-cloud ARM endpoint. */
  public static final String DEFAULT_ENDPOINT = "https://management.azure.com";

  /** The public-cloud ARM token scope. */
  public static final String DEFAULT_SCOPE = "https://management.azure.com/.default";

  private String endpoint = DEFAULT_ENDPOINT;
  private String scope;
  private TokenCredential credential;
  private HttpClient httpClient;
  private final List<HttpPipelinePolicy> perCallPolicies = new ArrayList<>();
  private final List<HttpPipelinePolicy> perRetryPolicies = new ArrayList<>();
  private PurviewRetryOptions retry = PurviewRetryOptions.defaults();
  private ArmThrottleOptions throttle = ArmThrottleOptions.defaults();
  private HttpLogOptions httpLogOptions = new HttpLogOptions();
  private boolean allowInsecureLoopback;
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.SYSTEM;
  private DoubleSupplier jitter;

  /** A builder with the defaults. */
  public ArmClientBuilder() {}

  /**
   * The ARM endpoint (default {@code https://management.azure.com}; sovereign clouds: e.g. {@code
   * https://management.usgovcloudapi.net}, whose scope is then {@code <endpoint>/.default}). Plain
   * {@code http://} is refused unless the host is loopback and {@link
   * #allowInsecureLoopback(boolean)} is set.
   *
   * @param endpoint the endpoint
   * @return this builder
   */
  public ArmClientBuilder endpoint(String endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    return this;
  }

  /**
   * The token scope (default: {@code https://management.azure.com/.default} for the public cloud
   * and loopback endpoints, {@code <endpoint>/.default} for other https endpoints).
   *
   * @param scope the scope
   * @return this builder
   */
  public ArmClientBuilder scope(String scope) {
    this.scope = Objects.requireNonNull(scope, "scope");
    return this;
  }

  /**
   * The credential: any azure-identity {@code TokenCredential}, or a {@code
   * dev.steward.purview.StaticTokenCredential} for a token obtained elsewhere.
   *
   * @param credential the credential
   * @return this builder
   */
  public ArmClientBuilder credential(TokenCredential credential) {
    this.credential = Objects.requireNonNull(credential, "credential");
    return this;
  }

  /**
   * The HTTP transport (default: azure-core's JDK {@code HttpClient} implementation).
   *
   * @param httpClient the transport
   * @return this builder
   */
  public ArmClientBuilder httpClient(HttpClient httpClient) {
    this.httpClient = httpClient;
    return this;
  }

  /**
   * Adds a policy, per call or per retry according to its {@link
   * HttpPipelinePolicy#getPipelinePosition()}.
   *
   * @param policy the policy
   * @return this builder
   */
  public ArmClientBuilder addPolicy(HttpPipelinePolicy policy) {
    Objects.requireNonNull(policy, "policy");
    if (policy.getPipelinePosition() == HttpPipelinePosition.PER_CALL) {
      perCallPolicies.add(policy);
    } else {
      perRetryPolicies.add(policy);
    }
    return this;
  }

  /**
   * Retries in azure-core terms: max retries and exponential or fixed delays are taken over; the
   * total budget stays that of {@link PurviewRetryOptions#defaults()}.
   *
   * @param retryOptions azure-core retry options
   * @return this builder
   */
  public ArmClientBuilder retryOptions(RetryOptions retryOptions) {
    Objects.requireNonNull(retryOptions, "retryOptions");
    PurviewRetryOptions d = PurviewRetryOptions.defaults();
    ExponentialBackoffOptions exp = retryOptions.getExponentialBackoffOptions();
    FixedDelayOptions fixed = retryOptions.getFixedDelayOptions();
    if (fixed != null) {
      this.retry =
          d.withMaxAttempts(fixed.getMaxRetries() + 1)
              .withBackoff(fixed.getDelay(), fixed.getDelay());
    } else if (exp != null) {
      int retries = exp.getMaxRetries() == null ? d.maxAttempts() - 1 : exp.getMaxRetries();
      Duration base = exp.getBaseDelay() == null ? d.baseDelay() : exp.getBaseDelay();
      Duration max = exp.getMaxDelay() == null ? d.maxDelay() : exp.getMaxDelay();
      this.retry = d.withMaxAttempts(retries + 1).withBackoff(base, max);
    }
    return this;
  }

  /**
   * Retries in Steward terms (the same options as the Purview client): attempts, backoff bounds,
   * total budget.
   *
   * @param options the options ({@link PurviewRetryOptions#none()} disables retries)
   * @return this builder
   */
  public ArmClientBuilder retry(PurviewRetryOptions options) {
    this.retry = Objects.requireNonNull(options, "options");
    return this;
  }

  /**
   * How to react to ARM's remaining-quota headers (default {@link ArmThrottleOptions#defaults()}).
   *
   * @param options the options
   * @return this builder
   */
  public ArmClientBuilder throttle(ArmThrottleOptions options) {
    this.throttle = Objects.requireNonNull(options, "options");
    return this;
  }

  /**
   * HTTP logging (azure-core's {@code HttpLoggingPolicy}). {@code Authorization} is always
   * redacted, and bodies are never logged: ARM bodies carry secrets ({@code listKeys} answers, the
   * web app backup configuration's SAS URL), so {@code BODY} logs as {@code BASIC} and {@code
   * BODY_AND_HEADERS} as {@code HEADERS}.
   *
   * @param httpLogOptions the options
   * @return this builder
   */
  public ArmClientBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
    this.httpLogOptions = Objects.requireNonNull(httpLogOptions, "httpLogOptions");
    return this;
  }

  /**
   * Allows a plain {@code http://} endpoint when, and only when, its host is loopback ({@code
   * localhost}, 127.0.0.0/8, {@code ::1}): for WireMock and local test servers.
   *
   * @param allow true to allow plain http on loopback
   * @return this builder
   */
  public ArmClientBuilder allowInsecureLoopback(boolean allow) {
    this.allowInsecureLoopback = allow;
    return this;
  }

  /**
   * The clock for retry budgets, {@code Retry-After} dates, token expiry and polling timeouts (a
   * seam for tests).
   *
   * @param clock the clock
   * @return this builder
   */
  public ArmClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * How the client waits between retries, for the quota and while polling (a seam for tests).
   *
   * @param sleeper the sleeper
   * @return this builder
   */
  public ArmClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /**
   * The jitter source: uniform values in [0, 1) (a seam for tests; default a {@code SecureRandom}).
   *
   * @param jitter the source
   * @return this builder
   */
  public ArmClientBuilder jitter(DoubleSupplier jitter) {
    this.jitter = Objects.requireNonNull(jitter, "jitter");
    return this;
  }

  /**
   * Builds the client.
   *
   * @return the client
   * @throws IllegalArgumentException when the endpoint is malformed or plain http on a host that is
   *     not allowed
   * @throws NullPointerException when no credential was given
   */
  public ArmClient build() {
    URI uri = endpointUri();
    if (credential == null) {
      throw new NullPointerException("Set credential(...) before build()");
    }
    String s = scope != null ? scope : defaultScope(uri);
    List<HttpPipelinePolicy> policies = new ArrayList<>();
    String version = ArmClientBuilder.class.getPackage().getImplementationVersion();
    policies.add(new UserAgentPolicy(null, "steward-arm", version == null ? "dev" : version, null));
    policies.add(new RequestIdPolicy());
    policies.addAll(perCallPolicies);
    DoubleSupplier j = jitter != null ? jitter : new SecureRandom()::nextDouble;
    policies.add(RetryPolicies.retryPolicy("Azure Resource Manager", retry, clock, sleeper, j));
    policies.add(new ArmThrottlePolicy(throttle, sleeper));
    policies.add(new ArmBearerTokenPolicy(credential, s, allowInsecureLoopback, clock));
    policies.addAll(perRetryPolicies);
    policies.add(new HttpLoggingPolicy(redacting(httpLogOptions)));
    HttpPipeline pipeline =
        new HttpPipelineBuilder()
            .httpClient(
                httpClient != null
                    ? httpClient
                    : new com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder().build())
            .policies(policies.toArray(new HttpPipelinePolicy[0]))
            .build();
    return new ArmClient(pipeline, uri, s, clock, sleeper);
  }

  private URI endpointUri() {
    String e = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    URI uri;
    try {
      uri = new URI(e);
    } catch (URISyntaxException ex) {
      throw new IllegalArgumentException("ARM endpoint is not a URL: '" + endpoint + "'", ex);
    }
    if (uri.getHost() == null
        || uri.getScheme() == null
        || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())
        || uri.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "ARM endpoint must be scheme://host[:port] without a path, was '" + endpoint + "'");
    }
    if (uri.getScheme().equalsIgnoreCase("http")) {
      if (!Loopback.isLoopback(uri.getHost())) {
        throw new IllegalArgumentException(
            "ARM endpoint " + endpoint + " uses plain http on a non-loopback host: use https");
      }
      if (!allowInsecureLoopback) {
        throw new IllegalArgumentException(
            "ARM endpoint "
                + endpoint
                + " uses plain http: call allowInsecureLoopback(true) for a loopback test server");
      }
    } else if (!uri.getScheme().equalsIgnoreCase("https")) {
      throw new IllegalArgumentException(
          "ARM endpoint must be https (or http on loopback), was '" + endpoint + "'");
    }
    return uri;
  }

  private static String defaultScope(URI uri) {
    if (uri.getScheme().equalsIgnoreCase("http")
        || uri.getHost().equalsIgnoreCase("management.azure.com")) {
      return DEFAULT_SCOPE;
    }
    return "https://" + uri.getHost() + "/.default";
  }

  /** A copy of the log options that can print neither the token nor a body. */
  static HttpLogOptions redacting(HttpLogOptions in) {
    Set<HttpHeaderName> allowed = new HashSet<>(in.getAllowedHttpHeaderNames());
    allowed.remove(HttpHeaderName.AUTHORIZATION);
    HttpLogDetailLevel level = in.getLogLevel();
    if (level == HttpLogDetailLevel.BODY) {
      level = HttpLogDetailLevel.BASIC;
    } else if (level == HttpLogDetailLevel.BODY_AND_HEADERS) {
      level = HttpLogDetailLevel.HEADERS;
    }
    return new HttpLogOptions()
        .setLogLevel(level)
        .setAllowedHttpHeaderNames(allowed)
        .setAllowedQueryParamNames(in.getAllowedQueryParamNames());
  }

  @Override
  public String toString() {
    return "ArmClientBuilder[endpoint="
        + endpoint
        + ", credential="
        + (credential == null ? "none" : credential.getClass().getSimpleName())
        + "]";
  }
}
