package dev.steward.guard;

import dev.steward.guard.models.Check;
import dev.steward.guard.models.Decision;
import dev.steward.guard.models.Operation;
import dev.steward.guard.models.OperationKind;
import dev.steward.guard.models.Source;
import dev.steward.guard.models.Target;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the binder knows about one interface method, worked out once when the proxy is made, so a
 * call does no reflection lookups: whether it is guarded, the operation's kind and flags, where its
 * target and source come from, and (for a fixed target) the whole operation, built in advance.
 */
final class MethodPlan {

  /** The annotation values that decide a method's operation. */
  static final class Spec {
    final OperationKind kind;
    final boolean requireBackup;
    final boolean requireConfirmation;
    final String target;
    final String origin;

    Spec(
        OperationKind kind,
        boolean requireBackup,
        boolean requireConfirmation,
        String target,
        String origin) {
      this.kind = kind;
      this.requireBackup = requireBackup;
      this.requireConfirmation = requireConfirmation;
      this.target = target;
      this.origin = origin;
    }

    boolean sameAs(Spec other) {
      return kind == other.kind
          && requireBackup == other.requireBackup
          && requireConfirmation == other.requireConfirmation
          && target.equals(other.target);
    }

    String describe() {
      return kind == OperationKind.DESTRUCTIVE ? "@Destructive" : "@ProductionSafe(" + kind + ")";
    }
  }

  final Method method;
  final boolean invokeDefault;
  final Spec spec;
  final String name;
  final int targetIndex;
  final int sourceIndex;
  private final Operation fixed;

  private MethodPlan(
      Method method,
      boolean invokeDefault,
      Spec spec,
      int targetIndex,
      int sourceIndex,
      ProductionGuard guard) {
    this.method = method;
    this.invokeDefault = invokeDefault;
    this.spec = spec;
    this.name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
    this.targetIndex = targetIndex;
    this.sourceIndex = sourceIndex;
    if (spec != null && guard != null && targetIndex < 0 && sourceIndex < 0) {
      this.fixed = operation(guard.target(spec.target), null);
    } else {
      this.fixed = null;
    }
  }

  /** Remembered ALLOW decisions by target name (see {@link ProductionGuard#reusable}). */
  private final ConcurrentHashMap<String, Decision> allowed = new ConcurrentHashMap<>();

  private static final int MAX_REMEMBERED = 256;

  /**
   * The decision for one call: a remembered ALLOW for the same target when there is one (audited
   * like a new decision), else a new evaluation, remembered when it cannot change.
   *
   * @return the decision
   */
  Decision decide(Object[] args, ProductionGuard guard) {
    String key = rememberKey(args);
    if (key != null) {
      Decision known = allowed.get(key);
      if (known != null) {
        return guard.audited(known);
      }
    }
    Operation operation = operationFor(args, guard);
    if (operation == null) {
      return guard.refuse(
          new Operation(spec.kind, Target.named("(null)"), name, null, false, false),
          Check.TARGET,
          name + " was called with a null @GuardTarget argument",
          "pass the target's name; the guard refuses what it cannot name");
    }
    Decision decision = guard.evaluate(operation);
    if (key != null && allowed.size() < MAX_REMEMBERED && guard.reusable(operation, decision)) {
      allowed.putIfAbsent(key, decision);
    }
    return decision;
  }

  /** The key a decision is remembered under, or {@code null} when this call's is not. */
  private String rememberKey(Object[] args) {
    if (sourceIndex >= 0) {
      return null;
    }
    if (targetIndex < 0) {
      return spec.target;
    }
    Object argument = args[targetIndex];
    return argument instanceof String ? (String) argument : null;
  }

  /**
   * The operation for one call.
   *
   * @return the operation, or {@code null} when the target argument is {@code null}
   */
  Operation operationFor(Object[] args, ProductionGuard guard) {
    if (fixed != null) {
      return fixed;
    }
    Target target;
    if (targetIndex >= 0) {
      Object argument = args[targetIndex];
      if (argument == null) {
        return null;
      }
      target = argument instanceof Target ? (Target) argument : guard.target(argument.toString());
    } else {
      target = guard.target(spec.target);
    }
    Source source = sourceIndex >= 0 ? (Source) args[sourceIndex] : null;
    return operation(target, source);
  }

  private Operation operation(Target target, Source source) {
    return new Operation(
        spec.kind, target, name, source, spec.requireBackup, spec.requireConfirmation);
  }

