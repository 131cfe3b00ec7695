package dev.steward.purview.emulator;

import java.util.EnumMap;
import java.util.Map;

/**
 * A snapshot of the request and fault counters, so tests can assert "retried exactly twice". Routes
 * are keyed as {@code "GET /atlas/v2/entity/guid/{guid}"} (relative to {@code /datamap/api});
 * requests that are refused (401, faults) are counted too.
 */
public final class EmulatorStats {
  private final long requests;
  private final Map<String, Long> byRoute;
  private final Map<FaultType, Long> faults;

  EmulatorStats(long requests, Map<String, Long> byRoute, Map<FaultType, Long> faults) {
    this.requests = requests;
    this.byRoute = Map.copyOf(byRoute);
    this.faults = Map.copyOf(faults);
  }

  /**
   * All Data Map requests received.
   *
   * @return the count
   */
  public long requests() {
    return requests;
  }

  /**
   * Requests on one route: {@code "GET /atlas/v2/entity/guid/{guid}"}, or a path template without
   * the method, which sums every method.
   *
   * @param route the route
   * @return the count
   */
  public long requests(String route) {
    Long exact = byRoute.get(route);
    if (exact != null) {
      return exact;
    }
    long sum = 0;
    for (Map.Entry<String, Long> e : byRoute.entrySet()) {
      if (e.getKey().endsWith(" " + route)) {
        sum += e.getValue();
      }
    }
    return sum;
  }

  /**
   * Requests by route.
   *
   * @return an immutable map
   */
  public Map<String, Long> requestsByRoute() {
    return byRoute;
  }

  /**
   * Faults served of one type.
   *
   * @param type the type
   * @return the count
   */
  public long faults(FaultType type) {
    return faults.getOrDefault(type, 0L);
  }

  /**
   * Faults served, all types ({@link FaultType#DELAYED} included).
   *
   * @return the count
   */
  public long faults() {
    long sum = 0;
    for (long n : faults.values()) {
      sum += n;
    }
    return sum;
  }

  /**
   * Faults served by type.
   *
   * @return an immutable map
   */
  public Map<FaultType, Long> faultsByType() {
    return faults;
  }

  static Map<FaultType, Long> convert(Map<?, Long> served) {
    Map<FaultType, Long> out = new EnumMap<>(FaultType.class);
    served.forEach((k, v) -> out.put(FaultType.valueOf(k.toString()), v));
    return out;
  }

  @Override
  public String toString() {
    return "EmulatorStats{requests="
        + requests
        + ", byRoute="
        + byRoute
        + ", faults="
        + faults
        + "}";
  }
}
