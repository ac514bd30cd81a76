package dev.migrate.autogen;

import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OnlineForm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a comparison of the entities with the schema at head found, and how.
 *
 * @param script the changes that make the schema at head match the entities
 * @param largeTables the tables the configured database's estimate counts as large (the lock-safe
 *     form is written for them); none when nothing was measured
 * @param suspectedRenames in batch mode, what looked renamed, as {@code old=new} (a column as
 *     {@code table.old=new}), apart from what the request says is not renamed
 * @param route which way the comparison went
 * @param spreadTables the tables a Citus coordinator spreads over its cluster, as the compared database has
 *     them or as the entities declare them ({@code @Distributed}, {@code @ReferenceTable}), each with how:
 *     {@code distributed by customer_id in 32 shards, as @Distributed on com.example.Order declares}
 * @param limitedRows the changes of the declared rows of the run's contexts' folders ({@code db/data/test/}), for
 *     a revision limited to those contexts; empty in a run given none
 */
public record AutogenerateResult(
        MigrationScript script,
        Set<ObjectName> largeTables,
        List<String> suspectedRenames,
        Route route,
        Map<ObjectName, String> spreadTables,
        MigrationScript limitedRows) {
    public AutogenerateResult {
        largeTables = Set.copyOf(largeTables);
        suspectedRenames = List.copyOf(suspectedRenames);
        spreadTables = Collections.unmodifiableMap(new TreeMap<>(spreadTables));
    }

    /**
     * This result with the changes of the declared rows: those of the tables every environment has run after the
     * script's, those of the run's contexts' folders kept apart ({@link #limitedRows}), for a revision limited to
     * those contexts.
     */
    AutogenerateResult withRows(MigrationScript everywhere, MigrationScript limited) {
        return new AutogenerateResult(
                script.followedBy(everywhere), largeTables, suspectedRenames, route, spreadTables, limited);
    }

    /** The script and the rows of the run's contexts' folders together: every difference {@code check} reports. */
    public MigrationScript withLimitedRows() {
        return script.followedBy(limitedRows);
    }

    /** A result without rows of a context's folder. */
    public AutogenerateResult(
            MigrationScript script,
            Set<ObjectName> largeTables,
            List<String> suspectedRenames,
            Route route,
            Map<ObjectName, String> spreadTables) {
        this(script, largeTables, suspectedRenames, route, spreadTables, MigrationScript.empty());
    }

    /** A result where no table is spread over a Citus cluster. */
    public AutogenerateResult(
            MigrationScript script, Set<ObjectName> largeTables, List<String> suspectedRenames, Route route) {
        this(script, largeTables, suspectedRenames, route, Map.of());
    }

    /**
     * The tables that {@code online}, the script in its {@linkplain OnlineForm online form}, changes online
     * and that Citus spreads or will spread ({@link #spreadTables}), each as {@code public.orders (distributed
     * by customer_id in 32 shards in the database)}: the expand phase of an online change keeps the old and
     * the new shape in step with a trigger on the table, which Citus refuses on the tables it spreads. Empty
     * when there are none.
     */
    public List<String> changedOnlineWhereCitusSpreads(MigrationScript online) {
        List<String> refused = new ArrayList<>();
        for (ObjectName table : OnlineForm.tablesChangedOnline(online)) {
            String how = spreadTables.get(table);
            if (how != null) {
                refused.add(table + " (" + how + ")");
            }
        }
        return refused;
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
