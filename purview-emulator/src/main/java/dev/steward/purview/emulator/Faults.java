package dev.steward.purview.emulator;

import dev.steward.purview.emulator.implementation.FaultEngine;
import java.time.Duration;
import java.util.Objects;

/**
 * Programs throttling and faults. Every method returns this object, so calls chain. Request
 * ordinals count from the moment a rule is added ({@code 1} = the next matching request), so a test
 * reads like "the next two reads fail with 503, the third succeeds". A scoped view from {@link
 * #onRoute(String)} applies its rules to one route only.
 *
 * <pre>{@code
 * emulator.faults().failNext(2);                                       // 503, 503, then normal
 * emulator.faults().onRoute("POST /search/query").failNext(1, FaultType.RESET);
 * emulator.faults().rateLimit(10);                                     // 429 + Retry-After above 10/s
 * }</pre>
 *
 * <p>Routes are written as the 2023-09-01 specification writes them, relative to {@code
 * /datamap/api}: {@code "GET /atlas/v2/entity/guid/{guid}"}; a route without a method matches every
 * method on that path.
 */
public final class Faults {
  private final FaultEngine engine;
  private final String route;

  Faults(FaultEngine engine, String route) {
    this.engine = engine;
    this.route = route;
  }

  /**
   * A view whose rules apply only to one route.
   *
   * @param route for example {@code "GET /atlas/v2/entity/guid/{guid}"} or {@code "/search/query"}
   * @return the scoped view
   */
  public Faults onRoute(String route) {
    return new Faults(engine, Objects.requireNonNull(route, "route"));
  }

  /**
   * Limits requests to {@code operationsPerSecond} per one-second window; requests above it get 429
   * with {@code Retry-After} (seconds) and {@code retry-after-ms} set to the rest of the window.
   *
   * @param operationsPerSecond the limit, 0 to switch it off
   * @return this
   */
  public Faults rateLimit(int operationsPerSecond) {
    engine.rateLimit(operationsPerSecond, route);
    return this;
  }

  /**
   * Fails the next {@code count} requests with 503.
   *
   * @param count how many
   * @return this
   */
  public Faults failNext(int count) {
    return failNext(count, FaultType.UNAVAILABLE);
  }

  /**
   * Fails the next {@code count} requests with the given fault.
   *
   * @param count how many
   * @param type the fault (not {@link FaultType#DELAYED})
   * @return this
   */
  public Faults failNext(int count, FaultType type) {
    long[] ordinals = new long[Math.max(0, count)];
    for (int i = 0; i < ordinals.length; i++) {
      ordinals[i] = i + 1;
    }
    engine.failOrdinals(kind(type), route, ordinals);
    return this;
  }

  /**
   * Fails the requests with these ordinals, counted from now (1 = the next request).
   *
   * @param type the fault (not {@link FaultType#DELAYED})
   * @param ordinals which requests, for example {@code 3, 5}
   * @return this
   */
  public Faults failRequests(FaultType type, long... ordinals) {
    engine.failOrdinals(kind(type), route, ordinals);
    return this;
  }

  /**
   * Fails a fraction of requests, pseudo-randomly but the same way on every run.
   *
   * @param fraction between 0 and 1
   * @param type the fault (not {@link FaultType#DELAYED})
   * @return this
   */
  public Faults failFraction(double fraction, FaultType type) {
    engine.failFraction(kind(type), route, fraction);
    return this;
  }

  /**
   * Delays every response (the server thread is not blocked meanwhile).
   *
   * @param delay how long, {@link Duration#ZERO} to switch off
   * @return this
   */
  public Faults delay(Duration delay) {
    engine.delay(delay.toMillis(), route);
    return this;
  }

  /**
   * Sets the {@code Retry-After} of injected 429 and 503 answers (default one second).
   *
   * @param retryAfter the value
   * @return this
   */
  public Faults retryAfter(Duration retryAfter) {
    engine.retryAfter(retryAfter.toMillis());
    return this;
  }

  /**
   * Removes every rule, the rate limit and the delay (for every route). Counters are kept; see
   * {@link PurviewEmulator#resetStats()}.
   *
   * @return this
   */
  public Faults clear() {
    engine.clear();
    return this;
  }

  private static FaultEngine.Kind kind(FaultType type) {
    Objects.requireNonNull(type, "type");
    if (type == FaultType.DELAYED) {
      throw new IllegalArgumentException("DELAYED is not a failure: use delay(Duration)");
    }
    return FaultEngine.Kind.valueOf(type.name());
  }

  @Override
  public String toString() {
    return engine.describe().toString();
  }
}
