package dev.migrate.internal.runtime.sink;

import dev.migrate.op.QualifiedName;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds in {@code pg_index} the invalid indexes that an interrupted concurrent index command left,
 * those the same statement would trip over or leave beside its own work when it runs again. A valid
 * index is never found here, whatever its name.
 */
public final class InvalidIndexes {
    /** The suffixes {@code REINDEX CONCURRENTLY} gives the copies it builds and the originals it drops. */
    private static final String REINDEX_SUFFIX = "'_cc(new|old)[0-9]*$'";

    private static final String SELECT = "SELECT n.nspname, c.relname, t.relname,"
            // a concurrent build in progress in another session is invalid too, until it ends
            + " (SELECT min(p.pid) FROM pg_stat_progress_create_index p"
            + "   WHERE p.index_relid = i.indexrelid AND p.pid <> pg_backend_pid())"
            + " FROM pg_index i"
            + " JOIN pg_class c ON c.oid = i.indexrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_class t ON t.oid = i.indrelid"
            + " WHERE NOT i.indisvalid AND ";

    private InvalidIndexes() {}

    /**
     * An invalid index found.
     *
     * @param buildingPid the server process building it right now, or 0 when none is
     */
    public record Found(String schema, String name, String table, int buildingPid) {
        /** The index, schema-qualified and quoted as needed. */
        public String qualified() {
            return Identifiers.quote(new QualifiedName(schema, name));
        }

        /** What drops it without blocking writes to its table. */
        public String dropStatement() {
            return "DROP INDEX CONCURRENTLY IF EXISTS " + qualified();
        }
    }

    /** The invalid indexes a cut of {@code leftover} left, as {@code connection} sees them (its search path). */
    static List<Found> find(Connection connection, Leftover leftover) throws SQLException {
        List<String> parameters = new ArrayList<>();
        String where;
        if (leftover instanceof Leftover.InvalidIndex index && index.name() != null) {
            where = "c.relname = ? AND i.indrelid = to_regclass(?)";
            parameters.add(index.name());
            parameters.add(Identifiers.quote(index.table()));
        } else if (leftover instanceof Leftover.ReindexCopies copies) {
            where = "c.relname ~ " + REINDEX_SUFFIX + " AND " + reindexed(copies, parameters);
        } else {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(SELECT + where + " ORDER BY 1, 2")) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Found(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
        }
        return found;
    }

    /** The condition on the copies' table or schema, its parameters added to {@code parameters}. */
    private static String reindexed(Leftover.ReindexCopies copies, List<String> parameters) {
        switch (copies.scope()) {
            case INDEX -> {
                String target = Identifiers.quote(copies.named());
                parameters.add(target);
                parameters.add(target);
                // a copy's name is the index's, cut to leave room for the suffix
                return "i.indrelid = (SELECT x.indrelid FROM pg_index x WHERE x.indexrelid = to_regclass(?))"
                        + " AND starts_with((SELECT x.relname FROM pg_class x WHERE x.oid = to_regclass(?)),"
                        + " regexp_replace(c.relname, " + REINDEX_SUFFIX + ", ''))";
            }
            case TABLE -> {
                String target = Identifiers.quote(copies.named());
                parameters.add(target);
                parameters.add(target);
                // REINDEX TABLE rebuilds the indexes of the table's TOAST table too
                return "i.indrelid IN (to_regclass(?), (SELECT x.reltoastrelid FROM pg_class x"
                        + " WHERE x.oid = to_regclass(?)))";
            }
            case SCHEMA -> {
                parameters.add(copies.named().name());
                return "n.nspname = ?";
            }
            default -> {
                return "n.nspname <> 'pg_catalog'";
            }
        }
    }

    /** Drops {@code index} on {@code connection}, which must be in autocommit. */
    static void drop(Connection connection, Found index) throws SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute(index.dropStatement());
        }
    }
}
