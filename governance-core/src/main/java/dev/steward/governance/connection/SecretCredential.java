package dev.steward.governance.connection;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A credential built from a secret (a client secret, or a bearer token) that can be rebuilt when
 * the secret is rotated: {@link #refresh} forgets the cached value, reads the reference again and,
 * when the value changed, rebuilds the credential. Called when Entra ID rejects the client secret
 * (here, on {@link ClientAuthenticationException}) and when the target answers 401 ({@link
 * SecretRefreshPolicy}). The secret value is held in memory only and never printed.
 */
final class SecretCredential implements TokenCredential {
  private static final Logger LOG = LoggerFactory.getLogger(SecretCredential.class);

  private final SecretReference reference;
  private final SecretResolver resolver;
  private final Function<String, TokenCredential> factory;
  private String secret;
  private TokenCredential delegate;

  /**
   * Reads the secret now and builds the credential.
   *
   * @throws IllegalStateException naming the reference when the secret cannot be read
   */
  SecretCredential(
      SecretReference reference,
      SecretResolver resolver,
      Function<String, TokenCredential> factory) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.secret = resolver.resolve(reference);
    this.delegate = factory.apply(secret);
  }

  /** The credential in use now (compare with a later value to see whether a refresh happened). */
  synchronized TokenCredential current() {
    return delegate;
  }

  /**
   * Reads the secret again after {@code seen} was rejected.
   *
   * @param seen the credential that was rejected
   * @return true when a different credential is now in use (worth one more try)
   */
  synchronized boolean refresh(TokenCredential seen) {
    if (delegate != seen) {
      return true;
    }
    resolver.invalidate(reference);
    String fresh;
    try {
      fresh = resolver.resolve(reference);
    } catch (IllegalStateException e) {
      LOG.atWarn()
          .addKeyValue("secretReference", reference.toString())
          .addKeyValue("error", e.getMessage())
          .log("A credential was rejected and its secret could not be read again");
      return false;
    }
    if (fresh.equals(secret)) {
      LOG.atDebug()
          .addKeyValue("secretReference", reference.toString())
          .log("A credential was rejected; its secret has not changed");
      return false;
    }
    secret = fresh;
    delegate = factory.apply(fresh);
    LOG.atInfo()
        .addKeyValue("secretReference", reference.toString())
        .log("A credential was rejected; its secret was rotated, using the new value");
    return true;
  }

  @Override
  public AccessToken getTokenSync(TokenRequestContext request) {
    TokenCredential seen = current();
    try {
      return seen.getTokenSync(request);
    } catch (ClientAuthenticationException e) {
      if (refresh(seen)) {
        return current().getTokenSync(request);
      }
      throw e;
    }
  }

  @Override
  public Mono<AccessToken> getToken(TokenRequestContext request) {
    return Mono.fromCallable(() -> getTokenSync(request));
  }

  @Override
  public String toString() {
    return "SecretCredential[" + reference + "]";
  }
}
