/**
 * Migration runs as Micrometer meters ({@link dev.migrate.observability.MicrometerListener}) and as
 * OpenTelemetry spans ({@link dev.migrate.observability.OpenTelemetryListener}): each a
 * {@link dev.migrate.MigrationListener} that an application gives its migrator, each through its library's
 * own API, which the application brings. Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate.observability;

import org.jspecify.annotations.NullMarked;
