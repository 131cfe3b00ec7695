package dev.steward.governance.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.governance.health.Health;
import dev.steward.governance.health.HealthCheck;
import dev.steward.governance.health.HealthChecks;
import dev.steward.governance.health.HealthStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Key Vault health check against the loopback vault, challenge auth included. */
class KeyVaultHealthCheckTest {

  private final KeyVaultStub vault = new KeyVaultStub();

  @AfterEach
  void stop() {
    vault.close();
  }

  @Test
  void upWhenTheSecretIsReadableDownWhenItIsNotAndNeverTheValue() throws Exception {
    vault.secret("/secrets/mysecretname/", 200, "get-secret.json");
    vault.secret("/secrets/missing/", 404, "error-secret-not-found.json");
    KeyVaultSecrets secrets = vault.secrets().build();

    HealthCheck readable =
        HealthChecks.keyVault(secrets, SecretReference.parse("keyvault://myvault/mysecretname"));
    Health up = readable.check();
    assertThat(readable.name()).isEqualTo("keyvault:myvault");
    assertThat(up.status()).isEqualTo(HealthStatus.UP);
    assertThat(up.detail())
        .isEqualTo("secret mysecretname readable")
        .doesNotContain("mysecretvalue");

    Health down =
        HealthChecks.keyVault(secrets, SecretReference.parse("keyvault://myvault/missing")).check();
    assertThat(down.status()).isEqualTo(HealthStatus.DOWN);
    assertThat(down.detail()).contains("missing");
  }

  @Test
  void onlyKeyVaultReferences() {
    KeyVaultSecrets secrets = vault.secrets().build();
    assertThatThrownBy(() -> HealthChecks.keyVault(secrets, SecretReference.parse("env:X")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyvault://");
  }
}
