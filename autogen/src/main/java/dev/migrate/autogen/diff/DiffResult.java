package dev.migrate.autogen.diff;

import dev.migrate.op.Op;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The differences between the database and the entities, in the order a migration applies them.
 *
 * @param warnings things the user must know that are not changes (for example a rename written as drop and add)
 */
public record DiffResult(List<Change> changes, List<String> warnings) {
    public DiffResult {
        changes = changes.stream().sorted(Comparator.comparing(Change::phase)).toList();
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The operations of {@code upgrade}, in order. */
    public List<Op> upgrade() {
        return changes.stream().flatMap(c -> c.ops().stream()).toList();
    }

    /**
     * The operations of {@code downgrade}: each upgrade operation's reverse, last first. Every
     * operation the diff writes carries what its reverse needs, except an added enum label, which
     * PostgreSQL cannot remove: the downgrade leaves it in place.
     */
    public List<Op> downgrade() {
        List<Op> ops = new ArrayList<>();
        List<Op> upgrade = upgrade();
        for (int i = upgrade.size() - 1; i >= 0; i--) {
            Op op = upgrade.get(i);
            if (op instanceof Op.AddEnumValue) {
                // PostgreSQL cannot drop an enum label; the change's note tells the reader it stays
                continue;
            }
            ops.add(op.reverse().orElseThrow(() -> new IllegalStateException("No reverse for " + op)));
        }
        return ops;
    }

    /** The description of every change, for the log and for {@code check}. */
    public List<String> descriptions() {
        return changes.stream().map(Change::description).toList();
    }
}
