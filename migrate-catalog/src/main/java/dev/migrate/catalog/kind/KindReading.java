package dev.migrate.catalog.kind;

import dev.migrate.op.ObjectKind;

/**
 * How the catalog lists one kind of object: a {@code SELECT} of {@code classid}, {@code objid} (the
 * object's address in {@code pg_depend}; {@code 0} for a state of a table, which has none), {@code
 * identity} (how {@code DROP} names it), {@code sql} (the statements that create it) and {@code relid}
 * (the table it belongs to, or {@code 0}), for the schemas in {@code s(nspname)}. A new kind is one
 * implementation, added to {@link Kinds#ALL}, and one round-trip test.
 */
public interface KindReading {
    ObjectKind kind();

    /** The {@code SELECT}, for a server of this {@code server_version_num}. */
    String select(int serverVersion);

    /**
     * The statement that comments on an object, or nothing: {@code COMMENT ON <what> <name> IS ...}
     * after a new line, when {@code description} is not null.
     */
    static String comment(String what, String name, String description) {
        return "CASE WHEN " + description + " IS NULL THEN '' ELSE format(E'\\nCOMMENT ON " + what + " %s IS %L;', "
                + name + ", " + description + ") END";
    }
}
