package dev.steward.governance.connection;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import java.util.Map;
import java.util.Objects;

/** Turns a {@link PurviewConnection} into a credential and a client. */
public final class Connections {

  private Connections() {}

  /**
   * Builds the connection's credential, resolving its secret reference now ({@code env:} and {@code
   * file:} from {@code env} and the file system, {@code keyvault://} with {@link
   * KeyVaultSecrets#defaultInstance()}).
   *
   * @param connection the connection
   * @param env the environment variables secret references are read from
   * @return the credential
   * @throws IllegalStateException when the secret cannot be read (naming the reference only)
   */
  public static TokenCredential credential(PurviewConnection connection, Map<String, String> env) {
    return credential(connection, SecretResolver.of(env));
  }

  /**
   * Builds the connection's credential, resolving its secret reference now with {@code secrets}. A
   * credential built from a secret re-reads it when Entra ID rejects it (a rotated client secret),
   * once.
   *
   * @param connection the connection
   * @param secrets how secret references are read
   * @return the credential
   * @throws IllegalStateException when the secret cannot be read (naming the reference only)
   */
  public static TokenCredential credential(PurviewConnection connection, SecretResolver secrets) {
    Objects.requireNonNull(secrets, "secrets");
    return switch (connection.authentication()) {
      case CLIENT_SECRET ->
          new SecretCredential(
              connection.secret(),
              secrets,
              secret ->
                  new ClientSecretCredentialBuilder()
                      .tenantId(connection.tenantId())
                      .clientId(connection.clientId())
                      .clientSecret(secret)
                      .build());
      case MANAGED_IDENTITY -> {
        ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder();
        if (connection.clientId() != null) {
          builder.clientId(connection.clientId());
        }
        yield builder.build();
      }
      case DEFAULT -> {
        DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder();
        if (connection.tenantId() != null) {
          builder.tenantId(connection.tenantId());
        }
        if (connection.clientId() != null) {
          builder.managedIdentityClientId(connection.clientId());
        }
        yield builder.build();
      }
      case TOKEN -> new SecretCredential(connection.secret(), secrets, StaticTokenCredential::new);
    };
  }

  /**
   * Builds a Purview client for the connection.
   *
   * @param connection the connection
   * @param env the environment variables secret references are read from
   * @return a client builder, ready for further options ({@code rateLimit}, {@code retry}, ...)
   */
  public static PurviewDataMapClientBuilder clientBuilder(
      PurviewConnection connection, Map<String, String> env) {
    return clientBuilder(connection, SecretResolver.of(env));
  }

  /**
   * Builds a Purview client for the connection. When the credential comes from a secret, a 401 from
   * Purview makes it read the secret again (bypassing any cache) and, if the secret was rotated,
   * the request is sent once more with a token from the new secret.
   *
   * @param connection the connection
   * @param secrets how secret references are read
   * @return a client builder, ready for further options ({@code rateLimit}, {@code retry}, ...)
   */
  public static PurviewDataMapClientBuilder clientBuilder(
      PurviewConnection connection, SecretResolver secrets) {
    TokenCredential credential = credential(connection, secrets);
    PurviewDataMapClientBuilder builder =
        new PurviewDataMapClientBuilder()
            .endpoint(connection.endpoint())
            .credential(credential)
            .allowInsecureLoopback(connection.allowInsecureLoopback());
    if (credential instanceof SecretCredential refreshable) {
      builder.addPolicy(new SecretRefreshPolicy(refreshable));
    }
    return builder;
  }

  /**
   * Builds a Purview client for the connection with default options.
   *
   * @param connection the connection
   * @param env the environment variables secret references are read from
   * @return the client
   */
  public static PurviewDataMapClient client(PurviewConnection connection, Map<String, String> env) {
    return clientBuilder(connection, env).buildClient();
  }

  /**
   * Builds a Purview client for the connection with default options.
   *
   * @param connection the connection
   * @param secrets how secret references are read
   * @return the client
   */
  public static PurviewDataMapClient client(PurviewConnection connection, SecretResolver secrets) {
    return clientBuilder(connection, secrets).buildClient();
  }
}
