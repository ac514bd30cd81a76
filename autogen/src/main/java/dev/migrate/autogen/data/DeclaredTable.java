package dev.migrate.autogen.data;

import dev.migrate.MigrateException;
import dev.migrate.catalog.ObjectName;
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
 */
public record DeclaredTable(
        ObjectName table,
        @Nullable String context,
        String source,
        List<String> columns,
        List<List<@Nullable String>> values,
        boolean sqlValues) {
    public DeclaredTable {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        values = values.stream()
                .map(row -> java.util.Collections.unmodifiableList(new ArrayList<>(row)))
                .toList();
    }

    /** The values as text: a {@code .csv} file's as they are, a {@code .sql} file's literals as {@code c} reads them. */
    public List<List<@Nullable String>> valuesOn(Connection c) {
        if (!sqlValues || values.isEmpty()) {
            return values;
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM (VALUES ");
        for (int r = 0; r < values.size(); r++) {
            sql.append(r == 0 ? "(" : ", (").append(r);
            for (String value : values.get(r)) {
                sql.append(", (").append(value).append(")::text");
            }
            sql.append(')');
        }
        sql.append(") AS v ORDER BY 1");
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
        } catch (SQLException e) {
            throw new MigrateException(
                    source + ": its values could not be read as SQL literals: " + e.getMessage()
                            + ". Write each value as a literal ('text', 42, NULL, '2026-01-01').",
                    e);
        }
        return out;
    }
}
