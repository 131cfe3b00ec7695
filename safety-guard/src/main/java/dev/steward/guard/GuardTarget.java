package dev.steward.guard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter that names an annotated method's target: a {@link String} (resolved through
 * {@link ProductionGuard#target(String)}, so stamps known to the guard apply) or a {@link
 * dev.steward.guard.models.Target}. A {@code null} argument is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface GuardTarget {}
