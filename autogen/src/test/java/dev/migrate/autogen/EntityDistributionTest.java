package dev.migrate.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.entity.DeclaredDistribution;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.DistributedTable;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.PrimaryKey;
import dev.migrate.catalog.Table;
import dev.migrate.catalog.TableColumn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which table leads a colocation group the entities declare: the one the others colocate with. */
class EntityDistributionTest {
    private static final ObjectName TENANTS = ObjectName.of("public", "tenants");
    private static final ObjectName ORDERS = ObjectName.of("public", "orders");
    private static final ObjectName INVOICES = ObjectName.of("public", "invoices");

    private static Table table(String name, String... key) {
        return new Table(
                "public",
                name,
                List.of(TableColumn.of("id", "bigint", false), TableColumn.of("tenant_id", "bigint", false)),
                new PrimaryKey(name + "_pkey", List.of(key)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null);
    }

    private static final DatabaseSchema SHOP = DatabaseSchema.of(
            List.of(table("tenants", "id"), table("orders", "tenant_id", "id"), table("invoices", "tenant_id", "id")),
            List.of(),
            List.of());

    private static DeclaredDistribution distributed(String table, String column, String colocateWith, int shards) {
        return new DeclaredDistribution(
                DeclaredDistribution.Kind.DISTRIBUTED,
                "com.example." + table,
                table,
                "",
                table,
                column,
                colocateWith,
                shards);
    }

    @Test
    void theTableTheOthersColocateWithLeadsTheGroupThoughItsNameSortsLast() {
        Map<ObjectName, DistributedTable> tables = EntityDistribution.of(
                        List.of(
                                distributed("tenants", "id", "", 8),
                                distributed("orders", "tenant_id", "tenants", 32),
                                distributed("invoices", "tenant_id", "tenants", 32)),
                        SHOP,
                        "public")
                .tables();
        assertThat(tables)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        TENANTS, new DistributedTable(TENANTS, "id", null, 8),
                        ORDERS, new DistributedTable(ORDERS, "tenant_id", TENANTS, 8),
                        INVOICES, new DistributedTable(INVOICES, "tenant_id", TENANTS, 8)));
    }

    @Test
    void aTableColocatedThroughAnotherIsColocatedWithTheLeader() {
        Map<ObjectName, DistributedTable> tables = EntityDistribution.of(
                        List.of(
                                distributed("tenants", "id", "", 8),
                                distributed("orders", "tenant_id", "tenants", 32),
                                distributed("invoices", "tenant_id", "orders", 32)),
                        SHOP,
                        "public")
                .tables();
        assertThat(tables.get(INVOICES)).isEqualTo(new DistributedTable(INVOICES, "tenant_id", TENANTS, 8));
        assertThat(tables.get(TENANTS)).isEqualTo(new DistributedTable(TENANTS, "id", null, 8));
    }
}
