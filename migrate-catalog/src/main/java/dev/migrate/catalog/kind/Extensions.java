package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * The database's extensions (but PL/pgSQL, which every database has), each in its schema at its
 * version; what an extension brings is its own and never read one by one.
 */
final class Extensions implements KindReading {
    @Override
    public ObjectKind kind() {
        return ObjectKind.EXTENSION;
    }

    @Override
    public String presence() {
        return KindReading.exists("pg_extension e", "e.extname <> 'plpgsql'");
    }

    @Override
    public String select(int serverVersion) {
        return """
                SELECT 'pg_extension'::regclass::oid AS classid, e.oid AS objid, quote_ident(e.extname) AS identity,
                       CASE WHEN en.nspname IN ('public', 'pg_catalog') THEN ''
                            ELSE format(E'CREATE SCHEMA IF NOT EXISTS %I;\\n', en.nspname) END
                       || format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I VERSION %L;', e.extname,
                                 en.nspname, e.extversion) AS sql, 0::oid AS relid
                FROM pg_extension e JOIN pg_namespace en ON en.oid = e.extnamespace
                WHERE e.extname <> 'plpgsql'
                """;
    }
}
