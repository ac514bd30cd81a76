package dev.migrate.op;

import java.util.ArrayList;
import java.util.List;

/**
 * An online {@link OnlineChange.DropColumn}: hidden from the new application by its schema of views, and
 * with a {@code down} expression, filled by a trigger in the rows the new application writes; dropped at
 * complete.
 */
record DropColumnPhases(OnlineChange.DropColumn d) implements OnlinePhases {
    @Override
    public List<Op> start(String revision) {
        return d.down() == null
                ? List.of()
                : List.of(new OnlineOp.SyncTrigger(d.table(), d.column(), null, null, d.down(), revision));
    }

    @Override
    public List<Op> complete() {
        List<Op> ops = new ArrayList<>();
        if (d.down() != null) {
            ops.add(new OnlineOp.DropSyncTrigger(d.table(), d.column()));
        }
        ops.addAll(whole());
        return ops;
    }

    @Override
    public List<Op> rollback() {
        return d.down() == null ? List.of() : List.of(new OnlineOp.DropSyncTrigger(d.table(), d.column()));
    }

    @Override
    public List<Op> whole() {
        return List.of(new ColumnOp.DropColumn(d.table(), d.column(), null));
    }
}
