package dev.migrate.internal.consent;

import dev.migrate.op.QualifiedName;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * How many rows a table holds now, as a plan shows it: counted when the table is small enough to count at once,
 * else the planner's estimate ({@code pg_class.reltuples}), and the message says which.
 */
final class TableRows {
    /** Above either, the rows are estimated rather than counted. */
    private static final long COUNTED_ROWS = 1_000_000;

    private static final long COUNTED_BYTES = 256L * 1024 * 1024;

    private TableRows() {}

    /** {@code 1,204 rows (counted)}, {@code about 3,100,000 rows (estimate: pg_class.reltuples)}, or why none. */
    static String of(Connection c, QualifiedName table, String schema) throws SQLException {
        String name = table.schema() == null
                ? Identifiers.quote(schema) + "." + Identifiers.quote(table.name())
                : Identifiers.quote(table.schema()) + "." + Identifiers.quote(table.name());
        try (PreparedStatement s = c.prepareStatement(
                "SELECT c.reltuples::bigint, pg_relation_size(c.oid) FROM pg_class c WHERE c.oid = to_regclass(?)"
                        + " AND c.relkind IN ('r', 'p', 'm')")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return "not a table there now";
                }
                long estimate = rs.getLong(1);
                if (estimate > COUNTED_ROWS || rs.getLong(2) > COUNTED_BYTES) {
                    return "about " + String.format(Locale.ROOT, "%,d", estimate)
                            + " rows (estimate: pg_class.reltuples)";
                }
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + name)) {
            rs.next();
            long rows = rs.getLong(1);
            return String.format(Locale.ROOT, "%,d", rows) + (rows == 1 ? " row" : " rows") + " (counted)";
        }
    }
}
