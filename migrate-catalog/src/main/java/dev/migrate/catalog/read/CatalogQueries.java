package dev.migrate.catalog.read;

/**
 * The bulk {@code pg_catalog} queries the reader sends: one per kind of object, each covering every
 * requested schema at once (bound as a {@code text[]} parameter), so the number of queries does not
 * grow with the number of tables.
 *
 * <p>All expressions are deparsed without pretty-printing ({@code pg_get_expr},
 * {@code pg_get_constraintdef}, {@code pg_get_indexdef} with their defaults), the same for both sides
 * of a comparison.
 */
final class CatalogQueries {
    private CatalogQueries() {}

    /**
     * {@code sql} with its {@code {relations}} (the tables, views and sequences of the schemas its one parameter
     * names, as {@code c}) and {@code {types}} (their types, as {@code t}) reached as {@link InSchemas} says.
     */
    static String inSchemas(String sql, boolean throughIndex) {
        return sql.replace("{relations}", InSchemas.rows("pg_class", "c", InSchemas.PARAMETER, throughIndex))
                .replace("{types}", InSchemas.rows("pg_type", "t", InSchemas.PARAMETER, throughIndex));
    }

    /** Catalog columns that exist only from a given version are gated on this. */
    /**
     * The server's version, and Citus's when the database has the extension (else null): only then is distribution
     * read; and how many schemas the database has ({@link InSchemas#throughIndex}).
     */
    static final String SERVER_VERSION = "SELECT current_setting('server_version_num')::int,"
            + " (SELECT extversion FROM pg_extension WHERE extname = 'citus'), " + InSchemas.DATABASE_SCHEMAS;

    /**
     * On a Citus coordinator, how each table of the schemas is spread over the nodes ({@code pg_dist_partition}:
     * method {@code h} hash by a column, {@code n} none, with replication model {@code t} for a reference table),
     * its colocation group and that group's shard count, and when it was distributed (its first shard's id, from
     * Citus's sequence: a table is colocated with one distributed before it) and made (its oid), which tell
     * what the group's tables were colocated with; partitions go with their parent and are left out. Then
     * the distributed schemas ({@code pg_dist_schema}, Citus 12 and later: the {@code %s}), whose tables are the
     * schema's. The schemas are the first and only parameter.
     */
    static final String DISTRIBUTION = """
            WITH wanted AS (SELECT unnest(?::text[]) AS nspname),
                 dist_schemas AS (%s)
            SELECT 'table' AS kind, n.nspname, c.relname, p.partmethod::text AS method, p.repmodel::text AS model,
                   CASE WHEN p.partmethod = 'h' THEN column_to_column_name(p.logicalrelid, p.partkey) END AS column_name,
                   p.colocationid, g.shardcount, p.autoconverted,
                   (SELECT min(s.shardid) FROM pg_dist_shard s WHERE s.logicalrelid = p.logicalrelid) AS first_shard,
                   c.oid::bigint AS relid
            FROM pg_dist_partition p
            JOIN pg_class c ON c.oid = p.logicalrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_dist_colocation g ON g.colocationid = p.colocationid
            WHERE n.nspname IN (SELECT nspname FROM wanted)
              AND NOT c.relispartition
              AND n.oid NOT IN (SELECT schemaid FROM dist_schemas)
            UNION ALL
            SELECT 'schema', n.nspname, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
            FROM dist_schemas s
            JOIN pg_namespace n ON n.oid = s.schemaid
            WHERE n.nspname IN (SELECT nspname FROM wanted)
            ORDER BY 1, 2, 3
            """;

    /** The distributed schemas of a Citus of {@code version} ({@code 13.2-1}): none before 12. */
    static String distributedSchemas(String citusVersion) {
        java.util.regex.Matcher major =
                java.util.regex.Pattern.compile("^(\\d+)").matcher(citusVersion);
        return major.find() && Integer.parseInt(major.group(1)) >= 12
                ? "SELECT schemaid FROM pg_dist_schema"
                : "SELECT NULL::oid AS schemaid WHERE false";
    }

