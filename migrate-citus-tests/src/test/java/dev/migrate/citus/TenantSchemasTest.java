package dev.migrate.citus;

import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.foreignKey;
import static dev.migrate.citus.Placements.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.TenantResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fleet of tenant schemas on a coordinator with schema-based sharding: each tenant schema the fleet
 * creates is distributed as it is created, its version tables and its tables with it, and the fleet is
 * upgraded, downgraded and upgraded again like any other.
 */
@ExtendWith(CitusCluster.class)
class TenantSchemasTest {
    private static CitusCluster.Started cluster;

    @BeforeAll
    static void cluster(CitusCluster.Started started) {
        cluster = started;
    }

    @Revision(id = "t1", message = "items")
    public static class Items implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("items", column("id", "bigint").primaryKey(), column("label", "text"));
            op.createTable(
                    "item_notes",
                    column("id", "bigint").primaryKey(),
                    column("item_id", "bigint").notNull());
            op.addConstraint(
                    "item_notes", foreignKey("item_notes_item_fkey", "item_id").references("items", "id"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("item_notes");
            op.dropTable("items");
        }
    }

    @Revision(id = "t2", revises = "t1", message = "a first item")
    public static class FirstItem implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("items", column("price", "numeric(10,2)"));
            op.execute("INSERT INTO items (id, label, price) VALUES (1, 'first', 9.99)");
            op.execute("INSERT INTO item_notes VALUES (1, 1)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DELETE FROM item_notes");
            op.execute("DELETE FROM items");
            op.dropColumn("items", "price");
        }
    }

    @Test
    void eachTenantSchemaIsDistributedAsTheFleetCreatesIt() throws Exception {
        DataSource db = cluster.freshDatabase("fleet");
        execute(
                db,
                "DO $$BEGIN EXECUTE format('ALTER DATABASE %I SET citus.enable_schema_based_sharding TO on',"
                        + " current_database()); END$$");
        Fleet fleet = Fleet.builder(Migrator.builder().dataSource(db).migrations(Items.class, FirstItem.class))
                .tenants("tenant_a,tenant_b,tenant_c")
                .parallel(2)
                .build();

        FleetResult up = fleet.upgrade("head");
        assertThat(up.failed()).isEmpty();
        assertThat(up.with(TenantResult.Outcome.MIGRATED)).hasSize(3);
        assertThat(Placements.of(db))
                .filteredOn(line -> line.startsWith("schema "))
                .containsExactly(
                        "schema tenant_a distributed", "schema tenant_b distributed", "schema tenant_c distributed");
        assertThat(rows(
                        db,
                        "SELECT n.nspname || '.' || c.relname FROM pg_dist_partition p"
                                + " JOIN pg_class c ON c.oid = p.logicalrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " WHERE n.nspname = 'tenant_b' ORDER BY 1"))
                .containsExactly(
                        "tenant_b.item_notes",
                        "tenant_b.items",
                        "tenant_b.migrate_history",
                        "tenant_b.migrate_version");
        assertThat(rows(db, "SELECT count(*) FROM tenant_c.items JOIN tenant_c.item_notes ON item_id = items.id"))
                .containsExactly("1");

        assertThat(fleet.downgrade("base").failed()).isEmpty();
        assertThat(fleet.upgrade("head").failed()).isEmpty();
        assertThat(rows(db, "SELECT version_num FROM tenant_a.migrate_version")).containsExactly("t2");
    }

    private static List<String> rows(DataSource db, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
