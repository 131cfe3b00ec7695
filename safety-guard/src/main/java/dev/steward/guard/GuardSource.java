package dev.steward.guard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter that holds a data deployment's source: a {@link
 * dev.steward.guard.models.Source}, profiled by the guard before the method runs. Required on
 * methods whose operation is {@code DATA_DEPLOYMENT}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface GuardSource {}