    /**
     * Ordinary and partitioned tables, with their comments and persistence ({@code 'u'} for unlogged), and partitions with their parent and bound.
     * A partitioned table (and a partition partitioned in turn) comes with its key as
     * {@code pg_get_partkeydef} writes it and the key's column names in key order (attnum 0, an
     * expression part, names nothing). {@code %s} is whether a concurrent detach was interrupted on a
     * partition, which needs PostgreSQL 14.
     */
    static final String TABLES = """
            SELECT c.oid, n.nspname, c.relname, d.description, c.relispartition, c.relpersistence,
                   inh.inhparent AS parent_oid,
                   CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS bound,
                   CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
                   CASE WHEN c.relkind = 'p' THEN
                       ARRAY(SELECT a.attname
                             FROM unnest(pt.partattrs::int2[]) WITH ORDINALITY AS k(attnum, position)
                             LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                             ORDER BY k.position)
                   END AS partition_columns,
                   %s AS detach_pending
            FROM {relations}
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_description d
                   ON d.objoid = c.oid AND d.classoid = 'pg_class'::regclass AND d.objsubid = 0
            LEFT JOIN pg_partitioned_table pt ON pt.partrelid = c.oid
            LEFT JOIN pg_inherits inh ON inh.inhrelid = c.oid AND c.relispartition
            WHERE c.relkind IN ('r', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass
                              AND x.objid = c.oid AND x.deptype = 'e')
            """;

    /**
     * Live columns; the reader puts them in ordinal order (sorting here would cost a sort of every
     * column of every table before the first row arrives). The attrdef expression is the default, or the generation
     * expression when {@code attgenerated} is set ({@code 's'} stored, {@code 'v'} virtual from 18).
     * A collation is reported only when it differs from the type's own.
     */
    static final String COLUMNS = """
            SELECT a.attrelid, a.attnum, a.attname,
                   format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull,
                   pg_get_expr(ad.adbin, ad.adrelid) AS expression,
                   a.attidentity,
                   a.attgenerated,
                   CASE WHEN co.oid IS NULL THEN NULL
                        WHEN pg_collation_is_visible(co.oid) THEN quote_ident(co.collname)
                        ELSE quote_ident(con.nspname) || '.' || quote_ident(co.collname)
                   END AS collation,
                   d.description
            FROM {relations}
            JOIN pg_attribute a ON a.attrelid = c.oid
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
            LEFT JOIN pg_namespace con ON con.oid = co.collnamespace
            LEFT JOIN pg_description d
                   ON d.objoid = a.attrelid AND d.classoid = 'pg_class'::regclass AND d.objsubid = a.attnum
            WHERE c.relkind IN ('r', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass
                              AND x.objid = c.oid AND x.deptype = 'e')
              AND NOT c.relispartition
              AND a.attnum > 0
              AND NOT a.attisdropped
            """;

    /**
     * Primary key, unique, foreign key, check and exclusion constraints. PostgreSQL 18 also stores
     * NOT NULL constraints here (contype 'n'); they are left out because {@code attnotnull} already
     * says the same. A foreign key that references a partitioned table has internal copies per
     * partition on the referencing table; only the constraint the user made is kept.
     * Key columns come as attnums ({@code conkey}) and are named from the columns already read, which
     * is much cheaper than a lookup per constraint; referenced columns may belong to a table outside
     * the requested schemas, so they are named here. Deparsing is the expensive part, so only check
     * and exclusion constraints, whose definition is kept, are deparsed.
     * The first {@code %s} is whether the constraint is enforced, which can be otherwise from
     * PostgreSQL 18; the second the columns an ON DELETE SET NULL / SET DEFAULT sets, the third the
     * nulls-not-distinct expression; both need PostgreSQL 15.
     */
    static final String CONSTRAINTS = """
            SELECT con.conrelid, con.conname, con.contype,
                   con.condeferrable, con.condeferred, con.convalidated, con.connoinherit, %s AS enforced,
                   con.conkey,
                   fn.nspname AS referenced_schema,
                   fc.relname AS referenced_table,
                   CASE WHEN con.contype = 'f' THEN
                       ARRAY(SELECT (SELECT a.attname FROM pg_attribute a
                                     WHERE a.attrelid = con.confrelid AND a.attnum = k.attnum)
                             FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
                             ORDER BY k.position)
                   END AS referenced_columns,
                   con.confdeltype, con.confupdtype, con.confmatchtype, %s AS delete_set_columns,
                   CASE WHEN con.contype IN ('c', 'x') THEN pg_get_constraintdef(con.oid) END AS definition,
                   %s AS nulls_not_distinct,
                   CASE WHEN con.contype IN ('p', 'u') THEN
                       (SELECT ic.reloptions FROM pg_class ic WHERE ic.oid = con.conindid)
                   END AS index_options,
                   obj_description(con.oid, 'pg_constraint') AS comment
            FROM {relations}
            JOIN pg_constraint con ON con.conrelid = c.oid
            LEFT JOIN pg_class fc ON fc.oid = con.confrelid
            LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
            LEFT JOIN pg_index i ON i.indexrelid = con.conindid
            WHERE con.contype IN ('p', 'u', 'f', 'c', 'x')
              AND c.relkind IN ('r', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass
                              AND x.objid = c.oid AND x.deptype = 'e')
              AND NOT c.relispartition
              AND NOT EXISTS (SELECT 1 FROM pg_constraint parent
                              WHERE parent.oid = con.conparentid AND parent.conrelid = con.conrelid)
            """;

