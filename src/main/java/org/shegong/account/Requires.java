package org.shegong.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a back-office handler needs; on a controller it holds for every handler that does not say otherwise.
 * A route under /admin that declares nothing is refused for everyone (and fails RouteDeclarationsTest).
 */
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Requires {

    Permission value();
}
