/**
 * What the starter gives an application on Spring Boot 4, whose health contract moved from
 * {@code org.springframework.boot.actuate.health} to {@code org.springframework.boot.health.contributor}: the
 * {@code migrate} health indicator, made only when that package is on the class path.
 */
@NullMarked
package dev.migrate.spring.boot4;

import org.jspecify.annotations.NullMarked;
