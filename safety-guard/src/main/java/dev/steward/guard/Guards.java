package dev.steward.guard;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Binds {@link ProductionSafe} and {@link Destructive} to a production guard with a JDK dynamic
 * proxy, and verifies that annotated methods are not reachable without it.
 *
 * <pre>{@code
 * OrderRepository orders = Guards.protect(OrderRepository.class, new JdbcOrderRepository(ds), guard);
 * orders.deleteAll("orders-db");   // @Destructive: evaluated first, throws when not allowed
 * }</pre>
 *
 * <p>What the proxy does: before each annotated method, it evaluates the operation the annotation
 * describes and throws a {@link ProductionGuardException} subtype when the decision is not {@code
 * ALLOW}; then it calls the implementation, and whatever the implementation throws reaches the
 * caller unwrapped. Unannotated methods pass straight through. A default method the implementation
 * does not override runs on the proxy, so the calls it makes are guarded too. Everything about a
 * method (annotations, target, source) is worked out once, here, not per call.
 *
 * <p>Limits, as with every proxy: interfaces only; calls an implementation makes on {@code this}
 * are not guarded; in a named module the interface's package must be exported or opened to {@code
 * dev.steward.guard}.
 */
public final class Guards {

  private Guards() {}

  /**
   * Wraps {@code implementation} in a proxy that asks {@code guard} before each annotated method.
   *
   * @param iface the interface to expose
   * @param implementation the object that does the work
   * @param guard the guard
   * @param <T> the interface type
   * @return the guarded proxy
   * @throws IllegalArgumentException when {@code iface} is not an interface, or an annotation
   *     cannot be honoured (no target, conflicting annotations, a data deployment without a {@link
   *     GuardSource} parameter, ...)
   */
  public static <T> T protect(Class<T> iface, T implementation, ProductionGuard guard) {
    Objects.requireNonNull(iface, "iface");
    Objects.requireNonNull(implementation, "implementation");
    Objects.requireNonNull(guard, "guard");
    if (!iface.isInterface()) {
      throw new IllegalArgumentException(
          iface.getName() + " is a class; Guards.protect proxies interfaces only");
    }
    if (!iface.isInstance(implementation)) {
      throw new IllegalArgumentException(
          implementation.getClass().getName() + " does not implement " + iface.getName());
    }
    Map<Method, MethodPlan> plans = plans(iface, implementation.getClass(), guard);
    Object proxy =
        Proxy.newProxyInstance(
            iface.getClassLoader(),
            new Class<?>[] {iface},
            new GuardedInvocationHandler(iface, implementation, guard, plans));
    return iface.cast(proxy);
  }

  /**
   * Whether {@code candidate} is a proxy made by {@link #protect}.
   *
   * @param candidate any object
   * @return {@code true} for a guarded proxy
   */
  public static boolean isGuarded(Object candidate) {
    return candidate != null
        && Proxy.isProxyClass(candidate.getClass())
        && Proxy.getInvocationHandler(candidate) instanceof GuardedInvocationHandler;
  }

  /**
   * Fails when {@code candidate} exposes annotated methods without the guard: use it in a unit test
   * on the object your application actually hands out (for example the injected bean).
   *
   * @param candidate the object callers get
   * @throws UnguardedMethodException when it is not a guarded proxy and any of its methods (or the
   *     interfaces' methods it implements) is annotated
   */
  public static void verify(Object candidate) {
    Objects.requireNonNull(candidate, "candidate");
    if (isGuarded(candidate)) {
      return;
    }
    Set<String> annotated = annotatedMethods(candidate.getClass());
    if (!annotated.isEmpty()) {
      throw new UnguardedMethodException(
          candidate.getClass().getName()
              + " is not guarded, yet callers reach these annotated methods through it: "
              + String.join(", ", annotated)
              + ". Hand out Guards.protect(<interface>.class, implementation, guard) instead.");
    }
  }

