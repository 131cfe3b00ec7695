package dev.steward.purview;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.time.OffsetDateTime;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * A credential that always presents the same bearer token: for the Purview emulator, tests and
 * tokens obtained elsewhere. It never refreshes; its {@code toString()} never shows the token.
 */
public final class StaticTokenCredential implements TokenCredential {
  private final String token;
  private final OffsetDateTime expiresAt;

  /**
   * A token that does not expire as far as the client is concerned.
   *
   * @param token the bearer token, without the {@code Bearer } prefix
   */
  public StaticTokenCredential(String token) {
    this(token, OffsetDateTime.MAX);
  }

  /**
   * A token with a known expiry.
   *
   * @param token the bearer token, without the {@code Bearer } prefix
   * @param expiresAt when it expires
   */
  public StaticTokenCredential(String token, OffsetDateTime expiresAt) {
    this.token = Objects.requireNonNull(token, "token");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    if (token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.fromSupplier(() -> getTokenSync(request));
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    return new AccessToken(token, expiresAt);
  }

  @Override
  public String toString() {
    return "StaticTokenCredential[token=***]";
  }
}
