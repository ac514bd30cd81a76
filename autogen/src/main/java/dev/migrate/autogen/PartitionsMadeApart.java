package dev.migrate.autogen;

import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.OpGroup;
import dev.migrate.catalog.read.PartitionColumnOrder;
import dev.migrate.op.Column;
import dev.migrate.op.Constraint;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SqlOp;
import dev.migrate.op.TableElement;
import dev.migrate.op.TableOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.tooling.OpSql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A baseline with each partition whose columns are in another order than its parent's (a table made on its own
 * and attached later) made as it was: {@code CREATE TABLE} with its columns in its order, then {@code ALTER
 * TABLE ... ATTACH PARTITION}, where {@code op.createPartition} would give it its parent's order. The columns
 * are its partitioned table's, as the baseline writes them (types, collations, defaults, generated
 * expressions; a serial one with its type and the default of its sequence, which a serial type would make
 * anew), {@code NOT NULL} where the partition has it, with the partitioned table's checks, which a table
 * must have to be attached; its keys, indexes and foreign keys come from the parent as it is attached, and an
 * identity column becomes one then (PostgreSQL 17 on). The operations have no such partition, so it is written
 * as SQL, detached and dropped by the downgrade.
 */
final class PartitionsMadeApart {
    /** The types that make a sequence of their own; PostgreSQL knows {@code serial4} and the like too. */
    private static final Set<String> SERIAL =
            Set.of("smallserial", "serial", "bigserial", "serial2", "serial4", "serial8");

    private PartitionsMadeApart() {}

    /** {@code script} with the partitions {@code order} names made on their own and attached. */
    static MigrationScript madeApart(MigrationScript script, PartitionColumnOrder order, String writtenFor) {
        if (order.partitions().isEmpty()) {
            return script;
        }
        List<OpGroup> groups = new ArrayList<>();
        for (OpGroup group : script.upgradeGroups()) {
            List<Change> changes = new ArrayList<>();
            for (Change change : group.changes()) {
                changes.add(madeApart(change, order, writtenFor));
            }
            groups.add(new OpGroup(group.table(), changes));
        }
        return new MigrationScript(groups, script.warnings(), script.guards());
    }

    private static Change madeApart(Change change, PartitionColumnOrder order, String writtenFor) {
        Map<String, Column> columns = new HashMap<>();
        List<Constraint.Check> checks = new ArrayList<>();
        List<Op> ops = new ArrayList<>();
        boolean changed = false;
        for (Op op : change.ops()) {
            if (op instanceof TableOp.CreateTable create && create.partitionBy() != null) {
                // the partitioned table at the top of the partitions that follow: theirs are its columns
                columns.clear();
                checks.clear();
                for (TableElement element : create.elements()) {
                    if (element instanceof Column column) {
                        columns.put(column.name(), column);
                    } else if (element instanceof Constraint.Check check && !check.isNoInherit()) {
                        checks.add(check);
                    }
                }
            }
            List<PartitionColumnOrder.Column> own = op instanceof TableOp.CreatePartition made
                    ? order.partitions().get(name(made.partition(), writtenFor))
                    : null;
            if (own == null || !(op instanceof TableOp.CreatePartition partition)) {
                ops.add(op);
                continue;
            }
            List<TableElement> elements = new ArrayList<>();
            for (PartitionColumnOrder.Column column : own) {
                Column parents = columns.get(column.name());
                if (parents == null) {
                    throw new IllegalStateException(
                            "Partition " + partition.partition().text() + " has a column " + column.name()
                                    + " that its partitioned table has not.");
                }
                // a serial column is written as one on the partitioned table: the partition takes its sequence's
                // default
                boolean serial = SERIAL.contains(parents.type().toLowerCase(Locale.ROOT));
                elements.add(new Column(
                        column.name(),
                        serial ? column.type() : parents.type(),
                        !column.notNull(),
                        serial ? column.defaultExpression() : parents.defaultExpression(),
                        null,
                        parents.generatedExpression(),
                        parents.collation(),
                        null,
                        false,
                        parents.isGeneratedVirtual(),
                        false));
            }
            elements.addAll(checks);
            String table = Identifiers.quote(partition.partition());
            String parent = Identifiers.quote(partition.parent());
            ops.add(new SqlOp.Execute(
                    OpSql.render(new TableOp.CreateTable(
                                    partition.partition(), elements, null, partition.partitionBy(), false))
                            .get(0),
                    "DROP TABLE " + table));
            ops.add(new SqlOp.Execute(
                    "ALTER TABLE " + parent + " ATTACH PARTITION " + table + " " + partition.bound(),
                    "ALTER TABLE " + parent + " DETACH PARTITION " + table));
            changed = true;
        }
        return changed
                ? new Change(
                        change.description(), ops, change.hazards(), change.notes(), change.undo(), change.aheadPart())
                : change;
    }

    private static ObjectName name(QualifiedName name, String writtenFor) {
        String schema = name.schema();
        return ObjectName.of(schema == null ? writtenFor : schema, name.name());
    }
}
