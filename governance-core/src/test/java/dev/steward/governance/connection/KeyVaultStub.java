package dev.steward.governance.connection;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import reactor.core.publisher.Mono;

/**
 * A Key Vault data plane on loopback HTTPS (WireMock with {@code keyvault/loopback-tls.p12}),
 * answering unauthenticated requests with Key Vault's challenge, and the pieces a test needs to
 * talk to it: an HTTP client that trusts the test certificate and a credential that records the
 * token requests.
 */
final class KeyVaultStub implements AutoCloseable {
  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String TOKEN = "kv-access-token";
  private static final String KEYSTORE_PASSWORD = "changeit";

  final WireMockServer server;
  final RecordingCredential credential = new RecordingCredential();

  KeyVaultStub() {
    server =
        new WireMockServer(
            wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .bindAddress("127.0.0.1")
                .keystorePath(keystore().toString())
                .keystoreType("PKCS12")
                .keystorePassword(KEYSTORE_PASSWORD)
                .keyManagerPassword(KEYSTORE_PASSWORD));
    server.start();
    // Key Vault's challenge (see keyvault/README.md): no token, no secret.
    server.stubFor(
        get(urlPathMatching("/secrets/.*"))
            .atPriority(1)
            .withHeader("Authorization", absent())
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withHeader(
                        "WWW-Authenticate",
                        "Bearer authorization=\"https://login.microsoftonline.com/"
                            + TENANT
                            + "\", resource=\"https://vault.azure.net\"")
                    .withBody(fixture("error-unauthorized.json"))));
  }

  /** The vault URL to give {@link KeyVaultSecrets.Builder#vaultUrl}. */
  String url() {
    return "https://127.0.0.1:" + server.httpsPort();
  }

  /** A builder wired to this stub: its URL, the trusting HTTP client and the credential. */
  KeyVaultSecrets.Builder secrets() {
    return KeyVaultSecrets.builder()
        .vaultUrl(url())
        .httpClient(httpClient())
        .credential(credential);
  }

  /** Serves a fixture for an authorised GET of a secret path. */
  void secret(String path, int status, String fixture) {
    server.stubFor(authorised(get(urlPathEqualTo(path)), status, fixture));
  }

  MappingBuilder authorised(MappingBuilder mapping, int status, String fixture) {
    return mapping
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .willReturn(
            aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(fixture(fixture)));
  }

  /** Authorised GETs of a path, whatever the query string. */
  int readsOf(String path) {
    return server
        .findAll(
            getRequestedFor(urlPathEqualTo(path))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)))
        .size();
  }

  static String fixture(String name) {
    try (InputStream in = KeyVaultStub.class.getResourceAsStream("/keyvault/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture keyvault/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path keystore() {
    try {
      return Path.of(KeyVaultStub.class.getResource("/keyvault/loopback-tls.p12").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * An azure-core HTTP client (JDK transport) whose trust store holds only the test certificate.
   */
  static HttpClient httpClient() {
    try (InputStream in = KeyVaultStub.class.getResourceAsStream("/keyvault/loopback-tls.p12")) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, KEYSTORE_PASSWORD.toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().sslContext(tls))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Hands out {@link #TOKEN} and records what was asked for. */
  static final class RecordingCredential implements TokenCredential {
    final List<TokenRequestContext> requests = new CopyOnWriteArrayList<>();

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
      return Mono.fromSupplier(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
      requests.add(request);
      return new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1));
    }
  }
}
