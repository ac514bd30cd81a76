package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/** Row-level security switched on for a table ({@code ENABLE}, and {@code FORCE} for its owner too). */
final class RowLevelSecurity implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.ROW_LEVEL_SECURITY;
    }

    @Override
    public String presence() {
        return KindReading.existsIn(
                "pg_class", "x.relkind IN ('r', 'p') AND (x.relrowsecurity OR x.relforcerowsecurity)");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 0::oid AS classid, c.oid AS objid,
                       format('%I.%I', n.nspname, c.relname) AS identity,
                       format('ALTER TABLE %I.%I %s;', n.nspname, c.relname,
                              concat_ws(', ', CASE WHEN c.relrowsecurity THEN 'ENABLE ROW LEVEL SECURITY' END,
                                        CASE WHEN c.relforcerowsecurity THEN 'FORCE ROW LEVEL SECURITY' END)) AS sql, c.oid AS relid
                FROM {pg_class c in s} JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND (c.relrowsecurity OR c.relforcerowsecurity)
                """;
    }
}
