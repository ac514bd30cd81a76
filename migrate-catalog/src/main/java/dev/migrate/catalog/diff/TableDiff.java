package dev.migrate.catalog.diff;

import dev.migrate.catalog.CheckConstraint;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ExclusionConstraint;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.Index;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Sequence;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import dev.migrate.catalog.UniqueConstraint;
import dev.migrate.catalog.diff.ScriptBuilder.Part;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.IndexOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SequenceOp;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableOp;
import dev.migrate.sql.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tables added or removed; for a table on both sides, its columns, constraints, indexes and comment are handed
 * to their comparers. Renames are decided before ({@link Renames}), and the live side is the schema they leave.
 */
final class TableDiff {
    private final DiffContext context;
    private final ColumnDiff columns;
    private final ConstraintDiff constraints;
    private final IndexDiff indexes;
    private final DatabaseSchema live;
    private final PartitionedTables partitioned;

    TableDiff(DiffContext context, DatabaseSchema live) {
        this.context = context;
        this.live = live;
        this.partitioned = new PartitionedTables(context, live);
        this.columns = new ColumnDiff(context);
        this.constraints = new ConstraintDiff(context);
        this.indexes = new IndexDiff(context);
    }

    void compare(DatabaseSchema desired) {
        Map<ObjectName, Table> added = new LinkedHashMap<>();
        Map<ObjectName, Table> removed = new LinkedHashMap<>();
        for (Table want : desired.tables().values()) {
            Table have = live.tables().get(want.qualifiedName());
            if (have == null) {
                added.put(want.qualifiedName(), want);
            } else {
                alter(have, partitioned.fit(have, want));
            }
        }
        live.tables().values().stream()
                .filter(t -> !desired.tables().containsKey(t.qualifiedName()))
                .forEach(t -> removed.put(t.qualifiedName(), t));

        for (Table want : added.values()) {
            create(want);
        }
        constraints.reattachForeignKeys(live, desired);
        for (Table have : removed.values()) {
            drop(have);
        }
    }

    private void create(Table table) {
        Table want = partitioned.withoutRefusedForeignKeys(table);
        List<Op> ops = new ArrayList<>();
        List<TableColumn> written = new ArrayList<>();
        List<Op> ownerships = new ArrayList<>();
        for (TableColumn column : want.columns()) {
            written.add(context.serials.asCreated(want, column));
            ownerships.addAll(context.serials.ownershipOnCreate(context.ops, want, column));
        }
        ops.add(context.ops.createTable(want.withColumns(written)));
        ops.addAll(context.ops.keysAfterCreate(want));
        if (want.partitioning() != null) {
            ops.addAll(partitioned.createPartitions(want));
        }
        ops.addAll(ownerships);
        context.script.table(
                want.qualifiedName(),
                Part.TABLE,
                new Change(Description.added("table " + want.qualifiedName()), ops, List.of()));
        for (Index index : want.indexes()) {
            context.script.table(
                    want.qualifiedName(),
                    Part.ADD_CONSTRAINT_OR_INDEX,
                    Change.of(
                            Description.added("index " + index.name() + " on " + want.qualifiedName()),
                            context.ops.index(want, index)));
        }
        for (ForeignKey fk : want.foreignKeys()) {
            constraints.addForeignKey(want, fk, false);
        }
        for (ExclusionConstraint exclusion : want.exclusionConstraints()) {
            // entities have none; a baseline of a database that has one writes it as PostgreSQL spells it
            context.script.table(
                    want.qualifiedName(),
                    Part.ADD_CONSTRAINT_OR_INDEX,
                    Change.of(
                            Description.added(
                                    "exclusion constraint " + exclusion.name() + " on " + want.qualifiedName()),
                            addExclusion(want, exclusion)));
        }
        comments(null, want);
    }

