package dev.migrate.lint;

import dev.migrate.MigrateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * How many rows the tables of a real database hold, by the planner's estimate ({@code
 * pg_class.reltuples}), read once and read only: the lint weighs a lock hazard by the size of the
 * table it would hit. {@code TableSizes sizes = TableSizes.read(productionDataSource);}
 */
public final class TableSizes {
    /** No database to ask: every finding keeps its rule's severity. */
    public static final TableSizes UNKNOWN = new TableSizes(Map.of());

    /**
     * A partitioned table holds no rows of its own: its estimate is the sum of its partitions'. A
     * table never analysed has {@code reltuples} -1 (0 before PostgreSQL 14, with no pages): unknown.
     */
    private static final String QUERY = """
            SELECT n.nspname || '.' || c.relname,
                   CASE WHEN c.relkind = 'p' THEN (
                            SELECT sum(greatest(p.reltuples, 0)) FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhrelid
                            WHERE i.inhparent = c.oid)
                        WHEN c.reltuples < 0 OR (c.reltuples = 0 AND c.relpages = 0 AND c.relallvisible = 0
                            AND NOT EXISTS (SELECT 1 FROM pg_stat_all_tables s
                                            WHERE s.relid = c.oid AND coalesce(s.last_analyze, s.last_autoanalyze,
                                                                               s.last_vacuum, s.last_autovacuum) IS NOT NULL))
                        THEN NULL
                        ELSE c.reltuples END
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'""";

    private final Map<String, Long> rows;

    private TableSizes(Map<String, Long> rows) {
        this.rows = Map.copyOf(rows);
    }

    /**
     * Reads the estimates of every table of {@code database} in one query, on a read-only connection:
     * {@code TableSizes.read(productionDataSource)}.
     *
     * @param database the database the migrations are headed for
     * @return the estimates
     */
    public static TableSizes read(DataSource database) {
        try (Connection c = database.getConnection()) {
            c.setReadOnly(true);
            return read(c);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the table sizes (pg_class.reltuples) of the configured database: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Reads the estimates of every table in one query on a connection the caller holds, as
     * autogenerate's measurements do: {@code TableSizes.read(connection)}.
     *
     * @param connection a connection to the database the migrations are headed for
     * @return the estimates
     * @throws SQLException when the catalog cannot be read
     */
    public static TableSizes read(Connection connection) throws SQLException {
        Map<String, Long> rows = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            while (rs.next()) {
                double estimate = rs.getDouble(2);
                if (!rs.wasNull()) {
                    rows.put(rs.getString(1), Math.round(estimate));
                }
            }
        }
        return new TableSizes(rows);
    }

    /**
     * Estimates given by the caller, by schema-qualified table name:
     * {@code TableSizes.of(Map.of("public.orders", 5_000_000L))}.
     *
     * @param rows the estimated rows of each table
     * @return the estimates
     */
    public static TableSizes of(Map<String, Long> rows) {
        return new TableSizes(rows);
    }

    /**
     * The estimated rows of one table: {@code sizes.estimatedRows("public.orders")}.
     *
     * @param table schema-qualified, as lint findings name it
     * @return the estimate, or empty when the database does not hold the table or never analysed it
     */
    public OptionalLong estimatedRows(String table) {
        Long estimate = rows.get(table);
        return estimate == null ? OptionalLong.empty() : OptionalLong.of(estimate);
    }
}
