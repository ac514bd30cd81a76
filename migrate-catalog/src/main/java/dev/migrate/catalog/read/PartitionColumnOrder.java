package dev.migrate.catalog.read;

import dev.migrate.catalog.ObjectName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The partitions whose columns are in another order than their parent's: a table made on its own and
 * attached as a partition later keeps its own order, where one made {@code PARTITION OF} its parent takes the
 * parent's. Each with its columns in its order, which of them are {@code NOT NULL} on it, their types and their
 * defaults on it. One query.
 *
 * @param partitions each such partition's columns, in its order
 */
public record PartitionColumnOrder(Map<ObjectName, List<Column>> partitions) {
    private static final String QUERY = """
            WITH s AS (SELECT unnest(?::text[]) AS nspname)
            SELECT n.nspname, c.relname, own.names, own.not_null, own.types, own.defaults
            FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_inherits h ON h.inhrelid = c.oid
            CROSS JOIN LATERAL (
                SELECT array_agg(a.attname::text ORDER BY a.attnum) AS names,
                       array_agg(a.attnotnull ORDER BY a.attnum) AS not_null,
                       array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum) AS types,
                       array_agg(pg_get_expr(d.adbin, d.adrelid) ORDER BY a.attnum) AS defaults
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) own
            WHERE c.relispartition
              AND own.names IS DISTINCT FROM (
                  SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
                  WHERE a.attrelid = h.inhparent AND a.attnum > 0 AND NOT a.attisdropped)
            ORDER BY 1, 2
            """;

    /**
     * A column of a partition.
     *
     * @param name its name
     * @param notNull whether the partition holds it {@code NOT NULL}
     * @param type its type, as {@code format_type} spells it
     * @param defaultExpression its default on the partition, as {@code pg_get_expr} spells it, or {@code null}
     */
    public record Column(
            String name,
            boolean notNull,
            String type,
            @Nullable String defaultExpression) {}

    public PartitionColumnOrder {
        partitions = Collections.unmodifiableMap(new LinkedHashMap<>(partitions));
    }

    /** Those of {@code schemas} on {@code c}; nothing is written. */
    public static PartitionColumnOrder in(Connection c, List<String> schemas) throws SQLException {
        Map<ObjectName, List<Column>> partitions = new LinkedHashMap<>();
        Array names = c.createArrayOf("text", schemas.toArray());
        try (PreparedStatement s =
                c.prepareStatement(InSchemas.expand(QUERY, InSchemas.throughIndex(c, schemas.size())))) {
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Object[] columns = (Object[]) rs.getArray(3).getArray();
                    Object[] notNull = (Object[]) rs.getArray(4).getArray();
                    Object[] types = (Object[]) rs.getArray(5).getArray();
                    Object[] defaults = (Object[]) rs.getArray(6).getArray();
                    List<Column> ordered = new ArrayList<>();
                    for (int i = 0; i < columns.length; i++) {
                        ordered.add(new Column(
                                (String) columns[i], Boolean.TRUE.equals(notNull[i]), (String) types[i], (String)
                                        defaults[i]));
                    }
                    partitions.put(ObjectName.of(rs.getString(1), rs.getString(2)), List.copyOf(ordered));
                }
            }
        } finally {
            names.free();
        }
        return new PartitionColumnOrder(partitions);
    }
}
