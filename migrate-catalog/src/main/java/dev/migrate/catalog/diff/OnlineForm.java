package dev.migrate.catalog.diff;

import dev.migrate.catalog.ObjectName;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.ObjectKind;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.OnlineChange;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.TableOp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The script as one online migration ({@code -Dmigrate.online=true}): each change to an existing table
 * that would lock it for long or break the application running on it is written as an online change,
 * whose expand runs at {@code upgrade} and whose contract runs at {@code complete}:
 * <ul>
 *   <li>a column's new type or {@code NOT NULL}: {@code OnlineChange.alterColumn} (a new column beside the
 *       old, kept in step both ways, backfilled in batches); a unique constraint or a foreign key on a
 *       column so replaced goes with it;</li>
 *   <li>a column or a table renamed, a column dropped: the schema of views shows the new shape until
 *       {@code complete} makes it.</li>
 * </ul>
 * What remains takes its lock-safe form ({@link LockSafeForm}) in the same migration, which runs outside a
 * transaction anyway: indexes built concurrently, constraints added {@code NOT VALID} and validated. A
 * change to a column of a table whose views the script changes too keeps its plain form (the views would
 * stand on the old column), and so do tables the script creates.
 */
public final class OnlineForm {
    private static final String NOTE = "An online migration: upgrade runs its expand phase (the running application"
            + " keeps the old shape, the schema of views <schema>_<revision> has the new one); complete runs its"
            + " contract, once every instance runs the new application.";

    private OnlineForm() {}

    /** The script in its online form: one migration, as {@link #of} writes it. */
    public static MigrationScript of(MigrationScript script) {
        boolean viewsChange = script.upgrade().stream().anyMatch(OnlineForm::changesAView);
        List<OpGroup> groups = new ArrayList<>();
        for (OpGroup group : script.upgradeGroups()) {
            boolean existing =
                    group.table() != null && group.ops().stream().noneMatch(op -> op instanceof TableOp.CreateTable);
            groups.add(existing ? new OpGroup(group.table(), online(group.changes(), viewsChange)) : group);
        }
        LockSafeForm.Split split = LockSafeForm.of(new MigrationScript(groups, script.warnings(), script.guards()));
        List<OpGroup> together = new ArrayList<>(split.inTransaction().upgradeGroups());
        together.addAll(split.concurrent().upgradeGroups());
        MigrationScript online = new MigrationScript(
                together,
                split.inTransaction().warnings(),
                split.inTransaction().guards());
        if (!isOnline(online)) {
            return online;
        }
        List<String> warnings = new ArrayList<>(online.warnings());
        warnings.add(0, NOTE);
        return new MigrationScript(together, warnings, online.guards());
    }

    /** Whether a script in its online form makes an online change. */
    public static boolean isOnline(MigrationScript script) {
        return script.upgrade().stream().anyMatch(op -> op instanceof OnlineOp.Online);
    }

    /**
     * The tables {@code online} (a script in its online form) changes online, in the order they come: each
     * as its group names it, and a table renamed online by its old name too.
     */
    public static Set<ObjectName> tablesChangedOnline(MigrationScript online) {
        Set<ObjectName> tables = new LinkedHashSet<>();
        for (OpGroup group : online.upgradeGroups()) {
            ObjectName table = group.table();
            for (Op op : group.ops()) {
                if (!(op instanceof OnlineOp.Online o)) {
                    continue;
                }
                if (table != null) {
                    tables.add(table);
                }
                QualifiedName named = o.change().table();
                String schema = named.schema() != null ? named.schema() : table != null ? table.schema() : null;
                if (schema != null) {
                    tables.add(ObjectName.of(schema, named.name()));
                }
            }
        }
        return tables;
    }

    private static boolean changesAView(Op op) {
        ObjectKind kind = op instanceof ObjectOp.CreateObject c
                ? c.definition().kind()
                : op instanceof ObjectOp.ReplaceObject r
                        ? r.to().kind()
                        : op instanceof ObjectOp.DropObject d ? d.kind() : null;
        return kind == ObjectKind.VIEW || kind == ObjectKind.MATERIALIZED_VIEW;
    }

