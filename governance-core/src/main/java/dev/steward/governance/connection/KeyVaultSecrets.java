package dev.steward.governance.connection;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.exception.ResourceNotFoundException;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.RetryOptions;
import com.azure.identity.ChainedTokenCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code keyvault://VAULT/SECRET[/VERSION]} references from Azure Key Vault with the
 * azure-security-keyvault-secrets client, and caches each value for a time to live so a connection
 * used every minute does not read the vault every minute.
 *
 * <p>Authentication: the credential given to the builder, by default a chain of {@code
 * ManagedIdentityCredential} (first: the normal case for a job running on Azure) and {@code
 * DefaultAzureCredential} (environment, workload identity, Azure CLI, ...). Key Vault's challenge
 * protocol picks the tenant and the scope ({@code https://vault.azure.net/.default}). The identity
 * needs the "Key Vault Secrets User" role on the vault, or a {@code get} secret access policy.
 *
 * <p>Vault URL: {@code https://VAULT.vault.azure.net}, or a template with a {@code {vault}}
 * placeholder (sovereign clouds: {@code https://{vault}.vault.azure.cn}; tests: a loopback HTTPS
 * server). HTTPS is always required. For a loopback host, and only there, the SDK's check that the
 * challenge's resource matches the vault's domain is off, since {@code 127.0.0.1} can never end in
 * {@code .vault.azure.net}.
 *
 * <p>Values live only in memory: {@link #toString()}, logs and exceptions name vaults and secrets,
 * never values. Thread-safe.
 */
public final class KeyVaultSecrets {

  /** The public-cloud vault URL template. */
  public static final String DEFAULT_VAULT_URL = "https://{vault}.vault.azure.net";

  /** How long a value is used before the vault is read again, by default. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  /**
   * When the vault cannot be read after the time to live, the cached value is used for at most this
   * long (or the TTL, if shorter) before the next attempt.
   */
  static final Duration STALE_RETRY = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(KeyVaultSecrets.class);

  private final TokenCredential credential;
  private final String vaultUrlTemplate;
  private final Duration ttl;
  private final Clock clock;
  private final HttpClient httpClient;
  private final RetryOptions retryOptions;
  private final ConcurrentMap<String, SecretClient> clients = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Entry> cache = new ConcurrentHashMap<>();

  /** One cached value; its monitor serialises reads of one reference. */
  private static final class Entry {
    private String value;
    private Instant expiresAt;
  }

  /**
   * The result of {@link #checkAccess}: whether the identity can read the secret now.
   *
   * @param reference the reference checked, as text
   * @param ok whether the secret was read
   * @param statusCode the HTTP status Key Vault answered with, or 0 when it did not answer
   * @param latency how long the check took
   * @param detail what was found, or what failed and what to do (never the value)
   */
  public record AccessCheck(
      String reference, boolean ok, int statusCode, Duration latency, String detail) {}

  private KeyVaultSecrets(Builder builder) {
    this.credential = builder.credential != null ? builder.credential : defaultCredential();
    this.vaultUrlTemplate = builder.vaultUrlTemplate;
    this.ttl = builder.ttl;
    this.clock = builder.clock;
    this.httpClient = builder.httpClient;
    this.retryOptions = builder.retryOptions;
  }

  private static TokenCredential defaultCredential() {
    return new ChainedTokenCredentialBuilder()
        .addLast(new ManagedIdentityCredentialBuilder().build())
        .addLast(new DefaultAzureCredentialBuilder().build())
        .build();
  }

  /**
   * Starts a builder.
   *
   * @return a builder with the default credential chain, vault URL and time to live
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The process-wide instance with the defaults (managed identity, then {@code
   * DefaultAzureCredential}; public-cloud vault URLs; {@link #DEFAULT_TTL}), built on first use. It
   * is what {@link SecretResolver#of(java.util.Map)} and {@link Connections} use when no resolver
   * is given.
   *
   * @return the shared instance
   */
  public static KeyVaultSecrets defaultInstance() {
    return DefaultHolder.INSTANCE;
  }

  private static final class DefaultHolder {
    private static final KeyVaultSecrets INSTANCE = builder().build();
  }

  /**
   * The vault URL for a vault name.
   *
   * @param vaultName the vault's name
   * @return its URL, from the template
   */
  public String vaultUrl(String vaultName) {
    return vaultUrlTemplate.replace("{vault}", Objects.requireNonNull(vaultName, "vaultName"));
  }

  /**
   * Reads a secret, from the cache while its time to live lasts. When the time to live has passed
   * and the vault does not answer (network failure, 408, 429, 5xx), the cached value is used a
   * little longer (one minute, or the TTL if shorter) and a warning is logged; an authoritative
   * answer (401, 403, 404) is never papered over.
   *
   * @param reference a {@code keyvault://} reference
   * @return the secret's value
   * @throws KeyVaultSecretException naming the vault and the secret when it cannot be read
   * @throws IllegalArgumentException when the reference is not a Key Vault reference
   */
  public String getSecret(SecretReference reference) {
    requireKeyVault(reference);
    Entry entry = cache.computeIfAbsent(reference.toString(), k -> new Entry());
    synchronized (entry) {
      Instant now = clock.instant();
      if (entry.value != null && now.isBefore(entry.expiresAt)) {
        return entry.value;
      }
      try {
        entry.value = read(reference);
      } catch (KeyVaultSecretException e) {
        if (entry.value == null || !transientFailure(e.statusCode())) {
          throw e;
        }
        // The vault did not answer (or is throttled or failing): keep the value we have, which
        // was valid a moment ago, rather than break a running job; try again a little later.
        Duration retryIn = ttl.compareTo(STALE_RETRY) < 0 ? ttl : STALE_RETRY;
        entry.expiresAt = now.plus(retryIn);
        LOG.atWarn()
            .addKeyValue("vault", reference.vaultName())
            .addKeyValue("secret", reference.secretName())
            .addKeyValue("status", e.statusCode())
            .addKeyValue("retryInSeconds", retryIn.toSeconds())
            .log("Key Vault could not be read; using the cached value a little longer");
        return entry.value;
      }
      entry.expiresAt = now.plus(ttl);
      return entry.value;
    }
  }

  /**
   * Forgets the cached value of a reference: the next {@link #getSecret} reads the vault.
   *
   * @param reference a {@code keyvault://} reference
   */
  public void invalidate(SecretReference reference) {
    requireKeyVault(reference);
    Entry entry = cache.get(reference.toString());
    if (entry != null) {
      synchronized (entry) {
        entry.value = null;
      }
    }
  }

  /**
   * Checks, without the cache, that the vault answers and that the identity may read the secret: a
   * cheap probe for health checks (one {@code GET secrets/{name}}; the value is read and dropped,
   * since Key Vault has no cheaper call that proves {@code get} permission). Never throws for a
   * failing vault: the failure is in the result.
   *
   * @param reference a {@code keyvault://} reference
   * @return what was found
   */
  public AccessCheck checkAccess(SecretReference reference) {
    requireKeyVault(reference);
    long start = System.nanoTime();
    try {
      read(reference);
      return new AccessCheck(
          reference.toString(),
          true,
          200,
          Duration.ofNanos(System.nanoTime() - start),
          "read secret '" + reference.secretName() + "' from " + vaultUrl(reference.vaultName()));
    } catch (KeyVaultSecretException e) {
      return new AccessCheck(
          reference.toString(),
          false,
          e.statusCode(),
          Duration.ofNanos(System.nanoTime() - start),
          e.getMessage());
    }
  }

  /** No answer, throttled, or a server error: the secret may well still be valid. */
  private static boolean transientFailure(int statusCode) {
    return statusCode == 0 || statusCode == 408 || statusCode == 429 || statusCode >= 500;
  }

  private static void requireKeyVault(SecretReference reference) {
    Objects.requireNonNull(reference, "reference");
    if (reference.kind() != SecretReference.Kind.KEY_VAULT) {
      throw new IllegalArgumentException(reference + " is not a keyvault:// reference");
    }
  }

  private String read(SecretReference reference) {
    String vault = reference.vaultName();
    String name = reference.secretName();
    String version = reference.secretVersion();
    SecretClient client;
    try {
      client = clients.computeIfAbsent(vault, this::newClient);
    } catch (IllegalArgumentException e) {
      throw new KeyVaultSecretException(
          reference, 0, "Key Vault '" + vault + "': " + e.getMessage(), e);
    }
    KeyVaultSecret secret;
    try {
      secret = version == null ? client.getSecret(name) : client.getSecret(name, version);
    } catch (ResourceNotFoundException e) {
      throw new KeyVaultSecretException(
          reference,
          404,
          "secret '"
              + name
              + "'"
              + (version == null ? "" : " version " + version)
              + " not found in Key Vault '"
              + vault
              + "' ("
              + reference
              + "): check the secret name and version, and that the secret is not deleted",
          e);
    } catch (HttpResponseException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
      throw new KeyVaultSecretException(reference, status, describe(reference, status, e), e);
    } catch (RuntimeException e) {
      throw new KeyVaultSecretException(
          reference,
          0,
          "cannot read secret '"
              + name
              + "' from Key Vault '"
              + vault
              + "' at "
              + vaultUrl(vault)
              + ": "
              + firstLine(e),
          e);
    }
    if (secret == null || secret.getValue() == null) {
      throw new KeyVaultSecretException(
          reference,
          200,
          "Key Vault '" + vault + "' returned no value for secret '" + name + "'",
          null);
    }
    LOG.atDebug()
        .addKeyValue("vault", vault)
        .addKeyValue("secret", name)
        .addKeyValue("version", secret.getProperties().getVersion())
        .log("Read a secret from Key Vault");
    return secret.getValue();
  }

  private String describe(SecretReference reference, int status, HttpResponseException e) {
    String vault = reference.vaultName();
    String name = reference.secretName();
    return switch (status) {
      case 0 ->
          "no token for Key Vault '"
              + vault
              + "' (reading secret '"
              + name
              + "'): "
              + firstLine(e)
              + ". Run on Azure with a managed identity, or sign in (az login), or pass a credential";
      case 401 ->
          "Key Vault '"
              + vault
              + "' rejected the token (HTTP 401) reading secret '"
              + name
              + "': the identity is in another tenant, or the token was not issued for"
              + " https://vault.azure.net";
      case 403 ->
          "Key Vault '"
              + vault
              + "' refused to read secret '"
              + name
              + "' (HTTP 403): grant the identity the 'Key Vault Secrets User' role on the vault"
              + " (or a 'get' secret access policy), check the vault's firewall, and that the"
              + " secret is enabled";
      default ->
          "Key Vault '" + vault + "' answered HTTP " + status + " reading secret '" + name + "'";
    };
  }

  private SecretClient newClient(String vault) {
    String url = vaultUrl(vault);
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("vault URL '" + url + "' is not a URL", e);
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "vault URL '" + url + "' must be https://HOST (Key Vault tokens never go over HTTP)");
    }
    SecretClientBuilder builder = new SecretClientBuilder().vaultUrl(url).credential(credential);
    if (isLoopback(uri.getHost())) {
      builder.disableChallengeResourceVerification();
    }
    if (httpClient != null) {
      builder.httpClient(httpClient);
    }
    if (retryOptions != null) {
      builder.retryOptions(retryOptions);
    }
    return builder.buildClient();
  }

  static boolean isLoopback(String host) {
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    boolean literal = h.contains(":") || h.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    if (!literal) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    message = newline < 0 ? message : message.substring(0, newline);
    return message.length() > 300 ? message.substring(0, 300) + "..." : message;
  }

  @Override
  public String toString() {
    return "KeyVaultSecrets[vaultUrl="
        + vaultUrlTemplate
        + ", ttl="
        + ttl
        + ", cached="
        + cache.size()
        + "]";
  }

  /** Builds {@link KeyVaultSecrets}. */
  public static final class Builder {
    private TokenCredential credential;
    private String vaultUrlTemplate = DEFAULT_VAULT_URL;
    private Duration ttl = DEFAULT_TTL;
    private Clock clock = Clock.systemUTC();
    private HttpClient httpClient;
    private RetryOptions retryOptions;

    private Builder() {}

    /**
     * Sets the credential Key Vault tokens come from (default: managed identity, then {@code
     * DefaultAzureCredential}).
     *
     * @param credential the credential
     * @return this builder
     */
    public Builder credential(TokenCredential credential) {
      this.credential = Objects.requireNonNull(credential, "credential");
      return this;
    }

    /**
     * Sets the vault URL: a template where {@code {vault}} stands for the vault name (default
     * {@link KeyVaultSecrets#DEFAULT_VAULT_URL}), or a fixed URL used for every vault (a test
     * server).
     *
     * @param vaultUrl the template or URL, {@code https://} only
     * @return this builder
     * @throws IllegalArgumentException when it is not an {@code https://} URL
     */
    public Builder vaultUrl(String vaultUrl) {
      Objects.requireNonNull(vaultUrl, "vaultUrl");
      if (!vaultUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
        throw new IllegalArgumentException(
            "vault URL '"
                + vaultUrl
                + "' must start with https:// (Key Vault tokens never go over HTTP)");
      }
      this.vaultUrlTemplate =
          vaultUrl.endsWith("/") ? vaultUrl.substring(0, vaultUrl.length() - 1) : vaultUrl;
      return this;
    }

    /**
     * Sets how long a value is used before the vault is read again (default {@link #DEFAULT_TTL}).
     *
     * @param ttl a positive duration
     * @return this builder
     */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("ttl must be positive, was " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /**
     * Sets the clock the time to live is measured with.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the HTTP client (default: azure-core's, the JDK {@code HttpClient} transport).
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Sets the Key Vault client's retry options (default: the SDK's exponential back-off).
     *
     * @param retryOptions the options
     * @return this builder
     */
    public Builder retryOptions(RetryOptions retryOptions) {
      this.retryOptions = Objects.requireNonNull(retryOptions, "retryOptions");
      return this;
    }

    /**
     * Builds the client. Nothing is contacted until a secret is read.
     *
     * @return the client
     */
    public KeyVaultSecrets build() {
      return new KeyVaultSecrets(this);
    }
  }
}
