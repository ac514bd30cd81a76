package dev.migrate.catalog.kind;

import dev.migrate.catalog.read.AttributeOptions;
import dev.migrate.op.ObjectKind;

/**
 * The statistics options a person sets on a table's column ({@code ALTER TABLE orders ALTER COLUMN customer SET
 * (n_distinct = 100)}), one object per column that has any. {@code attoptions} holds more on some servers: a
 * packaged server may stamp every column it creates with options of its own (Debian's {@code pg_attver=...}).
 * Those are the server's, not a difference between two databases, so only the options PostgreSQL lets a person
 * set are read ({@link AttributeOptions#setByUser}); the others are neither compared nor reported.
 */
public final class ColumnOptions implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.COLUMN_OPTIONS;
    }

    @Override
    public String presence() {
        return KindReading.existsIn(
                "pg_class",
                "EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = x.oid AND a.attoptions IS NOT NULL)");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 0::oid AS classid, c.oid AS objid,
                       format('%I ON %I.%I', a.attname, n.nspname, c.relname) AS identity,
                       format('ALTER TABLE %I.%I ALTER COLUMN %I SET (%s);', n.nspname, c.relname, a.attname,
                              o.options) AS sql, c.oid AS relid
                FROM pg_attribute a JOIN {pg_class c in s} ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                CROSS JOIN LATERAL (SELECT string_agg(x, ', ' ORDER BY x) AS options
                                    FROM unnest(a.attoptions) x WHERE {setByUser}) o
                WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND o.options IS NOT NULL
                """.replace("{setByUser}", AttributeOptions.setByUserCondition("x"));
    }
}
