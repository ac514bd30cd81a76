package dev.migrate.catalog.read;

import dev.migrate.testing.TestPostgres;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A database of tenant schemas alike, each with one object of most kinds, and which catalogs a query of some of
 * them cannot reach but by reading them whole. A read of some schemas must cost what they hold, not what the
 * database holds: a fleet reads its tenants a hundred at a time, so a read that scanned a whole catalog would cost
 * the square of the fleet's size. The planner is told to look rows up through indexes wherever it can ({@code
 * enable_seqscan}, {@code enable_hashjoin} and {@code enable_mergejoin} off): at a test's size the server's own rows
 * outnumber the tenants' and a whole scan of a small catalog is the cheaper plan, which the planner sees and a large
 * database changes; a query that reaches a catalog by a column no index leads with ({@code relnamespace}) has no
 * other plan at any size, and its scan is left in the plan.
 */
public final class ManySchemas {
    /** The catalogs that grow with every tenant. */
    public static final Set<String> GROWING = Set.of(
            "pg_class",
            "pg_attribute",
            "pg_type",
            "pg_constraint",
            "pg_index",
            "pg_depend",
            "pg_trigger",
            "pg_sequence",
            "pg_attrdef",
            "pg_description",
            "pg_rewrite",
            "pg_policy",
            "pg_proc",
            "pg_collation",
            "pg_statistic_ext");

    private static final Pattern SCAN = Pattern.compile(
            "(Seq Scan|Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)?(?: using (\\w+))? on (\\w+)");

    /** A catalog's name column ({@code relname}), which the indexes that hold a schema column lead with. */
    private static final Pattern NAME_COLUMN = Pattern.compile("\\b[a-z]*name\\b");

    private ManySchemas() {}

    /** A fresh database of {@code count} tenant schemas, {@code tenant_1} and on, its statistics up to date. */
    public static DataSource of(int count) throws SQLException {
        DataSource db = TestPostgres.freshDatabase("many_schemas");
        try (Connection c = db.getConnection();
                Statement st = c.createStatement()) {
            for (int i = 1; i <= count; i++) {
                st.execute(tenant("tenant_" + i));
            }
            st.execute("ANALYZE");
        }
        return db;
    }

    private static String tenant(String s) {
        return """
                CREATE SCHEMA %1$s;
                CREATE TYPE %1$s.mood AS ENUM ('calm', 'busy');
                CREATE TABLE %1$s.parent (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text UNIQUE,
                                          mood %1$s.mood DEFAULT 'calm');
                CREATE TABLE %1$s.child (id serial PRIMARY KEY, parent int REFERENCES %1$s.parent,
                                         note text CHECK (note <> ''));
                CREATE INDEX ON %1$s.child (parent);
                COMMENT ON TABLE %1$s.child IS 'children';
                CREATE VIEW %1$s.names AS SELECT name FROM %1$s.parent;
                CREATE FUNCTION %1$s.one() RETURNS int LANGUAGE sql AS 'SELECT 1';
                ALTER TABLE %1$s.parent ENABLE ROW LEVEL SECURITY;
                CREATE POLICY mine ON %1$s.parent USING (true);
                CREATE STATISTICS %1$s.pair ON name, mood FROM %1$s.parent;
                CREATE COLLATION %1$s.plain (locale = 'C');
                """.formatted(s);
    }

    /**
     * The scans of {@link #GROWING} catalogs in the plan of {@code sql} (its one parameter {@code schemas}) that read
     * the catalog whole: a sequential scan, an index scan with no condition, or a condition on an index's schema
     * column alone (a skip scan of {@code pg_class_relname_nsp_index}).
     */
    public static List<String> wholeScans(Connection c, String sql, List<String> schemas) throws SQLException {
        List<String> plan = new ArrayList<>();
        Array names = c.createArrayOf("text", schemas.toArray());
        try (Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off");
        }
        try (PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("RESET enable_seqscan; RESET enable_hashjoin; RESET enable_mergejoin");
            }
        }
        List<String> whole = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Matcher m = SCAN.matcher(plan.get(i));
            if (!m.find()) {
                continue;
            }
            String index = m.group(2) != null ? m.group(2) : m.group(1).startsWith("Bitmap") ? m.group(3) : "";
            String catalog = m.group(2) != null || !m.group(1).startsWith("Bitmap") ? m.group(3) : catalogOf(index);
            if (!GROWING.contains(catalog)) {
                continue;
            }
            String condition = condition(plan, i);
            boolean readWhole = m.group(1).equals("Seq Scan")
                    || condition.isEmpty()
                    || (index.contains("_nsp_") || index.endsWith("nsp_index"))
                            && !NAME_COLUMN.matcher(condition).find();
            if (readWhole) {
                whole.add(plan.get(i).trim() + (condition.isEmpty() ? "" : " " + condition));
            }
        }
        return whole;
    }

    /** The catalog an index of the server's belongs to: its name's longest {@link #GROWING} prefix. */
    private static String catalogOf(String index) {
        return GROWING.stream()
                .filter(catalog -> index.startsWith(catalog + "_"))
                .max(java.util.Comparator.comparingInt(String::length))
                .orElse("");
    }

    /** The index condition of the plan node at line {@code at}: the detail lines up to its first child. */
    private static String condition(List<String> plan, int at) {
        for (int i = at + 1; i < plan.size() && !plan.get(i).contains("->"); i++) {
            String line = plan.get(i).trim();
            if (line.startsWith("Index Cond:")) {
                return line;
            }
        }
        return "";
    }
}
