package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * Range types: subtype, its operator class when not the default, collation, canonical and difference
 * functions, with the comment.
 */
final class RangeTypes implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.TYPE;
    }

    @Override
    public String presence() {
        return KindReading.existsIn("pg_type", "x.typtype = 'r'");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_type'::regclass::oid AS classid, t.oid AS objid,
                       format('%I.%I', n.nspname, t.typname) AS identity,
                       format('CREATE TYPE %I.%I AS RANGE (SUBTYPE = %s%s%s%s%s);', n.nspname, t.typname,
                              format_type(r.rngsubtype, NULL),
                              (SELECT CASE WHEN oc.opcdefault THEN ''
                                           ELSE format(', SUBTYPE_OPCLASS = %I.%I', ocn.nspname, oc.opcname) END
                               FROM pg_opclass oc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
                               WHERE oc.oid = r.rngsubopc),
                              replace({collation}, ' COLLATE ', ', COLLATION = '),
                              CASE WHEN r.rngcanonical <> 0 THEN ', CANONICAL = ' || r.rngcanonical::regproc ELSE '' END,
                              CASE WHEN r.rngsubdiff <> 0 THEN ', SUBTYPE_DIFF = ' || r.rngsubdiff::regproc ELSE '' END)
                       || {comment} AS sql, 0::oid AS relid
                FROM {pg_type t in s} JOIN pg_namespace n ON n.oid = t.typnamespace
                JOIN pg_range r ON r.rngtypid = t.oid JOIN pg_type st ON st.oid = r.rngsubtype
                WHERE t.typtype = 'r'
                """.replace("{collation}", CollateClause.clause("r.rngcollation", "st.typcollation")).replace(
                "{comment}",
                KindReading.comment(
                        "TYPE", "format('%I.%I', n.nspname, t.typname)", "obj_description(t.oid, 'pg_type')"));
    }
}
