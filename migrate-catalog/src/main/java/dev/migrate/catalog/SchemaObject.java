package dev.migrate.catalog;

import dev.migrate.op.ObjectDefinition;
import java.io.Serializable;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

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

    /** The definition the operations carry. */
    public ObjectDefinition definition() {
        return new ObjectDefinition(id.kind(), id.identity(), sql);
    }
}