    /**
     * The comments on constraints and indexes of {@code want} that {@code have} (null for a table created) does
     * not have. They are set once every table and foreign key is there, and compared only when both sides were
     * read from databases: entities cannot hold such a comment, so one written by hand stays.
     */
    private void comments(@Nullable Table have, Table want) {
        if (have != null && !context.options.bothRead()) {
            return;
        }
        QualifiedName table = context.ops.name(want);
        for (String constraint : constraintNames(want)) {
            String wanted = want.constraintComments().get(constraint);
            String had = have == null ? null : have.constraintComments().get(constraint);
            if (!Objects.equals(had, wanted)) {
                context.script.afterTables(Change.of(
                        Description.changed(
                                "comment of constraint " + constraint + " on " + want.qualifiedName(), null),
                        new ConstraintOp.CommentOnConstraint(table, constraint, wanted, had)));
            }
        }
        for (Index index : want.indexes()) {
            String wanted = want.indexComments().get(index.name());
            String had = have == null ? null : have.indexComments().get(index.name());
            if (!Objects.equals(had, wanted)) {
                context.script.afterTables(Change.of(
                        Description.changed("comment of index " + index.name() + " on " + want.qualifiedName(), null),
                        new IndexOp.CommentOnIndex(table.sibling(index.name()), wanted, had)));
            }
        }
    }

    private static List<String> constraintNames(Table t) {
        List<String> names = new ArrayList<>();
        if (t.primaryKey() != null) {
            names.add(t.primaryKey().name());
        }
        t.uniqueConstraints().forEach(u -> names.add(u.name()));
        t.checkConstraints().forEach(c -> names.add(c.name()));
        t.exclusionConstraints().forEach(e -> names.add(e.name()));
        t.foreignKeys().forEach(f -> names.add(f.name()));
        return names;
    }

    /**
     * Exclusion constraints by name, when both sides were read from databases (entities have none, so
     * otherwise they are left alone): one added, dropped or defined otherwise is a change.
     */
    private void exclusions(Table have, Table want) {
        ObjectName table = want.qualifiedName();
        for (ExclusionConstraint w : want.exclusionConstraints()) {
            ExclusionConstraint h = exclusion(have, w.name());
            String subject = "exclusion constraint " + w.name() + " on " + table;
            if (h == null) {
                context.script.table(
                        table,
                        Part.ADD_CONSTRAINT_OR_INDEX,
                        Change.of(Description.added(subject), addExclusion(want, w)));
            } else if (!h.definition().equals(w.definition())) {
                context.script.table(
                        table,
                        Part.ADD_CONSTRAINT_OR_INDEX,
                        new Change(
                                Description.changed(subject, h.definition() + " -> " + w.definition()),
                                List.of(dropExclusion(have, h), addExclusion(want, w)),
                                List.of()));
            }
        }
        for (ExclusionConstraint h : have.exclusionConstraints()) {
            if (exclusion(want, h.name()) == null) {
                context.script.table(
                        table,
                        Part.DROP_CONSTRAINT_OR_INDEX,
                        Change.of(
                                Description.removed("exclusion constraint " + h.name() + " on " + table),
                                dropExclusion(have, h)));
            }
        }
    }

