package dev.migrate.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A test that talks to the server but whose answer is not expected to differ by version: it runs on
 * the oldest and the newest major of {@link TestPostgres#majors()}, and takes the major as its
 * {@code int} parameter. Use {@link OnEveryMajor} where the answer depends on the version.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "PostgreSQL {0}")
@MethodSource("dev.migrate.testing.TestPostgres#oldestAndNewestMajors")
public @interface OnOldestAndNewestMajor {}
