package dev.migrate.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the {@code DataSource} the starter migrates when the application has several, as Spring
 * Boot's {@code @FlywayDataSource} does for Flyway; it is used ahead of the {@code @Primary} one.
 *
 * <pre>{@code @Bean @MigrateDataSource DataSource ordersDataSource() { ... }}</pre>
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface MigrateDataSource {}
