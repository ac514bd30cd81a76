package dev.migrate.autogen.diff;

import dev.migrate.op.Op;
import java.util.List;

/**
 * One detected difference: what the log says about it, the operations that make the database match
 * the entities, and notes for the reader of the written migration (hazards and guesses).
 *
 * @param ops empty when the difference cannot be migrated automatically; the notes then say why
 */
public record Change(Phase phase, String description, List<Op> ops, List<String> notes) {
    public Change {
        ops = List.copyOf(ops);
        notes = List.copyOf(notes);
    }

    static Change of(Phase phase, String description, Op op, String... notes) {
        return new Change(phase, description, List.of(op), List.of(notes));
    }

    /**
     * Where a change goes in the migration: what other objects depend on is dropped first and
     * created first, what depends on them comes after.
     */
    public enum Phase {
        CREATE_SCHEMA,
        DROP_FOREIGN_KEY,
        DROP_INDEX_OR_CONSTRAINT,
        RENAME,
        CREATE_ENUM,
        CREATE_SEQUENCE,
        CREATE_TABLE,
        ALTER_TABLE,
        ADD_INDEX_OR_CONSTRAINT,
        ADD_FOREIGN_KEY,
        /** What the entity DDL creates beyond tables: views over them, casts to their enum types. */
        CREATE_VIEW_OR_CAST,
        DROP_COLUMN,
        DROP_TABLE,
        DROP_SEQUENCE,
        DROP_ENUM,
        COMMENT,
        MANUAL
    }
}
