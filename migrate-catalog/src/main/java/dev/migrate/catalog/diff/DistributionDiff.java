package dev.migrate.catalog.diff;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.DistributedTable;
import dev.migrate.catalog.Distribution;
import dev.migrate.catalog.ObjectName;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Compares how two schemas spread their tables over a Citus cluster ({@link Distribution}) and gives the
 * changes that make the one into the other, in the order Citus takes them: what is distributed otherwise is
 * undistributed first; then reference tables are made (distributed tables may point foreign keys at them),
 * then each colocation group's first table is distributed in a group of its own, with its shard count, and
 * the tables colocated with it after it; the distributed schemas last. A table the other side does not have
 * at all is the table diff's: its drop takes its distribution with it.
 */
public final class DistributionDiff {
    private DistributionDiff() {}

    /**
     * The changes that make {@code live}'s distribution into {@code desired}'s.
     *
     * @param defaultSchema the schema whose names the ops write unqualified
     */
    public static List<Change> changes(DatabaseSchema live, DatabaseSchema desired, String defaultSchema) {
        Distribution have = live.distribution();
        Distribution want = desired.distribution();
        List<Change> undistributed = new ArrayList<>();
        List<Change> references = new ArrayList<>();
        List<Change> firsts = new ArrayList<>();
        List<Change> colocated = new ArrayList<>();
        for (DistributedTable had : have.tables().values()) {
            DistributedTable wanted = want.tables().get(had.table());
            if (wanted == null && desired.tables().containsKey(had.table())) {
                undistributed.add(new Change(
                        Description.changed("table " + had.table(), describe(had) + " -> " + describe(null)),
                        List.of(new Op.UndistributeTable(name(had.table(), defaultSchema), op(had, defaultSchema))),
                        List.of()));
            }
        }
        for (String schema : have.schemas()) {
            if (!want.schemas().contains(schema)) {
                undistributed.add(new Change(
                        Description.changed("schema " + schema, "distributed -> not distributed"),
                        List.of(new Op.UndistributeSchema(schema)),
                        List.of()));
            }
        }
        for (DistributedTable wanted : want.tables().values()) {
            DistributedTable had = have.tables().get(wanted.table());
            if (wanted.equals(had)) {
                continue;
            }
            List<Op> ops = new ArrayList<>();
            if (had != null) {
                // distributed otherwise: undistributed, then distributed anew
                ops.add(new Op.UndistributeTable(name(had.table(), defaultSchema), op(had, defaultSchema)));
            }
            ops.add(op(wanted, defaultSchema));
            Change change = new Change(
                    Description.changed("table " + wanted.table(), describe(had) + " -> " + describe(wanted)),
                    ops,
                    List.of());
            if (wanted.isReference()) {
                references.add(change);
            } else if (wanted.colocatedWith() == null) {
                firsts.add(change);
            } else {
                colocated.add(change);
            }
        }
        List<Change> changes = new ArrayList<>(undistributed);
        changes.addAll(references);
        changes.addAll(firsts);
        changes.addAll(colocated);
        for (String schema : want.schemas()) {
            if (!have.schemas().contains(schema)) {
                changes.add(new Change(
                        Description.changed("schema " + schema, "not distributed -> distributed"),
                        List.of(new Op.DistributeSchema(schema)),
                        List.of()));
            }
        }
        return changes;
    }

    /** As a difference says it: {@code distributed by customer_id in 32 shards}, {@code not distributed}. */
    static String describe(@Nullable DistributedTable distribution) {
        return distribution == null ? "not distributed" : distribution.describe();
    }

    /**
     * The op that distributes a table as {@code t} says: a reference table; the first table of a colocation
     * group in a group of its own, with its shard count; another colocated with that first table.
     */
    static Op.TableDistribution op(DistributedTable t, String defaultSchema) {
        QualifiedName table = name(t.table(), defaultSchema);
        if (t.isReference()) {
            return new Op.CreateReferenceTable(table);
        }
        String column = Objects.requireNonNull(t.column());
        ObjectName with = t.colocatedWith();
        return with == null
                ? new Op.DistributeTable(table, column, Op.DistributeTable.NONE, t.shardCount())
                : new Op.DistributeTable(
                        table, column, name(with, defaultSchema).text(), null);
    }

    private static QualifiedName name(ObjectName table, String defaultSchema) {
        return new QualifiedName(defaultSchema.equals(table.schema()) ? null : table.schema(), table.name());
    }
}
