package dev.steward.governance.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a secret lives, never the secret itself: {@code env:NAME} (an environment variable), {@code
 * file:/path} (a file whose content, trimmed, is the secret, e.g. a mounted Kubernetes secret) or
 * {@code keyvault://VAULT/SECRET[/VERSION]} (a secret in Azure Key Vault, the latest version unless
 * one is pinned). Resolved only when a credential is built, by a {@link SecretResolver}.
 *
 * @param kind where to look
 * @param location the variable name, the file path, or {@code VAULT/SECRET[/VERSION]}
 */
public record SecretReference(Kind kind, String location) {

  /** Key Vault names: 3-24 letters, digits and hyphens, starting with a letter. */
  private static final Pattern VAULT = Pattern.compile("[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]");

  /** Key Vault secret names: 1-127 letters, digits and hyphens. */
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9-]{1,127}");

  /** Secret versions: 32 hex digits in Azure; letters and digits are accepted. */
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9]{1,64}");

  private static final String KEY_VAULT_PREFIX = "keyvault://";

  /** Where a secret can live. */
  public enum Kind {
    /** An environment variable. */
    ENV,
    /** A file. */
    FILE,
    /** A secret in Azure Key Vault: {@code keyvault://VAULT/SECRET[/VERSION]}. */
    KEY_VAULT
  }

  /** Checks the arguments. */
  public SecretReference {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new IllegalArgumentException("secret reference location must not be blank");
    }
    if (kind == Kind.KEY_VAULT) {
      checkKeyVault(location);
    }
  }

  private static void checkKeyVault(String location) {
    String[] parts = location.split("/", -1);
    String form = "keyvault://VAULT/SECRET[/VERSION]";
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException(
          "a Key Vault reference must be " + form + ", was " + KEY_VAULT_PREFIX + location);
    }
    if (!VAULT.matcher(parts[0]).matches()) {
      throw new IllegalArgumentException(
          "Key Vault name '"
              + parts[0]
              + "' in "
              + KEY_VAULT_PREFIX
              + location
              + " must be 3-24 letters, digits or hyphens, starting with a letter");
    }
    if (!SECRET.matcher(parts[1]).matches()) {
      throw new IllegalArgumentException(
          "secret name '"
              + parts[1]
              + "' in "
              + KEY_VAULT_PREFIX
              + location
              + " must be 1-127 letters, digits or hyphens");
    }
    if (parts.length == 3 && !VERSION.matcher(parts[2]).matches()) {
      throw new IllegalArgumentException(
          "secret version '"
              + parts[2]
              + "' in "
              + KEY_VAULT_PREFIX
              + location
              + " must be letters and digits (32 hex digits in Azure)");
    }
  }

  /**
   * Reads {@code env:NAME}, {@code file:/path} or {@code keyvault://VAULT/SECRET[/VERSION]}.
   *
   * @param text the reference
   * @return the reference
   * @throws IllegalArgumentException naming the accepted forms when it does not parse
   */
  public static SecretReference parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.regionMatches(true, 0, KEY_VAULT_PREFIX, 0, KEY_VAULT_PREFIX.length())) {
      return new SecretReference(Kind.KEY_VAULT, text.substring(KEY_VAULT_PREFIX.length()));
    }
    int colon = text.indexOf(':');
    String scheme = colon < 0 ? "" : text.substring(0, colon);
    String rest = colon < 0 ? "" : text.substring(colon + 1);
    return switch (scheme) {
      case "env" -> new SecretReference(Kind.ENV, rest);
      case "file" -> new SecretReference(Kind.FILE, rest);
      default ->
          throw new IllegalArgumentException(
              "a secret reference must be env:VARIABLE, file:/path or"
                  + " keyvault://VAULT/SECRET[/VERSION], never the secret itself"
                  + " (the value given is not shown)");
    };
  }

  /**
   * A Key Vault reference.
   *
   * @param vaultName the vault's name ({@code https://VAULT.vault.azure.net})
   * @param secretName the secret's name
   * @param version a pinned version, or null for the latest
   * @return the reference
   * @throws IllegalArgumentException when a name is not a valid Key Vault name
   */
  public static SecretReference keyVault(String vaultName, String secretName, String version) {
    Objects.requireNonNull(vaultName, "vaultName");
    Objects.requireNonNull(secretName, "secretName");
    return new SecretReference(
        Kind.KEY_VAULT, vaultName + "/" + secretName + (version == null ? "" : "/" + version));
  }

  /**
   * The Key Vault name of a {@link Kind#KEY_VAULT} reference.
   *
   * @return the vault name
   * @throws IllegalStateException for other kinds
   */
  public String vaultName() {
    return keyVaultPart(0);
  }

  /**
   * The secret name of a {@link Kind#KEY_VAULT} reference.
   *
   * @return the secret name
   * @throws IllegalStateException for other kinds
   */
  public String secretName() {
    return keyVaultPart(1);
  }

  /**
   * The pinned version of a {@link Kind#KEY_VAULT} reference.
   *
   * @return the version, or null for the latest
   * @throws IllegalStateException for other kinds
   */
  public String secretVersion() {
    return keyVaultPart(2);
  }

  private String keyVaultPart(int index) {
    if (kind != Kind.KEY_VAULT) {
      throw new IllegalStateException(this + " is not a Key Vault reference");
    }
    String[] parts = location.split("/");
    return index < parts.length ? parts[index] : null;
  }

  /**
   * Reads an {@code env:} or {@code file:} secret. A {@code keyvault://} reference needs a Key
   * Vault client: use {@link SecretResolver#resolve(SecretReference)}.
   *
   * @param env the environment variables
   * @return the secret
   * @throws IllegalStateException naming the reference (never the value) when it cannot be read
   */
  public String resolve(Map<String, String> env) {
    String value;
    switch (kind) {
      case ENV -> {
        value = env.get(location);
        if (value == null || value.isBlank()) {
          throw new IllegalStateException("environment variable " + location + " is not set");
        }
      }
      case FILE -> {
        try {
          value = Files.readString(Path.of(location), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          throw new IllegalStateException(
              "cannot read secret file " + location + ": " + e.getMessage(), e);
        }
        if (value.isEmpty()) {
          throw new IllegalStateException("secret file " + location + " is empty");
        }
      }
      default ->
          throw new IllegalStateException(
              this + " is a Key Vault reference: resolve it with a SecretResolver");
    }
    return value;
  }

  @Override
  public String toString() {
    return kind == Kind.KEY_VAULT
        ? KEY_VAULT_PREFIX + location
        : kind.name().toLowerCase(Locale.ROOT) + ":" + location;
  }
}
