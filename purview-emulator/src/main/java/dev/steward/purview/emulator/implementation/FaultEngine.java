package dev.steward.purview.emulator.implementation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Throttling, injected faults and request counters. {@link #decide} runs once per data-plane
 * request; with nothing programmed it returns at once without taking a lock.
 */
public final class FaultEngine {

  /** What to do to one response. */
  public enum Kind {
    THROTTLED,
    UNAVAILABLE,
    INTERNAL_ERROR,
    RESET,
    TRUNCATED,
    DELAYED
  }

  /** The decision for one request: a fault (or null), Retry-After and delay in milliseconds. */
  public record Decision(Kind kind, long retryAfterMillis, long delayMillis, int rateLimit) {
    static final Decision NONE = new Decision(null, 0, 0, 0);
  }

  private static final class Rule {
    final String route;
    final Kind kind;
    final TreeSet<Long> ordinals;
    final double fraction;
    final Random random;
    long seen;

    Rule(String route, Kind kind, TreeSet<Long> ordinals, double fraction, long seed) {
      this.route = route;
      this.kind = kind;
      this.ordinals = ordinals;
      this.fraction = fraction;
      this.random = new Random(seed);
    }

    boolean exhausted() {
      return ordinals != null && ordinals.isEmpty();
    }
  }

  private final LongSupplier nanoTime;
  private final List<Rule> rules = new ArrayList<>();
  private volatile boolean active;
  private int rateLimit;
  private String rateLimitRoute;
  private long windowStart;
  private int windowCount;
  private long delayMillis;
  private String delayRoute;
  private long retryAfterMillis = 1000;
  private long seed = 42;

  private final LongAdder requests = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> byRoute = new ConcurrentHashMap<>();
  private final EnumMap<Kind, LongAdder> served = new EnumMap<>(Kind.class);

  /**
   * A fault engine.
   *
   * @param nanoTime the time source of the rate limiter ({@link System#nanoTime()} in production)
   */
  public FaultEngine(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    for (Kind kind : Kind.values()) {
      served.put(kind, new LongAdder());
    }
  }

  // ------------------------------------------------------------ programming

  /** Limits matching requests to {@code perSecond} per one-second window (0 = off). */
  public synchronized void rateLimit(int perSecond, String route) {
    if (perSecond < 0) {
      throw new IllegalArgumentException("rate limit must be >= 0, was " + perSecond);
    }
    this.rateLimit = perSecond;
    this.rateLimitRoute = route;
    this.windowCount = 0;
    this.windowStart = nanoTime.getAsLong();
    refresh();
  }

  /** Fails the given ordinals (1 = the next matching request) with the kind. */
  public synchronized void failOrdinals(Kind kind, String route, long... ordinals) {
    requireFault(kind);
    TreeSet<Long> set = new TreeSet<>();
    for (long ordinal : ordinals) {
      if (ordinal < 1) {
        throw new IllegalArgumentException("request ordinals start at 1, was " + ordinal);
      }
      set.add(ordinal);
    }
    if (!set.isEmpty()) {
      rules.add(new Rule(route, kind, set, 0, 0));
    }
    refresh();
  }

  /** Fails this fraction of matching requests, pseudo-randomly but reproducibly. */
  public synchronized void failFraction(Kind kind, String route, double fraction) {
    requireFault(kind);
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be between 0 and 1, was " + fraction);
    }
    rules.add(new Rule(route, kind, null, fraction, seed++));
    refresh();
  }

  /** Delays every matching response (0 = off). */
  public synchronized void delay(long millis, String route) {
    if (millis < 0) {
      throw new IllegalArgumentException("delay must be >= 0, was " + millis);
    }
    this.delayMillis = millis;
    this.delayRoute = route;
    refresh();
  }

  /** The Retry-After sent with injected 429 and 503 answers. */
  public synchronized void retryAfter(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("Retry-After must be >= 0, was " + millis);
    }
    this.retryAfterMillis = millis;
  }

  /** Removes every rule, the rate limit and the delay. Counters stay. */
  public synchronized void clear() {
    rules.clear();
    rateLimit = 0;
    delayMillis = 0;
    retryAfterMillis = 1000;
    refresh();
  }

  private static void requireFault(Kind kind) {
    if (kind == null || kind == Kind.DELAYED) {
      throw new IllegalArgumentException("not a fault that fails a request: " + kind);
    }
  }

  private void refresh() {
    active = !rules.isEmpty() || rateLimit > 0 || delayMillis > 0;
  }

  // ------------------------------------------------------------ per request

  /** Counts a data-plane request against its route key ({@code GET /atlas/v2/...}). */
  public void count(String routeKey) {
    requests.increment();
    byRoute.computeIfAbsent(routeKey, k -> new LongAdder()).increment();
  }

  /** Decides what happens to one request on the route. */
  public Decision decide(String routeKey) {
    if (!active) {
      return Decision.NONE;
    }
    synchronized (this) {
      if (rateLimit > 0 && matches(rateLimitRoute, routeKey)) {
        long now = nanoTime.getAsLong();
        long elapsed = now - windowStart;
        if (elapsed >= 1_000_000_000L) {
          windowStart = now - (elapsed % 1_000_000_000L);
          windowCount = 0;
          elapsed = now - windowStart;
        }
        if (windowCount >= rateLimit) {
          long remaining = Math.max(1, (1_000_000_000L - elapsed + 999_999) / 1_000_000);
          served.get(Kind.THROTTLED).increment();
          return new Decision(Kind.THROTTLED, remaining, 0, rateLimit);
        }
        windowCount++;
      }
      Kind kind = null;
      for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
        Rule rule = it.next();
        if (!matches(rule.route, routeKey)) {
          continue;
        }
        rule.seen++;
        boolean hit;
        if (rule.ordinals != null) {
          hit = rule.ordinals.remove(rule.seen);
          if (rule.exhausted()) {
            it.remove();
          }
        } else {
          hit = rule.random.nextDouble() < rule.fraction;
        }
        if (hit && kind == null) {
          kind = rule.kind;
        }
      }
      refresh();
      long delay = delayMillis > 0 && matches(delayRoute, routeKey) ? delayMillis : 0;
      if (delay > 0) {
        served.get(Kind.DELAYED).increment();
      }
      if (kind != null) {
        served.get(kind).increment();
      }
      return kind == null && delay == 0
          ? Decision.NONE
          : new Decision(kind, retryAfterMillis, delay, rateLimit);
    }
  }

  private static boolean matches(String route, String routeKey) {
    if (route == null) {
      return true;
    }
    return routeKey.equals(route) || routeKey.endsWith(" " + route);
  }

  // ------------------------------------------------------------ reading

  /** Total data-plane requests. */
  public long requests() {
    return requests.sum();
  }

  /** Requests by route key. */
  public Map<String, Long> requestsByRoute() {
    Map<String, Long> out = new TreeMap<>();
    byRoute.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Faults served by kind (delays included). */
  public Map<Kind, Long> served() {
    Map<Kind, Long> out = new EnumMap<>(Kind.class);
    served.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Resets the counters. */
  public void resetCounters() {
    requests.reset();
    byRoute.clear();
    served.values().forEach(LongAdder::reset);
  }

  /** The programmed faults as JSON (for {@code GET /emulator/faults}). */
  public synchronized ObjectNode describe() {
    ObjectNode out = Json.object();
    out.put("rateLimit", rateLimit);
    if (rateLimitRoute != null) {
      out.put("rateLimitRoute", rateLimitRoute);
    }
    out.put("delayMs", delayMillis);
    if (delayRoute != null) {
      out.put("delayRoute", delayRoute);
    }
    out.put("retryAfterMs", retryAfterMillis);
    ArrayNode list = out.putArray("rules");
    for (Rule rule : rules) {
      ObjectNode r = list.addObject();
      r.put("type", rule.kind.name());
      if (rule.route != null) {
        r.put("route", rule.route);
      }
      if (rule.ordinals != null) {
        ArrayNode ordinals = r.putArray("remainingOrdinals");
        for (long ordinal : rule.ordinals) {
          ordinals.add(ordinal - rule.seen);
        }
      } else {
        r.put("fraction", rule.fraction);
      }
    }
    return out;
  }

  /** Counters as JSON (for {@code GET /emulator/stats}). */
  public ObjectNode stats() {
    ObjectNode out = Json.object();
    out.put("requests", requests());
    ObjectNode routes = out.putObject("routes");
    requestsByRoute().forEach(routes::put);
    ObjectNode faults = out.putObject("faults");
    long total = 0;
    for (Map.Entry<Kind, Long> e : served().entrySet()) {
      faults.put(e.getKey().name(), e.getValue());
      total += e.getValue();
    }
    out.put("faultsTotal", total);
    return out;
  }
}