    /**
     * The changes of one existing table, the breaking ones online: one online change per replaced column, at
     * the place of its first change, with the unique constraint or foreign key added to it folded in.
     */
    private static List<Change> online(List<Change> changes, boolean viewsChange) {
        Map<String, Change> byColumn = new LinkedHashMap<>();
        IdentityHashMap<Change, String> columnOf = new IdentityHashMap<>();
        for (Change change : changes) {
            Optional<OnlineChange.AlterColumn> alter = viewsChange ? Optional.empty() : replacement(change);
            if (alter.isPresent()) {
                String key = alter.get().table() + "." + alter.get().column();
                columnOf.put(change, key);
                Change earlier = byColumn.get(key);
                byColumn.put(key, earlier == null ? online(change, alter.get()) : merged(earlier, change, alter.get()));
            }
        }
        Set<Change> folded = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Change change : changes) {
            String key = foldedInto(change);
            if (key != null && byColumn.containsKey(key)) {
                byColumn.put(key, folded(byColumn.get(key), change));
                folded.add(change);
            }
        }
        List<Change> result = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Change change : changes) {
            String key = columnOf.get(change);
            if (key != null) {
                if (placed.add(key)) {
                    result.add(byColumn.get(key));
                }
            } else if (!folded.contains(change)) {
                result.add(viewsChange ? change : renamedOrDropped(change).orElse(change));
            }
        }
        return result;
    }

    /** A column's new type or its NOT NULL, as the column replaced online. */
    private static Optional<OnlineChange.AlterColumn> replacement(Change change) {
        if (change.ops().size() != 1) {
            return Optional.empty();
        }
        Op op = change.ops().get(0);
        if (op instanceof ColumnOp.AlterColumnType t && Objects.equals(t.collation(), t.previousCollation())) {
            OnlineChange.AlterColumn alter =
                    OnlineChange.alterColumn(name(t.table()), t.column()).type(t.type());
            alter = t.using() == null ? alter : alter.up(t.using());
            return Optional.of(t.reverseUsing() == null ? alter : alter.down(t.reverseUsing()));
        }
        if (op instanceof ColumnOp.AlterColumnNullable n && !n.nullable()) {
            return Optional.of(
                    OnlineChange.alterColumn(name(n.table()), n.column()).notNull());
        }
        return Optional.empty();
    }

    private static Change online(Change change, OnlineChange.AlterColumn alter) {
        List<String> notes = new ArrayList<>(change.notes());
        if (change.ops().get(0) instanceof ColumnOp.AlterColumnType t
                && t.previousType() != null
                && t.reverseUsing() == null
                && TypeChanges.widens(t.previousType(), t.type())) {
            notes.add("Hazard [wider-type]: column " + t.table() + "." + t.column() + ": until complete, the running"
                    + " application reads it as " + t.previousType() + ", and " + t.type() + " holds values it cannot:"
                    + " a write of such a value by the new application fails, naming the column. To let it through, say what the old column receives with"
                    + " .down(\"...\") (for example .down(\"least(" + t.column() + ", ...)\")), or complete once"
                    + " every instance runs the new application.");
        }
        if (alter.isNotNull()) {
            notes.add("Existing rows and rows the running application writes with a NULL need a value: give"
                    + " .up(\"coalesce(column, ...)\"), or the expand fails when it validates NOT NULL.");
        }
        return new Change(
                change.description(), List.of(new OnlineOp.Online(alter)), List.of(), notes, undo(change), false);
    }

    /** Two changes of one column made one online change: a type and NOT NULL. */
    private static Change merged(Change into, Change change, OnlineChange.AlterColumn more) {
        OnlineChange.AlterColumn alter =
                (OnlineChange.AlterColumn) ((OnlineOp.Online) into.ops().get(0)).change();
        if (more.type() != null) {
            alter = alter.type(more.type());
            alter = more.up() == null ? alter : alter.up(more.up());
            alter = more.down() == null ? alter : alter.down(more.down());
        }
        if (more.isNotNull()) {
            alter = alter.notNull();
        }
        return withOnline(into, alter, change);
    }

    /** The change, its online change now {@code alter}, undoing {@code folded} too. */
    private static Change withOnline(Change into, OnlineChange.AlterColumn alter, Change folded) {
        List<Op> undo = new ArrayList<>(undo(folded));
        undo.addAll(into.undo() == null ? List.of() : into.undo());
        List<String> notes = new ArrayList<>(folded.notes());
        notes.addAll(into.notes());
        return new Change(into.description(), List.of(new OnlineOp.Online(alter)), List.of(), notes, undo, false);
    }

    /** The column a unique constraint or a foreign key of one column is added to ({@code table.column}), or null. */
    private static @Nullable String foldedInto(Change change) {
        if (change.ops().size() != 1 || !(change.ops().get(0) instanceof ConstraintOp.AddConstraint add)) {
            return null;
        }
        List<String> columns = add.constraint() instanceof Constraint.Unique u && !u.isNullsNotDistinct()
                ? u.columns()
                : add.constraint() instanceof Constraint.ForeignKey fk ? fk.columns() : List.of();
        return columns.size() != 1 || add.constraint().name() == null ? null : name(add.table()) + "." + columns.get(0);
    }

    /** The replacement of a column with the unique constraint or foreign key {@code change} adds to it. */
    private static Change folded(Change into, Change change) {
        ConstraintOp.AddConstraint add =
                (ConstraintOp.AddConstraint) change.ops().get(0);
        OnlineChange.AlterColumn alter =
                (OnlineChange.AlterColumn) ((OnlineOp.Online) into.ops().get(0)).change();
        alter = add.constraint() instanceof Constraint.ForeignKey fk
                ? alter.references(fk)
                : alter.unique(ModelOps.named(add.constraint()));
        return withOnline(into, alter, change);
    }

    /** A column or table renamed, a column dropped: shown in the schema of views until complete. */
    private static Optional<Change> renamedOrDropped(Change change) {
        if (change.ops().size() != 1) {
            return Optional.empty();
        }
        Op op = change.ops().get(0);
        OnlineChange online = null;
        if (op instanceof ColumnOp.RenameColumn r) {
            online = OnlineChange.renameColumn(name(r.table()), r.column(), r.newName());
        } else if (op instanceof TableOp.RenameTable r) {
            online = OnlineChange.renameTable(name(r.table()), r.newName());
        } else if (op instanceof ColumnOp.DropColumn d) {
            online = OnlineChange.dropColumn(name(d.table()), d.column());
        }
        if (online == null) {
            return Optional.empty();
        }
        List<String> notes = new ArrayList<>(change.notes());
        if (op instanceof ColumnOp.DropColumn d
                && d.definition() != null
                && !d.definition().nullable()
                && d.definition().defaultExpression() == null) {
            notes.add("The running application still writes " + d.column() + ", NOT NULL without a default: give"
                    + " .down(\"...\"), the value rows the new application inserts take for it.");
        }
        return Optional.of(new Change(
                change.description(), List.of(new OnlineOp.Online(online)), List.of(), notes, undo(change), false));
    }

    /** What undoes {@code change} once completed: its own undo, or each op's reverse. */
    private static List<Op> undo(Change change) {
        return change.reverse().ops();
    }

    private static String name(QualifiedName table) {
        return table.toString();
    }
}
