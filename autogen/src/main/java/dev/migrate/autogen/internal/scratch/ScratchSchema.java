package dev.migrate.autogen.internal.scratch;

import dev.migrate.MigrateException;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.SeedRows;
import dev.migrate.catalog.read.CanonicalChecks;
import dev.migrate.catalog.read.CatalogReader;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.connection.WritableServer;
import dev.migrate.servers.NeededExtensions;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Materializes DDL where it cannot hurt and reads it back with the catalog reader, so the entity
 * side is described in exactly the terms the live side is.
 *
 * <p>Every transaction this class runs stays within the server's shared lock table
 * ({@code max_locks_per_transaction * (max_connections + max_prepared_transactions)} slots, shared
 * by every session): a model that fits in half of what is free runs in a scratch schema inside a
 * transaction that is always rolled back. A larger one runs in autocommit (with
 * {@code synchronous_commit = off}) in a uniquely named scratch schema, which is then dropped in
 * batches of tables that fit the free part of the lock table: one {@code DROP SCHEMA ... CASCADE}
 * of thousands of tables locks every one of them at once and runs out of shared memory. Whenever
 * the server still answers "out of shared memory" (SQLSTATE 53200, e.g. because other sessions
 * took locks meanwhile), the work is redone in smaller pieces rather than failed. A scratch schema
 * left behind by a run that died (kill -9, lost connection) is swept, in the same batches, by the
 * next run.
 */
public final class ScratchSchema {
    static final String PREFIX = "migrate_scratch_";
    /**
     * Locks one DDL statement may take (its table, a TOAST table, an index, a sequence): a
     * transaction of more statements than the server's lock table holds fails with "out of shared memory".
     */
    static final int LOCKS_PER_STATEMENT = 4;

    private static final String OUT_OF_LOCKS = "53200";
    /** Statements sent to the server at once while the DDL runs in one transaction. */
    private static final int BATCH = 250;

    private ScratchSchema() {}

