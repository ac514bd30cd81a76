package dev.migrate.op;

import java.util.Optional;

/**
 * One schema change. The same immutable values are rendered to SQL by the runtime, produced by
 * autogenerate from a schema diff, and written back as Java source; {@link #reverse()} gives the
 * change that undoes this one when it can be known.
 *
 * <p>The records are grouped by what they change, each family a sealed interface of its own file
 * ({@code TableOp.CreateTable}, {@code ColumnOp.AddColumn},
 * {@code IndexOp.CreateIndex}); a switch over {@code Op} that names every record stays exhaustive.
 */
public sealed interface Op
        permits SchemaOp,
                TableOp,
                ColumnOp,
                ConstraintOp,
                IndexOp,
                EnumOp,
                SequenceOp,
                ObjectOp,
                OnlineOp,
                CitusOp,
                SqlOp,
                DataOp {
    <R> R accept(OpVisitor<R> visitor);

    /** The change that undoes this one, or empty when it cannot be derived (the downgrade must be written by hand). */
    default Optional<Op> reverse() {
        return Optional.empty();
    }
}
