package dev.steward.guard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method (or every method of a type) as destructive: deletes, truncates, drops, purges or
 * overwrites. Shorthand for {@code @ProductionSafe(operation = OperationKind.DESTRUCTIVE)}. On a
 * protected target it needs a typed confirmation (or a single-use override).
 *
 * <p>Metadata only, like {@link ProductionSafe}: bind it with {@link Guards#protect}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Destructive {

  /**
   * Require a recent restorable backup of a protected target.
   *
   * @return whether a backup is required
   */
  boolean requireBackup() default false;

  /**
   * The target's name, when no parameter is marked {@link GuardTarget}.
   *
   * @return the target's name, or {@code ""} to take it from a parameter
   */
  String target() default "";
}
