package dev.steward.governance.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.purview.AuthenticationException;
import dev.steward.purview.PurviewDataMapClient;
import dev.steward.purview.PurviewRetryOptions;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A secret rotated in Key Vault: the 401 that follows makes the connection read it again, once. */
class SecretRefreshTest {
  private static final String HEADERS = "/datamap/api/atlas/v2/types/typedefs/headers";
  private static final String SECRET_PATH = "/secrets/purview-token/";

  private KeyVaultStub vault;
  private WireMockServer purview;

  @BeforeEach
  void start() {
    vault = new KeyVaultStub();
    purview = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    purview.start();
    // The Purview token lives in Key Vault; the two fixtures are its value before and after
    // rotation.
    purviewAnswers(
        "mysecretvalue", 401, "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"expired\"}}");
    purviewAnswers("myrotatedvalue", 200, "[]");
  }

  @AfterEach
  void stop() {
    purview.stop();
    vault.close();
  }

  private void purviewAnswers(String token, int status, String body) {
    purview.stubFor(
        get(urlPathEqualTo(HEADERS))
            .withHeader("Authorization", equalTo("Bearer " + token))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private PurviewDataMapClient client() {
    PurviewConnection connection =
        new PurviewConnection(
            "rotating",
            "http://127.0.0.1:" + purview.port(),
            PurviewConnection.Authentication.TOKEN,
            null,
            null,
            SecretReference.parse("keyvault://myvault/purview-token"),
            true);
    SecretResolver secrets = SecretResolver.of(Map.of(), vault.secrets().build());
    return Connections.clientBuilder(connection, secrets)
        .retry(PurviewRetryOptions.none())
        .buildClient();
  }

  @Test
  void aRotatedSecretIsReadAgainAfterA401AndTheRequestSucceeds() {
    vault.secret(SECRET_PATH, 200, "get-secret.json");
    PurviewDataMapClient client = client();
    vault.secret(SECRET_PATH, 200, "get-secret-rotated.json");

    assertThat(client.typeDefinitions().listHeaders()).isEmpty();

    assertThat(vault.readsOf(SECRET_PATH)).isEqualTo(2);
    assertThat(purview.findAll(getRequestedFor(urlPathEqualTo(HEADERS)))).hasSize(2);
    // The new token is kept: the next call needs neither Key Vault nor a second attempt.
    assertThat(client.typeDefinitions().listHeaders()).isEmpty();
    assertThat(vault.readsOf(SECRET_PATH)).isEqualTo(2);
    assertThat(purview.findAll(getRequestedFor(urlPathEqualTo(HEADERS)))).hasSize(3);
  }

  @Test
  void anUnchangedSecretIsNotRetried() {
    vault.secret(SECRET_PATH, 200, "get-secret.json");
    PurviewDataMapClient client = client();

    assertThatThrownBy(() -> client.typeDefinitions().listHeaders())
        .isInstanceOf(AuthenticationException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("mysecretvalue"));

    assertThat(vault.readsOf(SECRET_PATH)).isEqualTo(2);
    assertThat(purview.findAll(getRequestedFor(urlPathEqualTo(HEADERS)))).hasSize(1);
  }

  /** Entra ID rejecting a rotated client secret: the credential reads the secret again, once. */
  @Test
  void aRejectedClientSecretIsReadAgainOnce() {
    Deque<String> values = new ArrayDeque<>(List.of("old-secret", "new-secret"));
    List<String> events = new CopyOnWriteArrayList<>();
    SecretReference reference = SecretReference.parse("keyvault://myvault/app-secret");
    SecretResolver resolver =
        new SecretResolver() {
          @Override
          public String resolve(SecretReference r) {
            events.add("resolve");
            return values.size() > 1 ? values.poll() : values.peek();
          }

          @Override
          public void invalidate(SecretReference r) {
            events.add("invalidate");
          }
        };
    SecretCredential credential = new SecretCredential(reference, resolver, EntraStandIn::new);
    TokenRequestContext request =
        new TokenRequestContext().addScopes("https://purview.azure.net/.default");

    assertThat(credential.getTokenSync(request).getToken()).isEqualTo("token-for-new-secret");
    assertThat(events).containsExactly("resolve", "invalidate", "resolve");
    assertThat(credential.toString()).isEqualTo("SecretCredential[keyvault://myvault/app-secret]");

    // Still rejected after the re-read: the error surfaces, no loop.
    SecretCredential stuck = new SecretCredential(reference, r -> "old-secret", EntraStandIn::new);
    assertThatThrownBy(() -> stuck.getTokenSync(request))
        .isInstanceOf(ClientAuthenticationException.class)
        .hasMessageContaining("AADSTS7000215");
  }

  /** Accepts only "new-secret", as Entra ID does after a rotation. */
  private record EntraStandIn(String secret) implements TokenCredential {
    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      return Mono.fromSupplier(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
      if (!secret.equals("new-secret")) {
        throw new ClientAuthenticationException(
            "AADSTS7000215: Invalid client secret provided.", null);
      }
      return new AccessToken("token-for-" + secret, OffsetDateTime.now().plusHours(1));
    }
  }
}
