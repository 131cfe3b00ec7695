package dev.steward.governance.connection;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The hook that makes a rotated secret harmless: on a 401 from Purview, it asks the connection's
 * {@link SecretCredential} to read its secret again (bypassing the Key Vault cache) and, when the
 * value changed, sends the request once more. It sits per call, before the retry and bearer-token
 * policies, so the second attempt goes through them again; the bearer-token policy has dropped the
 * rejected token on the 401, so it asks the rebuilt credential for a new one. A 401 with an
 * unchanged secret is returned as is (retrying it would fail the same way).
 */
final class SecretRefreshPolicy implements HttpPipelinePolicy {
  private final SecretCredential credential;

  SecretRefreshPolicy(SecretCredential credential) {
    this.credential = Objects.requireNonNull(credential, "credential");
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_CALL;
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    TokenCredential seen = credential.current();
    HttpPipelineNextSyncPolicy again = next.clone();
    HttpResponse response = next.processSync();
    if (response.getStatusCode() != 401 || !credential.refresh(seen)) {
      return response;
    }
    response.close();
    return again.processSync();
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    TokenCredential seen = credential.current();
    HttpPipelineNextPolicy again = next.clone();
    return next.process()
        .flatMap(
            response -> {
              if (response.getStatusCode() != 401) {
                return Mono.just(response);
              }
              return Mono.fromCallable(() -> credential.refresh(seen))
                  .flatMap(
                      refreshed -> {
                        if (!refreshed) {
                          return Mono.just(response);
                        }
                        response.close();
                        return again.process();
                      });
            });
  }
}
