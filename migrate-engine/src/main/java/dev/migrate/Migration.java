package dev.migrate;

/**
 * One step of the schema's history. Annotate the class with {@link Revision}.
 *
 * <pre>{@code
 * @Revision(id = "20261122_101500", revises = "20261120_093000", message = "add status column")
 * public class V20261122_101500_AddStatusColumn implements Migration {
 *     public void upgrade(Operations op) { op.addColumn("agents", column("status", "varchar(50)")); }
 *     public void downgrade(Operations op) { op.dropColumn("agents", "status"); }
 * }
 * }</pre>
 *
 * <p>Both methods describe changes through {@link Operations}; the calls are recorded in order and
 * then run (or printed, in offline mode), so the same class serves a live database and a SQL script.
 */
public interface Migration {
    /**
     * Moves the schema forward to this revision: {@code op.addColumn("agents", column("status", "varchar(50)"))}.
     *
     * @param op records the changes, in order
     */
    void upgrade(Operations op);

    /**
     * Moves the schema back to this revision's parents, undoing {@link #upgrade}: {@code op.dropColumn("agents", "status")}.
     *
     * @param op records the changes, in order
     */
    void downgrade(Operations op);
}
