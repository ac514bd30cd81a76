package dev.migrate.autogen.diff;

import dev.migrate.autogen.schema.DatabaseSchema;
import dev.migrate.autogen.schema.Sequence;
import dev.migrate.op.Op;

/** Standalone sequences added, removed or changed; a sequence a column owns goes with its table. */
final class SequenceDiff {
    private final DiffContext context;

    SequenceDiff(DiffContext context) {
        this.context = context;
    }

    void compare(DatabaseSchema live, DatabaseSchema desired) {
        for (Sequence want : desired.sequences().values()) {
            Sequence have = live.sequences().get(want.qualifiedName());
            if (have == null) {
                context.script.beforeTables(Change.of(
                        Description.added("sequence " + want.qualifiedName()), context.ops.createSequence(want)));
            } else {
                alter(have, want);
            }
        }
        for (Sequence have : live.sequences().values()) {
            if (!desired.sequences().containsKey(have.qualifiedName()) && have.ownedBy() == null) {
                Op.CreateSequence definition = context.ops.createSequence(have);
                context.script.afterTables(Change.of(
                        Description.removed("sequence " + have.qualifiedName()),
                        new Op.DropSequence(definition.sequence(), definition)));
            }
        }
    }

    /**
     * Options that differ are altered in place: never a drop and re-create, which would restart the
     * sequence under rows that already hold its values. START is left alone on a sequence in use,
     * since it only tells what a RESTART would go back to.
     */
    private void alter(Sequence have, Sequence want) {
        SequenceDelta delta = new SequenceDelta(have.inUse())
                .compare("type", have.dataType(), want.dataType())
                .compare("increment", have.increment(), want.increment())
                .compare("minvalue", have.min(), want.min())
                .compare("maxvalue", have.max(), want.max())
                .compare("start", have.start(), want.start())
                .compare("cache", have.cache(), want.cache())
                .compare("cycle", have.cycle(), want.cycle());
        delta.ignoredStart().ifPresent(note -> context.script.warn("Sequence " + want.qualifiedName() + ": " + note));
        if (!delta.isEmpty()) {
            context.script.beforeTables(Change.of(
                    Description.changed("sequence " + want.qualifiedName(), delta.description()),
                    new Op.AlterSequence(context.ops.name(want.schema(), want.name()), delta.to(), delta.from())));
        }
    }
}
