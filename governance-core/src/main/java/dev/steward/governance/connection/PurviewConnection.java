package dev.steward.governance.connection;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to reach and authenticate to one Purview account. Holds references to secrets, never secrets,
 * so it can be stored, logged and printed safely.
 *
 * @param name the connection's name, used by the CLI and as the checkpoint key
 * @param endpoint the account endpoint, e.g. {@code https://contoso.purview.azure.com}
 * @param authentication how to get a token
 * @param tenantId the Entra tenant id (client secret), or null
 * @param clientId the app registration's client id (client secret), or the user-assigned managed
 *     identity's client id, or null
 * @param secret where the client secret (or, for {@link Authentication#TOKEN}, the bearer token)
 *     lives, or null
 * @param allowInsecureLoopback allow a plain {@code http://} loopback endpoint (the local emulator)
 */
public record PurviewConnection(
    String name,
    String endpoint,
    Authentication authentication,
    String tenantId,
    String clientId,
    SecretReference secret,
    boolean allowInsecureLoopback) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** How a connection gets its token. */
  public enum Authentication {
    /** An app registration with a client secret: tenant id, client id and a secret reference. */
    CLIENT_SECRET,
    /** A managed identity (system-assigned, or user-assigned with a client id). */
    MANAGED_IDENTITY,
    /** azure-identity's DefaultAzureCredential chain (environment, workload identity, CLI, ...). */
    DEFAULT,
    /** A fixed bearer token from a secret reference (the local emulator). */
    TOKEN
  }

  /** Checks that the fields fit the authentication. */
  public PurviewConnection {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "connection name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
    }
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(authentication, "authentication");
    switch (authentication) {
      case CLIENT_SECRET -> {
        require(tenantId, "tenantId", name);
        require(clientId, "clientId", name);
        if (secret == null) {
          throw new IllegalArgumentException(
              "connection '" + name + "': client-secret authentication needs a secret reference");
        }
      }
      case TOKEN -> {
        if (secret == null) {
          throw new IllegalArgumentException(
              "connection '" + name + "': token authentication needs a secret reference");
        }
      }
      default -> {}
    }
  }

  private static void require(String value, String field, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "connection '" + name + "': client-secret authentication needs " + field);
    }
  }

  /**
   * The endpoint for an account name: {@code https://NAME.purview.azure.com}.
   *
   * @param accountName the Purview account name
   * @return the endpoint
   */
  public static String endpointForAccount(String accountName) {
    return "https://" + Objects.requireNonNull(accountName, "accountName") + ".purview.azure.com";
  }
}
