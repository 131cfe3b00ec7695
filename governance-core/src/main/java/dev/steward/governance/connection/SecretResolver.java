package dev.steward.governance.connection;

import java.util.Map;
import java.util.Objects;

/**
 * Turns a {@link SecretReference} into the secret. The resolver a connection uses decides where
 * {@code keyvault://} references are read from (which credential, which cache); {@code env:} and
 * {@code file:} references are read from the environment map and the file system.
 */
@FunctionalInterface
public interface SecretResolver {

  /**
   * Reads the secret.
   *
   * @param reference where it lives
   * @return the secret
   * @throws IllegalStateException naming the reference, never the value, when it cannot be read
   */
  String resolve(SecretReference reference);

  /**
   * Forgets any cached value of the reference, so that the next {@link #resolve} reads the store
   * again: called when a service rejects a credential built from the secret (it may have been
   * rotated). The default does nothing (nothing is cached).
   *
   * @param reference the reference
   */
  default void invalidate(SecretReference reference) {}

  /**
   * Reads {@code env:} and {@code file:} references, and {@code keyvault://} references with the
   * process-wide {@link KeyVaultSecrets#defaultInstance()} (managed identity first, then {@code
   * DefaultAzureCredential}; built on first use).
   *
   * @param env the environment variables
   * @return the resolver
   */
  static SecretResolver of(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    return new SecretResolver() {
      @Override
      public String resolve(SecretReference reference) {
        return reference.kind() == SecretReference.Kind.KEY_VAULT
            ? KeyVaultSecrets.defaultInstance().getSecret(reference)
            : reference.resolve(env);
      }

      @Override
      public void invalidate(SecretReference reference) {
        if (reference.kind() == SecretReference.Kind.KEY_VAULT) {
          KeyVaultSecrets.defaultInstance().invalidate(reference);
        }
      }
    };
  }

  /**
   * Reads {@code env:} and {@code file:} references, and {@code keyvault://} references with the
   * given Key Vault client.
   *
   * @param env the environment variables
   * @param keyVault the Key Vault secrets client (its credential, vault URL and cache)
   * @return the resolver
   */
  static SecretResolver of(Map<String, String> env, KeyVaultSecrets keyVault) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(keyVault, "keyVault");
    return new SecretResolver() {
      @Override
      public String resolve(SecretReference reference) {
        return reference.kind() == SecretReference.Kind.KEY_VAULT
            ? keyVault.getSecret(reference)
            : reference.resolve(env);
      }

      @Override
      public void invalidate(SecretReference reference) {
        if (reference.kind() == SecretReference.Kind.KEY_VAULT) {
          keyVault.invalidate(reference);
        }
      }
    };
  }
}
