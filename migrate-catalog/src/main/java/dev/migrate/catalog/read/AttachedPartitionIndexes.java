package dev.migrate.catalog.read;

import dev.migrate.catalog.ObjectName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The indexes of partitions that a partitioned table's index holds (attached, in {@code pg_inherits}) under a
 * name other than the one that index would have made ({@code orders_2024_customer_id_idx}), or with a comment:
 * a table made on its own with an index, and attached as a partition later, keeps its index's name when the
 * parent's index takes it in. A partitioned table's index made on a new database would make each partition's
 * under the made name, without comment; one the partition has already, alike, it takes in instead, under its
 * name. So these are the indexes to make before their parent's. Those of a key are left out: the partition's
 * key is the parent's. One query.
 */
public final class AttachedPartitionIndexes {
    private static final String QUERY = """
            WITH s AS (SELECT unnest(?::text[]) AS nspname)
            SELECT rn.nspname, rt.relname, ri.relname, n.nspname, c.relname, ic.relname,
                   CASE WHEN c.relkind = 'p' THEN d.head || ' ON ' || substr(d.def, length(d.head) + 10)
                        ELSE d.def END,
                   (SELECT format(E'\\nCOMMENT ON INDEX %I.%I IS %L;', n.nspname, ic.relname, dc.description)
                    FROM pg_description dc WHERE dc.objoid = ic.oid AND dc.classoid = 'pg_class'::regclass
                      AND dc.objsubid = 0),
                   -- the names the index's columns were given, which its made-up name joins
                   (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
                    WHERE a.attrelid = ic.oid AND a.attnum > 0)
            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN {pg_class c in s} ON c.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_class ri ON ri.oid = pg_partition_root(ic.oid)
            JOIN pg_index rx ON rx.indexrelid = ri.oid JOIN pg_class rt ON rt.oid = rx.indrelid
            JOIN pg_namespace rn ON rn.oid = rt.relnamespace
            CROSS JOIN LATERAL (SELECT pg_get_indexdef(ic.oid) AS def,
                CASE WHEN i.indisunique THEN 'CREATE UNIQUE INDEX ' ELSE 'CREATE INDEX ' END
                || quote_ident(ic.relname) AS head) d
            WHERE c.relispartition AND ri.oid <> ic.oid
              AND EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = ic.oid)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid IN (ic.oid, ri.oid))
            ORDER BY (SELECT count(*) FROM pg_partition_ancestors(c.oid)) DESC, 4, 6
            """;

    /**
     * One index of a partition to make before its parent's.
     *
     * @param rootTable the partitioned table at the top, whose index holds it
     * @param rootIndex that index's name
     * @param index the partition's index, in the partition's schema
     * @param table the partition
     * @param sql its {@code CREATE INDEX}, spelled by {@code pg_get_indexdef}, with its {@code COMMENT ON INDEX}
     */
    public record Named(ObjectName rootTable, String rootIndex, ObjectName index, ObjectName table, String sql) {
        public Named {
            Objects.requireNonNull(rootTable, "rootTable");
            Objects.requireNonNull(rootIndex, "rootIndex");
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(sql, "sql");
        }
    }

    private AttachedPartitionIndexes() {}

    /**
     * Those of {@code schemas} on {@code c}, the deepest partitions' first, so that each is there before the index
     * that takes it in; nothing is written.
     */
    public static List<Named> in(Connection c, List<String> schemas) throws SQLException {
        List<Named> named = new ArrayList<>();
        Array names = c.createArrayOf("text", schemas.toArray());
        try (PreparedStatement s =
                c.prepareStatement(InSchemas.expand(QUERY, InSchemas.throughIndex(c, schemas.size())))) {
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(5);
                    String index = rs.getString(6);
                    String comment = rs.getString(8);
                    List<String> columns = new ArrayList<>();
                    Array keys = rs.getArray(9);
                    for (Object key : (Object[]) keys.getArray()) {
                        columns.add(String.valueOf(key));
                    }
                    if (comment == null
                            && index.equals(MadeNames.made(table, MadeNames.indexColumns(columns), "idx"))) {
                        continue;
                    }
                    named.add(new Named(
                            ObjectName.of(rs.getString(1), rs.getString(2)),
                            rs.getString(3),
                            ObjectName.of(rs.getString(4), index),
                            ObjectName.of(rs.getString(4), table),
                            rs.getString(7) + ";" + (comment == null ? "" : comment)));
                }
            }
        } finally {
            names.free();
        }
        return named;
    }
}