    /**
     * Indexes that do not back a primary key, unique or exclusion constraint. Each key part is the
     * column or expression, then the collation of a column key when it is not the column's, then the
     * operator class when it is not the type's default or has options, then its options as
     * {@code pg_get_indexdef} spells them ({@code tsvector_ops (siglen='100')}), then the
     * ordering when it is not ASC NULLS LAST (indoption bit 1 is DESC, bit 2 NULLS FIRST; DESC
     * implies NULLS FIRST). int2vector and oidvector subscripts start at 0. A plain column is
     * spelled with quote_ident, as pg_get_indexdef would spell it, because deparsing each key part
     * costs more than the rest of the query; only expressions (indkey 0) are deparsed. Names are
     * looked up one by one (relid and attnum together hit the index) rather than joined, which
     * the planner would do by hashing every column of the table per index. The constraint-backed
     * indexes are excluded by a probe of their table's constraints (one scan of all of pg_constraint
     * would cost each read the whole database's, a fleet's every tenant).
     * The first {@code %s} is the columns an ON DELETE SET NULL / SET DEFAULT sets, the second the
     * nulls-not-distinct expression; both need PostgreSQL 15.
     */
    static final String INDEXES = """
            SELECT i.indrelid, ic.relname AS index_name, i.indisunique, am.amname,
                   ARRAY(SELECT CASE WHEN i.indkey[k.n - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k.n, false)
                                     ELSE (SELECT quote_ident(a.attname)
                                                  || CASE WHEN i.indcollation[k.n - 1] IN (0, a.attcollation) THEN ''
                                                          ELSE (SELECT ' COLLATE ' || CASE WHEN pg_collation_is_visible(co.oid)
                                                                    THEN quote_ident(co.collname)
                                                                    ELSE quote_ident(cn.nspname) || '.'
                                                                         || quote_ident(co.collname) END
                                                                FROM pg_collation co
                                                                JOIN pg_namespace cn ON cn.oid = co.collnamespace
                                                                WHERE co.oid = i.indcollation[k.n - 1]) END
                                           FROM pg_attribute a
                                           WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1])
                                END
                                || CASE WHEN opc.opcdefault AND ia.attoptions IS NULL THEN ''
                                        WHEN opcn.nspname = 'pg_catalog' THEN ' ' || quote_ident(opc.opcname)
                                        ELSE ' ' || quote_ident(opcn.nspname) || '.' || quote_ident(opc.opcname)
                                   END
                                || COALESCE(' (' || (SELECT string_agg(split_part(o, '=', 1) || '='
                                                                       || quote_literal(substr(o, strpos(o, '=') + 1)), ', ')
                                                     FROM unnest(ia.attoptions) o) || ')', '')
                                || CASE WHEN i.indoption[k.n - 1] & 1 = 1
                                        THEN CASE WHEN i.indoption[k.n - 1] & 2 = 2 THEN ' DESC' ELSE ' DESC NULLS LAST' END
                                        ELSE CASE WHEN i.indoption[k.n - 1] & 2 = 2 THEN ' NULLS FIRST' ELSE '' END
                                   END
                         FROM generate_series(1, i.indnkeyatts) AS k(n)
                         JOIN pg_opclass opc ON opc.oid = i.indclass[k.n - 1]
                         JOIN pg_namespace opcn ON opcn.oid = opc.opcnamespace
                         JOIN pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k.n
                         ORDER BY k.n) AS keys,
                   ARRAY(SELECT (SELECT a.attname FROM pg_attribute a
                                 WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n - 1])
                         FROM generate_series(i.indnkeyatts + 1, i.indnatts) AS k(n)
                         ORDER BY k.n) AS include_columns,
                   pg_get_expr(i.indpred, i.indrelid) AS predicate,
                   %s AS nulls_not_distinct,
                   pg_get_indexdef(i.indexrelid) AS definition,
                   ic.reloptions,
                   obj_description(i.indexrelid, 'pg_class') AS comment
            FROM {relations}
            JOIN pg_index i ON i.indrelid = c.oid
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ic.relam
            WHERE c.relkind IN ('r', 'p')
              AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass
                              AND x.objid = c.oid AND x.deptype = 'e')
              AND NOT c.relispartition
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                              WHERE con.conrelid = i.indrelid AND con.conindid = i.indexrelid
                                AND con.contype IN ('p', 'u', 'x'))
            """;

