package dev.migrate.citus;

import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.foreignKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.lint.Lint;
import dev.migrate.lint.LintFinding;
import dev.migrate.lint.LintReport;
import dev.migrate.lint.LintRule;
import java.io.StringWriter;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The distribution operations on a real Citus cluster: a reference table, tables distributed by a column
 * and colocated, and a distributed schema, made by upgrade, taken back by downgrade and made again; their
 * offline SQL; and the lint's finding where they copy the rows of tables that hold some.
 */
@ExtendWith(CitusCluster.class)
class DistributionOperationsTest {
    private static CitusCluster.Started cluster;

    @BeforeAll
    static void cluster(CitusCluster.Started started) {
        cluster = started;
    }

    @Revision(id = "c1", message = "tables")
    public static class Tables implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("countries", column("code", "text").primaryKey(), column("name", "text"));
            op.createTable(
                    "customers",
                    column("id", "bigint").primaryKey(),
                    column("country", "text"),
                    column("name", "text"));
            op.createTable(
                    "orders",
                    column("id", "bigint").notNull(),
                    column("customer_id", "bigint").notNull(),
                    column("total", "numeric(10,2)"),
                    dev.migrate.Ddl.primaryKey("orders_pkey", "customer_id", "id"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
            op.dropTable("customers");
            op.dropTable("countries");
        }
    }

    @Revision(id = "c2", revises = "c1", message = "distributed")
    public static class Distributed implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createReferenceTable("countries");
            op.distributeTable("customers", "id", "none", 4);
            op.distributeTable("orders", "customer_id", "customers");
            op.addConstraint(
                    "customers", foreignKey("customers_country_fkey", "country").references("countries", "code"));
            op.addConstraint(
                    "orders", foreignKey("orders_customer_fkey", "customer_id").references("customers", "id"));
        }

        @Override
        public void downgrade(Operations op) {
            // DDL on distributed tables runs over parallel connections, after which Citus refuses to change a
            // table with a foreign key to a reference table in the same transaction: one connection per worker
            op.execute("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'");
            op.dropConstraint("orders", "orders_customer_fkey");
            op.dropConstraint("customers", "customers_country_fkey");
            op.undistributeTable("orders");
            op.undistributeTable("customers");
            op.undistributeTable("countries");
        }
    }

    @Revision(id = "c3", revises = "c2", message = "a tenant schema")
    public static class TenantSchema implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createSchema("tenant_1");
            op.createTable("tenant_1.notes", column("id", "bigint").primaryKey(), column("body", "text"));
            op.distributeSchema("tenant_1");
        }

        @Override
        public void downgrade(Operations op) {
            op.undistributeSchema("tenant_1");
            op.dropTable("tenant_1.notes");
            op.dropSchema("tenant_1");
        }
    }

    private static Migrator chain(DataSource database) {
        return Migrator.builder()
                .dataSource(database)
                .migrations(Tables.class, Distributed.class, TenantSchema.class)
                .build();
    }

    @Test
    void upgradeDistributesDowngradeTakesItBackAndUpgradeDistributesAgain() throws Exception {
        DataSource database = cluster.freshDatabase("ops");
        Migrator migrator = chain(database);
        migrator.upgrade("head");
        List<String> distributed = Placements.of(database);
        assertThat(distributed)
                .containsExactly(
                        "public.countries method=n model=t column=null shards=1 group=1",
                        "public.customers method=h model=s column=id shards=4 group=2",
                        "public.orders method=h model=s column=customer_id shards=4 group=2",
                        "tenant_1.notes method=n model=s column=null shards=1 group=3",
                        "schema tenant_1 distributed");

        migrator.downgrade("c2");
        assertThat(Placements.of(database)).containsExactlyElementsOf(distributed.subList(0, 3));
        migrator.downgrade("c1");
        assertThat(Placements.of(database)).isEmpty();

        migrator.upgrade("head");
        assertThat(Placements.of(database)).isEqualTo(distributed);
    }

    @Test
    void offlineSqlCallsCitusWithTheNamesQuoted() {
        Migrator migrator = Migrator.builder()
                .migrations(Tables.class, Distributed.class, TenantSchema.class)
                .build();
        StringWriter up = new StringWriter();
        migrator.upgradeSql("head", up);
        assertThat(up.toString())
                .contains("SELECT create_reference_table('countries');")
                .contains(
                        "SELECT create_distributed_table('customers', 'id', colocate_with => 'none', shard_count => 4);")
                .contains("SELECT create_distributed_table('orders', 'customer_id', colocate_with => 'customers');")
                .contains("SELECT citus_schema_distribute('tenant_1');");
        StringWriter down = new StringWriter();
        migrator.downgradeSql("head:c1", down);
        assertThat(down.toString())
                .contains("SELECT citus_schema_undistribute('tenant_1');")
                .contains("SELECT undistribute_table('orders');")
                .contains("SELECT undistribute_table('countries');");
    }

    @Test
    void theLintNamesTheCopyOfTheRowsOfEachTableThatHasSome() {
        DataSource database = cluster.freshDatabase("lint");
        LintReport report =
                Lint.builder(chain(database)).database(database).build().run("c1:c3");
        assertThat(report.findings())
                .filteredOn(f -> f.rule() == LintRule.DISTRIBUTION_COPIES_ROWS)
                .extracting(LintFinding::table)
                .containsExactlyInAnyOrder("public.countries", "public.customers", "public.orders");
        // the tenant's table is new in its migration: distributing it copies nothing
        assertThat(report.findings()).noneMatch(f -> f.table().startsWith("tenant_1."));
    }
}
