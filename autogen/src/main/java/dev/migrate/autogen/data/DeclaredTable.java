package dev.migrate.autogen.data;

import dev.migrate.MigrateException;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.rows.Savepoints;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The rows one file declares for one table: a {@code .csv} file's values as PostgreSQL reads their text, or a
 * {@code .sql} file's {@code INSERT} values as SQL literals.
 *
 * @param table the table, its schema the managed one when the file name gives none
 * @param context the context the rows are limited to (the file's folder under the data directory), or
 *     {@code null} for rows every environment has
 * @param source the file as messages name it ({@code src/main/resources/db/data/countries.csv})
 * @param columns the columns each row gives
 * @param values one list per row: text as PostgreSQL reads it ({@code null} for {@code NULL}), or for a {@code
 *     .sql} file each value's SQL ({@code 'France'}, {@code 42}, {@code NULL})
 * @param sqlValues whether {@code values} are SQL literals, evaluated by the database ({@link #valuesOn})
 * @param file where the rows were read and where each of them stands, or {@code null} when they were not read
 *     from a file
 */
public record DeclaredTable(
        ObjectName table,
        @Nullable String context,
        String source,
        List<String> columns,
        List<List<@Nullable String>> values,
        boolean sqlValues,
        @Nullable DeclaredFile file) {
    public DeclaredTable {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        values = values.stream()
                .map(row -> java.util.Collections.unmodifiableList(new ArrayList<>(row)))
                .toList();
    }

    /** Rows not read from a file (built in code): messages name the source alone. */
    public DeclaredTable(
            ObjectName table,
            @Nullable String context,
            String source,
            List<String> columns,
            List<List<@Nullable String>> values,
            boolean sqlValues) {
        this(table, context, source, columns, values, sqlValues, null);
    }

    /** {@code db/data/countries.csv:7:3}: where value {@code column} of row {@code row} (from 0) starts. */
    public String where(int row, int column) {
        DeclaredFile f = file;
        if (f == null
                || row < 0
                || row >= f.valuePlaces().size()
                || column < 0
                || column >= f.valuePlaces().get(row).size()) {
            return row < 0 ? source : source + " (row " + (row + 1) + ")";
        }
        return f.valuePlaces().get(row).get(column).in(source);
    }

    /** {@code db/data/countries.csv:7:1}: where row {@code row} (from 0) starts. */
    public String where(int row) {
        return where(row, 0);
    }

    /** {@code db/data/countries.csv:1:6}: where the file names column {@code column}. */
    public String whereColumn(String column) {
        DeclaredFile f = file;
        int i = columns.indexOf(column);
        return f == null || i < 0 || i >= f.columnPlaces().size()
                ? source
                : f.columnPlaces().get(i).in(source);
    }

    /** The values as text: a {@code .csv} file's as they are, a {@code .sql} file's literals as {@code c} reads them. */
    public List<List<@Nullable String>> valuesOn(Connection c) {
        if (!sqlValues || values.isEmpty()) {
            return values;
        }
        try {
            return evaluated(c, 0, values.size());
        } catch (SQLException e) {
            throw unreadable(c, e);
        }
    }

    /** Rows {@code from} to {@code to} (exclusive) evaluated as SQL literals. */
    private List<List<@Nullable String>> evaluated(Connection c, int from, int to) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM (VALUES ");
        for (int r = from; r < to; r++) {
            sql.append(r == from ? "(" : ", (").append(r);
            for (String value : values.get(r)) {
                sql.append(", (").append(value).append(")::text");
            }
            sql.append(')');
        }
        sql.append(") AS v ORDER BY 1");
        return Savepoints.attempt(c, () -> {
            List<List<@Nullable String>> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString());
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<@Nullable String> row = new ArrayList<>();
                    for (int i = 2; i <= columns.size() + 1; i++) {
                        row.add(r.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }

    /**
     * The refusal of a file one of whose values is no SQL literal the server reads, pointing at the first such:
     * the rows halved down to the first that fails, then its values one by one.
     */
    private MigrateException unreadable(Connection c, SQLException failure) {
        String fix = ". Write each value as a literal ('text', 42, NULL, '2026-01-01').";
        try {
            int lo = 0;
            int hi = values.size();
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (fails(c, lo, mid) != null) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            for (int column = 0; column < columns.size(); column++) {
                String value = values.get(lo).get(column);
                String reason = fails(c, "SELECT (" + value + ")::text");
                if (reason != null) {
                    return new MigrateException(
                            where(lo, column) + ": the value of column " + columns.get(column) + " (" + value
                                    + ") is not a SQL literal the server reads: " + reason + fix,
                            failure);
                }
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        return new MigrateException(
                source + ": its values could not be read as SQL literals: " + failure.getMessage() + fix, failure);
    }

    private @Nullable String fails(Connection c, int from, int to) {
        try {
            evaluated(c, from, to);
            return null;
        } catch (SQLException e) {
            return String.valueOf(e.getMessage());
        }
    }

    private static @Nullable String fails(Connection c, String sql) throws SQLException {
        try {
            Savepoints.attempt(c, () -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.executeQuery().close();
                }
                return true;
            });
            return null;
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            int end = message.indexOf('\n');
            return end < 0 ? message : message.substring(0, end);
        }
    }
}
