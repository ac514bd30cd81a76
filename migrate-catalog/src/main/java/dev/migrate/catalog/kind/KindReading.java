package dev.migrate.catalog.kind;

import dev.migrate.catalog.read.InSchemas;
import dev.migrate.op.ObjectKind;

/**
 * How the catalog lists one kind of object: a {@code SELECT} of {@code classid}, {@code objid} (the
 * object's address in {@code pg_depend}; {@code 0} for a state of a table, which has none), {@code
 * identity} (how {@code DROP} names it), {@code sql} (the statements that create it) and {@code relid}
 * (the table it belongs to, or {@code 0}), for the schemas in {@code s(nspname)}, whose rows of a catalog it names
 * {@code {pg_class c in s}} ({@link InSchemas#expand}: through an index, never by the catalog's schema column). A
 * new kind is one implementation, added to {@link Kinds#ALL}, and one round-trip test.
 */
public interface KindReading {
    ObjectKind kind();

    /** The {@code SELECT}, for a server of this {@code server_version_num}. */
    String select(int serverVersion);

    /**
     * A condition over {@code s(nspname)}, cheap to plan and to run, that holds whenever {@link #select} may find a
     * row (it may hold when it finds none). A read asks it of every kind first and plans only the {@code SELECT}s
     * of the kinds it holds for: planning every kind's {@code SELECT} costs more than running them, on a database
     * that has none of most kinds. {@code true} reads the kind always.
     */
    default String presence() {
        return "true";
    }

    /** Whether {@code from} (a catalog with its alias) has a row where {@code where} holds, in any schema. */
    static String exists(String from, String where) {
        return "EXISTS (SELECT 1 FROM " + from + " WHERE " + where + ")";
    }

    /**
     * Whether {@code catalog} (as {@code x}) has a row where {@code where} holds in the schemas of {@code s},
     * reached as {@link InSchemas} says.
     */
    static String existsIn(String catalog, String where) {
        return "EXISTS (SELECT 1 FROM {" + catalog + " x in s} WHERE " + where + ")";
    }

    /**
     * The statement that comments on an object, or nothing: {@code COMMENT ON <what> <name> IS ...}
     * after a new line, when {@code description} is not null.
     */
    static String comment(String what, String name, String description) {
        return "CASE WHEN " + description + " IS NULL THEN '' ELSE format(E'\\nCOMMENT ON " + what + " %s IS %L;', "
                + name + ", " + description + ") END";
    }
}
