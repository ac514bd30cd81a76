/**
 * The Quarkus extension's runtime: each datasource's {@code Migrator} as a CDI bean, upgraded or validated at
 * startup, and its readiness check.
 */
@NullMarked
package dev.migrate.quarkus;

import org.jspecify.annotations.NullMarked;
