package dev.migrate.catalog;

import dev.migrate.op.ObjectDefinition;
import dev.migrate.sql.Identifiers;
import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A view, materialized view, function, trigger, policy, domain, type or extension as the catalog
 * holds it: the statements that create it, spelled by the server ({@code pg_get_viewdef}, {@code
 * pg_get_functiondef}, {@code pg_get_triggerdef}, ...) with what goes with it (indexes, comments), and
 * what it depends on, from {@code pg_depend}.
 *
 * @param id what it is and how it is named
 * @param sql the statements that create it
 * @param dependsOn the other objects it needs
 * @param tables the tables (and sequences) it needs, created before it
 * @param neededByTables whether a table needs it (a column of a domain type, a default calling a
 *     function): it is then created before the tables
 * @param columns the columns of those tables it reads by name ({@code public.orders.total}): a view's
 *     select list, a policy's expression, a trigger's {@code WHEN}; PostgreSQL refuses to change the
 *     type of such a column, or drop it, while the object stands
 * @param shape what {@code CREATE OR REPLACE} may not change: the columns of a view or materialized
 *     view with their types, the arguments and result of a function; empty for other kinds
 */
public record SchemaObject(
        ObjectId id,
        String sql,
        Set<ObjectId> dependsOn,
        Set<ObjectName> tables,
        boolean neededByTables,
        Set<String> columns,
        String shape)
        implements Serializable {
    public SchemaObject {
        dependsOn = Collections.unmodifiableSet(new TreeSet<>(dependsOn));
        tables = Collections.unmodifiableSet(new TreeSet<>(tables));
        columns = Collections.unmodifiableSet(new TreeSet<>(columns));
    }

    /** An object whose columns read and shape do not matter to the caller. */
    public SchemaObject(
            ObjectId id, String sql, Set<ObjectId> dependsOn, Set<ObjectName> tables, boolean neededByTables) {
        this(id, sql, dependsOn, tables, neededByTables, Set.of(), "");
    }

    /**
     * This object with schema {@code from} called {@code to} wherever its text qualifies a name with it
     * ({@code from.orders}, {@code "From".orders}) or names it ({@code ON SCHEMA from}): its identity, its
     * statements, what it depends on and reads. The schema the migrations build in {@code public} is so
     * compared with a tenant's schema, where the server spells the same objects with the tenant's name.
     */
    public SchemaObject withSchemaRenamed(String from, String to) {
        UnaryOperator<String> text = schemaRenamed(from, to);
        Set<ObjectId> renamedDependencies = new TreeSet<>();
        dependsOn.forEach(d -> renamedDependencies.add(new ObjectId(d.kind(), text.apply(d.identity()))));
        Set<ObjectName> renamedTables = new TreeSet<>();
        tables.forEach(t -> renamedTables.add(from.equals(t.schema()) ? new ObjectName(to, t.name()) : t));
        Set<String> renamedColumns = new TreeSet<>();
        columns.forEach(c -> renamedColumns.add(c.startsWith(from + ".") ? to + c.substring(from.length()) : c));
        return new SchemaObject(
                new ObjectId(id.kind(), text.apply(id.identity())),
                text.apply(sql),
                renamedDependencies,
                renamedTables,
                neededByTables,
                renamedColumns,
                text.apply(shape));
    }

    /**
     * Text with schema {@code from} called {@code to} where it qualifies a name ({@code from.orders},
     * {@code "From".orders}, inside a literal too: {@code 'from.seq'::regclass}) or is named as a schema
     * ({@code SCHEMA from}); null stays null.
     */
    public static UnaryOperator<String> schemaRenamed(String from, String to) {
        Pattern naming = naming(from);
        String quotedTo = Matcher.quoteReplacement(Identifiers.quote(to));
        return t -> t == null ? null : naming.matcher(t).replaceAll(quotedTo);
    }

    /**
     * Where a text names one of {@code schemas} (quoted as PostgreSQL quotes it): qualifying a name, group 1,
     * or as a schema, group 2.
     */
    static Pattern naming(Collection<String> schemas) {
        String any = schemas.stream()
                .map(schema -> Pattern.quote(Identifiers.quote(schema)))
                .collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\w$\"])(" + any + ")(?=\\.)|(?<=SCHEMA )(" + any + ")(?![\\w$\"])");
    }

    private static Pattern naming(String schema) {
        return naming(List.of(schema));
    }

    /** The definition the operations carry. */
    public ObjectDefinition definition() {
        return new ObjectDefinition(id.kind(), id.identity(), sql);
    }

    /**
     * The definition as a migration of {@code schema} carries it: names of that schema unqualified, as the
     * tables of the migration are, so that it applies in whichever schema leads the session's {@code
     * search_path} (each tenant's schema of a fleet); names of other schemas stay qualified.
     */
    public ObjectDefinition definitionIn(String schema) {
        UnaryOperator<String> local = unqualified(schema);
        return new ObjectDefinition(id.kind(), local.apply(id.identity()), local.apply(sql));
    }

    /**
     * Text with the qualifier {@code schema.} taken away wherever it qualifies a name ({@code public.orders},
     * {@code "App".orders}, inside a literal too: {@code 'public.seq'::regclass}); {@code SCHEMA public}
     * and names of other schemas stay as they are, and so does a dollar-quoted body ({@code AS $$ ... $$}):
     * a function's body is text the server runs with the caller's search path, so a name its author
     * qualified stays qualified.
     */
    public static UnaryOperator<String> unqualified(String schema) {
        Pattern qualifier =
                Pattern.compile("(?<![\\w$\".])" + Pattern.quote(Identifiers.quote(schema)) + "\\.(?=[\\w$\"])");
        return t -> t == null
                ? null
                : outsideDollarQuotes(t, part -> qualifier.matcher(part).replaceAll(""));
    }

    private static final Pattern DOLLAR_QUOTE = Pattern.compile("\\$([A-Za-z_][A-Za-z_0-9]*)?\\$");

    /** {@code text} with {@code change} made to what lies outside its dollar-quoted strings. */
    private static String outsideDollarQuotes(String text, UnaryOperator<String> change) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        Matcher open = DOLLAR_QUOTE.matcher(text);
        while (open.find(at)) {
            int close = text.indexOf(open.group(), open.end());
            if (close < 0) {
                break;
            }
            out.append(change.apply(text.substring(at, open.start())));
            out.append(text, open.start(), close + open.group().length());
            at = close + open.group().length();
        }
        return out.append(change.apply(text.substring(at))).toString();
    }
}
