package dev.steward.governance.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class KeyVaultSecretsTest {
  private static final String LATEST = "/secrets/mysecretname/";
  private static final String VERSION = "4387e9f3d6e14c459867679a90fd0f79";
  private static final String VALUE = "mysecretvalue";

  private KeyVaultStub vault;
  private ListAppender<ILoggingEvent> logs;
  private Logger logger;

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void start() {
    vault = new KeyVaultStub();
    logger = (Logger) LoggerFactory.getLogger("dev.steward.governance.connection");
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false);
    logs = new ListAppender<>();
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(logs);
    logger.setLevel(null);
    logger.setAdditive(true);
    vault.close();
  }

  private static SecretReference latest() {
    return SecretReference.parse("keyvault://myvault/mysecretname");
  }

  @Test
  void readsTheLatestVersionAfterKeyVaultsChallenge() {
    vault.secret(LATEST, 200, "get-secret.json");
    KeyVaultSecrets secrets = vault.secrets().build();

    assertThat(secrets.getSecret(latest())).isEqualTo(VALUE);

    assertThat(vault.readsOf(LATEST)).isEqualTo(1);
    // The scope and tenant come from the challenge, as on Azure.
    assertThat(vault.credential.requests).isNotEmpty();
    assertThat(vault.credential.requests.get(0).getScopes())
        .containsExactly("https://vault.azure.net/.default");
    assertThat(vault.credential.requests.get(0).getTenantId()).isEqualTo(KeyVaultStub.TENANT);
  }

  @Test
  void aPinnedVersionReadsThatVersion() {
    vault.secret("/secrets/mysecretname/" + VERSION, 200, "get-secret.json");
    vault.secret(LATEST, 200, "get-secret-rotated.json");
    KeyVaultSecrets secrets = vault.secrets().build();

    SecretReference pinned = SecretReference.parse("keyvault://myvault/mysecretname/" + VERSION);
    assertThat(pinned.secretVersion()).isEqualTo(VERSION);
    assertThat(secrets.getSecret(pinned)).isEqualTo(VALUE);
    assertThat(secrets.getSecret(latest())).isEqualTo("myrotatedvalue");
    assertThat(vault.readsOf("/secrets/mysecretname/" + VERSION)).isEqualTo(1);
  }

  @Test
  void valuesAreCachedForTheTimeToLiveOnTheClock() {
    vault.secret(LATEST, 200, "get-secret.json");
    MutableClock clock = new MutableClock();
    KeyVaultSecrets secrets = vault.secrets().clock(clock).ttl(Duration.ofMinutes(10)).build();

    assertThat(secrets.getSecret(latest())).isEqualTo(VALUE);
    clock.advance(Duration.ofMinutes(9).plusSeconds(59));
    assertThat(secrets.getSecret(latest())).isEqualTo(VALUE);
    assertThat(vault.readsOf(LATEST)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    vault.secret(LATEST, 200, "get-secret-rotated.json");
    assertThat(secrets.getSecret(latest())).isEqualTo("myrotatedvalue");
    assertThat(vault.readsOf(LATEST)).isEqualTo(2);

    secrets.invalidate(latest());
    assertThat(secrets.getSecret(latest())).isEqualTo("myrotatedvalue");
    assertThat(vault.readsOf(LATEST)).isEqualTo(3);
  }

  @Test
  void aVaultOutageAfterTheTtlKeepsTheCachedValueButARefusalDoesNot() {
    vault.secret(LATEST, 200, "get-secret.json");
    MutableClock clock = new MutableClock();
    KeyVaultSecrets secrets =
        vault
            .secrets()
            .clock(clock)
            .ttl(Duration.ofMinutes(10))
            .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
            .build();
    assertThat(secrets.getSecret(latest())).isEqualTo(VALUE);

    clock.advance(Duration.ofMinutes(10));
    vault.secret(LATEST, 503, "error-unauthorized.json");
    assertThat(secrets.getSecret(latest())).isEqualTo(VALUE);
    assertThat(vault.readsOf(LATEST)).isEqualTo(2);
    assertThat(logs.list)
        .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("using the cached value"));

    clock.advance(KeyVaultSecrets.STALE_RETRY.minusSeconds(1));
    assertThat(secrets.getSecret(latest())).isEqualTo(VALUE);
    assertThat(vault.readsOf(LATEST)).isEqualTo(2);

    clock.advance(Duration.ofSeconds(1));
    vault.secret(LATEST, 403, "error-unauthorized.json");
    assertThatThrownBy(() -> secrets.getSecret(latest()))
        .isInstanceOf(KeyVaultSecretException.class)
        .hasMessageContaining("HTTP 403");
    assertThat(vault.readsOf(LATEST)).isEqualTo(3);
  }

  @Test
  void theConnectionTesterNamesTheVaultWhenTheSecretCannotBeRead() {
    vault.secret("/secrets/missing/", 404, "error-secret-not-found.json");
    SecretResolver secrets = SecretResolver.of(Map.of(), vault.secrets().build());
    PurviewConnection connection =
        new PurviewConnection(
            "kv",
            "http://127.0.0.1:1", // plain HTTP loopback: no TLS step, straight to the token
            PurviewConnection.Authentication.CLIENT_SECRET,
            KeyVaultStub.TENANT,
            "11111111-2222-3333-4444-555555555555",
            SecretReference.parse("keyvault://myvault/missing"),
            true);

    ConnectionTestResult result =
        ConnectionTester.builder().secrets(secrets).build().test(connection);

    ConnectionTestResult.Step token =
        result.steps().stream().filter(s -> s.name().equals("token")).findFirst().orElseThrow();
    assertThat(token.status()).isEqualTo(ConnectionTestResult.Status.FAILED);
    assertThat(token.detail()).contains("secret 'missing' not found in Key Vault 'myvault'");
    assertThat(token.diagnosis()).contains("keyvault://myvault/missing");
  }

  @Test
  void aMissingSecretNamesTheVaultAndTheSecret() {
    vault.secret("/secrets/missing/", 404, "error-secret-not-found.json");
    KeyVaultSecrets secrets = vault.secrets().build();

    assertThatThrownBy(() -> secrets.getSecret(SecretReference.parse("keyvault://myvault/missing")))
        .isInstanceOfSatisfying(
            KeyVaultSecretException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.reference()).isEqualTo("keyvault://myvault/missing");
            })
        .hasMessageContaining("secret 'missing' not found in Key Vault 'myvault'")
        .hasMessageContaining("keyvault://myvault/missing");
  }

  @Test
  void aForbiddenSecretSaysWhichRoleIsMissing() {
    vault.secret(LATEST, 403, "error-unauthorized.json");
    KeyVaultSecrets secrets = vault.secrets().build();

    assertThatThrownBy(() -> secrets.getSecret(latest()))
        .isInstanceOf(KeyVaultSecretException.class)
        .hasMessageContaining("Key Vault 'myvault' refused to read secret 'mysecretname'")
        .hasMessageContaining("Key Vault Secrets User");
  }

  @Test
  void checkAccessReportsWithoutThrowingAndBypassesTheCache() {
    vault.secret(LATEST, 200, "get-secret.json");
    vault.secret("/secrets/locked/", 403, "error-unauthorized.json");
    KeyVaultSecrets secrets = vault.secrets().build();

    secrets.getSecret(latest());
    KeyVaultSecrets.AccessCheck ok = secrets.checkAccess(latest());
    assertThat(ok.ok()).isTrue();
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.latency()).isPositive();
    assertThat(ok.detail()).contains("mysecretname").doesNotContain(VALUE);
    assertThat(vault.readsOf(LATEST)).isEqualTo(2);

    KeyVaultSecrets.AccessCheck denied =
        secrets.checkAccess(SecretReference.parse("keyvault://myvault/locked"));
    assertThat(denied.ok()).isFalse();
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.detail()).contains("locked", "Key Vault Secrets User");
  }

  @Test
  void anUnreachableVaultIsAnAccessCheckFailureNamingTheUrl() {
    KeyVaultSecrets secrets =
        KeyVaultSecrets.builder()
            .vaultUrl("https://127.0.0.1:1")
            .httpClient(KeyVaultStub.httpClient())
            .credential(vault.credential)
            .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
            .build();
    KeyVaultSecrets.AccessCheck check = secrets.checkAccess(latest());
    assertThat(check.ok()).isFalse();
    assertThat(check.statusCode()).isZero();
    assertThat(check.detail()).contains("Key Vault 'myvault'", "https://127.0.0.1:1");
  }

  @Test
  void theSecretIsNeverInToStringLogsOrExceptions() {
    vault.secret(LATEST, 200, "get-secret.json");
    KeyVaultSecrets secrets = vault.secrets().build();
    SecretResolver resolver = SecretResolver.of(Map.of(), secrets);
    PurviewConnection connection =
        new PurviewConnection(
            "kv",
            "https://contoso.purview.azure.com",
            PurviewConnection.Authentication.TOKEN,
            null,
            null,
            latest(),
            false);

    var credential = Connections.credential(connection, resolver);

    assertThat(resolver.resolve(latest())).isEqualTo(VALUE);
    assertThat(secrets.toString()).doesNotContain(VALUE);
    assertThat(credential.toString()).doesNotContain(VALUE).contains("keyvault://myvault");
    assertThat(connection.toString()).doesNotContain(VALUE);
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      assertThat(event.getFormattedMessage()).doesNotContain(VALUE);
      assertThat(String.valueOf(event.getKeyValuePairs())).doesNotContain(VALUE);
    }
    assertThat(logs.list)
        .anySatisfy(
            e ->
                assertThat(e.getKeyValuePairs())
                    .extracting(kv -> kv.key + "=" + kv.value)
                    .contains("vault=myvault", "secret=mysecretname"));
    vault.secret("/secrets/missing/", 404, "error-secret-not-found.json");
    assertThatThrownBy(() -> secrets.getSecret(SecretReference.parse("keyvault://myvault/missing")))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(VALUE));
  }

  @Test
  void plainHttpVaultUrlsAreRefused() {
    assertThatThrownBy(() -> KeyVaultSecrets.builder().vaultUrl("http://127.0.0.1:8080"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must start with https://");
  }

  @Test
  void vaultUrlsComeFromTheTemplate() {
    assertThat(KeyVaultSecrets.builder().credential(vault.credential).build().vaultUrl("contoso"))
        .isEqualTo("https://contoso.vault.azure.net");
    assertThat(
            KeyVaultSecrets.builder()
                .credential(vault.credential)
                .vaultUrl("https://{vault}.vault.azure.cn/")
                .build()
                .vaultUrl("contoso"))
        .isEqualTo("https://contoso.vault.azure.cn");
    assertThat(KeyVaultSecrets.isLoopback("127.0.0.1")).isTrue();
    assertThat(KeyVaultSecrets.isLoopback("[::1]")).isTrue();
    assertThat(KeyVaultSecrets.isLoopback("localhost")).isTrue();
    assertThat(KeyVaultSecrets.isLoopback("contoso.vault.azure.net")).isFalse();
    assertThat(KeyVaultSecrets.isLoopback("10.0.0.1")).isFalse();
  }
}
