package dev.steward.purview;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.HttpLoggingPolicy;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.ClientOptions;
import dev.steward.purview.implementation.BearerTokenPolicy;
import dev.steward.purview.implementation.ClientMetrics;
import dev.steward.purview.implementation.Endpoints;
import dev.steward.purview.implementation.MetricsPolicy;
import dev.steward.purview.implementation.MicrometerClientMetrics;
import dev.steward.purview.implementation.PurviewHttp;
import dev.steward.purview.implementation.RateLimitPolicy;
import dev.steward.purview.implementation.RetryPolicy;
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
 * Builds a {@link PurviewDataMapClient}.
 *
 * <pre>{@code
 * PurviewDataMapClient client = new PurviewDataMapClientBuilder()
 *     .accountName("contoso")                       // or .endpoint("https://contoso.purview.azure.com")
 *     .credential(new DefaultAzureCredentialBuilder().build())
 *     .rateLimit(25)                                // stay inside one capacity unit
 *     .buildClient();
 * }</pre>
 *
 * <p>The pipeline: user agent, request id, retries (backoff with full jitter, {@code Retry-After}
 * honoured), the optional token bucket, bearer token for {@code
 * https://purview.azure.net/.default}, your policies, then HTTP logging with the {@code
 * Authorization} header always redacted. The default transport is the JDK's {@code
 * java.net.http.HttpClient}.
 */
public final class PurviewDataMapClientBuilder {
  private String endpoint;
  private TokenCredential credential;
  private HttpClient httpClient;
  private HttpPipeline pipeline;
  private final List<HttpPipelinePolicy> perCallPolicies = new ArrayList<>();
  private final List<HttpPipelinePolicy> perRetryPolicies = new ArrayList<>();
  private PurviewRetryOptions retry = PurviewRetryOptions.defaults();
  private HttpLogOptions httpLogOptions = new HttpLogOptions();
  private ClientOptions clientOptions = new ClientOptions();
  private PurviewServiceVersion serviceVersion = PurviewServiceVersion.getLatest();
  private double rateLimit;
  private boolean allowInsecureLoopback;
  private Clock clock = Clock.systemUTC();
  private Sleeper sleeper = Sleeper.SYSTEM;
  private DoubleSupplier jitter;
  private ClientMetrics metrics = ClientMetrics.NONE;

  /** A builder with the defaults. */
  public PurviewDataMapClientBuilder() {}

  /**
   * The account endpoint, e.g. {@code https://contoso.purview.azure.com} (the client adds {@code
   * /datamap/api}). Plain {@code http://} is refused unless the host is loopback and {@link
   * #allowInsecureLoopback(boolean)} is set.
   *
   * @param endpoint the endpoint
   * @return this builder
   */
  public PurviewDataMapClientBuilder endpoint(String endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    return this;
  }

  /**
   * The account name: the endpoint becomes {@code https://{accountName}.purview.azure.com}.
   *
   * @param accountName the Purview account name
   * @return this builder
   */
  public PurviewDataMapClientBuilder accountName(String accountName) {
    this.endpoint = Endpoints.ofAccount(accountName);
    return this;
  }

  /**
   * The credential: any azure-identity {@code TokenCredential} ({@code ClientSecretCredential},
   * {@code ManagedIdentityCredential}, {@code DefaultAzureCredential}, ...) or a {@link
   * StaticTokenCredential}.
   *
   * @param credential the credential
   * @return this builder
   */
  public PurviewDataMapClientBuilder credential(TokenCredential credential) {
    this.credential = Objects.requireNonNull(credential, "credential");
    return this;
  }

  /**
   * The HTTP transport (default: azure-core's JDK {@code HttpClient} implementation).
   *
   * @param httpClient the transport
   * @return this builder
   */
  public PurviewDataMapClientBuilder httpClient(HttpClient httpClient) {
    this.httpClient = httpClient;
    return this;
  }

  /**
   * A complete pipeline to use as is: credential, retries, rate limit and policies set on this
   * builder are then ignored.
   *
   * @param pipeline the pipeline
   * @return this builder
   */
  public PurviewDataMapClientBuilder pipeline(HttpPipeline pipeline) {
    this.pipeline = pipeline;
    return this;
  }

