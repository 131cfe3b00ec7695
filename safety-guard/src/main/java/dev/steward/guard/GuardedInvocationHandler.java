package dev.steward.guard;

import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Verdict;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;

/**
 * The proxy's handler: looks up the method's precomputed plan, asks the guard for annotated
 * methods, then calls the implementation (or the interface's default method), rethrowing whatever
 * the implementation threw, unwrapped.
 */
final class GuardedInvocationHandler implements InvocationHandler {

  final Class<?> iface;
  final Object implementation;
  final ProductionGuard guard;
  private final Map<Method, MethodPlan> plans;
  private volatile Method[] seenMethods = new Method[0];
  private volatile MethodPlan[] seenPlans = new MethodPlan[0];

  GuardedInvocationHandler(
      Class<?> iface, Object implementation, ProductionGuard guard, Map<Method, MethodPlan> plans) {
    this.iface = iface;
    this.implementation = implementation;
    this.guard = guard;
    this.plans = plans;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    MethodPlan plan = plan(method);
    if (plan == null) {
      return objectMethod(proxy, method, args);
    }
    if (plan.spec != null) {
      Decision decision = plan.decide(args, guard);
      if (decision.verdict() != Verdict.ALLOW) {
        throw ProductionGuard.exceptionFor(decision);
      }
    }
    if (plan.invokeDefault) {
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    try {
      return plan.method.invoke(implementation, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * The plan for a method. The proxy class passes the same {@code Method} instances on every call,
   * so they are looked up by identity first (a short array scan), and by {@code equals} once.
   */
  private MethodPlan plan(Method method) {
    Method[] keys = seenMethods;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == method) {
        return seenPlans[i];
      }
    }
    MethodPlan plan = plans.get(method);
    if (plan != null) {
      remember(method, plan);
    }
    return plan;
  }

  private synchronized void remember(Method method, MethodPlan plan) {
    Method[] keys = Arrays.copyOf(seenMethods, seenMethods.length + 1);
    MethodPlan[] values = Arrays.copyOf(seenPlans, seenPlans.length + 1);
    keys[keys.length - 1] = method;
    values[values.length - 1] = plan;
    seenPlans = values;
    seenMethods = keys;
  }

  private Object objectMethod(Object proxy, Method method, Object[] args) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "Guarded " + iface.getSimpleName() + "(" + implementation + ")";
      default:
        throw new IllegalStateException("no plan for " + method + ": a binder bug");
    }
  }
}
