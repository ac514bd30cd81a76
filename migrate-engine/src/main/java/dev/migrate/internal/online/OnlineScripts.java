package dev.migrate.internal.online;

import dev.migrate.op.OnlineChange;
import dev.migrate.text.Fixes;
import java.util.List;

/** What the online phases read of the migrations' upgrades, as the run recorded them. */
public interface OnlineScripts {
    /** Whether the upgrade of {@code revision} makes online changes: it is an expand phase. */
    boolean online(String revision);

    /** The online changes of the upgrade of {@code revision}, in order. */
    List<OnlineChange> changes(String revision);

    /** Whether the upgrade of {@code revision} asks for online changes alone: no plain operation, no JDBC code. */
    boolean onlyOnlineChanges(String revision);

    /** The statements that undo the expand of {@code revision} while it is in progress. */
    List<String> rollback(String revision, Fixes fixes);

    /**
     * The statements of the contract phase of {@code revision}, the schemas of views of the revisions
     * {@code completedBefore} going first.
     */
    List<String> complete(String revision, List<String> completedBefore);
}
