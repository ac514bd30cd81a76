package dev.migrate.catalog.diff;

import dev.migrate.lint.LintRule;
import dev.migrate.op.EnumOp;
import dev.migrate.op.Op;
import dev.migrate.op.SqlOp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One difference and the ops that remove it: usually one op; two for an object replaced in place
 * (a constraint dropped and added again); none when it cannot be migrated automatically.
 *
 * @param description what the change does, in parts
 * @param ops the ops of the upgrade, in order
 * @param hazards the lint rules the change would break on a table that exists, which the passes over
 *     the script decide by; the writer and the log put them above the notes
 * @param notes for the reader of the written migration (other hazards, measurements and guesses), or
 *     why there is no op
 * @param undo the ops that undo this change when they are not each op's reverse, last op first (a
 *     unique constraint built on an index: dropping the constraint drops its index too); {@code null}
 *     when the reverse of each op undoes it
 * @param aheadPart whether these are the first ops of a change split in two ({@link #splitAfter}),
 *     which run earlier than the rest; the rest carries the description, the hazards and the notes
 */
public record Change(
        Description description,
        List<Op> ops,
        List<Hazard> hazards,
        List<String> notes,
        @Nullable List<Op> undo,
        boolean aheadPart) {
    public Change {
        ops = List.copyOf(ops);
        hazards = List.copyOf(hazards);
        notes = List.copyOf(notes);
        undo = undo == null ? null : List.copyOf(undo);
    }

    public Change(Description description, List<Op> ops, List<String> notes, @Nullable List<Op> undo) {
        this(description, ops, List.of(), notes, undo, false);
    }

    public Change(Description description, List<Op> ops, List<String> notes) {
        this(description, ops, notes, null);
    }

    /** A change with one hazard and no other note. */
    public Change(Description description, List<Op> ops, Hazard hazard) {
        this(description, ops, hazard, List.of());
    }

    /** A change with one hazard, and notes that follow it. */
    public Change(Description description, List<Op> ops, Hazard hazard, List<String> notes) {
        this(description, ops, List.of(hazard), notes, null, false);
    }

    /** This change with {@code newHazards} instead of its hazards. */
    public Change withHazards(List<Hazard> newHazards) {
        return new Change(description, ops, newHazards, notes, undo, aheadPart);
    }

    /** This change with {@code newNotes} instead of its notes. */
    public Change withNotes(List<String> newNotes) {
        return new Change(description, ops, hazards, newNotes, undo, aheadPart);
    }

    /** This change with each op, and each op of its undo, put through {@code form}. */
    Change withOps(UnaryOperator<Op> form) {
        return new Change(
                description,
                ops.stream().map(form).toList(),
                hazards,
                notes,
                undo == null ? null : undo.stream().map(form).toList(),
                aheadPart);
    }

    /** Whether the change breaks {@code rule}. */
    public boolean cites(LintRule rule) {
        return hazards.stream().anyMatch(h -> h.rule() == rule);
    }

    /** Whether the change breaks {@code rule} and {@code -Dmigrate.safe=true} writes that rule's lock-safe form for it. */
    public boolean hasLockSafeForm(LintRule rule) {
        return hazards.stream().anyMatch(h -> h.rule() == rule && h.lockSafeForm());
    }

    /**
     * This change as two, for ops that must not run together: its first {@code count} ops (the
     * part ahead, without hazards or notes, not described again), then the rest with the description,
     * the hazards and the notes.
     */
    List<Change> splitAfter(int count) {
        if (undo != null) {
            throw new IllegalStateException("A change with its own undo cannot be split: " + description);
        }
        return List.of(
                new Change(description, ops.subList(0, count), List.of(), List.of(), null, true),
                new Change(description, ops.subList(count, ops.size()), hazards, notes, null, false));
    }

    static Change of(Description description, Op op, String... notes) {
        return new Change(description, List.of(op), List.of(notes));
    }

    /**
     * The change that undoes this one: each op's reverse, last first. Every op the diff writes
     * carries what its reverse needs, except an added enum label, which PostgreSQL cannot remove: the
     * undo leaves it in place. A change whose ops have no reverse of their own says how it is undone
     * ({@link #undo()}). The hazards of the upgrade do not apply, so they and the notes are left behind.
     */
    public Change reverse() {
        if (undo != null) {
            return new Change(description, undo, List.of(), List.of(), null, aheadPart);
        }
        List<Op> reversed = new ArrayList<>();
        for (int i = ops.size() - 1; i >= 0; i--) {
            Op op = ops.get(i);
            if (op instanceof EnumOp.AddEnumValue || op instanceof SqlOp.RequireNoRows || op instanceof SqlOp.Guard) {
                // PostgreSQL cannot drop an enum label (the upgrade's note tells the reader it stays);
                // a guard changes nothing, so there is nothing to undo
                continue;
            }
            reversed.add(op.reverse().orElseThrow(() -> new IllegalStateException("No reverse for " + op)));
        }
        return new Change(description, reversed, List.of(), List.of(), null, aheadPart);
    }

    /** Whether the undo leaves part of this change in place (an added enum label). */
    public boolean staysOnDowngrade() {
        return ops.stream().anyMatch(op -> op instanceof EnumOp.AddEnumValue);
    }
}
