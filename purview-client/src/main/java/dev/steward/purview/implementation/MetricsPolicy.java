package dev.steward.purview.implementation;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Times each logical request (outside the retry policy, so retries and waits are included) and
 * reports it to {@link ClientMetrics}, also when no response arrives.
 */
public final class MetricsPolicy implements HttpPipelinePolicy {
  private final ClientMetrics metrics;
  private final Clock clock;

  /**
   * Creates the policy.
   *
   * @param metrics where to report
   * @param clock time source for durations
   */
  public MetricsPolicy(ClientMetrics metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_CALL;
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    return Mono.error(
        new UnsupportedOperationException("Steward's Purview pipeline is synchronous"));
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    Instant start = clock.instant();
    String path = context.getHttpRequest().getUrl().getPath();
    String method = context.getHttpRequest().getHttpMethod().name();
    int status = -1;
    try {
      HttpResponse response = next.processSync();
      status = response.getStatusCode();
      return response;
    } finally {
      metrics.request(path, method, status, Duration.between(start, clock.instant()));
    }
  }
}
