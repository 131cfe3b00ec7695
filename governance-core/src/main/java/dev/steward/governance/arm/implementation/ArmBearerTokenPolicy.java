package dev.steward.governance.arm.implementation;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Adds {@code Authorization: Bearer ...} for the ARM scope, caching the token until two minutes
 * before it expires. On a 401 (ARM's {@code ExpiredAuthenticationToken}, {@code
 * InvalidAuthenticationToken}, or a {@code WWW-Authenticate} challenge, including a continuous
 * access evaluation {@code claims} challenge) it drops the token, asks the credential for a fresh
 * one and sends the request once more; a second 401 goes back to the caller marked with {@link
 * #REFRESHED_HEADER}. Plain {@code http://} is accepted only for loopback hosts and only when
 * allowed; any other plain-HTTP request is refused before a token is fetched.
 */
public final class ArmBearerTokenPolicy implements HttpPipelinePolicy {
  /** Set on a 401 response that came back after the token was refreshed once. */
  public static final String REFRESHED_HEADER = "x-steward-token-refreshed";

  private static final Logger LOG = LoggerFactory.getLogger(ArmBearerTokenPolicy.class);
  private static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);
  private static final Pattern CLAIMS = Pattern.compile("claims=\"([^\"]*)\"");

  private final TokenCredential credential;
  private final String scope;
  private final boolean allowInsecureLoopback;
  private final Clock clock;
  private AccessToken cached;

  /**
   * Creates the policy.
   *
   * @param credential where tokens come from
   * @param scope the scope, e.g. {@code https://management.azure.com/.default}
   * @param allowInsecureLoopback whether http:// loopback URLs may carry the token
   * @param clock time source for expiry
   */
  public ArmBearerTokenPolicy(
      TokenCredential credential, String scope, boolean allowInsecureLoopback, Clock clock) {
    this.credential = credential;
    this.scope = scope;
    this.allowInsecureLoopback = allowInsecureLoopback;
    this.clock = clock;
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
    URL url = context.getHttpRequest().getUrl();
    if (!"https".equalsIgnoreCase(url.getProtocol())
        && !(allowInsecureLoopback && Loopback.isLoopback(url.getHost()))) {
      throw new IllegalStateException(
          "Refusing to send an Azure Resource Manager token over plain HTTP to "
              + url.getHost()
              + ": use https, or allowInsecureLoopback(true) for a loopback test server");
    }
    AccessToken token = token(null);
    context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + token.getToken());
    HttpResponse response = next.clone().processSync();
    if (response.getStatusCode() != 401) {
      return response;
    }
    String challenge = response.getHeaderValue(HttpHeaderName.WWW_AUTHENTICATE);
    String claims = claims(challenge);
    response.close();
    invalidate(token);
    LOG.debug(
        "ARM {} {} answered 401; refreshing the token once",
        context.getHttpRequest().getHttpMethod(),
        url.getPath());
    AccessToken fresh = token(claims);
    context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + fresh.getToken());
    HttpResponse second = next.clone().processSync();
    if (second.getStatusCode() != 401) {
      return second;
    }
    invalidate(fresh);
    BufferedHttpResponse buffered = BufferedHttpResponse.read(second);
    HttpHeaders marked = new HttpHeaders(buffered.getHeaders());
    marked.set(HttpHeaderName.fromString(REFRESHED_HEADER), "true");
    return new BufferedHttpResponse(buffered.getRequest(), 401, marked, buffered.bytes());
  }

  /** The decoded {@code claims} of a CAE challenge, or null. */
  static String claims(String challenge) {
    if (challenge == null) {
      return null;
    }
    Matcher m = CLAIMS.matcher(challenge);
    if (!m.find() || m.group(1).isEmpty()) {
      return null;
    }
    try {
      return new String(Base64.getUrlDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      try {
        return new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64Either) {
        return null;
      }
    }
  }

  private synchronized AccessToken token(String claims) {
    OffsetDateTime threshold =
        OffsetDateTime.ofInstant(clock.instant().plus(REFRESH_MARGIN), ZoneOffset.UTC);
    if (claims != null
        || cached == null
        || cached.getExpiresAt() == null
        || cached.getExpiresAt().isBefore(threshold)) {
      TokenRequestContext request = new TokenRequestContext().addScopes(scope);
      if (claims != null) {
        request.setClaims(claims).setCaeEnabled(true);
      }
      AccessToken fresh = credential.getTokenSync(request);
      if (fresh == null || fresh.getToken() == null) {
        throw new IllegalStateException("The credential returned no token for scope " + scope);
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
