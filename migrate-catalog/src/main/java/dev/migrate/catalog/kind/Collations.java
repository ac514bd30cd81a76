package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * Collations made in the managed schemas ({@code CREATE COLLATION}), spelled as {@code pg_dump}
 * spells them: the provider, {@code deterministic = false} where it is not, the locale (or {@code
 * lc_collate} and {@code lc_ctype} where a libc collation has two) and, from PostgreSQL 16, ICU
 * tailoring rules. The collation's version is the server's library's, never written: a new database
 * takes its own.
 */
final class Collations implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.COLLATION;
    }

    @Override
    public String presence() {
        return KindReading.existsIn("pg_collation", "true");
    }

    @Override
    public String select(int serverVersion) {
        // the ICU (and, from 17, builtin) locale moved out of collcollate in 15, and was renamed in 17
        String locale = serverVersion >= 170000
                ? "co.colllocale"
                : serverVersion >= 150000 ? "co.colliculocale" : "co.collcollate";
        String rules = serverVersion >= 160000 ? "co.collicurules" : "NULL::text";
        return """
                SELECT 'pg_collation'::regclass::oid AS classid, co.oid AS objid,
                       format('%I.%I', n.nspname, co.collname) AS identity,
                       format('CREATE COLLATION %I.%I (provider = %s', n.nspname, co.collname,
                              CASE co.collprovider WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'libc' END)
                       || CASE WHEN co.collisdeterministic THEN '' ELSE ', deterministic = false' END
                       || CASE WHEN co.collprovider IN ('i', 'b') THEN format(', locale = %L', {locale})
                               WHEN co.collcollate = co.collctype THEN format(', locale = %L', co.collcollate)
                               ELSE format(', lc_collate = %L, lc_ctype = %L', co.collcollate, co.collctype) END
                       || CASE WHEN {rules} IS NULL THEN '' ELSE format(', rules = %L', {rules}) END || ');'
                       || {comment} AS sql, 0::oid AS relid
                FROM {pg_collation co in s} JOIN pg_namespace n ON n.oid = co.collnamespace
                """.replace("{locale}", locale).replace("{rules}", rules).replace(
                "{comment}",
                KindReading.comment(
                        "COLLATION",
                        "format('%I.%I', n.nspname, co.collname)",
                        "obj_description(co.oid, 'pg_collation')"));
    }
}
