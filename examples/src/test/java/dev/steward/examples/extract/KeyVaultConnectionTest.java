package dev.steward.examples.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.governance.connection.PurviewConnection;
import dev.steward.governance.connection.SecretReference;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyVaultConnectionTest {

  @Test
  void theConnectionHoldsAKeyVaultReferenceAndPrintsNoSecret() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PurviewConnection contoso =
        KeyVaultConnection.describe(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(contoso.secret().kind()).isEqualTo(SecretReference.Kind.KEY_VAULT);
    assertThat(contoso.secret().vaultName()).isEqualTo("contoso-kv");
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("secret reference keyvault://contoso-kv/purview-client-secret")
        .contains("vault URL https://contoso-kv.vault.azure.net")
        .contains("ttl=PT15M");
  }
}
