package dev.migrate.catalog.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.DistributedTable;
import dev.migrate.catalog.Distribution;
import dev.migrate.catalog.ObjectName;
import dev.migrate.op.CitusOp;
import dev.migrate.op.Op;
import dev.migrate.op.QualifiedName;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Colocation groups compared by their members, whichever table each side names as leader, and each group
 * written led by its leader: distributed first in a group of its own, the others colocated with it.
 */
class DistributionDiffTest {
    private static final ObjectName TENANTS = ObjectName.of("public", "tenants");
    private static final ObjectName ORDERS = ObjectName.of("public", "orders");
    private static final ObjectName INVOICES = ObjectName.of("public", "invoices");

    /** tenants by id in 8 shards, orders and invoices by tenant_id, in a group led by {@code leader}. */
    private static DatabaseSchema shop(ObjectName leader) {
        List<DistributedTable> tables = List.of(
                new DistributedTable(TENANTS, "id", TENANTS.equals(leader) ? null : leader, 8),
                new DistributedTable(ORDERS, "tenant_id", ORDERS.equals(leader) ? null : leader, 8),
                new DistributedTable(INVOICES, "tenant_id", INVOICES.equals(leader) ? null : leader, 8));
        return DatabaseSchema.empty().withDistribution(Distribution.of(tables, List.of(), Map.of()));
    }

    private static List<Op> ops(List<Change> changes) {
        return changes.stream().flatMap(c -> c.ops().stream()).toList();
    }

    @Test
    void aGroupIsDistributedLedByItsLeaderThenTheTablesColocatedWithIt() {
        assertThat(ops(DistributionDiff.changes(DatabaseSchema.empty(), shop(TENANTS), "public")))
                .containsExactly(
                        new CitusOp.DistributeTable(
                                new QualifiedName(null, "tenants"), "id", CitusOp.DistributeTable.NONE, 8),
                        new CitusOp.DistributeTable(new QualifiedName(null, "invoices"), "tenant_id", "tenants", null),
                        new CitusOp.DistributeTable(new QualifiedName(null, "orders"), "tenant_id", "tenants", null));
    }

    @Test
    void theSameGroupLedByAnotherOfItsTablesIsNoDifference() {
        // a cluster distributed invoices first (as migrate wrote it before), the entities lead the group by tenants
        assertThat(DistributionDiff.changes(shop(INVOICES), shop(TENANTS), "public"))
                .isEmpty();
        assertThat(DistributionDiff.changes(shop(TENANTS), shop(INVOICES), "public"))
                .isEmpty();
    }

    @Test
    void aGroupSplitMovesTheFewestTables() {
        // the database has the three in one group led by invoices; the chain takes invoices out on its own
        DatabaseSchema split = DatabaseSchema.empty()
                .withDistribution(Distribution.of(
                        List.of(
                                new DistributedTable(TENANTS, "id", null, 8),
                                new DistributedTable(ORDERS, "tenant_id", TENANTS, 8),
                                new DistributedTable(INVOICES, "tenant_id", null, 8)),
                        List.of(),
                        Map.of()));
        List<Change> changes = DistributionDiff.changes(shop(INVOICES), split, "public");
        assertThat(changes)
                .extracting(c -> c.description().text())
                .containsExactly("table public.invoices: distributed by tenant_id in 8 shards, colocated with"
                        + " public.tenants -> distributed by tenant_id in 8 shards");
        QualifiedName invoices = new QualifiedName(null, "invoices");
        assertThat(ops(changes))
                .containsExactly(
                        new CitusOp.UndistributeTable(
                                invoices, new CitusOp.DistributeTable(invoices, "tenant_id", "tenants", null)),
                        new CitusOp.DistributeTable(invoices, "tenant_id", CitusOp.DistributeTable.NONE, 8));
    }
}
