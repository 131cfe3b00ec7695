package dev.steward.examples.client;

import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewDataMapClientBuilder;
import dev.steward.purview.StaticTokenCredential;
import dev.steward.purview.emulator.PurviewEmulator;

/**
 * Four ways to authenticate a {@link PurviewDataMapClient}. The identity needs a Purview collection
 * role (Data Reader to read, Data Curator to write) on the collections it touches.
 *
 * <p>{@code main} runs the emulator variant; {@code ClientExamplesTest} runs every example against
 * the emulator in the build.
 */
public final class AuthenticationExample {
  private AuthenticationExample() {}

  /**
   * A service principal with a client secret (read the secret from a vault or the environment;
   * never log it).
   *
   * @param accountName the Purview account name
   * @param tenantId the Entra ID tenant
   * @param clientId the app registration's client id
   * @param clientSecret its secret
   * @return the client
   */
  public static PurviewDataMapClient withClientSecret(
      String accountName, String tenantId, String clientId, String clientSecret) {
    // snippet:begin auth-client-secret
    return new PurviewDataMapClientBuilder()
        .accountName(accountName)
        .credential(
            new ClientSecretCredentialBuilder()
                .tenantId(tenantId)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .build())
        .buildClient();
    // snippet:end auth-client-secret
  }

  /**
   * A managed identity (Azure VM, App Service, Functions, Container Apps, AKS workload identity).
   *
   * @param accountName the Purview account name
   * @param userAssignedClientId the client id of a user-assigned identity, or null for the
   *     system-assigned one
   * @return the client
   */
  public static PurviewDataMapClient withManagedIdentity(
      String accountName, String userAssignedClientId) {
    // snippet:begin auth-managed-identity
    ManagedIdentityCredentialBuilder credential = new ManagedIdentityCredentialBuilder();
    if (userAssignedClientId != null) {
      credential.clientId(userAssignedClientId);
    }
    return new PurviewDataMapClientBuilder()
        .accountName(accountName)
        .credential(credential.build())
        .buildClient();
    // snippet:end auth-managed-identity
  }

  /**
   * {@code DefaultAzureCredential}: environment variables, workload identity, managed identity,
   * then developer logins (Azure CLI, azd, IntelliJ, ...) in that order.
   *
   * @param endpoint the account endpoint, e.g. {@code https://contoso.purview.azure.com}
   * @return the client
   */
  public static PurviewDataMapClient withDefaultAzureCredential(String endpoint) {
    // snippet:begin auth-default-credential
    return new PurviewDataMapClientBuilder()
        .endpoint(endpoint)
        .credential(new DefaultAzureCredentialBuilder().build())
        .rateLimit(25) // one Data Map capacity unit: 25 operations per second
        .buildClient();
    // snippet:end auth-default-credential
  }

  /**
   * The local Purview emulator: plain http on loopback, which the builder refuses unless told.
   *
   * @param endpoint the emulator endpoint, e.g. {@code http://127.0.0.1:8021}
   * @param token the token it accepts
   * @return the client
   */
  public static PurviewDataMapClient withEmulator(String endpoint, String token) {
    // snippet:begin auth-emulator
    return new PurviewDataMapClientBuilder()
        .endpoint(endpoint)
        .allowInsecureLoopback(true) // only loopback hosts; never a silent downgrade elsewhere
        .credential(new StaticTokenCredential(token))
        .buildClient();
    // snippet:end auth-emulator
  }

  /**
   * Connects to a seeded emulator and counts the entity types it knows.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (PurviewEmulator purview = PurviewEmulator.builder().seed("demo").start()) {
      PurviewDataMapClient client = withEmulator(purview.endpoint(), purview.token());
      int entityTypes = client.typeDefinitions().list().entityDefs().size();
      System.out.println(
          "Connected to " + purview.endpoint() + ": " + entityTypes + " entity types");
    }
  }
}
