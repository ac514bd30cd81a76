package dev.migrate.op;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the catalog of the test database: single values for assertions, and a snapshot of every user object
 * (schemas, relations, columns, constraints, indexes, enums, sequences, comments) as sorted text lines, to
 * compare the state before an op with the state after its reverse.
 */
public final class Catalog {
    /** Schemas that belong to the test, not to PostgreSQL. */
    private static final String USER_SCHEMAS =
            "(select oid from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema')";

    private static final List<String> SNAPSHOT_QUERIES = List.of(
            "select 'view ' || c.oid::regclass::text || ' ' || pg_get_viewdef(c.oid) from pg_class c "
                    + "where c.relnamespace in " + USER_SCHEMAS + " and c.relkind in ('v','m')",
            "select 'schema ' || quote_ident(n.nspname) || ' comment=' || coalesce(obj_description(n.oid, 'pg_namespace'), '-') "
                    + "from pg_namespace n where n.oid in " + USER_SCHEMAS,
            "select 'relation ' || c.oid::regclass::text || ' kind=' || c.relkind::text "
                    + "|| ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '-') "
                    + "|| ' partition key=' || coalesce(pg_get_partkeydef(c.oid), '-') "
                    + "|| ' bound=' || coalesce(pg_get_expr(c.relpartbound, c.oid), '-') "
                    + "|| CASE WHEN c.relpersistence = 'u' THEN ' unlogged' ELSE '' END "
                    + "from pg_class c where c.relnamespace in " + USER_SCHEMAS
                    + " and c.relkind in ('r','p','v','m','S','i','I')",
            "select 'column ' || c.oid::regclass::text || '.' || quote_ident(a.attname) "
                    + "|| ' type=' || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull "
                    + "|| ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '-') "
                    + "|| ' identity=' || a.attidentity::text || ' generated=' || a.attgenerated::text "
                    + "|| ' collation=' || coalesce((select collname from pg_collation where oid = a.attcollation), '-') "
                    + "|| ' comment=' || coalesce(col_description(c.oid, a.attnum), '-') "
                    + "from pg_attribute a join pg_class c on c.oid = a.attrelid "
                    + "left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum "
                    + "where c.relnamespace in " + USER_SCHEMAS + " and c.relkind in ('r','p','v','m') "
                    + "and a.attnum > 0 and not a.attisdropped",
            "select 'constraint ' || coalesce(nullif(conrelid, 0)::regclass::text, '-') || ' ' || quote_ident(conname) "
                    + "|| ' type=' || contype::text || ' def=' || pg_get_constraintdef(oid) || ' valid=' || convalidated "
                    + "|| ' deferrable=' || condeferrable || ' deferred=' || condeferred "
                    + "|| ' comment=' || coalesce(obj_description(oid, 'pg_constraint'), '-') "
                    + "from pg_constraint where connamespace in " + USER_SCHEMAS,
            "select 'index ' || pg_get_indexdef(i.indexrelid) || ' valid=' || i.indisvalid "
                    + "from pg_index i join pg_class c on c.oid = i.indexrelid where c.relnamespace in " + USER_SCHEMAS,
            "select 'enum ' || t.oid::regtype::text || ' labels=' || string_agg(e.enumlabel, '|' order by e.enumsortorder) "
                    + "from pg_type t join pg_enum e on e.enumtypid = t.oid where t.typnamespace in " + USER_SCHEMAS
                    + " group by t.oid",
            "select 'sequence ' || s.seqrelid::regclass::text || ' type=' || s.seqtypid::regtype::text "
                    + "|| ' start=' || s.seqstart || ' increment=' || s.seqincrement || ' max=' || s.seqmax "
                    + "|| ' min=' || s.seqmin || ' cache=' || s.seqcache || ' cycle=' || s.seqcycle "
                    + "|| ' owner=' || coalesce((select d.refobjid::regclass::text || '.' || a.attname || ':' || d.deptype::text "
                    + "   from pg_depend d join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid "
                    + "   where d.classid = 'pg_class'::regclass and d.objid = s.seqrelid and d.refobjsubid > 0 "
                    + "   and d.deptype in ('a', 'i')), '-') "
                    + "from pg_sequence s join pg_class c on c.oid = s.seqrelid where c.relnamespace in "
                    + USER_SCHEMAS);

    private final Connection connection;

    public Catalog(Connection connection) {
        this.connection = connection;
    }

    /** Every user object, one sorted line each; OIDs and column positions are left out. */
    public List<String> snapshot() {
        List<String> lines = new ArrayList<>();
        for (String query : SNAPSHOT_QUERIES) {
            lines.addAll(column(query));
        }
        return lines.stream().sorted().toList();
    }

    /** Drops every user schema and gives back an empty {@code public}. */
    public void reset() {
        for (String schema : column("select quote_ident(nspname) from pg_namespace where oid in " + USER_SCHEMAS)) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
        execute("CREATE SCHEMA public");
    }

