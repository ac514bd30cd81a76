package dev.migrate.internal.fleet;

import static dev.migrate.sql.Identifiers.quote;
import static dev.migrate.sql.Literals.string;

import dev.migrate.internal.online.OnlineState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The version rows and stored checksums of many tenant schemas of one database, read in a few
 * round trips without taking any tenant's lock: one catalog query says which schemas have the
 * tables, then one {@code UNION ALL} per {@value #CHUNK} schemas reads them. Each query locks the
 * tables it reads (and their keys' indexes) until it ends, so a chunk stays far within the
 * server's lock table ({@code max_locks_per_transaction}, 64 by default, times the connections).
 */
public final class VersionScan {
    /** Schemas read by one query: four relations each, so 800 locks at most. */
    static final int CHUNK = 200;

    private VersionScan() {}

    /**
     * What one schema's tables hold.
     *
     * @param versions its version rows; empty at base or when the table does not exist
     * @param checksums the checksum of each revision's latest upgrade
     * @param inProgress the online revisions in their expand phase
     */
    public record Tables(Set<String> versions, Map<String, String> checksums, Set<String> inProgress) {}

    /**
     * The tables of each of {@code schemas}; a schema without a version table is at base.
     *
     * @param historyTable the history table whose checksums are read too, or null for the version rows
     *     alone (reading a history for each schema takes the server most of the time)
     */
    public static Map<String, Tables> read(
            Connection c, List<String> schemas, String versionTable, @Nullable String historyTable)
            throws SQLException {
        Map<String, Tables> result = new HashMap<>();
        Set<String> withVersion = new TreeSet<>();
        Set<String> withHistory = new TreeSet<>();
        Set<String> withOnline = new TreeSet<>();
        String onlineTable = OnlineState.tableOf(versionTable);
        try (PreparedStatement s = c.prepareStatement(
                "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname = ANY (?) AND c.relname IN (?, ?, ?) AND c.relkind = 'r'")) {
            s.setArray(1, c.createArrayOf("text", schemas.toArray()));
            s.setString(2, versionTable);
            // without a history table the version table is named twice, so no schema counts as having a history
            s.setString(3, historyTable == null ? versionTable : historyTable);
            s.setString(4, onlineTable);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(2);
                    (table.equals(versionTable) ? withVersion : table.equals(onlineTable) ? withOnline : withHistory)
                            .add(rs.getString(1));
                }
            }
        }
        for (String schema : schemas) {
            result.put(schema, new Tables(new TreeSet<>(), new HashMap<>(), new TreeSet<>()));
        }
        List<String> present = List.copyOf(withVersion);
        for (int from = 0; from < present.size(); from += CHUNK) {
            List<String> chunk = present.subList(from, Math.min(present.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder();
            for (String schema : chunk) {
                sql.append(sql.length() == 0 ? "" : "\nUNION ALL ")
                        .append("SELECT ")
                        .append(string(schema))
                        .append(", 0, version_num::text, NULL::text FROM ")
                        .append(quote(schema))
                        .append('.')
                        .append(quote(versionTable));
                if (historyTable != null && withHistory.contains(schema)) {
                    sql.append("\nUNION ALL (SELECT DISTINCT ON (revision) ")
                            .append(string(schema))
                            .append(", 1, revision::text, checksum::text FROM ")
                            .append(quote(schema))
                            .append('.')
                            .append(quote(historyTable))
                            .append(" WHERE direction IN ('upgrade', 'marked') ORDER BY revision, id DESC)");
                }
                if (withOnline.contains(schema)) {
                    sql.append("\nUNION ALL SELECT ")
                            .append(string(schema))
                            .append(", 2, revision::text, NULL::text FROM ")
                            .append(quote(schema))
                            .append('.')
                            .append(quote(onlineTable))
                            .append(" WHERE phase = 'expand'");
                }
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql.toString())) {
                while (rs.next()) {
                    Tables tables = Objects.requireNonNull(result.get(rs.getString(1)));
                    if (rs.getInt(2) == 0) {
                        tables.versions().add(rs.getString(3));
                    } else if (rs.getInt(2) == 2) {
                        tables.inProgress().add(rs.getString(3));
                    } else if (rs.getString(4) != null) {
                        tables.checksums().put(rs.getString(3), rs.getString(4));
                    }
                }
            }
        }
        return result;
    }
}
