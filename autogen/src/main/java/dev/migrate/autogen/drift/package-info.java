/**
 * Drift's comparison, in one place: {@link dev.migrate.autogen.drift.DriftRequest} says which databases and
 * what to leave out, {@link dev.migrate.autogen.drift.Drift} replays the chain at each database's revision on
 * a throwaway server and compares, and {@link dev.migrate.autogen.drift.DriftJson} writes the reports for
 * machines. {@code migrate-tooling-commands}' {@code DriftCommand} is the one door the faces call.
 *
 * <p>Why here and not in {@code dev.migrate.catalog.drift}: the comparison replays the chain on throwaway
 * servers and reuses autogenerate's caches, which live in this module, while the catalog's drift package is
 * what an application carries at runtime ({@code SchemaSnapshot}, the startup check the engine finds through
 * {@code ServiceLoader}) and must stay free of autogen and Hibernate. The catalog package holds the pieces both
 * sides share: reading a database as drift reads it ({@code SchemaDrift}) and the report ({@code
 * DriftReport}).
 */
@NullMarked
package dev.migrate.autogen.drift;

import org.jspecify.annotations.NullMarked;
