package dev.steward.purview;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.policy.HttpPipelinePolicy;
import dev.steward.purview.implementation.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * The Purview client's retry policy, for other Steward clients on azure-core (the Azure Resource
 * Manager client in governance-core uses it): exponential backoff with full jitter, {@code
 * Retry-After} honoured, every delay through a {@link Sleeper} and every time reading through a
 * {@link Clock}. See {@link PurviewRetryOptions} for what is retried.
 */
public final class RetryPolicies {
  private RetryPolicies() {}

  /**
   * A synchronous retry policy (place it per call, before the authentication policy).
   *
   * @param service the service name used in logs and errors, e.g. {@code "Azure Resource Manager"}
   * @param options attempts, backoff bounds and the total budget
   * @param clock time source
   * @param sleeper how to wait between attempts
   * @param jitter uniform values in [0, 1)
   * @return the policy
   */
  public static HttpPipelinePolicy retryPolicy(
      String service,
      PurviewRetryOptions options,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier jitter) {
    return new RetryPolicy(
        Objects.requireNonNull(service, "service"),
        Objects.requireNonNull(options, "options"),
        Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(sleeper, "sleeper"),
        Objects.requireNonNull(jitter, "jitter"));
  }

  /**
   * The delay a response asks for: {@code x-ms-retry-after-ms}, then {@code retry-after-ms}, then
   * {@code Retry-After} (delta seconds or an HTTP date, measured against {@code clock}).
   *
   * @param headers the response headers
   * @param clock the time source for HTTP dates
   * @return the delay, or null when none is given or it cannot be read
   */
  public static Duration retryAfter(HttpHeaders headers, Clock clock) {
    return RetryPolicy.parseRetryAfter(
        Objects.requireNonNull(headers, "headers"), Objects.requireNonNull(clock, "clock"));
  }
}
