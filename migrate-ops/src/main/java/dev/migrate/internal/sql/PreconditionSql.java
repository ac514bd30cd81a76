package dev.migrate.internal.sql;

import static dev.migrate.sql.Identifiers.quote;
import static dev.migrate.sql.Literals.string;

import dev.migrate.op.Precondition;
import dev.migrate.op.QualifiedName;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Precondition} as one SQL boolean expression, never null: the runner selects it in the
 * revision's transaction, and offline SQL tests it in a {@code DO} block. Objects are looked up in the
 * catalog by their names as stored; one without a schema in {@code current_schema()}, where Liquibase
 * looks for it.
 */
public final class PreconditionSql {
    private PreconditionSql() {}

    /** The expression: true when the precondition holds. */
    public static String of(Precondition p) {
        return "COALESCE(" + expression(p) + ", false)";
    }

    private static String expression(Precondition p) {
        if (p instanceof Precondition.TableExists t) {
            return relation(t.table(), "'r', 'p'");
        } else if (p instanceof Precondition.ViewExists v) {
            return relation(v.view(), "'v', 'm'");
        } else if (p instanceof Precondition.SequenceExists s) {
            return relation(s.sequence(), "'S'");
        } else if (p instanceof Precondition.ColumnExists c) {
            return "EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a"
                    + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE " + schema(c.table().schema()) + " AND c.relname = "
                    + string(c.table().name())
                    + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
                    + " AND a.attname = " + string(c.column()) + " AND a.attnum > 0 AND NOT a.attisdropped)";
        } else if (p instanceof Precondition.IndexExists i) {
            return index(i);
        } else if (p instanceof Precondition.PrimaryKeyExists k) {
            return constraint("p", k.schema(), k.table(), k.name());
        } else if (p instanceof Precondition.ForeignKeyExists f) {
            return constraint("f", f.schema(), f.table(), f.name());
        } else if (p instanceof Precondition.SqlCheck q) {
            return sqlCheck(q);
        } else if (p instanceof Precondition.RowCount r) {
            return "((SELECT count(*) FROM " + quote(r.table()) + ") = " + r.rows() + ")";
        } else if (p instanceof Precondition.TableIsEmpty e) {
            return "NOT EXISTS (SELECT 1 FROM " + quote(e.table()) + ")";
        } else if (p instanceof Precondition.LiquibaseChangeSetRan r) {
            return changeSetRan(r);
        } else if (p instanceof Precondition.And a) {
            return joined(a.all(), " AND ");
        } else if (p instanceof Precondition.Or o) {
            return joined(o.any(), " OR ");
        } else if (p instanceof Precondition.Not n) {
            return "NOT " + of(n.precondition());
        }
        throw new IllegalStateException("No SQL for the precondition " + p);
    }

    /**
     * What Liquibase 4.33's {@code SqlPrecondition.check} compares: the query's one value as the JDBC driver's
     * {@code getString} returns it, which is PostgreSQL's output text of the value ({@code format('%s')} gives the
     * same: {@code t} for a true boolean, a {@code char(5)} padded, where a cast to text gives {@code true} and no
     * padding), a null value failing. No row, or more than one, is an error, as Liquibase's
     * {@code JdbcUtil.requiredSingleResult} makes it: the guard's {@code onError} decides then.
     */
    private static String sqlCheck(Precondition.SqlCheck q) {
        String query = q.query().strip().replaceAll(";\\s*$", "");
        // the cast fails, naming the count, only where the query did not return one row
        return "(SELECT CASE WHEN count(*) <> 1 THEN ('sqlCheck expects its query to return one row, not ' ||"
                + " count(*))::int = 0 ELSE bool_and(v IS NOT NULL AND format('%s', v) = " + string(q.expected())
                + ") END FROM (" + query + ") AS sql_check(v))";
    }

    /**
     * The server's message of a failed guard, said as the guard meant it: where a {@code sqlCheck}'s query returned
     * no row or several, the cast that stops the evaluation wraps the words in a type error ({@code invalid input
     * syntax for type integer: "sqlCheck expects ..."}), and those words alone are given back; any other message as
     * it is.
     */
    public static String explained(@Nullable String serverMessage) {
        String message = String.valueOf(serverMessage);
        Matcher rows = SQL_CHECK_ROWS.matcher(message);
        return rows.find() ? rows.group() : message;
    }