    /**
     * Why DDL cannot be built in a scratch schema on {@code c}, or empty when it can: the server is a
     * standby, the session is read only, or the role lacks CREATE or TEMP on the database. Asks the
     * server once and writes nothing.
     */
    public static Optional<String> whyNotOn(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + WritableServer.COLUMNS
                        + ", has_database_privilege(current_database(), 'CREATE'), "
                        + "has_database_privilege(current_database(), 'TEMP')")) {
            rs.next();
            WritableServer server = WritableServer.read(rs);
            if (server.inRecovery()) {
                return Optional.of("the server is a standby (in recovery), which takes no writes");
            }
            if (server.defaultReadOnly()) {
                return Optional.of("the session is read only (default_transaction_read_only is on for the role "
                        + server.role() + " or the database " + server.database() + ")");
            }
            if (!rs.getBoolean(7)) {
                return Optional.of(
                        "the role " + server.role() + " has no CREATE privilege on the database " + server.database());
            }
            if (!rs.getBoolean(8)) {
                return Optional.of(
                        "the role " + server.role() + " has no TEMP privilege on the database " + server.database());
            }
            return Optional.empty();
        }
    }

    /**
     * Runs {@code ddl} in scratch schemas and returns what it built, as if it lived where it names:
     * unqualified names in {@code targetSchema}, names qualified with a schema in that schema (each
     * schema the DDL names gets a scratch schema of its own). The connection is left as it was found.
     */
    public static DatabaseSchema read(Connection c, List<String> ddl, String targetSchema, Exclusions exclusions) {
        return read(c, ddl, targetSchema, exclusions, Long.MAX_VALUE);
    }

    /** As {@link #read}, with no more than {@code maxLocks} of the lock table used by one transaction. */
    static DatabaseSchema read(
            Connection c, List<String> ddl, String targetSchema, Exclusions exclusions, long maxLocks) {
        try {
            boolean autoCommit = c.getAutoCommit();
            try {
                c.setAutoCommit(true);
                Server server = server(c);
                server.requireCreate();
                sweep(c, maxLocks);
                // named after the server process, so a sweep can tell a live run's schema from a crashed one's
                Layout layout = Layout.of(
                        PREFIX + server.backendPid() + "_"
                                + HexFormat.of()
                                        .toHexDigits(ThreadLocalRandom.current().nextInt()),
                        targetSchema,
                        QualifiedDdl.schemas(ddl));
                List<String> scratchDdl = QualifiedDdl.rewrite(ddl, layout.standIns());
                @Nullable DatabaseSchema built = null;
                // a rolled-back transaction needs no cleanup; use it whenever the lock table leaves room for others
                if ((long) ddl.size() * LOCKS_PER_STATEMENT <= Math.min(maxLocks, server.lockBudget())) {
                    built = inRolledBackTransaction(c, scratchDdl, layout, exclusions);
                }
                if (built == null) {
                    built = inDroppedSchemas(c, scratchDdl, layout, exclusions, maxLocks);
                }
                return layout.renamedBack(built);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MigrateException("Could not build the entity schema on the database: " + e.getMessage(), e);
        }
    }

    /**
     * Where the DDL runs: the main scratch schema, first on the search path, takes unqualified names
     * and those of {@code targetSchema}; every other schema the DDL names has a stand-in.
     *
     * @param standIns each schema the DDL names, by the scratch schema that stands in for it
     */
    private record Layout(String main, String targetSchema, Map<String, String> standIns) {
        static Layout of(String main, String targetSchema, Set<String> named) {
            Map<String, String> standIns = new LinkedHashMap<>();
            int next = 1;
            for (String schema : named) {
                standIns.put(schema, schema.equals(targetSchema) ? main : main + "_" + next++);
            }
            return new Layout(main, targetSchema, standIns);
        }

        List<String> scratchSchemas() {
            Set<String> all = new LinkedHashSet<>();
            all.add(main);
            all.addAll(standIns.values());
            return List.copyOf(all);
        }

        /**
         * The main scratch schema in place of the target schema, as the live side is read: names
         * in the other schemas print qualified on both sides (and are renamed back).
         */
        String searchPath() {
            Set<String> path = new LinkedHashSet<>();
            path.add(main);
            path.add(targetSchema);
            path.add("public");
            return String.join(", ", path.stream().map(Identifiers::quote).toList());
        }

        DatabaseSchema renamedBack(DatabaseSchema built) {
            DatabaseSchema renamed = built.withSchemaRenamed(main, targetSchema);
            for (Map.Entry<String, String> standIn : standIns.entrySet()) {
                if (!standIn.getValue().equals(main)) {
                    renamed = renamed.withSchemaRenamed(standIn.getValue(), standIn.getKey());
                }
            }
            return renamed;
        }
    }

    /** The model, or {@code null} when the lock table turned out too small for one transaction. */
    private static @Nullable DatabaseSchema inRolledBackTransaction(
            Connection c, List<String> ddl, Layout layout, Exclusions exclusions) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String schema : layout.scratchSchemas()) {
                s.execute("CREATE SCHEMA " + Identifiers.quote(schema));
            }
            s.execute("SET LOCAL search_path = " + layout.searchPath());
            runBatched(s, ddl);
            return CanonicalChecks.of(c, new CatalogReader().read(c, layout.scratchSchemas(), exclusions));
        } catch (SQLException e) {
            if (outOfLocks(e)) {
                return null; // rolled back below: nothing to clean; the autocommit way takes one statement at a time
            }
            throw e;
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    private static DatabaseSchema inDroppedSchemas(
            Connection c, List<String> ddl, Layout layout, Exclusions exclusions, long maxLocks) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            DatabaseSchema built;
            try {
                for (String schema : layout.scratchSchemas()) {
                    s.execute("CREATE SCHEMA " + Identifiers.quote(schema));
                }
                s.execute("SET search_path = " + layout.searchPath());
                run(s, ddl);
                built = CanonicalChecks.of(c, new CatalogReader().read(c, layout.scratchSchemas(), exclusions));
            } catch (SQLException | RuntimeException e) {
                for (String schema : layout.scratchSchemas()) {
                    try {
                        drop(c, schema, maxLocks);
                    } catch (SQLException | RuntimeException cleanup) {
                        e.addSuppressed(leftBehind(c, schema, cleanup));
                    }
                }
                throw e;
            } finally {
                resetQuietly(s);
            }
            for (String schema : layout.scratchSchemas()) {
                try {
                    drop(c, schema, maxLocks);
                } catch (SQLException | RuntimeException cleanup) {
                    throw leftBehind(c, schema, cleanup);
                }
            }
            return built;
        }
    }

    private static void resetQuietly(Statement s) {
        try {
            s.execute("RESET search_path");
            s.execute("RESET synchronous_commit");
        } catch (SQLException ignored) {
            // the connection is broken: the failure that broke it is what the caller reports
        }
    }

    /**
     * Runs {@code ddl} inside the open transaction in batches, each sent without waiting for the
     * server between its statements (thousands of round trips are seconds on a busy machine), under a
     * savepoint: a batch that fails is rolled back to it and run again statement by statement, so that
     * the failure names its statement.
     */
    private static void runBatched(Statement s, List<String> ddl) throws SQLException {
        List<String> statements =
                ddl.stream().filter(sql -> !SeedRows.isSeedRow(sql)).toList();
        for (int from = 0; from < statements.size(); from += BATCH) {
            List<String> batch = statements.subList(from, Math.min(statements.size(), from + BATCH));
            s.execute("SAVEPOINT migrate_batch");
            try {
                for (String sql : batch) {
                    s.addBatch(sql);
                }
                s.executeBatch();
            } catch (SQLException e) {
                s.clearBatch();
                if (outOfLocks(e)) {
                    throw e;
                }
                s.execute("ROLLBACK TO SAVEPOINT migrate_batch");
                run(s, batch);
            }
            s.execute("RELEASE SAVEPOINT migrate_batch");
        }
    }

    private static void run(Statement s, List<String> ddl) throws SQLException {
        for (String sql : ddl) {
            if (SeedRows.isSeedRow(sql)) {
                // rows shape no catalog, and a schema-qualified insert would reach the real table
                continue;
            }
            try {
                s.execute(sql);
            } catch (SQLException e) {
                if (outOfLocks(e)) {
                    throw e;
                }
                Set<String> extensions = NeededExtensions.in(List.of(sql));
                if ("42704".equals(e.getSQLState()) && !extensions.isEmpty()) {
                    // entity DDL uses a type of pgvector or PostGIS that this server lacks: say where one is
                    String names = String.join(", ", extensions);
                    throw new MigrateException(
                            "The entities use a type of the extension " + names + ", which the "
                                    + "server they are built on lacks.\nStatement: " + sql + "\nError: "
                                    + e.getMessage()
                                    + "\nDeclare CREATE EXTENSION IF NOT EXISTS " + names
                                    + " in src/main/resources/db/objects,"
                                    + " and give the comparison a server that has it: set -Dmigrate.postgres.home to a local "
                                    + "PostgreSQL installation with it (such as /usr/lib/postgresql/15), or scratchUrl.",
                            e);
                }
                throw new MigrateException(
                        "The DDL the JPA provider wrote for the entities failed on PostgreSQL.\nStatement: " + sql
                                + "\nError: " + e.getMessage()
                                + "\nCheck the mapping of the entity this statement comes from.",
                        e);
            }
        }
    }

    /** What the server says about this session and its lock table, in one query. */
    private record Server(
            int backendPid, long lockCapacity, long locksInUse, boolean canCreate, String role, String database) {
        /** Locks one transaction of ours may take: half of what is free, so other sessions keep room. */
        long lockBudget() {
            return Math.max(1, (lockCapacity - locksInUse) / 2);
        }

        void requireCreate() {
            if (!canCreate) {
                throw new MigrateException("The role " + role + " has no CREATE privilege on the database " + database
                        + ", which comparing with the entities on this server needs: their DDL is built in a scratch schema "
                        + "there (dropped right after). Grant it (GRANT CREATE ON DATABASE "
                        + Identifiers.quote(database)
                        + " TO " + Identifiers.quote(role)
                        + "), or build the entity side on a throwaway embedded PostgreSQL "
                        + "of the same major version instead, which touches nothing on this server: "
                        + "-Dmigrate.comparisonDatabase=embedded.");
            }
        }
    }

    private static Server server(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT pg_backend_pid(), current_setting('max_locks_per_transaction')::bigint "
                                + "* (current_setting('max_connections')::bigint + current_setting('max_prepared_transactions')::bigint), "
                                + "(SELECT count(*) FROM pg_locks WHERE NOT fastpath), "
                                + "has_database_privilege(current_database(), 'CREATE'), current_user, current_database()")) {
            rs.next();
            return new Server(
                    rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4), rs.getString(5), rs.getString(6));
        }
    }

    /**
     * Drops scratch schemas whose session is gone (left by a run that died before its cleanup) and
     * that this role may drop; in batches, like its own.
     */
    private static void sweep(Connection c, long maxLocks) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + PREFIX + "%' "
                        + "AND pg_has_role(nspowner, 'USAGE') "
                        + "AND substring(nspname FROM '^" + PREFIX
                        + "([0-9]+)_')::bigint NOT IN (SELECT pid FROM pg_stat_activity)")) {
            while (rs.next()) {
                stale.add(rs.getString(1));
            }
        }
        for (String schema : stale) {
            try {
                drop(c, schema, maxLocks);
            } catch (SQLException | RuntimeException e) {
                throw leftBehind(c, schema, e);
            }
        }
    }

    /**
     * Drops {@code schema} with everything in it, never locking more than the lock table has free
     * in one transaction: its relations in batches sized from what one of them takes to drop
     * (itself, its indexes, TOAST, types and constraints), halved on "out of shared memory"; then
     * the schema with what remains. The connection is in autocommit.
     */
    static void drop(Connection c, String schema, long maxLocks) throws SQLException {
        Server server = server(c);
        long budget = Math.min(maxLocks, server.lockBudget());
        List<Relation> relations = relations(c, schema);
        long objects = objectsIn(c, schema);
        if (objects <= budget && dropSchema(c, schema)) {
            return;
        }
        // what dropping one table locks: itself, its indexes, TOAST, types, constraints and owned sequences, and a
        // neighbour it references
        long tables = relations.stream().filter(r -> r.kind().equals("TABLE")).count();
        long perRelation = Math.max(1, (objects + tables - 1) / Math.max(1, tables)) + 1;
        int batch = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget / perRelation));
        int from = 0;
        while (from < relations.size()) {
            List<Relation> chunk = relations.subList(from, Math.min(relations.size(), from + batch));
            if (dropAll(c, chunk)) {
                from += chunk.size();
            } else if (batch > 1) {
                batch = Math.max(1, batch / 2);
            } else {
                throw new SQLException(
                        "the server's lock table has no room to drop even " + chunk.get(0) + " alone", OUT_OF_LOCKS);
            }
        }
        if (!dropSchema(c, schema)) {
            throw new SQLException(
                    "the server's lock table has no room to drop what is left in schema " + schema, OUT_OF_LOCKS);
        }
    }

    /** A table, view or standalone sequence, with the keyword that drops it. */
    private record Relation(String kind, String qualifiedName) {
        @Override
        public String toString() {
            return qualifiedName;
        }
    }

    /** Tables first (dropping one takes its indexes, owned sequences and TOAST with it), then views, then standalone sequences. */
    private static List<Relation> relations(Connection c, String schema) throws SQLException {
        List<Relation> relations = new ArrayList<>();
        try (var s = c.prepareStatement(
                "SELECT CASE WHEN relkind IN ('r', 'p') THEN 'TABLE' WHEN relkind = 'f' THEN 'FOREIGN TABLE' "
                        + "WHEN relkind = 'v' THEN 'VIEW' WHEN relkind = 'm' THEN 'MATERIALIZED VIEW' ELSE 'SEQUENCE' END, relname "
                        + "FROM pg_class c WHERE relnamespace = to_regnamespace(?) AND relkind IN ('r', 'p', 'f', 'v', 'm', 'S') "
                        + "AND NOT relispartition "
                        // a sequence owned by a column (identity, serial) goes with its table
                        + "AND NOT (relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
                        + "AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))) ORDER BY CASE WHEN relkind IN ('r', 'p', 'f') THEN 0 WHEN relkind IN ('v', 'm') THEN 1 ELSE 2 END, relname")) {
            s.setString(1, Identifiers.quote(schema));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    relations.add(new Relation(
                            rs.getString(1), Identifiers.quote(schema) + "." + Identifiers.quote(rs.getString(2))));
                }
            }
        }
        return relations;
    }

    /** The objects a {@code DROP SCHEMA ... CASCADE} would lock: every relation, type and constraint in it. */
    private static long objectsIn(Connection c, String schema) throws SQLException {
        try (var s = c.prepareStatement(
                "SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = n.oid) "
                        + "+ (SELECT count(*) FROM pg_type WHERE typnamespace = n.oid) "
                        + "+ (SELECT count(*) FROM pg_constraint WHERE connamespace = n.oid) "
                        + "+ (SELECT count(*) FROM pg_proc WHERE pronamespace = n.oid) + 1 FROM pg_namespace n WHERE n.oid = to_regnamespace(?)")) {
            s.setString(1, Identifiers.quote(schema));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Whether the schema is gone; {@code false} when the lock table had no room for it. */
    private static boolean dropSchema(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + Identifiers.quote(schema) + " CASCADE");
            return true;
        } catch (SQLException e) {
            if (outOfLocks(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Drops the relations in one transaction; {@code false} (and nothing dropped) when the lock table had no room. */
    private static boolean dropAll(Connection c, List<Relation> relations) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String kind : relations.stream().map(Relation::kind).distinct().toList()) {
                s.execute("DROP " + kind + " IF EXISTS "
                        + String.join(
                                ", ",
                                relations.stream()
                                        .filter(r -> r.kind().equals(kind))
                                        .map(Relation::qualifiedName)
                                        .toList())
                        + " CASCADE");
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            if (outOfLocks(e)) {
                return false;
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Whether the server ran out of lock table, said by {@code e} or, for a batch, by the statement that failed in it. */
    private static boolean outOfLocks(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            if (OUT_OF_LOCKS.equals(cause.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The failure to clean up, saying what is left and how it goes away. */
    private static MigrateException leftBehind(Connection c, String schema, Exception cause) {
        String count;
        try {
            count = relations(c, schema).size() + " relations";
        } catch (SQLException | RuntimeException e) {
            count = "an unknown number of relations (the connection failed)";
        }
        return new MigrateException(
                "Could not drop the scratch schema " + schema + " (" + cause.getMessage() + "), so it is "
                        + "left on the database with " + count
                        + ". The next migrate:check or migrate:autogenerate with "
                        + "this database drops it in batches once this session has ended; to drop it now, drop its tables a few "
                        + "hundred at a time (DROP TABLE " + schema + ".name, ... CASCADE) and then DROP SCHEMA "
                        + schema + " CASCADE.",
                cause);
    }
}
