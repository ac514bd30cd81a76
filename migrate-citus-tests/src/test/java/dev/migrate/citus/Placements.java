package dev.migrate.citus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * How a Citus database spreads its tables, as the tests compare it across databases: one line per table of
 * {@code pg_dist_partition} (method, distribution column, replication model, shard count and colocation
 * group) and one per distributed schema, the colocation groups numbered anew in the order the tables come,
 * since each database numbers its own.
 */
final class Placements {
    private Placements() {}

    static List<String> of(DataSource database) throws SQLException {
        try (Connection c = database.getConnection()) {
            return of(c);
        }
    }

    static List<String> of(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        Map<Integer, Integer> groups = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT n.nspname || '.' || cl.relname AS name, p.partmethod, p.repmodel,
                               column_to_column_name(p.logicalrelid, p.partkey) AS col, p.colocationid,
                               (SELECT count(*) FROM pg_dist_shard sh WHERE sh.logicalrelid = p.logicalrelid) AS shards
                        FROM pg_dist_partition p
                        JOIN pg_class cl ON cl.oid = p.logicalrelid
                        JOIN pg_namespace n ON n.oid = cl.relnamespace
                        WHERE NOT p.autoconverted
                        ORDER BY 1""")) {
            while (rs.next()) {
                int group = groups.computeIfAbsent(rs.getInt("colocationid"), g -> groups.size() + 1);
                lines.add(rs.getString("name") + " method=" + rs.getString("partmethod") + " model="
                        + rs.getString("repmodel") + " column=" + rs.getString("col") + " shards="
                        + rs.getInt("shards") + " group=" + group);
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT schemaid::regnamespace::text FROM pg_dist_schema ORDER BY 1")) {
            while (rs.next()) {
                lines.add("schema " + rs.getString(1) + " distributed");
            }
        }
        return lines;
    }

    static void execute(DataSource database, String... statements) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
