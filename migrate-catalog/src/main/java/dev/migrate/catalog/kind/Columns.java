package dev.migrate.catalog.kind;

/** The comments on the columns of a view or materialized view {@code c} in schema {@code n}. */
final class Columns {
    private Columns() {}

    static String comments() {
        return """
                COALESCE((SELECT string_agg(format(E'\\nCOMMENT ON COLUMN %I.%I.%I IS %L;', n.nspname, c.relname,
                                                   a.attname, d.description), '' ORDER BY a.attnum)
                          FROM pg_attribute a
                          JOIN pg_description d ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid
                               AND d.objsubid = a.attnum
                          WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped), '')""";
    }
}
