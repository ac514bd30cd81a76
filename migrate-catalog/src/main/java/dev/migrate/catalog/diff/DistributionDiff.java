package dev.migrate.catalog.diff;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.DistributedTable;
import dev.migrate.catalog.Distribution;
import dev.migrate.catalog.ObjectName;
import dev.migrate.op.CitusOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Compares how two schemas spread their tables over a Citus cluster ({@link Distribution}) and gives the
 * changes that make the one into the other, in the order Citus takes them: what is distributed otherwise is
 * undistributed first; then reference tables are made (distributed tables may point foreign keys at them),
 * then each colocation group's leader (the table the others are colocated with) is distributed in a group of
 * its own, with its shard count, and the tables colocated with it after it; the distributed schemas last. A
 * table the other side does not have at all is the table diff's: its drop takes its distribution with it.
 *
 * <p>Citus keeps a group's members, not which of them led it: two groups of the same tables are the same
 * group whichever table each side names as leader.
 */
public final class DistributionDiff {
    private DistributionDiff() {}

    /**
     * The changes that make {@code live}'s distribution into {@code desired}'s.
     *
     * @param defaultSchema the schema whose names the ops write unqualified
     */
    public static List<Change> changes(DatabaseSchema live, DatabaseSchema desired, String defaultSchema) {
        Distribution want = desired.distribution();
        Distribution have = ledAs(live.distribution(), want);
        List<Change> undistributed = new ArrayList<>();
        List<Change> references = new ArrayList<>();
        List<Change> firsts = new ArrayList<>();
        List<Change> colocated = new ArrayList<>();
        for (DistributedTable had : have.tables().values()) {
            DistributedTable wanted = want.tables().get(had.table());
            if (wanted == null && desired.tables().containsKey(had.table())) {
                undistributed.add(new Change(
                        Description.changed("table " + had.table(), describe(had) + " -> " + describe(null)),
                        List.of(new CitusOp.UndistributeTable(
                                name(had.table(), defaultSchema), op(had, defaultSchema))),
                        List.of()));
            }
        }
        for (String schema : have.schemas()) {
            if (!want.schemas().contains(schema)) {
                undistributed.add(new Change(
                        Description.changed("schema " + schema, "distributed -> not distributed"),
                        List.of(new CitusOp.UndistributeSchema(schema)),
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
                ops.add(new CitusOp.UndistributeTable(name(had.table(), defaultSchema), op(had, defaultSchema)));
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
                        List.of(new CitusOp.DistributeSchema(schema)),
                        List.of()));
            }
        }
        return changes;
    }

    /**
     * {@code have} with each of its colocation groups led by the table {@code want} leads it by, where that
     * table is one of the group's: the same group, said as {@code want} says it, so that only a table that
     * must move is a difference. Where {@code want} splits the group, by the leader of the most of its tables
     * (of as many, {@code have}'s own leader, else the first by name); where it leads the group by none of
     * its tables, as {@code have} leads it.
     */
    static Distribution ledAs(Distribution have, Distribution want) {
        Map<ObjectName, List<ObjectName>> groups = new TreeMap<>();
        for (DistributedTable t : have.tables().values()) {
            if (!t.isReference()) {
                groups.computeIfAbsent(leaderOf(t), k -> new ArrayList<>()).add(t.table());
            }
        }
        Map<ObjectName, ObjectName> leaders = new HashMap<>();
        groups.forEach((had, members) -> {
            ObjectName leader = had;
            long most = 0;
            for (ObjectName candidate : members) {
                DistributedTable wanted = want.tables().get(candidate);
                if (wanted == null || wanted.isReference() || wanted.colocatedWith() != null) {
                    continue;
                }
                long led = members.stream()
                        .filter(m -> {
                            DistributedTable w = want.tables().get(m);
                            return w != null && !w.isReference() && candidate.equals(leaderOf(w));
                        })
                        .count();
                if (led > most || (led == most && candidate.equals(had))) {
                    leader = candidate;
                    most = led;
                }
            }
            for (ObjectName member : members) {
                leaders.put(member, leader);
            }
        });
        List<DistributedTable> led = new ArrayList<>();
        for (DistributedTable t : have.tables().values()) {
            ObjectName leader = leaders.get(t.table());
            led.add(
                    leader == null
                            ? t
                            : new DistributedTable(
                                    t.table(), t.column(), leader.equals(t.table()) ? null : leader, t.shardCount()));
        }
        return Distribution.of(led, have.schemas(), have.unmodelled());
    }

    private static ObjectName leaderOf(DistributedTable t) {
        ObjectName with = t.colocatedWith();
        return with == null ? t.table() : with;
    }

    /** As a difference says it: {@code distributed by customer_id in 32 shards}, {@code not distributed}. */
    static String describe(@Nullable DistributedTable distribution) {
        return distribution == null ? "not distributed" : distribution.describe();
    }

    /**
     * The op that distributes a table as {@code t} says: a reference table; the leader of a colocation group
     * in a group of its own, with its shard count; another colocated with that leader.
     */
    static CitusOp.TableDistribution op(DistributedTable t, String defaultSchema) {
        QualifiedName table = name(t.table(), defaultSchema);
        if (t.isReference()) {
            return new CitusOp.CreateReferenceTable(table);
        }
        String column = Objects.requireNonNull(t.column());
        ObjectName with = t.colocatedWith();
        return with == null
                ? new CitusOp.DistributeTable(table, column, CitusOp.DistributeTable.NONE, t.shardCount())
                : new CitusOp.DistributeTable(
                        table, column, name(with, defaultSchema).text(), null);
    }

    private static QualifiedName name(ObjectName table, String defaultSchema) {
        return new QualifiedName(defaultSchema.equals(table.schema()) ? null : table.schema(), table.name());
    }
}
