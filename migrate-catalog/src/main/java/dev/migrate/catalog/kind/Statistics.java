package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/** Extended statistics ({@code CREATE STATISTICS}), as {@code pg_get_statisticsobjdef} spells them, with their target. */
final class Statistics implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.STATISTICS;
    }

    @Override
    public String presence() {
        return KindReading.existsIn("pg_statistic_ext", "true");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_statistic_ext'::regclass::oid AS classid, x.oid AS objid,
                       format('%I.%I', n.nspname, x.stxname) AS identity,
                       pg_get_statisticsobjdef(x.oid) || ';'
                       || CASE WHEN x.stxstattarget >= 0
                               THEN format(E'\\nALTER STATISTICS %I.%I SET STATISTICS %s;', n.nspname, x.stxname, x.stxstattarget)
                               ELSE '' END
                       || {comment} AS sql, x.stxrelid AS relid
                FROM {pg_statistic_ext x in s} JOIN pg_namespace n ON n.oid = x.stxnamespace
                """.replace(
                        "{comment}",
                        KindReading.comment(
                                "STATISTICS",
                                "format('%I.%I', n.nspname, x.stxname)",
                                "obj_description(x.oid, 'pg_statistic_ext')"));
    }
}
