package dev.migrate.catalog.kind;

/** SQL that spells a collation clause, when an object's collation differs from its type's. */
final class CollateClause {
    private CollateClause() {}

    /** {@code ' COLLATE "de_DE"'}, or {@code ''} when {@code collation} is 0 or {@code typeCollation}. */
    static String clause(String collation, String typeCollation) {
        return """
                CASE WHEN {c} <> 0 AND {c} <> {t} THEN
                    (SELECT ' COLLATE ' || CASE WHEN pg_collation_is_visible(co.oid) THEN quote_ident(co.collname)
                                                ELSE format('%I.%I', cn.nspname, co.collname) END
                     FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = {c})
                ELSE '' END""".replace("{c}", collation).replace("{t}", typeCollation);
    }
}
