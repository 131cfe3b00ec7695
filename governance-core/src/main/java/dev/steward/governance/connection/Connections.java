package dev.steward.governance.connection;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import java.util.Map;

/** Turns a {@link PurviewConnection} into a credential and a client. */
public final class Connections {

  private Connections() {}

  /**
   * Builds the connection's credential, resolving its secret reference now.
   *
   * @param connection the connection
   * @param env the environment variables secret references are read from
   * @return the credential
   * @throws IllegalStateException when the secret cannot be read (naming the reference only)
   */
  public static TokenCredential credential(PurviewConnection connection, Map<String, String> env) {
    return switch (connection.authentication()) {
      case CLIENT_SECRET ->
          new ClientSecretCredentialBuilder()
              .tenantId(connection.tenantId())
              .clientId(connection.clientId())
              .clientSecret(connection.secret().resolve(env))
              .build();
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
      case TOKEN -> new StaticTokenCredential(connection.secret().resolve(env));
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
    return new PurviewDataMapClientBuilder()
        .endpoint(connection.endpoint())
        .credential(credential(connection, env))
        .allowInsecureLoopback(connection.allowInsecureLoopback());
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
}
