package dev.steward.governance.arm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.purview.PurviewRetryOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * A WireMock server on 127.0.0.1, a clock that only moves when the client "sleeps", and a
 * credential that hands out numbered tokens ({@code token-1}, {@code token-2}, ...). Shared by the
 * ARM and backup tests.
 */
public final class ArmWireMock implements AutoCloseable {
  /** The fixed start of every test. */
  public static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

  /** The server. */
  public final WireMockServer server;

  /** Every delay the client asked for, in order. */
  public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** A clock that moves forward by each sleep. */
  public final MutableClock clock = new MutableClock(START);

  /** Tokens handed out so far. */
  public final AtomicInteger tokensIssued = new AtomicInteger();

  /** Starts a server on a free loopback port. */
  public ArmWireMock() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  /**
   * The endpoint to give the client.
   *
   * @return http://127.0.0.1:port
   */
  public String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  /**
   * A credential whose n-th token is {@code token-n}, valid for an hour of {@link #clock}.
   *
   * @return the credential
   */
  public TokenCredential credential() {
    return new TokenCredential() {
      @Override
      public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromSupplier(() -> getTokenSync(request));
      }

      @Override
      public AccessToken getTokenSync(TokenRequestContext request) {
        return new AccessToken(
            "token-" + tokensIssued.incrementAndGet(),
            OffsetDateTime.ofInstant(clock.instant().plus(Duration.ofHours(1)), ZoneOffset.UTC));
      }
    };
  }

  /**
   * A builder wired to the server, the clock and the recording sleeper; two retries at most.
   *
   * @return the builder
   */
  public ArmClientBuilder builder() {
    return new ArmClientBuilder()
        .endpoint(endpoint())
        .allowInsecureLoopback(true)
        .credential(credential())
        .clock(clock)
        .sleeper(
            d -> {
              sleeps.add(d);
              clock.advance(d);
            })
        .jitter(() -> 0.5)
        .retry(PurviewRetryOptions.defaults().withMaxAttempts(3));
  }

  /**
   * A client from {@link #builder()}.
   *
   * @return the client
   */
  public ArmClient client() {
    return builder().build();
  }

  @Override
  public void close() {
    server.stop();
  }

  /** A settable clock. */
  public static final class MutableClock extends Clock {
    private volatile Instant now;

    /**
     * A clock at an instant.
     *
     * @param start the instant
     */
    public MutableClock(Instant start) {
      this.now = start;
    }

    /**
     * Moves the clock.
     *
     * @param d how far
     */
    public void advance(Duration d) {
      now = now.plus(d);
    }

    /**
     * Sets the clock.
     *
     * @param instant the new time
     */
    public void set(Instant instant) {
      now = instant;
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
}
