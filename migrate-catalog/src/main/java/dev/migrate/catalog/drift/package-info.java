/**
 * Drift: whether a database still has the schema its migration chain builds. {@link
 * dev.migrate.catalog.drift.SchemaDrift} reads a database as it is and compares it with the chain's schema
 * ({@code migrate:drift} replays the chain for it); {@link dev.migrate.catalog.drift.SchemaSnapshot} is
 * that schema written into an application by {@code migrate:snapshot}, so that {@code
 * Migrator.assertUpToDate()} can compare at startup with no throwaway server
 * ({@code Migrator.Builder.validateDrift}).
 */
@NullMarked
package dev.migrate.catalog.drift;

import org.jspecify.annotations.NullMarked;
