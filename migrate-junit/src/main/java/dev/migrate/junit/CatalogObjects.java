package dev.migrate.junit;

import dev.migrate.MigrateException;
import dev.migrate.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Every object a migration can leave in a database, by kind and name, apart from the system
 * schemas, extension members and the version and history tables with their indexes and sequences:
 * what must be gone again once every migration is downgraded.
 */
final class CatalogObjects {
    private static final String QUERY = """
            WITH version_tables AS (
                SELECT oid FROM pg_class WHERE oid IN (to_regclass(?), to_regclass(?))
            ), user_namespaces AS (
                SELECT oid, nspname FROM pg_namespace WHERE nspname <> 'information_schema' AND nspname !~ '^pg_'
            ), extension_members AS (
                SELECT objid FROM pg_depend WHERE deptype = 'e'
            )
            SELECT 'schema ' || nspname FROM user_namespaces
            UNION ALL
            SELECT CASE c.relkind WHEN 'r' THEN 'table ' WHEN 'p' THEN 'table ' WHEN 'v' THEN 'view '
                       WHEN 'm' THEN 'materialized view ' WHEN 'i' THEN 'index ' WHEN 'I' THEN 'index '
                       WHEN 'S' THEN 'sequence ' WHEN 'f' THEN 'foreign table ' ELSE 'relation ' END
                   || n.nspname || '.' || c.relname
              FROM pg_class c JOIN user_namespaces n ON n.oid = c.relnamespace
             WHERE c.relkind NOT IN ('t', 'c')
               AND c.oid NOT IN (SELECT oid FROM version_tables)
               AND c.oid NOT IN (SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM version_tables))
               AND c.oid NOT IN (SELECT objid FROM pg_depend WHERE classid = 'pg_class'::regclass
                                  AND refobjid IN (SELECT oid FROM version_tables) AND deptype IN ('a', 'i'))
               AND c.oid NOT IN (SELECT objid FROM extension_members)
            UNION ALL
            SELECT CASE t.typtype WHEN 'e' THEN 'enum type ' WHEN 'd' THEN 'domain ' WHEN 'r' THEN 'range type '
                       ELSE 'type ' END || n.nspname || '.' || t.typname
              FROM pg_type t JOIN user_namespaces n ON n.oid = t.typnamespace
             WHERE (t.typtype IN ('e', 'd', 'r')
                    OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
               AND t.oid NOT IN (SELECT objid FROM extension_members)
            UNION ALL
            SELECT 'function ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
              FROM pg_proc p JOIN user_namespaces n ON n.oid = p.pronamespace
             WHERE p.oid NOT IN (SELECT objid FROM extension_members)
            UNION ALL
            SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'
            """;

    private CatalogObjects() {}

    /** The objects of the database, named as {@code table public.customers}, {@code enum type public.status}. */
    static SortedSet<String> of(DataSource database, ChainSettings settings) {
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setString(1, Identifiers.quote(settings.schema()) + "." + Identifiers.quote(settings.versionTable()));
            s.setString(2, Identifiers.quote(settings.schema()) + "." + Identifiers.quote(settings.historyTable()));
            SortedSet<String> objects = new TreeSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    objects.add(rs.getString(1));
                }
            }
            return objects;
        } catch (SQLException e) {
            throw new MigrateException("Could not list the objects of the test database: " + e.getMessage(), e);
        }
    }
}
