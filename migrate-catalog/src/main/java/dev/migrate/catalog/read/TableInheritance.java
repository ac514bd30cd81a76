package dev.migrate.catalog.read;

import dev.migrate.catalog.ObjectName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of some schemas that inherit from others ({@code CREATE TABLE ... INHERITS}), with what
 * they hold only through their parents. Partitions are not among them: they belong to their
 * partitioned table. One query.
 *
 * @param parents each child's parents in the order it inherits them
 * @param inheritedColumns each child's columns that come from its parents alone (not declared by the child)
 * @param inheritedChecks each child's check constraints that come from its parents alone
 */
public record TableInheritance(
        Map<ObjectName, List<ObjectName>> parents,
        Map<ObjectName, Set<String>> inheritedColumns,
        Map<ObjectName, Set<String>> inheritedChecks) {
    private static final String QUERY = """
            SELECT n.nspname, c.relname,
                   (SELECT array_agg(pn.nspname::text ORDER BY i.inhseqno) FROM pg_inherits i
                      JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
                      WHERE i.inhrelid = c.oid),
                   (SELECT array_agg(p.relname::text ORDER BY i.inhseqno) FROM pg_inherits i
                      JOIN pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid),
                   (SELECT coalesce(array_agg(a.attname::text), '{}') FROM pg_attribute a
                      WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND NOT a.attislocal),
                   (SELECT coalesce(array_agg(con.conname::text), '{}') FROM pg_constraint con
                      WHERE con.conrelid = c.oid AND con.contype = 'c' AND NOT con.conislocal)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?::text[]) AND c.relkind = 'r' AND NOT c.relispartition
              AND EXISTS (SELECT FROM pg_inherits i WHERE i.inhrelid = c.oid)
            ORDER BY 1, 2
            """;

    public TableInheritance {
        parents = Map.copyOf(parents);
        inheritedColumns = Map.copyOf(inheritedColumns);
        inheritedChecks = Map.copyOf(inheritedChecks);
    }

    /** The inheriting tables of {@code schemas} on {@code c}; nothing is written. */
    public static TableInheritance in(Connection c, List<String> schemas) throws SQLException {
        Map<ObjectName, List<ObjectName>> parents = new LinkedHashMap<>();
        Map<ObjectName, Set<String>> columns = new LinkedHashMap<>();
        Map<ObjectName, Set<String>> checks = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setArray(1, c.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ObjectName child = ObjectName.of(rs.getString(1), rs.getString(2));
                    List<String> parentSchemas = strings(rs.getArray(3));
                    List<String> parentNames = strings(rs.getArray(4));
                    List<ObjectName> of = new ArrayList<>();
                    for (int i = 0; i < parentNames.size(); i++) {
                        of.add(ObjectName.of(parentSchemas.get(i), parentNames.get(i)));
                    }
                    parents.put(child, of);
                    columns.put(child, Set.copyOf(strings(rs.getArray(5))));
                    checks.put(child, Set.copyOf(strings(rs.getArray(6))));
                }
            }
        }
        return new TableInheritance(parents, columns, checks);
    }

    public boolean isEmpty() {
        return parents.isEmpty();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(String.class::cast)
                .toList();
    }
}