  /**
   * Fails when binding {@code implementation} behind {@code iface} would leave an annotated method
   * unguarded or could not honour an annotation: an annotated public method of the implementation
   * that the interface does not declare (the proxy never sees it), conflicting annotations, an
   * annotated method without a target, a data deployment without a source.
   *
   * @param iface the interface callers use
   * @param implementation the implementation class
   * @throws UnguardedMethodException listing every problem
   */
  public static void verify(Class<?> iface, Class<?> implementation) {
    Objects.requireNonNull(iface, "iface");
    Objects.requireNonNull(implementation, "implementation");
    List<String> problems = new ArrayList<>();
    if (!iface.isInterface()) {
      problems.add(iface.getName() + " is not an interface");
    } else if (!iface.isAssignableFrom(implementation)) {
      problems.add(implementation.getName() + " does not implement " + iface.getName());
    } else {
      for (Method method : iface.getMethods()) {
        if (Modifier.isStatic(method.getModifiers())) {
          continue;
        }
        try {
          MethodPlan.of(method, implementation, null);
        } catch (IllegalArgumentException e) {
          problems.add(e.getMessage());
        }
      }
      for (Method method : implementation.getMethods()) {
        if (method.getDeclaringClass() == Object.class
            || Modifier.isStatic(method.getModifiers())
            || method.isBridge()
            || declares(iface, method)) {
          continue;
        }
        MethodPlan.Spec spec;
        try {
          spec = MethodPlan.specOf(method);
          if (spec == null && !method.getDeclaringClass().isInterface()) {
            spec = MethodPlan.specOf(method.getDeclaringClass());
          }
        } catch (IllegalArgumentException e) {
          problems.add(e.getMessage());
          continue;
        }
        if (spec != null) {
          problems.add(
              implementation.getSimpleName()
                  + "."
                  + method.getName()
                  + "() is "
                  + spec.describe()
                  + " but "
                  + iface.getSimpleName()
                  + " does not declare it, so the proxy never sees it: declare it on the"
                  + " interface");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new UnguardedMethodException(String.join("; ", problems));
    }
  }

  private static Map<Method, MethodPlan> plans(
      Class<?> iface, Class<?> implementation, ProductionGuard guard) {
    Map<Method, MethodPlan> plans = new HashMap<>();
    for (Method method : iface.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers())) {
        plans.put(method, MethodPlan.of(method, implementation, guard));
      }
    }
    return Map.copyOf(plans);
  }

  private static boolean declares(Class<?> iface, Method method) {
    try {
      iface.getMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static Set<String> annotatedMethods(Class<?> type) {
    Set<String> found = new LinkedHashSet<>();
    for (Class<?> iface : allInterfaces(type)) {
      for (Method method : iface.getMethods()) {
        if (Modifier.isStatic(method.getModifiers())) {
          continue;
        }
        MethodPlan.Spec spec =
            MethodPlan.resolve(method, MethodPlan.implementationOf(method, type), type);
        if (spec != null) {
          found.add(iface.getSimpleName() + "." + method.getName() + "() " + spec.describe());
        }
      }
    }
    for (Method method : type.getMethods()) {
      if (method.getDeclaringClass() == Object.class || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      MethodPlan.Spec spec = MethodPlan.specOf(method);
      if (spec == null && !method.getDeclaringClass().isInterface()) {
        spec = MethodPlan.specOf(method.getDeclaringClass());
      }
      if (spec != null) {
        found.add(type.getSimpleName() + "." + method.getName() + "() " + spec.describe());
      }
    }
    return found;
  }

  private static Set<Class<?>> allInterfaces(Class<?> type) {
    Set<Class<?>> interfaces = new LinkedHashSet<>();
    Deque<Class<?>> pending = new ArrayDeque<>();
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      pending.addAll(List.of(current.getInterfaces()));
    }
    while (!pending.isEmpty()) {
      Class<?> next = pending.pop();
      if (interfaces.add(next)) {
        pending.addAll(List.of(next.getInterfaces()));
      }
    }
    return interfaces;
  }
}
