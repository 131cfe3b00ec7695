package dev.steward.governance.arm.implementation;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import dev.steward.governance.arm.ArmThrottleOptions;
import dev.steward.purview.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Reads ARM's {@code x-ms-ratelimit-remaining-*} headers and slows the next requests of the same
 * subscription and category down before ARM starts answering 429 (see {@link ArmThrottleOptions}).
 */
public final class ArmThrottlePolicy implements HttpPipelinePolicy {
  private static final Logger LOG = LoggerFactory.getLogger(ArmThrottlePolicy.class);
  private static final Map<String, List<String>> HEADERS =
      Map.of(
          "reads",
          List.of(
              "x-ms-ratelimit-remaining-subscription-reads",
              "x-ms-ratelimit-remaining-subscription-global-reads",
              "x-ms-ratelimit-remaining-tenant-reads"),
          "writes",
          List.of(
              "x-ms-ratelimit-remaining-subscription-writes",
              "x-ms-ratelimit-remaining-subscription-global-writes",
              "x-ms-ratelimit-remaining-tenant-writes"),
          "deletes",
          List.of(
              "x-ms-ratelimit-remaining-subscription-deletes",
              "x-ms-ratelimit-remaining-subscription-global-deletes",
              "x-ms-ratelimit-remaining-tenant-deletes"));

  private final ArmThrottleOptions options;
  private final Sleeper sleeper;
  private final Map<String, Long> remaining = new ConcurrentHashMap<>();

  /**
   * Creates the policy.
   *
   * @param options watermark and delays
   * @param sleeper how to wait
   */
  public ArmThrottlePolicy(ArmThrottleOptions options, Sleeper sleeper) {
    this.options = options;
    this.sleeper = sleeper;
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    return Mono.error(new UnsupportedOperationException("Steward's ARM pipeline is synchronous"));
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    String category = category(context.getHttpRequest().getHttpMethod());
    String key = subscription(context.getHttpRequest().getUrl().getPath()) + "|" + category;
    Duration wait = delayFor(key);
    if (!wait.isZero()) {
      LOG.info(
          "ARM {} quota low for {}; waiting {} ms before the next request",
          category,
          key.substring(0, key.indexOf('|')).isEmpty() ? "the tenant" : "the subscription",
          wait.toMillis());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the ARM rate limit", e);
      }
    }
    HttpResponse response = next.processSync();
    record(key, category, response.getHeaders());
    return response;
  }

  /** The wait before the next request under {@code key}; forgets an exhausted quota. */
  Duration delayFor(String key) {
    Long left = remaining.get(key);
    if (left == null) {
      return Duration.ZERO;
    }
    if (left <= 0) {
      remaining.remove(key, left);
      return options.exhaustedDelay();
    }
    return left < options.lowWatermark() ? options.slowDownDelay() : Duration.ZERO;
  }

  private void record(String key, String category, HttpHeaders headers) {
    Long lowest = null;
    for (String name : HEADERS.get(category)) {
      String v = headers.getValue(HttpHeaderName.fromString(name));
      if (v == null) {
        continue;
      }
      try {
        long n = Long.parseLong(v.trim());
        lowest = lowest == null ? n : Math.min(lowest, n);
      } catch (NumberFormatException ignored) {
        LOG.debug("Ignoring unreadable {} header value '{}'", name, v);
      }
    }
    if (lowest != null) {
      remaining.put(key, lowest);
    }
  }

  static String category(HttpMethod method) {
    if (method == HttpMethod.GET || method == HttpMethod.HEAD) {
      return "reads";
    }
    return method == HttpMethod.DELETE ? "deletes" : "writes";
  }

  static String subscription(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("/subscriptions/")) {
      return "";
    }
    int start = "/subscriptions/".length();
    int end = lower.indexOf('/', start);
    return lower.substring(start, end < 0 ? lower.length() : end);
  }
}
