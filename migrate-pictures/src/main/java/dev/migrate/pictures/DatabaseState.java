package dev.migrate.pictures;

import dev.migrate.MigrateException;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a database says about the revision graph: its current revisions (the version table) and
 * when each revision's upgrade last ran and how long it took (the history table).
 */
public record DatabaseState(Set<String> current, Map<String, AppliedRevision> applied) {
    public DatabaseState {
        current = Set.copyOf(current);
        applied = Map.copyOf(applied);
    }

    /** No database: nothing marked. */
    public static DatabaseState none() {
        return new DatabaseState(Set.of(), Map.of());
    }

    /**
     * Reads the version and history tables in {@code schema}; a database the migrations never ran
     * on (no such tables) has none of either.
     */
    public static DatabaseState read(Connection database, String schema, String versionTable, String historyTable) {
        String version = Identifiers.quote(schema) + "." + Identifiers.quote(versionTable);
        String history = Identifiers.quote(schema) + "." + Identifiers.quote(historyTable);
        Set<String> current = new LinkedHashSet<>();
        Map<String, AppliedRevision> applied = new HashMap<>();
        try {
            if (exists(database, version)) {
                try (PreparedStatement s =
                                database.prepareStatement("SELECT version_num FROM " + version + " ORDER BY 1");
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        current.add(rs.getString(1));
                    }
                }
            }
            if (exists(database, history)) {
                // the last application of each revision (run, marked ran by its guard, or moved in from the old
                // tool); one undone since still shows when it was applied
                try (PreparedStatement s =
                                database.prepareStatement("SELECT DISTINCT ON (revision) revision, applied_at, "
                                        + "duration_ms FROM " + history
                                        + " WHERE direction IN ('upgrade', 'marked', 'imported') "
                                        + "ORDER BY revision, applied_at DESC, id DESC");
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long ms = rs.getLong(3);
                        Duration duration = rs.wasNull() ? null : Duration.ofMillis(ms);
                        applied.put(
                                rs.getString(1),
                                new AppliedRevision(rs.getString(1), rs.getObject(2, OffsetDateTime.class), duration));
                    }
                }
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the version and history tables " + version + " and " + history
                            + " for the revision picture: " + e.getMessage(),
                    e);
        }
        return new DatabaseState(current, applied);
    }

    private static boolean exists(Connection database, String table) throws SQLException {
        try (PreparedStatement s = database.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
