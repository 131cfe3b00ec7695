package dev.steward.examples.extract;

import com.azure.core.credential.TokenCredential;
import dev.steward.governance.connection.ConnectionTestResult;
import dev.steward.governance.connection.ConnectionTester;
import dev.steward.governance.connection.Connections;
import dev.steward.governance.connection.KeyVaultSecrets;
import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.connection.SecretReference;
import dev.steward.governance.connection.SecretResolver;
import dev.steward.purview.PurviewDataMapClient;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A Purview connection whose client secret lives in Azure Key Vault: the connection holds the
 * reference {@code keyvault://contoso-kv/purview-client-secret}, and the secret is read when the
 * client is built, with your credential, cached for a time to live and read again after a rotation.
 * {@link #main} only builds the objects and prints them (nothing is contacted, and no secret is
 * printed); {@link #client} and {@link #test} need a real vault and Purview account.
 *
 * <pre>
 * mvn -q -pl examples exec:java -Dexec.mainClass=dev.steward.examples.extract.KeyVaultConnection
 * </pre>
 */
public final class KeyVaultConnection {

  private KeyVaultConnection() {}

  /**
   * Prints the connection and the Key Vault client it would use.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    describe(System.out);
  }

  /**
   * Builds the connection and the Key Vault client with its defaults, and prints both.
   *
   * @param out where to print
   * @return the connection
   */
  public static PurviewConnection describe(PrintStream out) {
    PurviewConnection contoso =
        connection("72f988bf-86f1-41af-91ab-2d7cd011db47", "11111111-2222-3333-4444-555555555555");
    KeyVaultSecrets keyVault = KeyVaultSecrets.builder().ttl(Duration.ofMinutes(15)).build();
    out.println("connection " + contoso.name() + " -> " + contoso.endpoint());
    out.println("secret reference " + contoso.secret());
    out.println("vault URL " + keyVault.vaultUrl(contoso.secret().vaultName()));
    out.println(keyVault);
    return contoso;
  }

  /**
   * A client-secret connection whose secret is a Key Vault reference.
   *
   * @param tenantId the Entra tenant id
   * @param clientId the app registration's client id
   * @return the connection (references only: safe to store and print)
   */
  public static PurviewConnection connection(String tenantId, String clientId) {
    // snippet:begin keyvault-connection
    return new PurviewConnection(
        "contoso",
        PurviewConnection.endpointForAccount("contoso"),
        PurviewConnection.Authentication.CLIENT_SECRET,
        tenantId,
        clientId,
        SecretReference.parse("keyvault://contoso-kv/purview-client-secret"),
        false);
    // snippet:end keyvault-connection
  }

  /**
   * Builds a Purview client, reading the secret from Key Vault with {@code credential}.
   *
   * @param contoso the connection
   * @param credential the identity that reads the vault (e.g. a managed identity)
   * @return the client
   */
  public static PurviewDataMapClient client(PurviewConnection contoso, TokenCredential credential) {
    // snippet:begin keyvault-client
    KeyVaultSecrets keyVault =
        KeyVaultSecrets.builder()
            .credential(credential)
            .ttl(Duration.ofMinutes(15))
            .vaultUrl("https://{vault}.vault.azure.net") // the default; .azure.cn etc. elsewhere
            .build();
    SecretResolver secrets = SecretResolver.of(System.getenv(), keyVault);
    return Connections.client(contoso, secrets);
    // snippet:end keyvault-client
  }

  /**
   * Tests the connection step by step, the secret read from Key Vault with {@code secrets}.
   *
   * @param contoso the connection
   * @param secrets how secret references are read
   * @return one entry per step
   */
  public static ConnectionTestResult test(PurviewConnection contoso, SecretResolver secrets) {
    return ConnectionTester.builder().secrets(secrets).build().test(contoso);
  }
}
