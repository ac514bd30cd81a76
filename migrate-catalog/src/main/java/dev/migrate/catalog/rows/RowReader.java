package dev.migrate.catalog.rows;

import dev.migrate.MigrateException;
import dev.migrate.catalog.ObjectName;
import dev.migrate.op.Rows;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Rows read from a database as the text PostgreSQL writes each value ({@code value::text}), so that values
 * are compared as the database holds them: {@code 1.5} declared for a {@code numeric(10,2)} column is
 * {@code 1.50}, {@code {"b":1, "a":2}} for {@code jsonb} is {@code {"a": 2, "b": 1}}. Only reads: nothing is
 * written, not even a temporary table.
 */
public final class RowReader {
    /** Values canonicalized per statement; the protocol allows 65,535 parameters. */
    private static final int PARAMETERS = 30_000;

    private RowReader() {}

    /**
     * Every row of the table {@code shape} describes, with all its columns, ordered by {@code key}; refused
     * when it holds more than {@code limit} rows.
     *
     * @param source how the rows are named in the refusal ({@code src/main/resources/db/data/countries.csv})
     */
    public static Rows read(Connection c, TableShape shape, List<String> key, int limit, String source) {
        List<String> columns = List.copyOf(shape.columns().keySet());
        String sql = "SELECT "
                + columns.stream().map(col -> Identifiers.quote(col) + "::text").collect(Collectors.joining(", "))
                + " FROM " + quote(shape.table()) + " ORDER BY "
                + key.stream().map(Identifiers::quote).collect(Collectors.joining(", "))
                + " LIMIT " + (limit + 1);
        List<List<@Nullable String>> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                List<@Nullable String> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(r.getString(i));
                }
                values.add(row);
            }
        } catch (SQLException e) {
            throw new MigrateException("Could not read the rows of " + shape.table() + ": " + e.getMessage(), e);
        }
        if (values.size() > limit) {
            throw tooMany(shape.table(), source, "holds more than " + limit + " rows", limit);
        }
        return new Rows(key, columns, values);
    }

    /** The refusal of a table with more rows than reference data has. */
    public static MigrateException tooMany(ObjectName table, String source, String what, int limit) {
        return new MigrateException(source + ": " + table + " " + what + ", more than declared rows are for"
                + " (reference data: countries, roles, plan tiers). Load bulk data with a migration of its own"
                + " (op.execute(\"COPY ...\")) and take the file out of the data directory, or raise the limit with"
                + " dataRowLimit (now " + limit + ").");
    }

    /** Where a value stands in the file that declares it: {@code db/data/countries.csv:7:3}. */
    @FunctionalInterface
    public interface Where {
        /** The place of value {@code column} (from 0, in the order of the columns) of row {@code row} (from 0). */
        String at(int row, int column);
    }

    /**
     * {@code values} (one list per row, in the order of {@code columns}) as this database writes them once read
     * as each column's type: what a comparison with {@link #read} rows needs.
     *
     * @throws MigrateException naming the place of the first value that does not read as its column's type
     *     ({@code where}), the column and the server's reason
     */
    public static List<List<@Nullable String>> canonical(
            Connection c, TableShape shape, List<String> columns, List<List<@Nullable String>> values, Where where) {
        List<List<@Nullable String>> out = new ArrayList<>(values.size());
        int perStatement = Math.max(1, PARAMETERS / Math.max(1, columns.size()));
        for (int from = 0; from < values.size(); from += perStatement) {
            List<List<@Nullable String>> chunk = values.subList(from, Math.min(values.size(), from + perStatement));
            try {
                out.addAll(Savepoints.attempt(c, () -> canonicalChunk(c, shape, columns, chunk)));
            } catch (SQLException e) {
                throw unreadable(c, shape, columns, chunk, from, where, e);
            }
        }
        return out;
    }

    /**
     * The refusal of a chunk of values of which one does not read as its column's type: the first such, by row
     * then column, found by halving the rows of each column ({@code log n} statements per column), with the
     * server's own words for it.
     */
    private static MigrateException unreadable(
            Connection c,
            TableShape shape,
            List<String> columns,
            List<List<@Nullable String>> chunk,
            int from,
            Where where,
            SQLException failure) {
        int badRow = -1;
        int badColumn = -1;
        String reason = String.valueOf(failure.getMessage());
        try {
            for (int col = 0; col < columns.size(); col++) {
                String type = shape.columns().getOrDefault(columns.get(col), "text");
                int column = col;
                List<@Nullable String> cells =
                        chunk.stream().map(row -> row.get(column)).toList();
                int limit = badRow < 0 ? cells.size() : badRow + 1;
                if (reason(c, type, cells.subList(0, limit)) == null) {
                    continue;
                }
                int lo = 0;
                int hi = limit;
                while (hi - lo > 1) {
                    int mid = (lo + hi) >>> 1;
                    if (reason(c, type, cells.subList(lo, mid)) != null) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                if (badRow < 0 || lo < badRow) {
                    badRow = lo;
                    badColumn = col;
                    reason = String.valueOf(reason(c, type, cells.subList(lo, lo + 1)));
                }
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        String fix = ". Write it as PostgreSQL reads that type (as in a string literal or COPY), an unquoted empty"
                + " field for NULL.";
        if (badRow < 0) {
            return new MigrateException(
                    where.at(-1, -1) + ": a value does not read as its column's type in " + shape.table() + ": "
                            + failure.getMessage() + fix,
                    failure);
        }
        String column = columns.get(badColumn);
        return new MigrateException(
                where.at(from + badRow, badColumn) + ": the value of column " + column + " does not read as its type "
                        + shape.columns().get(column) + " in " + shape.table() + ": " + firstLine(reason) + fix,
                failure);
    }

    /** Why {@code values} do not all read as {@code type}, in the server's words; {@code null} when they do. */
    private static @Nullable String reason(Connection c, String type, List<@Nullable String> values)
            throws SQLException {
        if (values.isEmpty()) {
            return null;
        }
        Array array = c.createArrayOf("text", values.toArray());
        try {
            Savepoints.attempt(c, () -> {
                try (PreparedStatement s =
                        c.prepareStatement("SELECT count(CAST(x AS " + type + ")) FROM unnest(?::text[]) x")) {
                    s.setArray(1, array);
                    s.executeQuery().close();
                }
                return true;
            });
            return null;
        } catch (SQLException e) {
            return String.valueOf(e.getMessage());
        } finally {
            array.free();
        }
    }

    /** The server's message without its {@code Position:} and {@code Where:} lines. */
    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).replaceFirst("^ERROR: ", "");
    }

    private static List<List<@Nullable String>> canonicalChunk(
            Connection c, TableShape shape, List<String> columns, List<List<@Nullable String>> chunk)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            String type = shape.columns().get(columns.get(i));
            sql.append(i == 0 ? "" : ", ")
                    .append("CAST(v.c")
                    .append(i)
                    .append(" AS ")
                    .append(type == null ? "text" : type)
                    .append(")::text");
        }
        sql.append(" FROM (VALUES ");
        for (int r = 0; r < chunk.size(); r++) {
            sql.append(r == 0 ? "(" : ", (").append(r);
            for (int i = 0; i < columns.size(); i++) {
                sql.append(", ?::text");
            }
            sql.append(')');
        }
        sql.append(") AS v(n");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(", c").append(i);
        }
        sql.append(") ORDER BY v.n");
        List<List<@Nullable String>> out = new ArrayList<>(chunk.size());
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (List<@Nullable String> row : chunk) {
                for (String value : row) {
                    s.setString(p++, value);
                }
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<@Nullable String> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(r.getString(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /**
     * How many rows of {@code reference}'s child table point to one of {@code parentValues} (values of the
     * reference's parent columns, in their order).
     */
    public static long referencing(
            Connection c, TableShape.Reference reference, List<List<@Nullable String>> parentValues) {
        if (parentValues.isEmpty()) {
            return 0;
        }
        String sql = "SELECT count(*) FROM " + quote(reference.child()) + " WHERE "
                + Literals.keyIn(reference.childColumns(), parentValues);
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not count the rows of " + reference.child() + " that point to " + reference.parent() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** {@code schema.table} as SQL names it, each part quoted where it must be. */
    public static String quote(ObjectName table) {
        return Identifiers.quote(table.schema()) + "." + Identifiers.quote(table.name());
    }
}
