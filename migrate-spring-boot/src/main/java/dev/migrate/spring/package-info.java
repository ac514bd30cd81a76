/**
 * The Spring Boot starter: {@link dev.migrate.spring.MigrateAutoConfiguration} migrates the application's
 * database (or each tenant's) at startup, as {@link dev.migrate.spring.MigrateProperties} ({@code migrate.*})
 * says, before JPA starts.
 */
@NullMarked
package dev.migrate.spring;

import org.jspecify.annotations.NullMarked;