  /**
   * Adds a policy, per call or per retry according to its {@link
   * HttpPipelinePolicy#getPipelinePosition()}.
   *
   * @param policy the policy
   * @return this builder
   */
  public PurviewDataMapClientBuilder addPolicy(HttpPipelinePolicy policy) {
    Objects.requireNonNull(policy, "policy");
    if (policy.getPipelinePosition() == HttpPipelinePosition.PER_CALL) {
      perCallPolicies.add(policy);
    } else {
      perRetryPolicies.add(policy);
    }
    return this;
  }

  /**
   * Retries in azure-core terms: max retries and the exponential or fixed delays are taken over;
   * the total budget stays that of {@link PurviewRetryOptions#defaults()}. {@link
   * #retry(PurviewRetryOptions)} gives full control.
   *
   * @param retryOptions azure-core retry options
   * @return this builder
   */
  public PurviewDataMapClientBuilder retryOptions(RetryOptions retryOptions) {
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
   * Retries in Steward terms: attempts, backoff bounds and a total time budget.
   *
   * @param options the retry options ({@link PurviewRetryOptions#none()} disables retries)
   * @return this builder
   */
  public PurviewDataMapClientBuilder retry(PurviewRetryOptions options) {
    this.retry = Objects.requireNonNull(options, "options");
    return this;
  }

  /**
   * HTTP logging (azure-core's {@code HttpLoggingPolicy}). The {@code Authorization} header is
   * redacted even if you allow it.
   *
   * @param httpLogOptions the options
   * @return this builder
   */
  public PurviewDataMapClientBuilder httpLogOptions(HttpLogOptions httpLogOptions) {
    this.httpLogOptions = Objects.requireNonNull(httpLogOptions, "httpLogOptions");
    return this;
  }

  /**
   * Client options: application id (in the user agent) and extra headers.
   *
   * @param clientOptions the options
   * @return this builder
   */
  public PurviewDataMapClientBuilder clientOptions(ClientOptions clientOptions) {
    this.clientOptions = Objects.requireNonNull(clientOptions, "clientOptions");
    return this;
  }

  /**
   * The API version (default: the latest).
   *
   * @param serviceVersion the version
   * @return this builder
   */
  public PurviewDataMapClientBuilder serviceVersion(PurviewServiceVersion serviceVersion) {
    this.serviceVersion = Objects.requireNonNull(serviceVersion, "serviceVersion");
    return this;
  }

  /**
   * A client-side token bucket: at most {@code opsPerSecond} requests a second (retries included),
   * with a burst of one second's worth. Purview allows 25 operations per second per Data Map
   * capacity unit. 0 (the default) means no limit.
   *
   * @param opsPerSecond the sustained rate, or 0 for none
   * @return this builder
   */
  public PurviewDataMapClientBuilder rateLimit(double opsPerSecond) {
    if (opsPerSecond < 0 || Double.isNaN(opsPerSecond) || Double.isInfinite(opsPerSecond)) {
      throw new IllegalArgumentException(
          "rateLimit must be 0 (none) or positive, was " + opsPerSecond);
    }
    this.rateLimit = opsPerSecond;
    return this;
  }

  /**
   * Allows a plain {@code http://} endpoint when, and only when, its host is loopback ({@code
   * localhost}, 127.0.0.0/8, {@code ::1}): for the Purview emulator and tests. A non-loopback
   * {@code http://} endpoint is refused whatever this says.
   *
   * @param allow true to allow plain http on loopback
   * @return this builder
   */
  public PurviewDataMapClientBuilder allowInsecureLoopback(boolean allow) {
    this.allowInsecureLoopback = allow;
    return this;
  }

  /**
   * The clock for retry budgets, token expiry and the rate limit (a seam for tests).
   *
   * @param clock the clock
   * @return this builder
   */
  public PurviewDataMapClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * How the client waits between retries and for rate-limit tokens (a seam for tests).
   *
   * @param sleeper the sleeper
   * @return this builder
   */
  public PurviewDataMapClientBuilder sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  /**
   * The jitter source: uniform values in [0, 1) (a seam for tests; default a {@code SecureRandom}).
   *
   * @param jitter the source
   * @return this builder
   */
  public PurviewDataMapClientBuilder jitter(DoubleSupplier jitter) {
    this.jitter = Objects.requireNonNull(jitter, "jitter");
    return this;
  }

  /**
   * Records the client's meters ({@link PurviewClientMeters}: requests by operation and status,
   * retries, throttled responses, rate-limit waits) in a Micrometer registry. Default: none, and no
   * overhead. Micrometer is an optional dependency of this library: applications that never call
   * this method do not need it on their class path or module path. Not applied to a complete {@link
   * #pipeline(HttpPipeline)}.
   *
   * @param registry the registry
   * @return this builder
   */
  public PurviewDataMapClientBuilder meterRegistry(
      io.micrometer.core.instrument.MeterRegistry registry) {
    this.metrics = new MicrometerClientMetrics(Objects.requireNonNull(registry, "meterRegistry"));
    return this;
  }

  /**
   * Builds the client.
   *
   * @return the client
   * @throws IllegalArgumentException when the endpoint is missing or not allowed
   * @throws NullPointerException when neither a credential nor a pipeline was given
   */
  public PurviewDataMapClient buildClient() {
    if (endpoint == null) {
      throw new IllegalArgumentException(
          "Set endpoint(...) or accountName(...) before buildClient()");
    }
    String base = Endpoints.apiBase(endpoint, allowInsecureLoopback);
    HttpPipeline p = pipeline != null ? pipeline : buildPipeline();
    return new PurviewDataMapClient(new PurviewHttp(p, base, serviceVersion.getVersion()));
  }

  private HttpPipeline buildPipeline() {
    if (credential == null) {
      throw new NullPointerException(
          "Set credential(...) (or a complete pipeline(...)) before buildClient()");
    }
    List<HttpPipelinePolicy> policies = new ArrayList<>();
    String version = PurviewDataMapClientBuilder.class.getPackage().getImplementationVersion();
    policies.add(
        new UserAgentPolicy(
            clientOptions.getApplicationId(),
            "steward-purview-client",
            version == null ? "dev" : version,
            null));
    policies.add(new RequestIdPolicy());
    HttpHeaders headers = new HttpHeaders();
    for (com.azure.core.util.Header h : clientOptions.getHeaders()) {
      if (!h.getName().equalsIgnoreCase("Authorization")) {
        headers.set(HttpHeaderName.fromString(h.getName()), h.getValue());
      }
    }
    if (headers.getSize() > 0) {
      policies.add(new AddHeadersPolicy(headers));
    }
    policies.addAll(perCallPolicies);
    if (metrics != ClientMetrics.NONE) {
      policies.add(new MetricsPolicy(metrics, clock));
    }
    DoubleSupplier j = jitter != null ? jitter : new SecureRandom()::nextDouble;
    policies.add(new RetryPolicy(retry, clock, sleeper, j, metrics));
    if (rateLimit > 0) {
      policies.add(new RateLimitPolicy(rateLimit, clock, sleeper, metrics));
    }
    policies.add(
        new BearerTokenPolicy(credential, PurviewHttp.SCOPE, allowInsecureLoopback, clock));
    policies.addAll(perRetryPolicies);
    policies.add(new HttpLoggingPolicy(redacting(httpLogOptions)));
    return new HttpPipelineBuilder()
        .httpClient(httpClient != null ? httpClient : new JdkHttpClientBuilder().build())
        .policies(policies.toArray(new HttpPipelinePolicy[0]))
        .clientOptions(clientOptions)
        .build();
  }

  /** A copy of the log options that can never print the Authorization header. */
  private static HttpLogOptions redacting(HttpLogOptions in) {
    Set<HttpHeaderName> allowed = new HashSet<>(in.getAllowedHttpHeaderNames());
    allowed.remove(HttpHeaderName.AUTHORIZATION);
    return new HttpLogOptions()
        .setLogLevel(in.getLogLevel())
        .setAllowedHttpHeaderNames(allowed)
        .setAllowedQueryParamNames(in.getAllowedQueryParamNames());
  }

  @Override
  public String toString() {
    return "PurviewDataMapClientBuilder[endpoint="
        + endpoint
        + ", credential="
        + (credential == null ? "none" : credential.getClass().getSimpleName())
        + "]";
  }
}
