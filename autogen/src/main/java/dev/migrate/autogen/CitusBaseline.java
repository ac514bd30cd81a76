package dev.migrate.autogen;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.Distribution;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.DistributionDiff;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.op.CitusOp;
import dev.migrate.op.Constraint;
import dev.migrate.op.ConstraintOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a baseline of a Citus coordinator adds to the tables it creates: the calls that spread them over
 * the cluster as the adopted database has them ({@code pg_dump} leaves them out), so that a cluster built
 * from the chain is distributed the same way. Citus refuses a foreign key between a distributed table and a
 * table of the coordinator, so the foreign keys that touch a distributed or reference table are added after
 * the tables are distributed: reference tables first, then each colocation group's first table, the tables
 * colocated with it, and the distributed schemas.
 */
final class CitusBaseline {
    private CitusBaseline() {}

    /**
     * {@code script}, the baseline of {@code read}'s tables, with their distribution after them and the
     * foreign keys that need it after that; what no op distributes yet is named in {@code warnings}.
     *
     * @param writtenFor the schema whose names the script writes unqualified
     */
    static MigrationScript distributed(
            MigrationScript script, DatabaseSchema read, String writtenFor, List<String> warnings) {
        Distribution distribution = read.distribution();
        for (Map.Entry<ObjectName, String> other : distribution.unmodelled().entrySet()) {
            warnings.add("Table " + other.getKey() + " is " + other.getValue() + ", which no operation makes yet: "
                    + "not written here. Distribute it by hand with op.execute(...) after the tables.");
        }
        List<Change> distributing = DistributionDiff.changes(DatabaseSchema.empty(), read, writtenFor);
        if (distributing.isEmpty()) {
            return script;
        }
        return keysLast(script, distribution, writtenFor, OpGroup.outsideTables(distributing));
    }

    /**
     * {@code script}, a comparison's, with the foreign keys it adds that touch a table {@code distribution}
     * spreads moved after the calls that distribute the tables, when it makes any: Citus refuses a foreign
     * key between a distributed table and a table of the coordinator, so both must be spread first.
     *
     * @param writtenFor the schema whose names the script writes unqualified
     */
    static MigrationScript keysAfterDistribution(MigrationScript script, Distribution distribution, String writtenFor) {
        boolean distributes = script.upgrade().stream()
                .anyMatch(op -> op instanceof CitusOp.DistributeTable || op instanceof CitusOp.CreateReferenceTable);
        if (!distributes) {
            return script;
        }
        return keysLast(script, distribution, writtenFor, null);
    }

    /**
     * {@code script} with the foreign keys that touch a table {@code distribution} spreads taken out of their
     * tables' groups and put last, after {@code before} (the distribution calls) when given; {@code script}
     * itself when there are none and nothing goes before them.
     */
    private static MigrationScript keysLast(
            MigrationScript script, Distribution distribution, String writtenFor, @Nullable OpGroup before) {
        List<Change> keys = new ArrayList<>();
        List<OpGroup> groups = new ArrayList<>();
        for (OpGroup group : script.upgradeGroups()) {
            List<Change> kept = new ArrayList<>();
            for (Change change : group.changes()) {
                if (touchesDistributed(change, distribution, writtenFor)) {
                    keys.add(change);
                } else {
                    kept.add(change);
                }
            }
            if (!kept.isEmpty() || group.changes().isEmpty()) {
                groups.add(new OpGroup(group.table(), kept));
            }
        }
        if (keys.isEmpty() && before == null) {
            return script;
        }
        List<OpGroup> last = new ArrayList<>();
        if (before != null) {
            last.add(before);
        }
        last.add(OpGroup.outsideTables(keys));
        return new MigrationScript(groups, script.warnings(), script.guards()).withLast(last, List.of());
    }

    /** Whether a change adds foreign keys alone, one of them from or to a table Citus spreads. */
    private static boolean touchesDistributed(Change change, Distribution distribution, String writtenFor) {
        if (change.ops().isEmpty()) {
            return false;
        }
        boolean touches = false;
        for (Op op : change.ops()) {
            if (!(op instanceof ConstraintOp.AddConstraint add
                    && add.constraint() instanceof Constraint.ForeignKey fk)) {
                return false;
            }
            touches |= distribution.distributes(name(add.table(), writtenFor))
                    || distribution.distributes(name(fk.referencedTable(), writtenFor));
        }
        return touches;
    }

    private static ObjectName name(QualifiedName name, String writtenFor) {
        return ObjectName.of(name.schema() == null ? writtenFor : name.schema(), name.name());
    }
}
