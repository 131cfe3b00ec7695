package dev.steward.governance.connection;

import java.util.Objects;

/**
 * A Key Vault secret could not be read. The message names the vault, the secret and what to do; it
 * never holds a secret value. An {@link IllegalStateException}, like every other secret reference
 * that cannot be resolved.
 */
public final class KeyVaultSecretException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** The reference, as text ({@code keyvault://VAULT/SECRET[/VERSION]}). */
  private final String reference;

  /** The HTTP status Key Vault answered with, or 0 when it did not answer. */
  private final int statusCode;

  /**
   * Creates the exception.
   *
   * @param reference the reference that failed
   * @param statusCode the HTTP status, or 0 when Key Vault did not answer
   * @param message what failed and what to do (never a secret value)
   * @param cause the SDK's exception, or null
   */
  public KeyVaultSecretException(
      SecretReference reference, int statusCode, String message, Throwable cause) {
    super(message, cause);
    this.reference = Objects.requireNonNull(reference, "reference").toString();
    this.statusCode = statusCode;
  }

  /**
   * The reference that failed, as text.
   *
   * @return {@code keyvault://VAULT/SECRET[/VERSION]}
   */
  public String reference() {
    return reference;
  }

  /**
   * The HTTP status Key Vault answered with.
   *
   * @return the status, or 0 when Key Vault did not answer (network, credential)
   */
  public int statusCode() {
    return statusCode;
  }
}
