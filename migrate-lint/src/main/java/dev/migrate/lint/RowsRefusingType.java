package dev.migrate.lint;

import dev.migrate.MigrateException;
import dev.migrate.connection.ConnectionFailure;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Counts, on the database the migrations are headed for, the rows a column type change the replay saw would fail
 * on ({@link TypeChangeRows}, as autogenerate measures them): a vector of another dimension, a geometry of another
 * SRID or kind. Each query only reads, on a read-only connection of its own, under a statement timeout; a table or
 * column that database does not hold yet (an earlier pending migration makes it) is not measured.
 */
final class RowsRefusingType implements AutoCloseable {
    /** SQLSTATE query_canceled: the statement timeout stopped a count. */
    private static final String TIMED_OUT = "57014";

    private final DataSource database;
    private final Duration timeout;
    private @Nullable Connection connection;
    private int serverMajor;

    RowsRefusingType(DataSource database, Duration timeout) {
        this.database = database;
        this.timeout = timeout;
    }

    /**
     * What the rows of {@code schema.table} make of the change of {@code column} to {@code type}: the detail of a
     * finding, or empty when none of them fails (or the database does not hold the column).
     */
    Optional<String> measure(String schema, String table, String column, String type) {
        String subject = schema + "." + table + "." + column;
        try {
            Connection c = connection();
            Optional<TypeChangeRows> refused = TypeChangeRows.of(column, subject, type, serverMajor);
            if (refused.isEmpty() || !holds(c, schema, table, column)) {
                return Optional.empty();
            }
            TypeChangeRows rows = refused.get();
            String from = " FROM " + Identifiers.quote(schema) + "." + Identifiers.quote(table) + " WHERE "
                    + Identifiers.quote(column) + " IS NOT NULL AND (" + rows.condition() + ")";
            try (Statement s = c.createStatement()) {
                s.execute("SET statement_timeout = '" + Math.max(1, timeout.toMillis()) + "ms'");
                long count;
                String example;
                try (ResultSet rs =
                        s.executeQuery("SELECT count(*), (SELECT " + rows.example() + from + " LIMIT 1)" + from)) {
                    rs.next();
                    count = rs.getLong(1);
                    example = rs.getString(2);
                } catch (SQLException e) {
                    if (ConnectionFailure.isConnectionFailure(e)) {
                        throw e;
                    }
                    if (!TIMED_OUT.equals(e.getSQLState())) {
                        return Optional.empty(); // refused on the rows as they are: the replay's findings stand
                    }
                    return Optional.of("changes the type of " + column + " to " + type + ": the rows of " + subject
                            + " that would make it fail could not be counted within " + timeout.toMillis()
                            + " ms on the configured database; " + rows.fix());
                }
                if (count == 0) {
                    return Optional.empty();
                }
                String shown = example == null ? "" : " (e.g. '" + shorten(example) + "')";
                return Optional.of("changes the type of " + column + " to " + type + ": on the configured database "
                        + String.format(Locale.ROOT, "%,d", count) + " " + (count == 1 ? rows.one() : rows.many())
                        + shown + ", and the type change fails on them; " + rows.fix());
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not count the rows of " + subject + " that its change to " + type
                            + " would fail on, on the configured database: " + e.getMessage(),
                    e);
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }

    private static boolean holds(Connection c, String schema, String table, String column) throws SQLException {
        try (var s = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class t ON t.oid"
                + " = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = ? AND"
                + " t.relname = ? AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped")) {
            s.setString(1, schema);
            s.setString(2, table);
            s.setString(3, column);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = database.getConnection();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            }
            serverMajor = c.getMetaData().getDatabaseMajorVersion();
            connection = c;
        }
        return connection;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing a read-only connection: nothing was written, nothing is lost
            }
        }
    }
}
