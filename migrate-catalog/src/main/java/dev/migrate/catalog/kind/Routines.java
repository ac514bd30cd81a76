package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * Functions (window functions too) or procedures, in any language, each overload by its signature:
 * {@code pg_get_functiondef}, with the comment. Functions another object makes for itself (a range
 * type's constructors) are that object's.
 */
final class Routines implements KindReading {
    private final ObjectKind kind;

    private Routines(ObjectKind kind) {
        this.kind = kind;
    }

    static Routines functions() {
        return new Routines(ObjectKind.FUNCTION);
    }

    static Routines procedures() {
        return new Routines(ObjectKind.PROCEDURE);
    }

    @Override
    public ObjectKind kind() {
        return kind;
    }

    @Override
    public String presence() {
        return KindReading.existsIn(
                "pg_proc", kind == ObjectKind.PROCEDURE ? "x.prokind = 'p'" : "x.prokind IN ('f', 'w')");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_proc'::regclass::oid AS classid, p.oid AS objid,
                       format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) AS identity,
                       rtrim(pg_get_functiondef(p.oid), E'\\n') || ';' || {comment} AS sql, 0::oid AS relid
                FROM {pg_proc p in s} JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE p.prokind IN ({prokinds})
                  AND NOT EXISTS (SELECT 1 FROM pg_depend i
                                  WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid AND i.deptype = 'i')
                """.replace("{prokinds}", kind == ObjectKind.PROCEDURE ? "'p'" : "'f', 'w'").replace(
                "{comment}",
                KindReading.comment(
                        kind.keyword(),
                        "format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))",
                        "obj_description(p.oid, 'pg_proc')"));
    }
}
