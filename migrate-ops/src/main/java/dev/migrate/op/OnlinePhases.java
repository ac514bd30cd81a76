package dev.migrate.op;

import java.util.List;

/**
 * The phases of one kind of {@link OnlineChange}, as ordinary operations, one file per kind. Every operation
 * of a start can run again after an interruption (it finds its work done and leaves it), so a cut expand
 * resumes where it stopped; a complete runs in one transaction, so the contract happens whole or not at all.
 */
sealed interface OnlinePhases permits AlterColumnPhases, DropColumnPhases, RenamePhases {
    /** The expand phase, for the revision whose schema of views marks the new application's writes. */
    List<Op> start(String revision);

    /** The contract phase. */
    List<Op> complete();

    /** Undoes {@link #start} while the revision is in progress. */
    List<Op> rollback();

    /** The change made at once, as a plain migration makes it: for a downgrade, and for comparison. */
    List<Op> whole();

    static OnlinePhases of(OnlineChange change) {
        if (change instanceof OnlineChange.AlterColumn a) {
            return new AlterColumnPhases(a);
        }
        if (change instanceof OnlineChange.DropColumn d) {
            return new DropColumnPhases(d);
        }
        if (change instanceof OnlineChange.RenameColumn r) {
            return RenamePhases.of(r);
        }
        return RenamePhases.of((OnlineChange.RenameTable) change);
    }
}