    public void execute(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed: " + sql + "\n" + e.getMessage(), e);
        }
    }

    /** The first column of every row, as text. */
    public List<String> column(String sql, Object... params) {
        List<String> values = new ArrayList<>();
        for (List<Object> row : rows(sql, params)) {
            values.add(row.get(0) == null ? null : row.get(0).toString());
        }
        return values;
    }

    /** The single value the query returns, as text; {@code null} for SQL NULL. */
    public String scalar(String sql, Object... params) {
        List<String> values = column(sql, params);
        if (values.size() != 1) {
            throw new AssertionError("Expected one row from " + sql + " but got " + values);
        }
        return values.get(0);
    }

    public List<List<Object>> rows(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql + "\n" + e.getMessage(), e);
        }
    }

    // ---- focused reads -------------------------------------------------------------------------------------

    /** {@code format_type} of a column of {@code schema.table}. */
    public String columnType(String schema, String table, String column) {
        return scalar(
                "select format_type(a.atttypid, a.atttypmod) from pg_attribute a join pg_class c on c.oid = a.attrelid "
                        + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ? and a.attname = ? "
                        + "and not a.attisdropped",
                schema,
                table,
                column);
    }

    public boolean isNotNull(String schema, String table, String column) {
        return Boolean.parseBoolean(scalar(
                "select a.attnotnull::text from pg_attribute a join pg_class c on c.oid = a.attrelid "
                        + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ? and a.attname = ? "
                        + "and not a.attisdropped",
                schema,
                table,
                column));
    }

    /** The default expression as PostgreSQL prints it, or {@code null}. */
    public String columnDefault(String schema, String table, String column) {
        return scalar(
                "select pg_get_expr(d.adbin, d.adrelid) from pg_attribute a join pg_class c on c.oid = a.attrelid "
                        + "join pg_namespace n on n.oid = c.relnamespace "
                        + "left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum "
                        + "where n.nspname = ? and c.relname = ? and a.attname = ? and not a.attisdropped",
                schema,
                table,
                column);
    }

    /** {@code a} (always), {@code d} (by default) or empty. */
    public String identity(String schema, String table, String column) {
        return scalar(
                "select a.attidentity::text from pg_attribute a join pg_class c on c.oid = a.attrelid "
                        + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ? and a.attname = ?",
                schema,
                table,
                column);
    }

    public String columnComment(String schema, String table, String column) {
        return scalar(
                "select col_description(c.oid, a.attnum) from pg_attribute a join pg_class c on c.oid = a.attrelid "
                        + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ? and a.attname = ?",
                schema,
                table,
                column);
    }

    public String tableComment(String schema, String table) {
        return scalar(
                "select obj_description(c.oid, 'pg_class') from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                        + "where n.nspname = ? and c.relname = ?",
                schema,
                table);
    }

    /** The index as {@code pg_get_indexdef} prints it, or {@code null} when there is none. */
    public @Nullable String indexDef(String schema, String index) {
        List<String> defs = column(
                "select pg_get_indexdef(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                        + "where n.nspname = ? and c.relname = ? and c.relkind in ('i', 'I')",
                schema,
                index);
        return defs.isEmpty() ? null : defs.get(0);
    }

    /** The constraint as {@code pg_get_constraintdef} prints it, or {@code null} when there is none. */
    public @Nullable String constraintDef(String schema, String table, String constraint) {
        List<String> defs = column(
                "select pg_get_constraintdef(k.oid) from pg_constraint k join pg_class c on c.oid = k.conrelid "
                        + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ? and k.conname = ?",
                schema,
                table,
                constraint);
        return defs.isEmpty() ? null : defs.get(0);
    }

    public boolean constraintValidated(String schema, String table, String constraint) {
        return Boolean.parseBoolean(scalar(
                "select k.convalidated::text from pg_constraint k join pg_class c on c.oid = k.conrelid "
                        + "join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ? and k.conname = ?",
                schema,
                table,
                constraint));
    }

    /** The labels of an enum type, in their sort order. */
    public List<String> enumLabels(String schema, String type) {
        return column(
                "select e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid "
                        + "join pg_namespace n on n.oid = t.typnamespace where n.nspname = ? and t.typname = ? order by e.enumsortorder",
                schema,
                type);
    }

    public boolean relationExists(String schema, String name) {
        return !column(
                        "select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relname = ?",
                        schema,
                        name)
                .isEmpty();
    }

    public boolean schemaExists(String schema) {
        return !column("select 1 from pg_namespace where nspname = ?", schema).isEmpty();
    }

    public boolean typeExists(String schema, String type) {
        return !column(
                        "select 1 from pg_type t join pg_namespace n on n.oid = t.typnamespace where n.nspname = ? and t.typname = ?",
                        schema,
                        type)
                .isEmpty();
    }
}
