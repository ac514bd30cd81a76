package dev.migrate.autogen;

import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.catalog.read.AttachedPartitionIndexes.Named;
import dev.migrate.op.IndexOp;
import dev.migrate.op.Op;
import dev.migrate.op.SqlOp;
import dev.migrate.sql.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A baseline with the indexes a partitioned table's index holds on its partitions under names of their own
 * (a table made with an index, attached as a partition later) made before that index, each on its partition:
 * the partitioned table's index then takes each in, name and comment kept, instead of making one under the
 * name it makes up. Its reverse drops it if it is still there: dropping the partitioned table's index, which
 * the downgrade does first, drops it too.
 */
final class PartitionIndexNames {
    private PartitionIndexNames() {}

    /**
     * {@code script} with each of {@code indexes} made right before the index that takes it in; one whose index
     * the script does not make with an operation is named in {@code warnings}.
     */
    static MigrationScript keptIn(
            MigrationScript script, List<Named> indexes, String writtenFor, List<String> warnings) {
        if (indexes.isEmpty()) {
            return script;
        }
        UnaryOperator<String> local = SchemaObject.unqualified(writtenFor);
        Map<ObjectName, List<Change>> byRoot = new LinkedHashMap<>();
        for (Named index : indexes) {
            byRoot.computeIfAbsent(ObjectName.of(index.rootTable().schema(), index.rootIndex()), k -> new ArrayList<>())
                    .add(new Change(
                            Description.added("index " + index.index().name() + " on " + index.table()),
                            List.of(new SqlOp.Execute(
                                    local.apply(index.sql()),
                                    "DROP INDEX IF EXISTS " + local.apply(quoted(index.index())))),
                            List.of()));
        }
        List<OpGroup> groups = new ArrayList<>();
        for (OpGroup group : script.upgradeGroups()) {
            List<Change> changes = new ArrayList<>();
            for (Change change : group.changes()) {
                for (Op op : change.ops()) {
                    if (op instanceof IndexOp.CreateIndex create) {
                        String qualifier = create.table().schema();
                        String schema = qualifier == null ? writtenFor : qualifier;
                        List<Change> first = byRoot.remove(ObjectName.of(schema, create.name()));
                        if (first != null) {
                            changes.addAll(first);
                        }
                    }
                }
                changes.add(change);
            }
            groups.add(new OpGroup(group.table(), changes));
        }
        if (!byRoot.isEmpty()) {
            List<String> left = new ArrayList<>();
            indexes.stream()
                    .filter(i -> byRoot.containsKey(ObjectName.of(i.rootTable().schema(), i.rootIndex())))
                    .forEach(i -> left.add("index " + i.index() + " of partition " + i.table() + " (taken in by index "
                            + i.rootIndex() + " of " + i.rootTable() + ")"));
            warnings.add("Not written here, since this migration makes their partitioned table's index otherwise "
                    + "than with op.createIndex(...): " + String.join(", ", left) + ". A new database gets them "
                    + "under the name that index makes up and without comment: where the name matters, add "
                    + "each with op.execute(\"CREATE INDEX ...\") right before that index is made.");
        }
        return new MigrationScript(groups, script.warnings(), script.guards());
    }

    private static String quoted(ObjectName name) {
        return Identifiers.quote(name.schema()) + "." + Identifiers.quote(name.name());
    }
}
