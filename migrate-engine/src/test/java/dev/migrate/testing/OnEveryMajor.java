package dev.migrate.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A test whose answer depends on the server version: it runs once per major of
 * {@link TestPostgres#majors()}, and takes the major as its {@code int} parameter, to pass to
 * {@link TestPostgres#freshDatabase(int, String)}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "PostgreSQL {0}")
@MethodSource("dev.migrate.testing.TestPostgres#majors")
public @interface OnEveryMajor {}