    private static @Nullable ExclusionConstraint exclusion(Table t, String name) {
        return t.exclusionConstraints().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The op model has no exclusion constraint: the statement PostgreSQL spells, undone by a drop. */
    private SqlOp.Execute addExclusion(Table t, ExclusionConstraint exclusion) {
        String alter = "ALTER TABLE " + Identifiers.quote(context.ops.name(t)) + " ";
        String name = Identifiers.quote(exclusion.name());
        return new SqlOp.Execute(
                alter + "ADD CONSTRAINT " + name + " " + exclusion.definition(), alter + "DROP CONSTRAINT " + name);
    }

    /** The reverse of {@link #addExclusion}. */
    private Op dropExclusion(Table t, ExclusionConstraint exclusion) {
        return addExclusion(t, exclusion).reverse().orElseThrow();
    }

    /**
     * Whether the two sides of a table are equal but for the order of their columns, which no comparer looks at
     * (columns are matched by name, and PostgreSQL cannot reorder them): then nothing of the table differs, and
     * the comparers' matching by name and shape is left out for it, as it is for most tables of a model whose
     * changes are a few.
     */
    private static boolean same(Table have, Table want) {
        if (have.equals(want)) {
            return true;
        }
        if (have.columns().size() != want.columns().size()) {
            return false;
        }
        List<TableColumn> inHaveOrder = new ArrayList<>(want.columns().size());
        for (TableColumn column : have.columns()) {
            TableColumn wanted = want.column(column.name());
            if (!column.equals(wanted)) {
                return false;
            }
            inHaveOrder.add(wanted);
        }
        return have.equals(want.withColumns(inHaveOrder));
    }

    private void drop(Table have) {
        // drop what a re-created table would need back explicitly, so the downgrade restores it too
        for (ForeignKey fk : have.foreignKeys()) {
            constraints.dropForeignKey(have, fk);
        }
        for (Index index : have.indexes()) {
            IndexOp.CreateIndex definition = context.ops.index(have, index);
            context.script.droppedTable(
                    have.qualifiedName(),
                    Change.of(
                            Description.removed("index " + index.name() + " on " + have.qualifiedName()),
                            new IndexOp.DropIndex(definition.table().sibling(index.name()), false, definition)));
        }
        // a serial column comes back as serial, its sequence with it; one serial cannot make is let go and dropped
        List<TableColumn> recreated = new ArrayList<>();
        List<Op> ops = new ArrayList<>();
        List<Op> sequences = new ArrayList<>();
        for (TableColumn column : have.columns()) {
            recreated.add(context.serials.asRecreated(have, column));
            Sequence sequence = context.serials.notMadeBySerialType(have, column);
            if (sequence != null) {
                ops.add(SerialColumns.ownership(context.ops, sequence).reverse().orElseThrow());
                SequenceOp.CreateSequence create = context.ops.createSequence(sequence);
                sequences.add(new SequenceOp.DropSequence(
                        create.sequence(), new SequenceOp.CreateSequence(create.sequence(), create.options(), null)));
            }
        }
        TableOp.CreateTable definition = context.ops.createTable(have.withColumns(recreated));
        List<String> notes = new ArrayList<>();
        String partitions = "";
        if (have.partitioning() != null) {
            // each partition dropped on its own, its own partitions first, so the downgrade creates them again
            List<TableOp.CreatePartition> creates = partitioned.createPartitions(have);
            for (int i = creates.size() - 1; i >= 0; i--) {
                ops.add(new TableOp.DropPartition(creates.get(i).partition(), creates.get(i)));
            }
            partitions = " with its " + have.partitioning().partitionCount() + " partitions ("
                    + PartitionedTables.describe(have.partitioning()) + ")";
            notes.add("The downgrade creates the table and its partitions again, empty.");
        }
        ops.add(new TableOp.DropTable(definition.table(), definition));
        ops.addAll(sequences);
        Hazard drop = Hazards.drop(
                "table " + have.qualifiedName(),
                "drops table " + have.qualifiedName() + partitions + " and all its rows");
        for (var exclusion : have.exclusionConstraints()) {
            // the op model has no exclusion constraint, so the downgrade cannot bring it back by itself
            notes.add("The downgrade does not restore exclusion constraint " + exclusion.name() + " ("
                    + exclusion.definition()
                    + "); add it to downgrade with op.execute(\"ALTER TABLE ... ADD CONSTRAINT ...\").");
        }
        context.script.droppedTable(
                have.qualifiedName(),
                new Change(Description.removed("table " + have.qualifiedName()), ops, drop, notes));
    }

    /**
     * Drops the indexes, unique and check constraints on columns dropped and added again ({@code rebuilt}), which
     * would go with the column and not come back, before the columns change; and gives {@code have} without them,
     * so that what {@code want} has of them is built after. An index the entities cannot describe, kept otherwise,
     * is built again as it was.
     */
    private Table letGoOfWhatIsBuiltOn(Set<String> rebuilt, Table have, Table want) {
        QualifiedName t = context.ops.name(have);
        ObjectName table = have.qualifiedName();
        List<Index> keptIndexes = new ArrayList<>();
        for (Index index : have.indexes()) {
            boolean builtOn = index.keys().stream().anyMatch(k -> ColumnNames.readIn(k, rebuilt))
                    || index.includeColumns().stream().anyMatch(rebuilt::contains)
                    || (index.where() != null && ColumnNames.readIn(index.where(), rebuilt));
            if (!builtOn) {
                keptIndexes.add(index);
                continue;
            }
            IndexOp.CreateIndex definition = context.ops.index(have, index);
            IndexOp.DropIndex drop = new IndexOp.DropIndex(t.sibling(index.name()), false, definition);
            if (!indexes.comparable(index) && want.index(index.name()) == null) {
                // kept otherwise: built again as it was, once the column is back
                context.script.replaced(
                        table,
                        new Change(
                                Description.changed("index " + index.name() + " on " + t, "built again on " + rebuilt),
                                List.of(drop, definition),
                                List.of()),
                        true);
            } else {
                // what the other side has of it is built after the column, as an index added
                context.script.table(
                        table,
                        Part.DROP_CONSTRAINT_OR_INDEX,
                        Change.of(Description.removed("index " + index.name() + " on " + t), drop));
            }
        }
        List<UniqueConstraint> keptUniques = new ArrayList<>();
        for (UniqueConstraint unique : have.uniqueConstraints()) {
            if (unique.columns().stream().noneMatch(rebuilt::contains)) {
                keptUniques.add(unique);
                continue;
            }
            constraints.dropUnique(have, unique);
        }
        List<CheckConstraint> keptChecks = new ArrayList<>();
        for (CheckConstraint check : have.checkConstraints()) {
            if (!ColumnNames.readIn(check.expression(), rebuilt)) {
                keptChecks.add(check);
                continue;
            }
            constraints.dropCheck(have, check);
        }
        return new Table(
                have.schema(),
                have.name(),
                have.columns(),
                have.primaryKey(),
                have.foreignKeys(),
                keptUniques,
                keptChecks,
                have.exclusionConstraints(),
                keptIndexes,
                have.comment(),
                have.partitioning(),
                have.unlogged(),
                have.constraintComments(),
                have.indexComments());
    }

    private void alter(Table have, Table want) {
        if (same(have, want)) {
            return;
        }
        Set<String> rebuilt = columns.compare(have, want);
        Table kept = rebuilt.isEmpty() ? have : letGoOfWhatIsBuiltOn(rebuilt, have, want);
        constraints.compare(kept, want);
        indexes.compare(kept, want);
        if (context.options.bothRead()) {
            exclusions(have, want);
        }
        // entities cannot say UNLOGGED: a table made so by hand stays so unless both sides were read
        if (have.unlogged() != want.unlogged() && context.options.bothRead()) {
            context.script.table(
                    want.qualifiedName(),
                    Part.TABLE,
                    Change.of(
                            Description.changed(
                                    "table " + want.qualifiedName(),
                                    have.unlogged() ? "UNLOGGED -> LOGGED" : "LOGGED -> UNLOGGED"),
                            new TableOp.SetLogged(context.ops.name(want), want.unlogged())));
        }
        if (!Objects.equals(have.comment(), want.comment())) {
            context.script.table(
                    want.qualifiedName(),
                    Part.TABLE,
                    Change.of(
                            Description.changed("comment of table " + want.qualifiedName(), null),
                            new TableOp.CommentOnTable(context.ops.name(want), want.comment(), have.comment())));
        }
        comments(have, want);
    }
}
