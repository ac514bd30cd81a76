/**
 * Comparing the entities with the schema a migration chain builds: {@link dev.migrate.autogen.Autogenerate}
 * (autogenerate, check), {@link dev.migrate.autogen.ChainVerifier} (verify), {@link dev.migrate.autogen.drift.Drift}
 * and {@link dev.migrate.autogen.Squash}, on the databases {@link dev.migrate.servers.ComparisonDatabases} offers.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.migrate.autogen;

import org.jspecify.annotations.NullMarked;
