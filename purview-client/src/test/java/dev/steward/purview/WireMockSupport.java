package dev.steward.purview;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock server on 127.0.0.1 and a client that never really sleeps. */
abstract class WireMockSupport {
  static final String TOKEN = "test-token-3c5a9f-SECRET";
  WireMockServer server;

  /** Every delay the client asked for, in order. */
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  /** A clock that moves forward by each sleep. */
  final MutableClock clock = new MutableClock();

  @BeforeEach
  void startServer() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.port();
  }

  PurviewDataMapClientBuilder builder() {
    return new PurviewDataMapClientBuilder()
        .endpoint(endpoint())
        .allowInsecureLoopback(true)
        .credential(new StaticTokenCredential(TOKEN))
        .clock(clock)
        .sleeper(
            d -> {
              sleeps.add(d);
              clock.advance(d);
            })
        .jitter(() -> 0.5);
  }

  PurviewDataMapClient client() {
    return builder().buildClient();
  }

  /** A settable clock. */
  static final class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-23T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
