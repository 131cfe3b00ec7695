package dev.steward.guard;

import dev.steward.guard.models.OperationKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method (or every method of a type) as an operation the production guard decides on.
 *
 * <p>Metadata only: it does nothing unless bound. {@link Guards#protect} binds it with a JDK
 * dynamic proxy; {@link Guards#verify} fails a test when an annotated method is reachable
 * unguarded. On an interface or its implementation; a method's annotation beats its type's.
 *
 * <pre>{@code
 * interface OrderRepository {
 *   @ProductionSafe(operation = OperationKind.WRITE, target = "orders-db")
 *   void save(Order order);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ProductionSafe {

  /**
   * What the method does.
   *
   * @return the kind; {@link OperationKind#WRITE} by default
   */
  OperationKind operation() default OperationKind.WRITE;

  /**
   * Require a recent restorable backup of a protected target.
   *
   * @return whether a backup is required
   */
  boolean requireBackup() default false;

  /**
   * Require a typed confirmation on a protected target, even for a plain write.
   *
   * @return whether a confirmation is required
   */
  boolean requireConfirmation() default false;

  /**
   * The target's name, when no parameter is marked {@link GuardTarget}.
   *
   * @return the target's name, or {@code ""} to take it from a parameter
   */
  String target() default "";
}
