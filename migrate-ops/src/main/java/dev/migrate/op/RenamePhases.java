package dev.migrate.op;

import java.util.List;

/**
 * An online {@link OnlineChange.RenameColumn} or {@link OnlineChange.RenameTable}: nothing in the tables
 * until complete; the schema of views alone shows the new name meanwhile, so there is nothing to undo.
 */
record RenamePhases(Op rename) implements OnlinePhases {
    static RenamePhases of(OnlineChange.RenameColumn r) {
        return new RenamePhases(new ColumnOp.RenameColumn(r.table(), r.column(), r.newName()));
    }

    static RenamePhases of(OnlineChange.RenameTable r) {
        return new RenamePhases(new TableOp.RenameTable(r.table(), r.newName()));
    }

    @Override
    public List<Op> start(String revision) {
        return List.of();
    }

    @Override
    public List<Op> complete() {
        return whole();
    }

    @Override
    public List<Op> rollback() {
        return List.of();
    }

    @Override
    public List<Op> whole() {
        return List.of(rename);
    }
}
