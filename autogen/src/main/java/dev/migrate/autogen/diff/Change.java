package dev.migrate.autogen.diff;

import dev.migrate.op.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * One difference and the ops that remove it: usually one op; two for an object replaced in place
 * (a constraint dropped and added again); none when it cannot be migrated automatically.
 *
 * @param description what the change does, in parts
 * @param ops the ops of the upgrade, in order
 * @param notes for the reader of the written migration (hazards and guesses), or why there is no op
 * @param undo the ops that undo this change when they are not each op's reverse, last op first (a
 *     unique constraint built on an index: dropping the constraint drops its index too); {@code null}
 *     when the reverse of each op undoes it
 * @param aheadPart whether these are the first ops of a change split in two ({@link #splitAfter}),
 *     which run earlier than the rest; the rest carries the description and the notes
 */
public record Change(Description description, List<Op> ops, List<String> notes, List<Op> undo, boolean aheadPart) {
    public Change {
        ops = List.copyOf(ops);
        notes = List.copyOf(notes);
        undo = undo == null ? null : List.copyOf(undo);
    }

    public Change(Description description, List<Op> ops, List<String> notes, List<Op> undo) {
        this(description, ops, notes, undo, false);
    }

    public Change(Description description, List<Op> ops, List<String> notes) {
        this(description, ops, notes, null);
    }

    /**
     * This change as two, for ops that must not run together: its first {@code count} ops (the
     * part ahead, without notes, not described again), then the rest with the description and notes.
     */
    List<Change> splitAfter(int count) {
        if (undo != null) {
            throw new IllegalStateException("A change with its own undo cannot be split: " + description);
        }
        return List.of(
                new Change(description, ops.subList(0, count), List.of(), null, true),
                new Change(description, ops.subList(count, ops.size()), notes, null, false));
    }

    static Change of(Description description, Op op, String... notes) {
        return new Change(description, List.of(op), List.of(notes));
    }

    /**
     * The change that undoes this one: each op's reverse, last first. Every op the diff writes
     * carries what its reverse needs, except an added enum label, which PostgreSQL cannot remove: the
     * undo leaves it in place. A change whose ops have no reverse of their own says how it is undone
     * ({@link #undo()}). The hazards of the upgrade do not apply, so the notes are left behind.
     */
    public Change reverse() {
        if (undo != null) {
            return new Change(description, undo, List.of(), null, aheadPart);
        }
        List<Op> reversed = new ArrayList<>();
        for (int i = ops.size() - 1; i >= 0; i--) {
            Op op = ops.get(i);
            if (op instanceof Op.AddEnumValue || op instanceof Op.RequireNoRows) {
                // PostgreSQL cannot drop an enum label (the upgrade's note tells the reader it stays);
                // a guard changes nothing, so there is nothing to undo
                continue;
            }
            reversed.add(op.reverse().orElseThrow(() -> new IllegalStateException("No reverse for " + op)));
        }
        return new Change(description, reversed, List.of(), null, aheadPart);
    }

    /** Whether the undo leaves part of this change in place (an added enum label). */
    public boolean staysOnDowngrade() {
        return ops.stream().anyMatch(op -> op instanceof Op.AddEnumValue);
    }
}
