package dev.migrate.autogen.entity;

import dev.migrate.MigrateException;
import dev.migrate.autogen.catalog.CanonicalChecks;
import dev.migrate.autogen.catalog.CatalogReader;
import dev.migrate.autogen.catalog.Exclusions;
import dev.migrate.autogen.schema.DatabaseSchema;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Materializes DDL where it cannot hurt and reads it back with the catalog reader, so the entity
 * side is described in exactly the terms the live side is.
 *
 * <p>The DDL runs in a scratch schema inside a transaction that is always rolled back, as long as
 * the server's lock table has room for it (each table, index and sequence takes a lock until the
 * end of the transaction). A model too large for that runs in autocommit (with
 * {@code synchronous_commit = off}) in a uniquely named scratch schema that is always dropped; one
 * left behind by a crashed run is swept by the next.
 */
public final class ScratchSchema {
    static final String PREFIX = "migrate_scratch_";
    /**
     * Locks one DDL statement may take (its table, a TOAST table, an index, a sequence): a
     * transaction of more statements than the server's lock table holds fails with "out of shared memory".
     */
    static final int LOCKS_PER_STATEMENT = 4;

    private ScratchSchema() {}

    /**
     * Runs {@code ddl} in a scratch schema and returns what it built, as if it lived in {@code targetSchema}.
     * The DDL must use unqualified names; the connection is left as it was found.
     */
    public static DatabaseSchema read(Connection c, List<String> ddl, String targetSchema, Exclusions exclusions) {
        return read(c, ddl, targetSchema, exclusions, Long.MAX_VALUE);
    }

    /** As {@link #read}, with no more than {@code maxLocks} of the lock table used by one transaction. */
    static DatabaseSchema read(Connection c, List<String> ddl, String targetSchema, Exclusions exclusions, long maxLocks) {
        String path = Identifiers.quote(targetSchema) + ", public";
        try {
            Server server = server(c);
            // named after the server process, so a sweep can tell a live run's schema from a crashed one's
            String scratch = PREFIX + server.backendPid() + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            boolean autoCommit = c.getAutoCommit();
            try {
                sweep(c);
                // a rolled-back transaction needs no cleanup; use it whenever the lock table leaves room for others
                DatabaseSchema built = (long) ddl.size() * LOCKS_PER_STATEMENT <= Math.min(maxLocks, server.lockCapacity() / 2)
                        ? inRolledBackTransaction(c, ddl, scratch, path, exclusions)
                        : inDroppedSchema(c, ddl, scratch, path, exclusions);
                return built.withSchemaRenamed(scratch, targetSchema);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new MigrateException("Could not build the entity schema on the database: " + e.getMessage(), e);
        }
    }

    private static DatabaseSchema inRolledBackTransaction(Connection c, List<String> ddl, String scratch, String path, Exclusions exclusions)
            throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + scratch);
            s.execute("SET LOCAL search_path = " + scratch + ", " + path);
            run(s, ddl);
            return CanonicalChecks.of(c, new CatalogReader().read(c, List.of(scratch), exclusions));
        } finally {
            c.rollback();
        }
    }

    private static DatabaseSchema inDroppedSchema(Connection c, List<String> ddl, String scratch, String path, Exclusions exclusions)
            throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            s.execute("CREATE SCHEMA " + scratch);
            try {
                s.execute("SET search_path = " + scratch + ", " + path);
                run(s, ddl);
                return CanonicalChecks.of(c, new CatalogReader().read(c, List.of(scratch), exclusions));
            } finally {
                s.execute("DROP SCHEMA " + scratch + " CASCADE");
                s.execute("RESET search_path");
                s.execute("RESET synchronous_commit");
            }
        }
    }

    private static void run(Statement s, List<String> ddl) {
        for (String sql : ddl) {
            try {
                s.execute(sql);
            } catch (SQLException e) {
                throw new MigrateException("The DDL the JPA provider wrote for the entities failed on PostgreSQL.\nStatement: "
                        + sql + "\nError: " + e.getMessage() + "\nCheck the mapping of the entity this statement comes from.", e);
            }
        }
    }

    /** What the server says about this session and its lock table, in one query. */
    private record Server(int backendPid, long lockCapacity) {}

    private static Server server(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT pg_backend_pid(), current_setting('max_locks_per_transaction')::bigint "
                     + "* (current_setting('max_connections')::bigint + current_setting('max_prepared_transactions')::bigint)")) {
            rs.next();
            return new Server(rs.getInt(1), rs.getLong(2));
        }
    }

    /** Drops scratch schemas whose session is gone: left by a run that crashed before its cleanup. */
    private static void sweep(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + PREFIX + "%' "
                     + "AND split_part(substr(nspname, " + (PREFIX.length() + 1) + "), '_', 1)::int NOT IN "
                     + "(SELECT pid FROM pg_stat_activity)")) {
            List<String> stale = new ArrayList<>();
            while (rs.next()) {
                stale.add(rs.getString(1));
            }
            for (String schema : stale) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
