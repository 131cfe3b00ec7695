package dev.steward.purview.implementation;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import reactor.core.publisher.Mono;

/**
 * Adds {@code Authorization: Bearer ...} for one scope, caching the token until two minutes before
 * it expires and dropping it after a 401. Unlike azure-core's policy it accepts {@code http://} on
 * loopback hosts, but only when the builder's {@code allowInsecureLoopback(true)} was called; any
 * other plain-HTTP request is refused before a token is fetched.
 */
public final class BearerTokenPolicy implements HttpPipelinePolicy {
  private static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);

  private final TokenCredential credential;
  private final TokenRequestContext tokenRequest;
  private final boolean allowInsecureLoopback;
  private final Clock clock;
  private AccessToken cached;

  /**
   * Creates the policy.
   *
   * @param credential where tokens come from
   * @param scope the scope to ask for
   * @param allowInsecureLoopback whether http:// loopback URLs may carry the token
   * @param clock time source for expiry
   */
  public BearerTokenPolicy(
      TokenCredential credential, String scope, boolean allowInsecureLoopback, Clock clock) {
    this.credential = credential;
    this.tokenRequest = new TokenRequestContext().addScopes(scope);
    this.allowInsecureLoopback = allowInsecureLoopback;
    this.clock = clock;
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    return Mono.error(
        new UnsupportedOperationException("Steward's Purview pipeline is synchronous"));
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    URL url = context.getHttpRequest().getUrl();
    if (!"https".equalsIgnoreCase(url.getProtocol())
        && !(allowInsecureLoopback && Endpoints.isLoopback(url.getHost()))) {
      throw new IllegalStateException(
          "Refusing to send a Purview token over plain HTTP to "
              + url.getHost()
              + ": use https, or allowInsecureLoopback(true) for a loopback emulator");
    }
    AccessToken token = token();
    context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + token.getToken());
    HttpResponse response = next.processSync();
    if (response.getStatusCode() == 401) {
      invalidate(token);
    }
    return response;
  }

  private synchronized AccessToken token() {
    OffsetDateTime threshold =
        OffsetDateTime.ofInstant(clock.instant().plus(REFRESH_MARGIN), ZoneOffset.UTC);
    if (cached == null
        || cached.getExpiresAt() == null
        || cached.getExpiresAt().isBefore(threshold)) {
      AccessToken fresh = credential.getTokenSync(tokenRequest);
      if (fresh == null || fresh.getToken() == null) {
        throw new IllegalStateException(
            "The credential returned no token for scope " + tokenRequest.getScopes());
      }
      cached = fresh;
    }
    return cached;
  }

  private synchronized void invalidate(AccessToken token) {
    if (cached == token) {
      cached = null;
    }
  }
}
