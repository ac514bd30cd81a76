package dev.migrate.catalog.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a catalog query reaches the rows of some schemas: through {@code pg_depend}'s index on what an object
 * depends on, where every table, view, sequence, type, function, collation, extended statistics object and
 * default privilege depends on its schema, looked up schema by schema. Never by the catalog's schema column
 * ({@code relnamespace}, {@code typnamespace}): no index serves it, so each query would scan the whole catalog, and
 * a fleet's read of its tenants, a hundred at a time, would cost the square of its size. An index does not depend on
 * its schema (it goes with its table, through {@code pg_index}), nor does a table's row type or an array type
 * (they go with their table or element): the queries reach those through what they belong to.
 *
 * <pre>{@code
 * FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace   -- in a query over s(nspname), expand()ed
 * }</pre>
 */
public final class InSchemas {
    private InSchemas() {}

    /** The schemas are the query's one parameter, a {@code text[]} of their names. */
    public static final String PARAMETER = "sn.nspname = ANY (?)";

    /** The schemas are the names in the query's {@code s(nspname)}. */
    public static final String CTE = "sn.nspname = ANY (ARRAY(SELECT nspname FROM s))";

    /**
     * A {@code FROM} item: {@code catalog} ({@code pg_class}, {@code pg_type}, {@code pg_proc}, {@code
     * pg_collation}, {@code pg_statistic_ext} or {@code pg_default_acl}) as {@code alias}, its rows in {@code
     * schemas} ({@link #PARAMETER} or {@link #CTE}), each checked against its schema column as well.
     */
    public static String rows(String catalog, String alias, String schemas) {
        String namespace = switch (catalog) {
            case "pg_class" -> "relnamespace";
            case "pg_type" -> "typnamespace";
            case "pg_proc" -> "pronamespace";
            case "pg_collation" -> "collnamespace";
            case "pg_statistic_ext" -> "stxnamespace";
            case "pg_default_acl" -> "defaclnamespace";
            default -> throw new IllegalArgumentException(catalog + " has no schema column known here");
        };
        // OFFSET 0 keeps the lookup one per schema: merged into the query, the planner may read every schema's
        // dependencies at once on a guess from stale statistics
        return """
                ((SELECT d.objid, d.refobjid FROM pg_namespace sn
                  CROSS JOIN LATERAL (SELECT d.objid, d.refobjid FROM pg_depend d
                                      WHERE d.refclassid = 'pg_namespace'::regclass AND d.refobjid = sn.oid
                                        AND d.classid = '%1$s'::regclass OFFSET 0) d
                  WHERE %4$s) %2$s_in
                 JOIN %1$s %2$s ON %2$s.oid = %2$s_in.objid AND %2$s.%3$s = %2$s_in.refobjid)""".formatted(catalog, alias, namespace, schemas);
    }

    private static final Pattern TOKEN = Pattern.compile("\\{(pg_\\w+) (\\w+) in s}");

    /**
     * {@code sql} with each {@code {pg_class c in s}} in it made the {@link #rows} of that catalog, as that alias,
     * in the schemas of its {@code s(nspname)}: how a query over {@code s} names what it reads.
     */
    public static String expand(String sql) {
        return TOKEN.matcher(sql).replaceAll(m -> Matcher.quoteReplacement(rows(m.group(1), m.group(2), CTE)));
    }
}
