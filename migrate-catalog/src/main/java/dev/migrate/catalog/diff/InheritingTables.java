package dev.migrate.catalog.diff;

import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.read.TableInheritance;
import dev.migrate.op.Column;
import dev.migrate.op.Constraint;
import dev.migrate.op.Op;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableElement;
import dev.migrate.op.TableOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.tooling.OpSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A script that builds tables from nothing, with the tables that inherit from others ({@code CREATE
 * TABLE ... INHERITS}) made as PostgreSQL made them: each declares only its own columns and checks and
 * names its parents, so that it gets the rest from them, and it runs after them. The operations have no
 * inheritance of their own (entities never map one), so such a table is written as SQL, with its drop as
 * the reverse; its keys, indexes and comments stay operations.
 */
public final class InheritingTables {
    private InheritingTables() {}

    /** {@code script} with the tables {@code inheritance} knows made with their parents, after them. */
    public static MigrationScript madeWithParents(MigrationScript script, TableInheritance inheritance, String schema) {
        if (inheritance.isEmpty()) {
            return script;
        }
        List<OpGroup> groups = new ArrayList<>();
        for (OpGroup group : script.upgradeGroups()) {
            groups.add(
                    group.isTable() && inheritance.parents().containsKey(group.table())
                            ? withParents(group, inheritance, schema)
                            : group);
        }
        return new MigrationScript(afterTheirParents(groups, inheritance), script.warnings(), script.guards());
    }

    private static OpGroup withParents(OpGroup group, TableInheritance inheritance, String schema) {
        ObjectName child = group.table();
        List<Change> changes = new ArrayList<>();
        for (Change change : group.changes()) {
            List<Op> ops = new ArrayList<>();
            for (Op op : change.ops()) {
                if (op instanceof TableOp.CreateTable create) {
                    ops.addAll(createdWithParents(
                            create,
                            inheritance.parents().getOrDefault(child, List.of()),
                            inheritance.inheritedColumns().getOrDefault(child, Set.of()),
                            inheritance.inheritedChecks().getOrDefault(child, Set.of()),
                            schema));
                } else {
                    ops.add(op);
                }
            }
            changes.add(new Change(
                    change.description(), ops, change.hazards(), change.notes(), change.undo(), change.aheadPart()));
        }
        return new OpGroup(child, changes);
    }

    private static List<Op> createdWithParents(
            TableOp.CreateTable create,
            List<ObjectName> parents,
            Set<String> inheritedColumns,
            Set<String> inheritedChecks,
            String schema) {
        List<TableElement> own = create.elements().stream()
                .filter(e -> !(e instanceof Column c && inheritedColumns.contains(c.name())))
                .filter(e -> !(e instanceof Constraint.Check c && inheritedChecks.contains(c.name())))
                .toList();
        List<String> statements = OpSql.render(new TableOp.CreateTable(
                create.table(), own, create.comment(), create.partitionBy(), create.unlogged()));
        String names = parents.stream()
                .map(p -> p.schema().equals(schema)
                        ? Identifiers.quote(p.name())
                        : Identifiers.quote(p.schema()) + "." + Identifiers.quote(p.name()))
                .collect(Collectors.joining(", "));
        List<Op> ops = new ArrayList<>();
        ops.add(new SqlOp.Execute(
                statements.get(0) + " INHERITS (" + names + ")", "DROP TABLE " + Identifiers.quote(create.table())));
        // the comments that CREATE TABLE renders after it, each undone by its removal
        for (String comment : statements.subList(1, statements.size())) {
            ops.add(new SqlOp.Execute(comment, comment.replaceFirst("(?s) IS '.*'$", " IS NULL")));
        }
        return ops;
    }

    /**
     * The groups with each inheriting table's creation moved after its parents' creations, the others in
     * their order (keys and indexes come after every table is made).
     */
    private static List<OpGroup> afterTheirParents(List<OpGroup> groups, TableInheritance inheritance) {
        List<OpGroup> ordered = new ArrayList<>(groups);
        boolean moved = true;
        // parents form no cycle, so this ends; at worst one pass per level of inheritance
        while (moved) {
            moved = false;
            for (int i = 0; i < ordered.size() && !moved; i++) {
                OpGroup group = ordered.get(i);
                if (!creates(group)) {
                    continue;
                }
                List<ObjectName> parents = inheritance.parents().getOrDefault(group.table(), List.of());
                int lastParent = -1;
                for (int j = i + 1; j < ordered.size(); j++) {
                    if (creates(ordered.get(j))
                            && parents.contains(ordered.get(j).table())) {
                        lastParent = j;
                    }
                }
                if (lastParent > i) {
                    ordered.remove(i);
                    ordered.add(lastParent, group);
                    moved = true;
                }
            }
        }
        return ordered;
    }

    /** Whether the group makes its table: with an operation, or as SQL that inherits. */
    private static boolean creates(OpGroup group) {
        return group.isTable()
                && group.ops().stream()
                        .anyMatch(op -> op instanceof TableOp.CreateTable
                                || (op instanceof SqlOp.Execute e && e.sql().startsWith("CREATE TABLE ")));
    }
}
