package dev.steward.benchmarks.guard;

import dev.steward.guard.Destructive;
import dev.steward.guard.GuardTarget;
import dev.steward.guard.Guards;
import dev.steward.guard.ProductionGuard;
import dev.steward.guard.ProductionSafe;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the guard on the ALLOW path: an annotated call through {@code Guards.protect} against
 * the same call through a bare JDK dynamic proxy that only passes it on (the baseline), in the same
 * run. The goal is a ratio of at most 2.
 *
 * <p>The guard is the default one (slf4j audit sink, debug logging off) in a declared development
 * environment, so every guarded call is evaluated and allowed: detection is cached, the per-method
 * plan is precomputed, and the audit event is not built when the sink does not want it.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar GuardProxyBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GuardProxyBenchmark {

  /** A repository interface as users write them. */
  public interface Orders {
    /**
     * A write on a fixed target.
     *
     * @param order the order
     * @return the order
     */
    @ProductionSafe(target = "orders-db")
    long save(long order);

    /**
     * A destructive operation whose target is a parameter.
     *
     * @param database the target
     * @param order the order
     * @return the order
     */
    @Destructive
    long purge(@GuardTarget String database, long order);
  }

  /** The implementation: trivial, so the proxies' cost is what is measured. */
  public static final class InMemoryOrders implements Orders {
    @Override
    public long save(long order) {
      return order + 1;
    }

    @Override
    public long purge(String database, long order) {
      return order - 1;
    }
  }

  private Orders guarded;
  private Orders bare;
  private long order;

  /** Builds both proxies around the same implementation. */
  @Setup
  public void setUp() {
    InMemoryOrders implementation = new InMemoryOrders();
    ProductionGuard guard =
        ProductionGuard.builder()
            .environmentVariables(Map.of("STEWARD_ENVIRONMENT", "development"))
            .build();
    guarded = Guards.protect(Orders.class, implementation, guard);
    bare =
        (Orders)
            Proxy.newProxyInstance(
                Orders.class.getClassLoader(),
                new Class<?>[] {Orders.class},
                (proxy, method, args) -> {
                  try {
                    return method.invoke(implementation, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    guarded.save(1);
  }

  /**
   * Baseline: a bare JDK proxy pass-through.
   *
   * @return the result
   */
  @Benchmark
  public long bareProxy() {
    return bare.save(order++);
  }

  /**
   * A {@code @ProductionSafe} call through {@code Guards.protect}, allowed.
   *
   * @return the result
   */
  @Benchmark
  public long guardedFixedTarget() {
    return guarded.save(order++);
  }

  /**
   * A {@code @Destructive} call whose target is a {@code @GuardTarget} parameter, allowed.
   *
   * @return the result
   */
  @Benchmark
  public long guardedParameterTarget() {
    return guarded.purge("scratch-db", order++);
  }

  /**
   * Baseline for the parameter-target call: the same method through the bare proxy.
   *
   * @return the result
   */
  @Benchmark
  public long bareProxyParameterTarget() {
    return bare.purge("scratch-db", order++);
  }
}
