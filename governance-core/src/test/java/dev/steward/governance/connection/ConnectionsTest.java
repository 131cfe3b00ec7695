package dev.steward.governance.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.governance.connection.ConnectionTestResult.Status;
import dev.steward.governance.connection.PurviewConnection.Authentication;
import dev.steward.purview.emulator.PurviewEmulator;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsTest {

  @TempDir Path dir;

  private static PurviewConnection secretConnection() {
    return new PurviewConnection(
        "contoso",
        "https://contoso.purview.azure.com",
        Authentication.CLIENT_SECRET,
        "72f988bf-0000-0000-0000-2d7cd011db47",
        "11111111-2222-3333-4444-555555555555",
        SecretReference.parse("env:CONTOSO_SECRET"),
        false);
  }

  @Test
  void theRegistryStoresReferencesNeverSecretsInAnOwnerOnlyFile() throws Exception {
    Path file = dir.resolve("connections.json");
    FileConnectionRegistry registry = new FileConnectionRegistry(file);
    assertThat(registry.add(secretConnection())).isFalse();
    assertThat(
            registry.add(
                new PurviewConnection(
                    "local",
                    "http://127.0.0.1:8080",
                    Authentication.TOKEN,
                    null,
                    null,
                    SecretReference.parse("file:/run/secrets/token"),
                    true)))
        .isFalse();
    assertThat(registry.add(secretConnection())).isTrue();

    FileConnectionRegistry reread = new FileConnectionRegistry(file);
    assertThat(reread.list())
        .extracting(PurviewConnection::name)
        .containsExactly("contoso", "local");
    assertThat(reread.get("contoso")).contains(secretConnection());
    assertThat(reread.get("local").orElseThrow().allowInsecureLoopback()).isTrue();
    String content = Files.readString(file);
    assertThat(content).contains("\"secret\" : \"env:CONTOSO_SECRET\"").doesNotContain("s3cret");
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    assertThat(reread.remove("local")).isTrue();
    assertThat(reread.remove("local")).isFalse();
    assertThat(new FileConnectionRegistry(file).list()).hasSize(1);
  }

  @Test
  void aBrokenRegistryFileNamesThePlace() throws Exception {
    Path file = dir.resolve("connections.json");
    Files.writeString(
        file,
        "{\"connections\":[{\"name\":\"x\",\"endpoint\":\"https://x\",\"authentication\":\"CLIENT_SECRET\"}]}");
    assertThatThrownBy(() -> new FileConnectionRegistry(file).list())
        .hasMessageContaining("connections[0]")
        .hasMessageContaining("needs tenantId");
  }

  @Test
  void secretReferencesResolveAndFailWithoutEchoingSecrets() throws Exception {
    assertThat(SecretReference.parse("env:X").resolve(Map.of("X", "value"))).isEqualTo("value");
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "  file-value\n");
    assertThat(SecretReference.parse("file:" + secret).resolve(Map.of())).isEqualTo("file-value");
    assertThatThrownBy(() -> SecretReference.parse("env:MISSING").resolve(Map.of()))
        .hasMessage("environment variable MISSING is not set");
    assertThatThrownBy(() -> SecretReference.parse("sup3r-s3cret-literal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("env:VARIABLE, file:/path or keyvault://VAULT/SECRET[/VERSION]")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sup3r-s3cret-literal"));
    assertThat(secretConnection().toString())
        .doesNotContain("value")
        .contains("env:CONTOSO_SECRET");
  }

  @Test
  void aHealthyConnectionPassesEveryStep() {
    try (PurviewEmulator emulator = PurviewEmulator.builder().seed("demo").start()) {
      PurviewConnection local =
          new PurviewConnection(
              "local",
              emulator.endpoint(),
              Authentication.TOKEN,
              null,
              null,
              SecretReference.parse("env:STEWARD_TOKEN"),
              true);
      ConnectionTestResult result =
          ConnectionTester.builder()
              .env(Map.of("STEWARD_TOKEN", emulator.token()))
              .build()
              .test(local);
      assertThat(result.ok()).isTrue();
      assertThat(result.steps())
          .extracting(ConnectionTestResult.Step::name)
          .containsExactly("dns", "tls", "token", "authorization", "data-map");
      assertThat(result.steps().get(1).status()).isEqualTo(Status.SKIPPED);
      assertThat(result.steps().get(3).detail()).matches("read \\d+ type definitions");
      assertThat(result.steps().get(4).detail()).contains("assets indexed");
    }
  }

  @Test
  void aRejectedTokenIsDiagnosedAndLaterStepsAreSkipped() {
    try (PurviewEmulator emulator = PurviewEmulator.builder().start()) {
      PurviewConnection local =
          new PurviewConnection(
              "local",
              emulator.endpoint(),
              Authentication.TOKEN,
              null,
              null,
              SecretReference.parse("env:STEWARD_TOKEN"),
              true);
      ConnectionTestResult result =
          ConnectionTester.builder()
              .env(Map.of("STEWARD_TOKEN", "wrong-token"))
              .build()
              .test(local);
      assertThat(result.ok()).isFalse();
      ConnectionTestResult.Step auth = result.steps().get(3);
      assertThat(auth.status()).isEqualTo(Status.FAILED);
      assertThat(auth.detail()).contains("401");
      assertThat(auth.diagnosis()).contains("token was rejected");
      assertThat(result.steps().get(4).status()).isEqualTo(Status.SKIPPED);
      assertThat(result.toString()).doesNotContain("wrong-token");
    }
  }

  @Test
  void dnsAndTokenFailuresSayWhatToDo() {
    ConnectionTestResult dns =
        ConnectionTester.builder()
            .resolver(
                host -> {
                  throw new UnknownHostException(host);
                })
            .build()
            .test(secretConnection());
    assertThat(dns.steps().get(0).diagnosis())
        .contains("check the account name")
        .contains("privatelink.purview.azure.com");
    assertThat(dns.steps().subList(1, dns.steps().size()))
        .allSatisfy(s -> assertThat(s.status()).isEqualTo(Status.SKIPPED));

    ConnectionTestResult missingSecret =
        ConnectionTester.builder()
            .env(Map.of())
            .resolver(host -> new java.net.InetAddress[0])
            .build()
            .test(
                new PurviewConnection(
                    "c",
                    "http://127.0.0.1:1",
                    Authentication.CLIENT_SECRET,
                    "t",
                    "c",
                    SecretReference.parse("env:CONTOSO_SECRET"),
                    true));
    assertThat(missingSecret.steps().get(2).detail())
        .isEqualTo("environment variable CONTOSO_SECRET is not set");
    assertThat(missingSecret.steps().get(2).diagnosis()).contains("env:CONTOSO_SECRET");

    PurviewConnection c = secretConnection();
    assertThat(
            ConnectionTester.diagnoseToken(
                c, new RuntimeException("AADSTS7000215: Invalid client secret provided.")))
        .contains("client secret is wrong or expired")
        .contains(c.clientId());
    assertThat(
            ConnectionTester.diagnoseToken(
                c, new RuntimeException("AADSTS700016: Application not found")))
        .contains("wrong tenant id, or wrong client id");
    assertThat(
            ConnectionTester.diagnoseToken(
                c, new RuntimeException("AADSTS90002: Tenant not found")))
        .contains("does not exist: wrong tenant id");
  }

  @Test
  void keyVaultReferencesParseValidateAndPrintBack() {
    SecretReference latest = SecretReference.parse("keyvault://contoso-kv/purview-secret");
    assertThat(latest.kind()).isEqualTo(SecretReference.Kind.KEY_VAULT);
    assertThat(latest.vaultName()).isEqualTo("contoso-kv");
    assertThat(latest.secretName()).isEqualTo("purview-secret");
    assertThat(latest.secretVersion()).isNull();
    assertThat(latest.toString()).isEqualTo("keyvault://contoso-kv/purview-secret");
    SecretReference pinned =
        SecretReference.keyVault(
            "contoso-kv", "purview-secret", "4387e9f3d6e14c459867679a90fd0f79");
    assertThat(SecretReference.parse(pinned.toString())).isEqualTo(pinned);
    assertThat(pinned.secretVersion()).isEqualTo("4387e9f3d6e14c459867679a90fd0f79");

    assertThatThrownBy(() -> SecretReference.parse("keyvault://contoso-kv"))
        .hasMessageContaining("keyvault://VAULT/SECRET[/VERSION]");
    assertThatThrownBy(() -> SecretReference.parse("keyvault://kv/purview_secret"))
        .hasMessageContaining("Key Vault name 'kv'");
    assertThatThrownBy(() -> SecretReference.parse("keyvault://contoso-kv/purview_secret"))
        .hasMessageContaining("secret name 'purview_secret'");
    assertThatThrownBy(() -> SecretReference.parse("env:X").vaultName())
        .hasMessageContaining("env:X is not a Key Vault reference");
    assertThatThrownBy(() -> latest.resolve(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("resolve it with a SecretResolver");
    assertThatThrownBy(() -> SecretReference.parse("s3cret-value"))
        .hasMessageContaining("keyvault://VAULT/SECRET[/VERSION]")
        .hasMessageNotContaining("s3cret-value");
  }

  @Test
  void theRegistryKeepsKeyVaultReferences() {
    Path file = dir.resolve("connections.json");
    PurviewConnection kv =
        new PurviewConnection(
            "kv",
            "https://contoso.purview.azure.com",
            Authentication.CLIENT_SECRET,
            "72f988bf-0000-0000-0000-2d7cd011db47",
            "11111111-2222-3333-4444-555555555555",
            SecretReference.parse(
                "keyvault://contoso-kv/purview-secret/4387e9f3d6e14c459867679a90fd0f79"),
            false);
    new FileConnectionRegistry(file).add(kv);
    assertThat(new FileConnectionRegistry(file).get("kv")).contains(kv);
  }
}
