package dev.migrate.catalog;

import dev.migrate.op.ObjectDefinition;
import java.io.Serializable;
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
 */
public record SchemaObject(
        ObjectId id, String sql, Set<ObjectId> dependsOn, Set<ObjectName> tables, boolean neededByTables)
        implements Serializable {
    public SchemaObject {
        dependsOn = java.util.Collections.unmodifiableSet(new TreeSet<>(dependsOn));
        tables = java.util.Collections.unmodifiableSet(new TreeSet<>(tables));
    }

    /** The definition the operations carry. */
    public ObjectDefinition definition() {
        return new ObjectDefinition(id.kind(), id.identity(), sql);
    }
}
