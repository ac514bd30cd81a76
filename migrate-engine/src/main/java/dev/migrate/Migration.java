package dev.migrate;

/**
 * One step of the schema's history. Annotate the class with {@link Revision}.
 *
 * <p>Both methods describe changes through {@link Operations}; the calls are recorded in order and
 * then run (or printed, in offline mode), so the same class serves a live database and a SQL script.
 */
public interface Migration {
    /** Moves the schema forward to this revision. */
    void upgrade(Operations op);

    /** Moves the schema back to this revision's parents. */
    void downgrade(Operations op);
}