    /**
     * Every sequence with its options and owner. deptype 'i' marks an identity column's sequence
     * (reported on the column), 'a' one owned by a column ({@code serial}, {@code OWNED BY}).
     */
    static final String SEQUENCES = """
            SELECT c.oid, n.nspname, c.relname,
                   format_type(s.seqtypid, NULL) AS data_type,
                   s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   NOT has_sequence_privilege(c.oid, 'SELECT,USAGE')
                       OR pg_sequence_last_value(c.oid) IS NOT NULL AS in_use,
                   dep.deptype,
                   dep.refobjid AS owner_oid,
                   dep.refobjsubid AS owner_attnum,
                   own_n.nspname AS owner_schema,
                   own_c.relname AS owner_table,
                   own_a.attname AS owner_column
            FROM {relations}
            JOIN pg_sequence s ON s.seqrelid = c.oid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_depend dep
                   ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
                  AND dep.refclassid = 'pg_class'::regclass AND dep.refobjsubid > 0
                  AND dep.deptype IN ('a', 'i')
            LEFT JOIN pg_class own_c ON own_c.oid = dep.refobjid
            LEFT JOIN pg_namespace own_n ON own_n.oid = own_c.relnamespace
            LEFT JOIN pg_attribute own_a ON own_a.attrelid = dep.refobjid AND own_a.attnum = dep.refobjsubid
            """;

    /**
     * Enum types with their labels in sort order (an enum may have no labels at all), and what depends
     * on each (pg_depend, as DROP TYPE sees it): a column of the type or of an array of it, a domain
     * over it, a view, a function. Each dependant comes as {@code <oid>:<description>}, the oid being
     * the table it belongs to (a partition's root table, an index's, default's, constraint's or
     * trigger's table), or 0 when it belongs to no table, so that the reader can tell the tables it
     * reads from everything else.
     */
    static final String ENUMS = """
            SELECT n.nspname, t.typname,
                   ARRAY(SELECT e.enumlabel FROM pg_enum e
                         WHERE e.enumtypid = t.oid
                         ORDER BY e.enumsortorder) AS labels,
                   ARRAY(SELECT coalesce(CASE d.classid
                                    WHEN 'pg_class'::regclass THEN
                                        (SELECT CASE WHEN r.relkind = 'i' THEN
                                                    (SELECT i.indrelid FROM pg_index i WHERE i.indexrelid = r.oid)
                                                WHEN r.relispartition THEN pg_partition_root(r.oid)::oid
                                                ELSE r.oid END
                                         FROM pg_class r WHERE r.oid = d.objid)
                                    WHEN 'pg_attrdef'::regclass THEN
                                        (SELECT ad.adrelid FROM pg_attrdef ad WHERE ad.oid = d.objid)
                                    WHEN 'pg_constraint'::regclass THEN
                                        (SELECT nullif(con.conrelid, 0) FROM pg_constraint con WHERE con.oid = d.objid)
                                    WHEN 'pg_trigger'::regclass THEN
                                        (SELECT tg.tgrelid FROM pg_trigger tg WHERE tg.oid = d.objid)
                                    END, 0)::text
                                 || ':' || pg_describe_object(d.classid, d.objid, d.objsubid)
                         FROM pg_depend d
                         WHERE d.refclassid = 'pg_type'::regclass AND d.refobjid IN (t.oid, t.typarray)
                           AND d.deptype = 'n'
                         ORDER BY 1) AS dependants
            FROM {types}
            JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.typtype = 'e'
            """;

    /** Whether a partition's detach is pending, for the server: the catalog column exists from 14. */
    static String detachPending(int serverVersionNum) {
        return serverVersionNum >= 140000 ? "coalesce(inh.inhdetachpending, false)" : "false";
    }

    /** Whether a constraint is enforced, for the server: the catalog column exists from 18. */
    static String enforced(int serverVersionNum) {
        return serverVersionNum >= 180000 ? "con.conenforced" : "true";
    }

    /** The attnums an ON DELETE SET NULL / SET DEFAULT sets, for the server: the catalog column exists from 15. */
    static String deleteSetColumns(int serverVersionNum) {
        return serverVersionNum >= 150000 ? "con.confdelsetcols" : "NULL::int2[]";
    }

    /** The nulls-not-distinct expression for the server: the catalog column exists from 15. */
    static String nullsNotDistinct(int serverVersionNum) {
        return serverVersionNum >= 150000 ? "coalesce(i.indnullsnotdistinct, false)" : "false";
    }
}
