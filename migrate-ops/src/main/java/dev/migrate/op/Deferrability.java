package dev.migrate.op;

/**
 * When a constraint is checked: after each statement and never later ({@code NOT DEFERRABLE}, PostgreSQL's
 * default), after each statement unless a transaction defers it with {@code SET CONSTRAINTS}, or at commit.
 */
public enum Deferrability {
    NOT_DEFERRABLE("NOT DEFERRABLE"),
    INITIALLY_IMMEDIATE("DEFERRABLE INITIALLY IMMEDIATE"),
    INITIALLY_DEFERRED("DEFERRABLE INITIALLY DEFERRED");

    private final String sql;

    Deferrability(String sql) {
        this.sql = sql;
    }

    /** The deferrability of a constraint that says whether it is deferrable and, if so, initially deferred. */
    public static Deferrability of(boolean deferrable, boolean initiallyDeferred) {
        return !deferrable ? NOT_DEFERRABLE : initiallyDeferred ? INITIALLY_DEFERRED : INITIALLY_IMMEDIATE;
    }

    public boolean deferrable() {
        return this != NOT_DEFERRABLE;
    }

    public boolean initiallyDeferred() {
        return this == INITIALLY_DEFERRED;
    }

    /** As {@code ALTER CONSTRAINT} and a constraint's definition write it, both words always. */
    public String sql() {
        return sql;
    }
}
