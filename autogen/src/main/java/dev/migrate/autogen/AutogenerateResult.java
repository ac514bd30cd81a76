package dev.migrate.autogen;

import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.MigrationScript;
import java.util.List;
import java.util.Set;

/**
 * What a comparison of the entities with the schema at head found, and how.
 *
 * @param script the changes that make the schema at head match the entities
 * @param largeTables the tables the configured database's estimate counts as large (the lock-safe
 *     form is written for them); none when nothing was measured
 * @param suspectedRenames in batch mode, what looked renamed, as {@code old=new} (a column as
 *     {@code table.old=new}), apart from what the request says is not renamed
 * @param route which way the comparison went
 */
public record AutogenerateResult(
        MigrationScript script, Set<ObjectName> largeTables, List<String> suspectedRenames, Route route) {
    public AutogenerateResult {
        largeTables = Set.copyOf(largeTables);
        suspectedRenames = List.copyOf(suspectedRenames);
    }

    /** Which way a comparison went: which databases it used, and what it took from the caches. */
    public enum Route {
        /** The configured database, with the entity side in a scratch schema on it (or from the entity cache). */
        CONFIGURED_DATABASE,
        /**
         * The configured database, only read; the entity side built on a throwaway server of its
         * major version (or from the entity cache, with no server started).
         */
        CONFIGURED_DATABASE_ENTITIES_ELSEWHERE,
        /** Both sides from the caches: no server started. */
        CACHES,
        /** The schema at head from the replay cache, the entity side built on a throwaway server: nothing replayed. */
        CACHED_CHAIN,
        /**
         * The schema at head read from the migrations' SQL and the entity side from the provider's DDL, both
         * without a server, matching exactly: nothing started, nothing replayed.
         */
        READ_CHAIN,
        /** The chain replayed on a throwaway server. */
        REPLAYED
    }
}
