package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * Plain aggregates ({@code CREATE AGGREGATE name(args) (SFUNC = ..., STYPE = ...)}), built from
 * {@code pg_aggregate}, since {@code pg_get_functiondef} refuses them. Ordered-set and hypothetical-set
 * aggregates are not read, and named as not modelled.
 */
final class Aggregates implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.AGGREGATE;
    }

    @Override
    public String presence() {
        return KindReading.existsIn("pg_proc", "x.prokind = 'a'");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_proc'::regclass::oid AS classid, p.oid AS objid,
                       format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) AS identity,
                       format('CREATE AGGREGATE %I.%I(%s) (SFUNC = %s, STYPE = %s%s%s%s%s%s%s);',
                              n.nspname, p.proname, pg_get_function_arguments(p.oid),
                              a.aggtransfn::regproc, format_type(a.aggtranstype, NULL),
                              CASE WHEN a.aggtransspace <> 0 THEN ', SSPACE = ' || a.aggtransspace ELSE '' END,
                              CASE WHEN a.aggfinalfn <> 0 THEN ', FINALFUNC = ' || a.aggfinalfn::regproc ELSE '' END,
                              CASE WHEN a.aggfinalextra THEN ', FINALFUNC_EXTRA' ELSE '' END,
                              CASE WHEN a.aggcombinefn <> 0 THEN ', COMBINEFUNC = ' || a.aggcombinefn::regproc ELSE '' END,
                              CASE WHEN a.agginitval IS NOT NULL THEN ', INITCOND = ' || quote_literal(a.agginitval) ELSE '' END,
                              CASE WHEN a.aggsortop <> 0 THEN ', SORTOP = OPERATOR(' || a.aggsortop::regoperator::text
                                   || ')' ELSE '' END)
                       || {comment} AS sql, 0::oid AS relid
                FROM {pg_proc p in s} JOIN pg_namespace n ON n.oid = p.pronamespace
                JOIN pg_aggregate a ON a.aggfnoid = p.oid
                WHERE p.prokind = 'a' AND a.aggkind = 'n' AND a.aggmtransfn = 0 AND a.aggdeserialfn = 0
                """.replace(
                        "{comment}",
                        KindReading.comment(
                                "AGGREGATE",
                                "format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))",
                                "obj_description(p.oid, 'pg_proc')"));
    }
}