    private static final Pattern SQL_CHECK_ROWS =
            Pattern.compile("sqlCheck expects its query to return one row, not [0-9]+");

    private static String joined(List<Precondition> parts, String operator) {
        return parts.stream().map(PreconditionSql::of).collect(Collectors.joining(operator, "(", ")"));
    }

    private static String relation(QualifiedName name, String kinds) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE " + schema(name.schema()) + " AND c.relname = " + string(name.name()) + " AND c.relkind IN ("
                + kinds + "))";
    }

    private static String constraint(
            String type, @Nullable String schema, @Nullable String table, @Nullable String name) {
        return "EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE k.contype = '" + type + "' AND " + schema(schema)
                + (table == null ? "" : " AND c.relname = " + string(table))
                + (name == null ? "" : " AND k.conname = " + string(name)) + ")";
    }

    private static String index(Precondition.IndexExists i) {
        StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM pg_catalog.pg_index x"
                + " JOIN pg_catalog.pg_class ic ON ic.oid = x.indexrelid"
                + " JOIN pg_catalog.pg_class c ON c.oid = x.indrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE ");
        sql.append(schema(i.schema()));
        if (i.index() != null) {
            sql.append(" AND ic.relname = ").append(string(i.index()));
        }
        if (i.table() != null) {
            sql.append(" AND c.relname = ").append(string(i.table()));
        }
        if (!i.columns().isEmpty()) {
            sql.append(
                            " AND ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
                                    + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
                                    + " ORDER BY k.ord) = ARRAY[")
                    .append(i.columns().stream().map(column -> string(column)).collect(Collectors.joining(", ")))
                    .append("]::text[]");
        }
        return sql.append(')').toString();
    }

    /**
     * Whether Liquibase's history table has a row saying the changeset ran: one expression that parses where the
     * table does not exist, as the query that reads it is text, run by {@code query_to_xml} only once
     * {@code to_regclass} has found the table.
     */
    private static String changeSetRan(Precondition.LiquibaseChangeSetRan r) {
        // the table's name as SQL text: in the current schema, where Liquibase keeps it, when none is named
        String table = r.history().schema() == null
                ? "quote_ident(current_schema()) || "
                        + string("." + quote(r.history().name()))
                : string(quote(r.history()));
        String filter = " WHERE lower(id) = lower(" + string(r.id()) + ") AND lower(author) = lower("
                + string(r.author()) + ") AND lower(" + normalizedPath("filename") + ") = lower("
                + normalizedPath(string(r.file())) + ") ORDER BY dateexecuted, orderexecuted LIMIT 1";
        String query = "'SELECT exectype IN (''EXECUTED'', ''RERAN'', ''MARK_RAN'') AS ran FROM ' || " + table + " || "
                + string(filter);
        return "CASE WHEN to_regclass(" + table + ") IS NULL THEN false ELSE COALESCE((xpath('/table/row/ran/text()',"
                + " query_to_xml(" + query + ", false, false, '')))[1]::text = 'true', false) END";
    }

    /**
     * A changelog path as Liquibase's {@code DatabaseChangeLog.normalizePath} makes it before comparing the one a
     * history row holds: without {@code classpath:}, with {@code /} for {@code \}, without a drive letter or a
     * leading {@code /}, and as {@code FilenameUtils.normalizeNoEndSeparator} leaves it (no {@code .} segment, no
     * repeated or trailing {@code /}).
     */
    private static String normalizedPath(String path) {
        String plain = "regexp_replace(regexp_replace(replace(regexp_replace(" + path
                + ", '^classpath:', ''), E'\\\\', '/'), '^[a-zA-Z]:', ''), '^/', '')";
        String noDots = "regexp_replace(regexp_replace(regexp_replace(" + plain
                + ", '/+', '/', 'g'), '(^|/)(\\./)+', '\\1', 'g'), '/\\.$', '')";
        return "regexp_replace(" + noDots + ", '/$', '')";
    }

    private static String schema(@Nullable String schema) {
        return "n.nspname = " + (schema == null ? "current_schema()" : string(schema));
    }
}
