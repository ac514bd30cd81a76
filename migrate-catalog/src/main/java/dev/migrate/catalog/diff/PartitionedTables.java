package dev.migrate.catalog.diff;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.Index;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Partition;
import dev.migrate.catalog.Partitioning;
import dev.migrate.catalog.PrimaryKey;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.UniqueConstraint;
import dev.migrate.catalog.diff.ScriptBuilder.Part;
import dev.migrate.op.IndexKey;
import dev.migrate.op.Op;
import dev.migrate.op.TableOp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the entities say about a table the database partitions. JPA cannot express partitioning, so
 * the entity side never has it and never removes it: the table is compared column by column as the
 * entity describes it, and its partitioning is kept and named.
 *
 * <p>PostgreSQL refuses a primary key or unique constraint (or unique index) on a partitioned table
 * unless it includes every column of the partition key, and refuses one altogether when the key has
 * an expression (SQLSTATE 0A000, "unique constraint on partitioned table must include all
 * partitioning columns"; see the "Limitations" of PostgreSQL's declarative partitioning docs). So an
 * entity key without them is never written: a live key that is the entity's widened by partition
 * columns stands for it, and otherwise the live key stays as it is and a warning says what was left
 * out and why. A foreign key must reference such a key, so one that references a partitioned table
 * by columns without its partition columns is left out too.
 */
final class PartitionedTables {
    private final DiffContext context;
    private final DatabaseSchema live;

    PartitionedTables(DiffContext context, DatabaseSchema live) {
        this.context = context;
        this.live = live;
    }

    /** The "kept:" line of a partitioned table that stays, and the entity side fitted to its partitioning. */
    Table fit(Table have, Table want) {
        Partitioning p = have.partitioning();
        if (p == null) {
            return withoutRefusedForeignKeys(want);
        }
        List<String> standsFor = new ArrayList<>();
        PrimaryKey primaryKey = want.primaryKey();
        if (primaryKey != null && !p.allowsKeyOn(primaryKey.columns())) {
            if (have.primaryKey() != null && widens(have.primaryKey().columns(), primaryKey.columns(), p)) {
                standsFor.add("its primary key " + have.primaryKey().columns() + " stands for the declared "
                        + primaryKey.columns());
            } else {
                leftOut(
                        "primary key " + primaryKey.columns(),
                        have,
                        p,
                        have.primaryKey() == null
                                ? "The table keeps having no primary key"
                                : "The table keeps its primary key "
                                        + have.primaryKey().columns());
            }
            primaryKey = have.primaryKey();
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (UniqueConstraint u : want.uniqueConstraints()) {
            if (p.allowsKeyOn(u.columns())) {
                uniques.add(u);
                continue;
            }
            UniqueConstraint widened = have.uniqueConstraints().stream()
                    .filter(h -> widens(h.columns(), u.columns(), p))
                    .findFirst()
                    .orElse(null);
            if (widened != null) {
                uniques.add(widened);
                standsFor.add("its unique constraint " + widened.columns() + " stands for the declared " + u.columns());
            } else {
                leftOut("unique constraint " + u.columns(), have, p, "");
            }
        }
        List<Index> indexes = new ArrayList<>();
        for (Index i : want.indexes()) {
            List<String> columns = columnsOf(i);
            if (!i.unique() || (columns != null && p.allowsKeyOn(columns)) || have.index(i.name()) != null) {
                indexes.add(i.unique() && have.index(i.name()) != null ? have.index(i.name()) : i);
            } else {
                leftOut("unique index " + i.name(), have, p, "");
            }
        }
        Partitioning declared = want.partitioning();
        if (context.options.bothRead() && declared != null && declared.key().equals(p.key())) {
            comparePartitions(have, p, declared);
        } else {
            context.script.warn("Table " + have.qualifiedName() + " kept: " + describe(p)
                    + (standsFor.isEmpty() ? "" : "; " + String.join("; ", standsFor))
                    + (!context.options.bothRead()
                            ? " (entities cannot express partitioning, so migrations leave it as it is)."
                            : declared == null
                                    ? " (declared without partitioning: a partitioned table becomes a plain one by"
                                            + " hand, copying its rows, so migrations leave it as it is)."
                                    : " (declared partitioned by " + declared.strategy() + " " + declared.keyList()
                                            + ": a new partitioning key is written by hand, a new table filled from"
                                            + " the old, so migrations leave it as it is)."));
        }
        Table fitted = new Table(
                want.schema(),
                want.name(),
                want.columns(),
                primaryKey,
                want.foreignKeys(),
                uniques,
                want.checkConstraints(),
                want.exclusionConstraints(),
                indexes,
                want.comment(),
                want.partitioning(),
                want.unlogged(),
                want.constraintComments(),
                want.indexComments());
        return withoutRefusedForeignKeys(fitted);
    }

    /**
     * The table without the foreign keys PostgreSQL would refuse: one that references a partitioned
     * table by columns that leave out a partition column cannot match any key there. One the
     * database has already is kept.
     */
    Table withoutRefusedForeignKeys(Table want) {
        Table have = live.tables().get(want.qualifiedName());
        List<ForeignKey> kept = new ArrayList<>();
        for (ForeignKey fk : want.foreignKeys()) {
            Table referenced = live.tables().get(ObjectName.of(fk.referencedSchema(), fk.referencedTable()));
            Partitioning p = referenced == null ? null : referenced.partitioning();
            boolean exists = have != null
                    && have.foreignKeys().stream().anyMatch(h -> h.name().equals(fk.name()));
            if (referenced == null || p == null || exists || p.allowsKeyOn(fk.referencedColumns())) {
                kept.add(fk);
            } else {
                context.script.warn("Left out foreign key " + fk.name() + " " + fk.columns() + " of "
                        + want.qualifiedName() + ": it references " + fk.referencedColumns() + " of "
                        + referenced.qualifiedName() + ", which is " + describe(p)
                        + ", and PostgreSQL allows a key there only with every partition column "
                        + p.keyColumns() + ", so no key matches " + fk.referencedColumns()
                        + " (SQLSTATE 42830). Reference the partition columns as well, or write the constraint"
                        + " by hand once the referenced table has a key it can use.");
            }
        }
        return kept.size() == want.foreignKeys().size()
                ? want
                : new Table(
                        want.schema(),
                        want.name(),
                        want.columns(),
                        want.primaryKey(),
                        kept,
                        want.uniqueConstraints(),
                        want.checkConstraints(),
                        want.exclusionConstraints(),
                        want.indexes(),
                        want.comment(),
                        want.partitioning(),
                        want.unlogged(),
                        want.constraintComments(),
                        want.indexComments());
    }

    /**
     * The partitions of a partitioned table that stays, where both sides declare them with the same key (SQL files, a
     * program's DDL, a database): a partition declared and missing is created, one no longer declared is dropped
     * with its rows (a hazard), and one whose bounds differ is left as it is, with a warning, since its rows would
     * have to move. A partition partitioned in turn by the same key on both sides has its own partitions compared
     * the same way, at every level.
     */
    private void comparePartitions(Table have, Partitioning live, Partitioning declared) {
        comparePartitions(
                have.qualifiedName(),
                context.ops.name(have),
                have.qualifiedName().toString(),
                live,
                declared);
    }

    /**
     * The partitions of {@code parent} ({@code shown} in messages), a partitioned table or a partition of {@code
     * table} partitioned in turn, as {@link #comparePartitions(Table, Partitioning, Partitioning)} compares them.
     */
    private void comparePartitions(
            ObjectName table,
            dev.migrate.op.QualifiedName parent,
            String shown,
            Partitioning live,
            Partitioning declared) {
        for (Partition wanted : declared.partitions()) {
            Partition existing = partition(live, wanted.name());
            if (existing == null) {
                List<TableOp.CreatePartition> creates = new ArrayList<>();
                addCreates(
                        parent,
                        new Partitioning(
                                declared.key(), declared.keyColumns(), declared.keyHasExpressions(), List.of(wanted)),
                        creates);
                context.script.table(
                        table,
                        Part.ADD_CONSTRAINT_OR_INDEX,
                        new Change(
                                Description.added("partition " + wanted.name() + " of " + shown),
                                List.copyOf(creates),
                                List.of()));
                continue;
            }
            Partitioning liveBelow = existing.partitioning();
            Partitioning declaredBelow = wanted.partitioning();
            boolean sameBelow = liveBelow == null
                    ? declaredBelow == null
                    : declaredBelow != null && liveBelow.key().equals(declaredBelow.key());
            if (!existing.bound().equals(wanted.bound()) || !sameBelow) {
                context.script.warn("Partition " + wanted.name() + " of " + shown + " kept: it is "
                        + existing.bound() + (liveBelow == null ? "" : ", " + describe(liveBelow))
                        + " in the database and declared " + wanted.bound()
                        + (declaredBelow == null ? "" : ", " + describe(declaredBelow))
                        + "; new bounds or a new partitioning move rows, which a migration written by hand does"
                        + " (DETACH PARTITION, a new partition, INSERT ... SELECT), so migrations leave it as it is.");
            } else if (liveBelow != null && declaredBelow != null) {
                comparePartitions(
                        table,
                        context.ops.name(existing.schema(), existing.name()),
                        existing.qualifiedName().toString(),
                        liveBelow,
                        declaredBelow);
            }
        }
        for (Partition gone : live.partitions()) {
            if (partition(declared, gone.name()) == null) {
                List<TableOp.CreatePartition> creates = new ArrayList<>();
                addCreates(
                        parent,
                        new Partitioning(live.key(), live.keyColumns(), live.keyHasExpressions(), List.of(gone)),
                        creates);
                // its own partitions first, each with what builds it again: the downgrade restores every level
                List<Op> drops = new ArrayList<>();
                for (int k = creates.size() - 1; k >= 0; k--) {
                    drops.add(new TableOp.DropPartition(creates.get(k).partition(), creates.get(k)));
                }
                String subject = "partition " + gone.name() + " of " + shown;
                context.script.table(
                        table,
                        Part.DROP_COLUMN,
                        new Change(
                                Description.removed(subject),
                                List.copyOf(drops),
                                Hazards.drop(subject, "drops partition " + gone.name() + " and its rows")));
            }
        }
    }

    private static @Nullable Partition partition(Partitioning p, String name) {
        return p.partitions().stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The partitions of a table to create, parents before their own partitions; none for a plain table. */
    List<TableOp.CreatePartition> createPartitions(Table table) {
        List<TableOp.CreatePartition> ops = new ArrayList<>();
        if (table.partitioning() != null) {
            addCreates(context.ops.name(table), table.partitioning(), ops);
        }
        return ops;
    }

    private void addCreates(dev.migrate.op.QualifiedName parent, Partitioning p, List<TableOp.CreatePartition> ops) {
        for (Partition partition : p.partitions()) {
            TableOp.CreatePartition create = new TableOp.CreatePartition(
                    context.ops.name(partition.schema(), partition.name()),
                    parent,
                    partition.bound(),
                    partition.partitioning() == null
                            ? null
                            : partition.partitioning().key());
            ops.add(create);
            if (partition.partitioning() != null) {
                addCreates(create.partition(), partition.partitioning(), ops);
            }
        }
    }

    /** {@code partitioned by range (created_time), 12 partitions}, as {@code check} names it. */
    static String describe(Partitioning p) {
        int direct = p.partitions().size();
        long nested =
                p.partitions().stream().filter(x -> x.partitioning() != null).count();
        String text = "partitioned by " + p.strategy() + " " + p.keyList() + ", " + direct + " partition"
                + (direct == 1 ? "" : "s");
        if (nested > 0) {
            text += " (" + nested + " of them partitioned in turn, " + p.partitionCount() + " at all levels)";
        }
        long default_ =
                p.partitions().stream().filter(x -> x.bound().equals("DEFAULT")).count();
        return default_ > 0 ? text + " with a default partition" : text;
    }

    private void leftOut(String what, Table have, Partitioning p, String stays) {
        String why = p.keyHasExpressions()
                ? "PostgreSQL allows no primary key or unique constraint on a table partitioned by an expression" + " ("
                        + p.key() + ")"
                : "PostgreSQL refuses a primary key or unique constraint on a partitioned table unless it"
                        + " includes every partition column " + p.keyColumns();
        context.script.warn("Left out " + what + " of " + have.qualifiedName() + ": the table is " + describe(p)
                + ", and " + why + " (SQLSTATE 0A000)." + (stays.isEmpty() ? "" : " " + stays + ".")
                + " Add the partition columns to the entity's key, or write the key by hand with them.");
    }

    /** Whether {@code liveColumns} are {@code wanted} plus partition columns only. */
    private static boolean widens(List<String> liveColumns, List<String> wanted, Partitioning p) {
        Set<String> extra = new HashSet<>(liveColumns);
        if (!extra.containsAll(wanted)) {
            return false;
        }
        wanted.forEach(extra::remove);
        return p.keyColumns().containsAll(extra) && p.allowsKeyOn(liveColumns);
    }

    /** The columns of an index made of plain columns only, or {@code null} when a key is an expression. */
    private static @Nullable List<String> columnsOf(Index i) {
        List<String> columns = new ArrayList<>();
        for (String key : i.keys()) {
            if (!(ModelOps.indexKey(key) instanceof IndexKey.Column c)) {
                return null;
            }
            columns.add(c.name());
        }
        return columns;
    }
}
