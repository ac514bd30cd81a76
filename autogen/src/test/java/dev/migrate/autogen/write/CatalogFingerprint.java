package dev.migrate.autogen.write;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code pg_dump -s} of a database would hold, as catalog queries answer it (the embedded server
 * ships no {@code pg_dump}): every object of every schema that is not the system's, one line each, in the
 * server's own spelling ({@code pg_get_*def}, {@code format_type}), with owners, grants ({@code acl}),
 * comments and default privileges. It is a catalog comparison, not a dump: what no query below asks for
 * (storage parameters of a column, statistics targets, publications, security labels) is not compared.
 *
 * <p>Each line is {@code <kind> <name> | <details>}, so that a difference names its object. Objects an
 * extension owns are the extension's line only; the {@code migrate_} version tables are left out.
 */
final class CatalogFingerprint {
    private CatalogFingerprint() {}

    private static final String USER_SCHEMA = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";

    private static String notOfExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" + catalog + "'::regclass AND e.objid = "
                + oid + " AND e.deptype = 'e')";
    }

    private static final List<String> QUERIES = List.of(
            "SELECT 'schema ' || n.nspname || ' | owner=' || pg_get_userbyid(n.nspowner) || ' acl='"
                    + " || coalesce(n.nspacl::text, '') FROM pg_namespace n WHERE " + USER_SCHEMA,
            "SELECT 'relation ' || n.nspname || '.' || c.relname || ' | kind=' || c.relkind::text || ' persistence='"
                    + " || c.relpersistence::text || ' owner=' || pg_get_userbyid(c.relowner) || ' acl='"
                    + " || coalesce(c.relacl::text, '') || ' options=' || coalesce(c.reloptions::text, '')"
                    + " || ' rls=' || c.relrowsecurity::text || '/' || c.relforcerowsecurity::text"
                    + " || ' replica identity=' || c.relreplident::text"
                    + " || ' partition key=' || coalesce(pg_get_partkeydef(c.oid), '')"
                    + " || ' bound=' || coalesce(pg_get_expr(c.relpartbound, c.oid), '')"
                    + " || ' access method=' || coalesce((SELECT amname FROM pg_am WHERE oid = c.relam), '')"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA
                    + " AND c.relkind NOT IN ('i', 'I', 't') AND c.relname NOT LIKE 'migrate\\_%' AND "
                    + notOfExtension("pg_class", "c.oid"),
            "SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' | position='"
                    + " || row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum)"
                    + " || ' type=' || format_type(a.atttypid, a.atttypmod)"
                    + " || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
                    + " || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')"
                    + " || ' identity=' || a.attidentity::text || ' generated=' || a.attgenerated::text"
                    + " || CASE WHEN a.attcollation <> t.typcollation THEN ' COLLATE ' || a.attcollation::regcollation::text"
                    + " ELSE '' END || ' local=' || a.attislocal::text || ' inherited=' || a.attinhcount"
                    + " || ' acl=' || coalesce(a.attacl::text, '')"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE " + USER_SCHEMA + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')"
                    + " AND c.relname NOT LIKE 'migrate\\_%' AND a.attnum > 0 AND NOT a.attisdropped AND "
                    + notOfExtension("pg_class", "c.oid"),
            "SELECT 'inherits ' || n.nspname || '.' || c.relname || ' | parent=' || i.inhparent::regclass::text"
                    + " || ' position=' || i.inhseqno FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA
                    + " AND c.relkind NOT IN ('i', 'I')",
            "SELECT 'constraint ' || n.nspname || '.' || c.relname || '.' || k.conname || ' | '"
                    + " || pg_get_constraintdef(k.oid) || ' validated=' || k.convalidated::text"
                    + " || ' local=' || k.conislocal::text || ' inherited=' || k.coninhcount"
                    + " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA
                    + " AND c.relname NOT LIKE 'migrate\\_%'",
            "SELECT 'index ' || n.nspname || '.' || ic.relname || ' | ' || pg_get_indexdef(i.indexrelid)"
                    + " || ' clustered=' || i.indisclustered::text || ' valid=' || i.indisvalid::text"
                    + " || ' replica identity=' || i.indisreplident::text"
                    + " || ' attached to=' || coalesce((SELECT p.inhparent::regclass::text FROM pg_inherits p"
                    + " WHERE p.inhrelid = ic.oid), '')"
                    + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
                    + " JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = ic.relnamespace"
                    + " WHERE " + USER_SCHEMA + " AND c.relname NOT LIKE 'migrate\\_%' AND "
                    + notOfExtension("pg_class", "c.oid"),
            "SELECT 'sequence ' || s.schemaname || '.' || s.sequencename || ' | ' || s.data_type::text"
                    + " || ' start=' || s.start_value || ' min=' || s.min_value || ' max=' || s.max_value"
                    + " || ' increment=' || s.increment_by || ' cycle=' || s.cycle::text || ' cache=' || s.cache_size"
                    + " || ' owned by=' || coalesce((SELECT d.refobjid::regclass::text || '.' || a.attname"
                    + " || ' ' || d.deptype::text FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid"
                    + " AND a.attnum = d.refobjsubid WHERE d.classid = 'pg_class'::regclass"
                    + " AND d.objid = (quote_ident(s.schemaname) || '.' || quote_ident(s.sequencename))::regclass"
                    + " AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')), '')"
                    + " FROM pg_sequences s WHERE s.schemaname <> 'information_schema'"
                    + " AND s.schemaname NOT LIKE 'pg\\_%' AND s.sequencename NOT LIKE 'migrate\\_%'",
            "SELECT 'type ' || n.nspname || '.' || t.typname || ' | kind=' || t.typtype::text"
                    + " || ' owner=' || pg_get_userbyid(t.typowner) || ' acl=' || coalesce(t.typacl::text, '')"
                    + " || CASE t.typtype"
                    + " WHEN 'e' THEN ' labels=' || (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
                    + " FROM pg_enum e WHERE e.enumtypid = t.oid)"
                    + " WHEN 'd' THEN ' base=' || format_type(t.typbasetype, t.typtypmod) || ' not null='"
                    + " || t.typnotnull::text || ' default=' || coalesce(t.typdefault, '') || ' collation='"
                    + " || coalesce(t.typcollation::regcollation::text, '') || ' checks=' || coalesce((SELECT"
                    + " string_agg(k.conname || ' ' || pg_get_constraintdef(k.oid) || ' validated='"
                    + " || k.convalidated::text, '; ' ORDER BY k.conname) FROM pg_constraint k"
                    + " WHERE k.contypid = t.oid), '')"
                    + " WHEN 'r' THEN ' subtype=' || (SELECT format_type(r.rngsubtype, NULL) FROM pg_range r"
                    + " WHERE r.rngtypid = t.oid)"
                    + " ELSE '' END"
                    + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " + USER_SCHEMA
                    + " AND (t.typtype IN ('e', 'd', 'r', 'm', 'b')"
                    + " OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))"
                    + " AND t.typelem = 0 AND " + notOfExtension("pg_type", "t.oid"),
            "SELECT 'routine ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid)"
                    + " || ') | kind=' || p.prokind::text || ' owner=' || pg_get_userbyid(p.proowner)"
                    + " || ' acl=' || coalesce(p.proacl::text, '') || ' '"
                    + " || CASE WHEN p.prokind = 'a' THEN (SELECT a.aggtransfn::regproc::text || ' '"
                    + " || format_type(a.aggtranstype, NULL) FROM pg_aggregate a WHERE a.aggfnoid = p.oid)"
                    + " ELSE pg_get_functiondef(p.oid) END"
                    + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_SCHEMA
                    + " AND " + notOfExtension("pg_proc", "p.oid"),
            "SELECT 'trigger ' || n.nspname || '.' || c.relname || '.' || t.tgname || ' | '"
                    + " || pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text"
                    + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA + " AND NOT t.tgisinternal",
            "SELECT 'view ' || n.nspname || '.' || c.relname || ' | ' || pg_get_viewdef(c.oid)"
                    + " || ' populated=' || c.relispopulated::text"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA
                    + " AND c.relkind IN ('v', 'm') AND " + notOfExtension("pg_class", "c.oid"),
            "SELECT 'rule ' || r.schemaname || '.' || r.tablename || '.' || r.rulename || ' | ' || r.definition"
                    + " FROM pg_rules r WHERE r.schemaname <> 'information_schema' AND r.schemaname NOT LIKE 'pg\\_%'",
            "SELECT 'policy ' || n.nspname || '.' || c.relname || '.' || p.polname || ' | '"
                    + " || CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END || ' ' || p.polcmd::text"
                    + " || ' ' || array(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END"
                    + " FROM unnest(p.polroles) r ORDER BY 1)::text"
                    + " || ' using=' || coalesce(pg_get_expr(p.polqual, p.polrelid), '')"
                    + " || ' check=' || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')"
                    + " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace",
            "SELECT 'statistics ' || n.nspname || '.' || s.stxname || ' | ' || pg_get_statisticsobjdef(s.oid)"
                    + " FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace",
            "SELECT 'collation ' || n.nspname || '.' || c.collname || ' | provider=' || c.collprovider::text"
                    + " || ' deterministic=' || c.collisdeterministic::text"
                    + " FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace WHERE " + USER_SCHEMA,
            "SELECT 'extension ' || x.extname || ' | schema=' || x.extnamespace::regnamespace::text"
                    + " || ' version=' || x.extversion FROM pg_extension x WHERE x.extname <> 'plpgsql'",
            "SELECT 'comment ' || pg_describe_object(d.classoid, d.objoid, d.objsubid) || ' | ' || d.description"
                    + " FROM pg_description d WHERE (d.objoid >= 16384 OR d.classoid = 'pg_namespace'::regclass)"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = d.classoid"
                    + " AND e.objid = d.objoid AND e.deptype = 'e')",
            "SELECT 'default privileges ' || pg_get_userbyid(a.defaclrole) || coalesce(' in '"
                    + " || a.defaclnamespace::regnamespace::text, '') || ' on ' || a.defaclobjtype::text"
                    + " || ' | ' || a.defaclacl::text FROM pg_default_acl a");

    /** The lines of {@code c}'s schema, sorted. */
    static List<String> of(Connection c) throws SQLException {
        Set<String> lines = new TreeSet<>();
        try (Statement s = c.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rs = s.executeQuery(query)) {
                    while (rs.next()) {
                        if (rs.getString(1) != null) {
                            lines.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return List.copyOf(lines);
    }

    /** The lines of one side only, each marked {@code -} (in {@code expected} only) or {@code +}. */
    static List<String> difference(List<String> expected, List<String> actual) {
        List<String> out = new ArrayList<>();
        Set<String> a = new LinkedHashSet<>(actual);
        Set<String> e = new LinkedHashSet<>(expected);
        expected.stream().filter(l -> !a.contains(l)).forEach(l -> out.add("- " + l));
        actual.stream().filter(l -> !e.contains(l)).forEach(l -> out.add("+ " + l));
        return out;
    }

    /**
     * The names a difference line is about: the parts of {@code <name>} (schema left out), e.g. {@code
     * foobar} and {@code id} for {@code column public.foobar.id}; for a comment, the words of the object
     * described; for an index, its table, and for an owned sequence, its table and column.
     */
    static Set<String> names(String line) {
        String body = line.substring(2);
        int bar = body.indexOf(" | ");
        String head = bar < 0 ? body : body.substring(0, bar);
        Set<String> names = new LinkedHashSet<>();
        String[] words = head.split(" ", -1);
        int first = head.startsWith("default privileges") ? 2 : 1;
        for (int i = first; i < words.length; i++) {
            String word = words[i].replaceAll("\\(.*", "");
            String[] parts = word.split("\\.", -1);
            for (int j = parts.length > 1 && !head.startsWith("comment") ? 1 : 0; j < parts.length; j++) {
                String part = parts[j].replace("\"", "");
                if (!part.isBlank()
                        && !List.of(
                                        "on",
                                        "of",
                                        "column",
                                        "table",
                                        "index",
                                        "view",
                                        "type",
                                        "function",
                                        "constraint",
                                        "trigger",
                                        "policy",
                                        "sequence",
                                        "schema",
                                        "materialized",
                                        "procedure",
                                        "domain",
                                        "public",
                                        "in")
                                .contains(part)) {
                    names.add(part);
                }
            }
        }
        // an index is also its table's (drift may name the table or materialized view), an owned sequence its column's
        Matcher on = OWNER.matcher(bar < 0 ? "" : body.substring(bar));
        while (on.find()) {
            for (String part : on.group(1).split("\\.", -1)) {
                names.add(part.replace("\"", ""));
            }
        }
        return names;
    }

    private static final Pattern OWNER = Pattern.compile("(?: ON (?:ONLY )?\\S+?\\.| owned by=)(\\S+)");
}
