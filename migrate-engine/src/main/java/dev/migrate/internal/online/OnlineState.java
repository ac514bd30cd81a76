package dev.migrate.internal.online;

import static dev.migrate.sql.Identifiers.quote;
import static dev.migrate.sql.Literals.string;

import dev.migrate.op.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The phases of online migrations, in a table beside the version table ({@code <version table>_online}),
 * made by the first online migration: one row per revision whose expand has started, with where each of
 * its backfills has got to, so that an interrupted expand resumes there.
 */
public final class OnlineState {
    /** The phase of a revision whose expand started and has not finished (it was interrupted, or runs). */
    public static final String EXPANDING = "expanding";
    /** The phase of a revision whose expand is done and whose contract is not: it is in progress. */
    public static final String EXPAND = "expand";
    /** The phase of a revision whose contract is done; its schema of views stays until the next one's. */
    public static final String COMPLETE = "complete";

    private final QualifiedName table;
    private final String quoted;

    public OnlineState(QualifiedName versionTable) {
        this.table = versionTable.sibling(tableOf(versionTable.name()));
        this.quoted = quote(table);
    }

    /**
     * The name of the table of online phases beside the version table {@code versionTable}: what every
     * module that leaves the version tables out of a comparison, a scan or a squash leaves out too.
     */
    public static String tableOf(String versionTable) {
        return versionTable + "_online";
    }

    public QualifiedName table() {
        return table;
    }

    /** Makes the table when it is not there yet. */
    String create() {
        return "CREATE TABLE IF NOT EXISTS " + quoted + " (\n"
                + "    revision varchar(64) NOT NULL PRIMARY KEY,\n"
                + "    phase varchar(10) NOT NULL,\n"
                + "    started_at timestamptz NOT NULL DEFAULT clock_timestamp(),\n"
                + "    expanded_at timestamptz,\n"
                + "    completed_at timestamptz,\n"
                + "    backfill jsonb NOT NULL DEFAULT '{}'\n"
                + ")";
    }

    /** The phase of each revision that has a row; empty when the table is not there. */
    public Map<String, String> read(Connection c) throws SQLException {
        Map<String, String> phases = new LinkedHashMap<>();
        try (PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, quoted);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return phases;
                }
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT revision, phase FROM " + quoted + " ORDER BY started_at")) {
            while (rs.next()) {
                phases.put(rs.getString(1), rs.getString(2));
            }
        }
        return phases;
    }

    /** The row of a revision whose expand starts; kept as it is when an interrupted expand resumes. */
    public List<String> expanding(String revision) {
        return List.of(
                create(),
                "INSERT INTO " + quoted + " (revision, phase) VALUES (" + string(revision) + ", '" + EXPANDING
                        + "') ON CONFLICT (revision) DO NOTHING");
    }

    /** The expand of {@code revision} is done: it is in progress until complete. */
    public String expanded(String revision) {
        return "UPDATE " + quoted + " SET phase = '" + EXPAND + "', expanded_at = clock_timestamp() WHERE revision = "
                + string(revision);
    }

    /** The contract of {@code revision} is done; the rows of the revisions completed before it go. */
    public List<String> completed(String revision) {
        return List.of(
                "DELETE FROM " + quoted + " WHERE phase = '" + COMPLETE + "' AND revision <> " + string(revision),
                "UPDATE " + quoted + " SET phase = '" + COMPLETE
                        + "', completed_at = clock_timestamp() WHERE revision = " + string(revision));
    }

    /** A downgrade undid {@code revision}. */
    public String forget(String revision) {
        return "DELETE FROM " + quoted + " WHERE revision = " + string(revision);
    }

    /** Where the backfill {@code key} of {@code revision} got to: the last key done and the rows done. */
    record Cursor(@Nullable List<String> lastKey, long rows) {}

    Cursor cursor(Connection c, String revision, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ARRAY(SELECT jsonb_array_elements_text(backfill -> ? -> "
                + "'key')), coalesce((backfill -> ? ->> 'rows')::bigint, 0), backfill -> ? IS NOT NULL FROM " + quoted
                + " WHERE revision = ?")) {
            s.setString(1, key);
            s.setString(2, key);
            s.setString(3, key);
            s.setString(4, revision);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(3)) {
                    return new Cursor(null, 0);
                }
                Array array = rs.getArray(1);
                return new Cursor(List.of((String[]) array.getArray()), rs.getLong(2));
            }
        }
    }

    /** Records a batch done, in the batch's own transaction. */
    void advance(Connection c, String revision, String key, List<String> lastKey, long rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + quoted + " SET backfill = jsonb_set(backfill, "
                + "ARRAY[?], jsonb_build_object('key', ?::text[], 'rows', ?::bigint)) WHERE revision = ?")) {
            s.setString(1, key);
            s.setArray(2, c.createArrayOf("text", lastKey.toArray()));
            s.setLong(3, rows);
            s.setString(4, revision);
            s.executeUpdate();
        }
    }
}
