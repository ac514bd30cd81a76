package dev.migrate.catalog.read;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a catalog query reaches the rows of some schemas. When they are a small part of the database's schemas (a
 * fleet's read of a hundred of its tenants), through {@code pg_depend}'s index on what an object depends on, where
 * every table, view, sequence, type, function, collation, extended statistics object and default privilege depends
 * on its schema, looked up one schema at a time: by the catalog's schema column ({@code relnamespace}, {@code
 * typnamespace}), which no index leads with, each query would scan the whole catalog, and a fleet's reads of its
 * tenants, a hundred at a time, would cost the square of its size. Otherwise by the schema column: a scan of the
 * catalog costs less than a lookup per row when most of its rows are read (one application's schema). An index
 * does not depend on its schema (it goes with its table, through {@code pg_index}), nor does a table's row type or
 * an array type (they go with their table or element): the queries reach those through what they belong to.
 *
 * <pre>{@code
 * FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace   -- in a query over s(nspname), expand()ed
 * }</pre>
 */
public final class InSchemas {
    private InSchemas() {}

    /** The schemas are the query's one parameter, a {@code text[]} of their names. */
    public static final String PARAMETER = "{sn}.nspname = ANY (?)";

    /** The schemas are the names in the query's {@code s(nspname)}. */
    public static final String CTE = "{sn}.nspname = ANY (ARRAY(SELECT nspname FROM s))";

    /**
     * Reads of fewer schemas than this share of the database's go through the index: the smallest fleet batch
     * the benchmark reads (100 of 300 tenants) and one application's schema beside a few others do not.
     */
    private static final int INDEX_BELOW_SHARE = 4;

    /** How many schemas the database has, the server's own left out: a scalar subquery. */
    public static final String DATABASE_SCHEMAS = "(SELECT count(*) FROM pg_namespace"
            + " WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema')";

    /**
     * Whether a read of {@code schemasRead} schemas of a database of {@code databaseSchemas} ({@link
     * #DATABASE_SCHEMAS}) reaches them through the index: when the database has more than four times as many.
     */
    public static boolean throughIndex(long databaseSchemas, int schemasRead) {
        return databaseSchemas > (long) INDEX_BELOW_SHARE * schemasRead;
    }

    /** {@link #throughIndex(long, int)} for a read of {@code schemasRead} schemas of {@code connection}'s database. */
    public static boolean throughIndex(Connection connection, int schemasRead) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + DATABASE_SCHEMAS)) {
            rs.next();
            return throughIndex(rs.getLong(1), schemasRead);
        }
    }

    /**
     * A {@code FROM} item: {@code catalog} ({@code pg_class}, {@code pg_type}, {@code pg_proc}, {@code
     * pg_collation}, {@code pg_statistic_ext} or {@code pg_default_acl}) as {@code alias}, its rows in {@code
     * schemas} ({@link #PARAMETER} or {@link #CTE}), through the index or by the schema column ({@link
     * #throughIndex}).
     */
    public static String rows(String catalog, String alias, String schemas, boolean throughIndex) {
        String namespace = switch (catalog) {
            case "pg_class" -> "relnamespace";
            case "pg_type" -> "typnamespace";
            case "pg_proc" -> "pronamespace";
            case "pg_collation" -> "collnamespace";
            case "pg_statistic_ext" -> "stxnamespace";
            case "pg_default_acl" -> "defaclnamespace";
            default -> throw new IllegalArgumentException(catalog + " has no schema column known here");
        };
        String sn = alias + "_sn";
        String inSchemas = schemas.replace("{sn}", sn);
        if (!throughIndex) {
            return "(%1$s %2$s JOIN pg_namespace %4$s ON %4$s.oid = %2$s.%3$s AND %5$s)"
                    .formatted(catalog, alias, namespace, sn, inSchemas);
        }
        // OFFSET 0 keeps the lookup one per schema: merged into the query, the planner may read every schema's
        // dependencies at once on a guess from stale statistics
        return """
                ((SELECT d.objid, d.refobjid FROM pg_namespace %4$s
                  CROSS JOIN LATERAL (SELECT d.objid, d.refobjid FROM pg_depend d
                                      WHERE d.refclassid = 'pg_namespace'::regclass AND d.refobjid = %4$s.oid
                                        AND d.classid = '%1$s'::regclass OFFSET 0) d
                  WHERE %5$s) %2$s_in
                 JOIN %1$s %2$s ON %2$s.oid = %2$s_in.objid AND %2$s.%3$s = %2$s_in.refobjid)""".formatted(catalog, alias, namespace, sn, inSchemas);
    }

    private static final Pattern TOKEN = Pattern.compile("\\{(pg_\\w+) (\\w+) in s}");

    /**
     * {@code sql} with each {@code {pg_class c in s}} in it made the {@link #rows} of that catalog, as that alias,
     * in the schemas of its {@code s(nspname)}: how a query over {@code s} names what it reads.
     */
    public static String expand(String sql, boolean throughIndex) {
        return TOKEN.matcher(sql)
                .replaceAll(m -> Matcher.quoteReplacement(rows(m.group(1), m.group(2), CTE, throughIndex)));
    }
}
