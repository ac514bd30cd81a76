package dev.migrate.catalog.diff;

import dev.migrate.catalog.ObjectName;
import dev.migrate.op.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The changes of one table, in the order they run (Alembic's {@code ModifyTableOps}), or of objects
 * outside tables (schemas, enum types, sequences, views).
 *
 * @param table the table, as the database will call it after the group ran; {@code null} for
 *     objects outside tables
 */
public record OpGroup(@Nullable ObjectName table, List<Change> changes) {
    public OpGroup {
        changes = List.copyOf(changes);
    }

    public static OpGroup outsideTables(List<Change> changes) {
        return new OpGroup(null, changes);
    }

    public boolean isTable() {
        return table != null;
    }

    /** The group that undoes this one: each change undone, last first. */
    public OpGroup reverse() {
        List<Change> reversed = new ArrayList<>();
        changes.forEach(c -> reversed.add(c.reverse()));
        Collections.reverse(reversed);
        return new OpGroup(table, reversed);
    }

    public List<Op> ops() {
        return changes.stream().flatMap(c -> c.ops().stream()).toList();
    }
}