  /**
   * Works out the plan for an interface method bound to an implementation class.
   *
   * @throws IllegalArgumentException when the annotations cannot be honoured
   */
  static MethodPlan of(Method method, Class<?> implementation, ProductionGuard guard) {
    Method implMethod = implementationOf(method, implementation);
    boolean invokeDefault = method.isDefault() && implMethod == null;
    Spec spec = resolve(method, implMethod, implementation);
    int targetIndex = parameter(method, implMethod, GuardTarget.class);
    int sourceIndex = parameter(method, implMethod, GuardSource.class);
    String where = method.getDeclaringClass().getName() + "." + method.getName() + "()";
    if (spec != null) {
      if (targetIndex >= 0) {
        Class<?> type = method.getParameterTypes()[targetIndex];
        if (!(type == String.class || type == CharSequence.class || type == Target.class)) {
          throw new IllegalArgumentException(
              where
                  + ": a @GuardTarget parameter is a String, a CharSequence or a Target, not "
                  + type.getName());
        }
      } else if (spec.target.isEmpty()) {
        throw new IllegalArgumentException(
            where
                + " is "
                + spec.describe()
                + " but names no target: mark a parameter @GuardTarget or set target = \"...\"");
      }
      if (sourceIndex >= 0 && method.getParameterTypes()[sourceIndex] != Source.class) {
        throw new IllegalArgumentException(
            where + ": a @GuardSource parameter is a dev.steward.guard.models.Source");
      }
      if (spec.kind == OperationKind.DATA_DEPLOYMENT && sourceIndex < 0) {
        throw new IllegalArgumentException(
            where
                + " is a DATA_DEPLOYMENT but has no @GuardSource parameter, so the guard could"
                + " not tell whether its data is test data");
      }
    }
    if (!invokeDefault) {
      method.trySetAccessible();
    }
    return new MethodPlan(method, invokeDefault, spec, targetIndex, sourceIndex, guard);
  }

  /** The implementation's own public method overriding {@code method}, or {@code null}. */
  static Method implementationOf(Method method, Class<?> implementation) {
    if (implementation == null) {
      return null;
    }
    try {
      Method found = implementation.getMethod(method.getName(), method.getParameterTypes());
      return found.getDeclaringClass().isInterface() ? null : found;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /**
   * The operation an interface method's annotations ask for: the method's own (on the interface or
   * the implementation) beat the types' (the declaring interface or the implementation class). Two
   * different annotations at the same level are an error: the binder never picks the weaker.
   */
  static Spec resolve(Method method, Method implMethod, Class<?> implementation) {
    Spec onInterface = specOf(method);
    Spec onImplementation = implMethod == null ? null : specOf(implMethod);
    Spec chosen = agree(onInterface, onImplementation, method);
    if (chosen != null) {
      return chosen;
    }
    Spec onInterfaceType = specOf(method.getDeclaringClass());
    Spec onImplementationType =
        implementation == null || Modifier.isInterface(implementation.getModifiers())
            ? null
            : specOf(implementation);
    return agree(onInterfaceType, onImplementationType, method);
  }

  private static Spec agree(Spec a, Spec b, Method method) {
    if (a != null && b != null && !a.sameAs(b)) {
      throw new IllegalArgumentException(
          method.getDeclaringClass().getName()
              + "."
              + method.getName()
              + "(): "
              + a.origin
              + " says "
              + a.describe()
              + " but "
              + b.origin
              + " says "
              + b.describe()
              + "; annotate one place, or make them agree");
    }
    return a != null ? a : b;
  }

  static Spec specOf(AnnotatedElement element) {
    ProductionSafe safe = element.getAnnotation(ProductionSafe.class);
    Destructive destructive = element.getAnnotation(Destructive.class);
    String origin = describe(element);
    if (safe != null && destructive != null) {
      throw new IllegalArgumentException(
          origin + " carries both @ProductionSafe and @Destructive; keep one");
    }
    if (safe != null) {
      return new Spec(
          safe.operation(),
          safe.requireBackup(),
          safe.requireConfirmation(),
          safe.target(),
          origin);
    }
    if (destructive != null) {
      return new Spec(
          OperationKind.DESTRUCTIVE,
          destructive.requireBackup(),
          false,
          destructive.target(),
          origin);
    }
    return null;
  }

  private static int parameter(
      Method method, Method implMethod, Class<? extends Annotation> annotation) {
    int onInterface = indexOf(method, annotation);
    int onImplementation = implMethod == null ? -1 : indexOf(implMethod, annotation);
    if (onInterface >= 0 && onImplementation >= 0 && onInterface != onImplementation) {
      throw new IllegalArgumentException(
          method.getName()
              + "(): the interface and the implementation mark different @"
              + annotation.getSimpleName()
              + " parameters");
    }
    return onInterface >= 0 ? onInterface : onImplementation;
  }

  private static int indexOf(Method method, Class<? extends Annotation> annotation) {
    Annotation[][] parameters = method.getParameterAnnotations();
    int found = -1;
    for (int i = 0; i < parameters.length; i++) {
      for (Annotation each : parameters[i]) {
        if (each.annotationType() == annotation) {
          if (found >= 0) {
            throw new IllegalArgumentException(
                method.getName()
                    + "(): more than one @"
                    + annotation.getSimpleName()
                    + " parameter");
          }
          found = i;
        }
      }
    }
    return found;
  }

  private static String describe(AnnotatedElement element) {
    if (element instanceof Method) {
      Method method = (Method) element;
      return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
    }
    return Objects.toString(
        element instanceof Class ? ((Class<?>) element).getSimpleName() : element);
  }
}
