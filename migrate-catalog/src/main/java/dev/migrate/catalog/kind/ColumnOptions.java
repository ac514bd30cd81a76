package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The statistics options a person sets on a table's column ({@code ALTER TABLE orders ALTER COLUMN customer SET
 * (n_distinct = 100)}), one object per column that has any. {@code attoptions} holds more on some servers: a
 * packaged server may stamp every column it creates with options of its own (Debian's {@code pg_attver=...}).
 * Those are the server's, not a difference between two databases, so only the options PostgreSQL lets a person
 * set are read ({@link #setByUser}); the others are neither compared nor reported.
 */
public final class ColumnOptions implements KindReading {
    /** The attribute options {@code ALTER TABLE ... ALTER COLUMN ... SET (...)} accepts (PostgreSQL 13 to 18). */
    static final List<String> SET_BY_USER = List.of("n_distinct", "n_distinct_inherited");

    @Override
    public ObjectKind kind() {
        return ObjectKind.COLUMN_OPTIONS;
    }

    /**
     * Whether an entry of {@code pg_attribute.attoptions} ({@code n_distinct=100}, {@code pg_attver=3}) is one a
     * person sets, and so compared; any other is the server's own.
     */
    public static boolean setByUser(String option) {
        int equals = option.indexOf('=');
        String name =
                (equals < 0 ? option : option.substring(0, equals)).strip().toLowerCase(Locale.ROOT);
        return SET_BY_USER.contains(name);
    }

    /** The SQL condition that an option {@code o} of {@code attoptions} is one a person sets. */
    public static String setByUserCondition(String option) {
        return "split_part(" + option + ", '=', 1) IN ("
                + SET_BY_USER.stream().map(o -> "'" + o + "'").collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 0::oid AS classid, c.oid AS objid,
                       format('%I ON %I.%I', a.attname, n.nspname, c.relname) AS identity,
                       format('ALTER TABLE %I.%I ALTER COLUMN %I SET (%s);', n.nspname, c.relname, a.attname,
                              o.options) AS sql, c.oid AS relid
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace JOIN s USING (nspname)
                CROSS JOIN LATERAL (SELECT string_agg(x, ', ' ORDER BY x) AS options
                                    FROM unnest(a.attoptions) x WHERE {setByUser}) o
                WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND o.options IS NOT NULL
                """.replace("{setByUser}", setByUserCondition("x"));
    }
}
