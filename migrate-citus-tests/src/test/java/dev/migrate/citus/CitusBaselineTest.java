package dev.migrate.citus;

import static dev.migrate.citus.Placements.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.Autogenerate;
import dev.migrate.autogen.write.MigrationWriter;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.op.Op;
import dev.migrate.tooling.OpSql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A baseline of a Citus database: it writes the distribution calls after the tables (a reference table, a
 * colocation group's leader with its shard count, the tables colocated with it, a distributed schema)
 * and the foreign keys that need them after those, so that a fresh database of the cluster built from it is
 * distributed the same way, up to the numbers of the colocation groups; drift then finds the two alike,
 * until a distribution is changed by hand on one side.
 */
@ExtendWith(CitusCluster.class)
class CitusBaselineTest {
    private static final String[] LEGACY = {
        "CREATE TABLE countries (code text PRIMARY KEY, name text)",
        "CREATE TABLE customers (id bigint PRIMARY KEY, country text REFERENCES countries, name text)",
        "CREATE TABLE orders (id bigint NOT NULL, customer_id bigint NOT NULL REFERENCES customers,"
                + " total numeric(10,2), PRIMARY KEY (customer_id, id))",
        "CREATE TABLE \"Events\" (\"DeviceId\" bigint NOT NULL, at timestamptz NOT NULL)",
        "CREATE TABLE notes (id bigint PRIMARY KEY, body text)",
        "CREATE TABLE visits (customer_id bigint NOT NULL, at timestamptz NOT NULL)",
        "SET citus.multi_shard_modify_mode TO 'sequential'",
        "ALTER TABLE customers DROP CONSTRAINT customers_country_fkey",
        "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey",
        "SELECT create_reference_table('countries')",
        "SELECT create_distributed_table('customers', 'id', shard_count => 6)",
        "SELECT create_distributed_table('orders', 'customer_id', colocate_with => 'customers')",
        "SELECT create_distributed_table('\"Events\"', 'DeviceId', colocate_with => 'none', shard_count => 3)",
        "SELECT create_distributed_table('visits', 'customer_id', colocate_with => 'none', shard_count => 6)",
        "ALTER TABLE customers ADD CONSTRAINT customers_country_fkey FOREIGN KEY (country) REFERENCES countries",
        "ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers",
        "CREATE SCHEMA tenant_1",
        "CREATE TABLE tenant_1.items (id bigint PRIMARY KEY, label text)",
        "CREATE TABLE tenant_1.item_notes (id bigint PRIMARY KEY, item_id bigint REFERENCES tenant_1.items)",
        "SELECT citus_schema_distribute('tenant_1')",
    };

    private static CitusCluster.Started cluster;
    private static DataSource legacy;

    @BeforeAll
    static void legacyDatabase(CitusCluster.Started started) throws SQLException {
        cluster = started;
        legacy = cluster.freshDatabase("legacy");
        execute(legacy, LEGACY);
    }

    @Test
    void aFreshDatabaseBuiltFromTheBaselineIsDistributedTheSameWay() throws Exception {
        MigrationScript publicSchema = baseline(legacy, "public");
        MigrationScript tenant = baseline(legacy, "tenant_1");
        String java = javaOf(publicSchema);
        assertThat(java)
                .contains("op.createReferenceTable(\"countries\");")
                .contains("op.distributeTable(\"customers\", \"id\", \"none\", 6);")
                .contains("op.distributeTable(\"orders\", \"customer_id\", \"customers\");")
                .contains("op.distributeTable(\"Events\", \"DeviceId\", \"none\", 3);")
                .contains("op.undistributeTable(\"orders\");");
        assertThat(java.indexOf("op.createReferenceTable(\"countries\")"))
                .isLessThan(java.indexOf("op.distributeTable(\"customers\""));
        assertThat(java.indexOf("op.distributeTable(\"orders\""))
                .as("the foreign keys come once their tables are distributed")
                .isLessThan(java.indexOf("orders_customer_id_fkey"));
        assertThat(javaOf(tenant)).contains("op.distributeSchema(\"tenant_1\");");

        DataSource fresh = cluster.freshDatabase("rebuilt");
        apply(fresh, publicSchema);
        apply(fresh, tenant);
        assertThat(Placements.of(fresh)).isEqualTo(Placements.of(legacy));
        assertThat(Placements.of(fresh))
                .contains("public.orders method=h model=s column=customer_id shards=6 group=3")
                .contains("schema tenant_1 distributed");

        assertThat(drift(legacy, fresh, "public").differences()).isEmpty();
        assertThat(drift(legacy, fresh, "tenant_1").differences()).isEmpty();
    }

    @Test
    void driftNamesATableDistributedUndistributedOrRecolocatedByHand() throws Exception {
        DataSource chain = cluster.freshDatabase("chain");
        DataSource live = cluster.freshDatabase("live");
        MigrationScript script = baseline(legacy, "public");
        apply(chain, script);
        apply(live, script);
        assertThat(drift(live, chain, "public").differences()).isEmpty();

        execute(
                live,
                "SELECT undistribute_table('\"Events\"')",
                "SELECT create_distributed_table('notes', 'id')",
                "SELECT update_distributed_table_colocation('visits', colocate_with => 'customers')");
        DriftReport report = drift(live, chain, "public");
        assertThat(report.differences())
                .containsExactlyInAnyOrder(
                        "table public.Events: the database has it not distributed, the chain has it distributed by"
                                + " DeviceId in 3 shards",
                        "table public.notes: the database has it distributed by id in 32 shards, the chain has it not"
                                + " distributed",
                        "table public.visits: the database has it distributed by customer_id in 6 shards, colocated"
                                + " with public.customers, the chain has it distributed by customer_id in 6 shards");
        assertThat(report.sql())
                .contains("SELECT undistribute_table('notes')")
                .contains("SELECT create_distributed_table('\"Events\"', 'DeviceId', colocate_with => 'none',"
                        + " shard_count => 3)")
                .contains("SELECT undistribute_table('visits')");

        execute(live, report.sql().toArray(String[]::new));
        assertThat(drift(live, chain, "public").differences()).isEmpty();
        assertThat(Placements.of(live)).isEqualTo(Placements.of(chain));
    }

    @Test
    void eachGroupIsLedByTheTableTheOthersWereColocatedWithWhateverTheNames() throws Exception {
        String[] tables = {
            "CREATE TABLE tenants (id bigint PRIMARY KEY, name text)",
            "CREATE TABLE orders (tenant_id bigint NOT NULL, id bigint NOT NULL, PRIMARY KEY (tenant_id, id))",
            "CREATE TABLE invoices (tenant_id bigint NOT NULL, id bigint NOT NULL, PRIMARY KEY (tenant_id, id))",
        };
        DataSource shop = cluster.freshDatabase("tenants");
        execute(shop, tables);
        execute(
                shop,
                "SELECT create_distributed_table('tenants', 'id', colocate_with => 'none', shard_count => 8)",
                "SELECT create_distributed_table('orders', 'tenant_id', colocate_with => 'tenants')",
                "SELECT create_distributed_table('invoices', 'tenant_id', colocate_with => 'tenants')");
        MigrationScript script = baseline(shop, "public");
        String java = javaOf(script);
        String upgrade = java.substring(java.indexOf("void upgrade"), java.indexOf("void downgrade"));
        assertThat(upgrade)
                .containsSubsequence(
                        "op.distributeTable(\"tenants\", \"id\", \"none\", 8);",
                        "op.distributeTable(\"invoices\", \"tenant_id\", \"tenants\");",
                        "op.distributeTable(\"orders\", \"tenant_id\", \"tenants\");");

        // drift's SQL puts a table undistributed by hand back beside the table its group is led by
        DataSource chain = cluster.freshDatabase("tenants_chain");
        apply(chain, script);
        execute(shop, "SELECT undistribute_table('invoices')");
        DriftReport report = drift(shop, chain, "public");
        assertThat(report.differences())
                .containsExactly("table public.invoices: the database has it not distributed, the chain has it"
                        + " distributed by tenant_id in 8 shards, colocated with public.tenants");
        assertThat(report.sql())
                .contains("SELECT create_distributed_table('invoices', 'tenant_id', colocate_with => 'tenants')")
                .noneMatch(sql -> sql.contains("undistribute_table"));
        execute(shop, report.sql().toArray(String[]::new));
        assertThat(Placements.of(shop)).isEqualTo(Placements.of(chain));

        // the same group led by invoices, as a migration written before led it, is no drift: Citus keeps members
        DataSource older = cluster.freshDatabase("tenants_older");
        execute(older, tables);
        execute(
                older,
                "SELECT create_distributed_table('invoices', 'tenant_id', colocate_with => 'none', shard_count => 8)",
                "SELECT create_distributed_table('tenants', 'id', colocate_with => 'invoices')",
                "SELECT create_distributed_table('orders', 'tenant_id', colocate_with => 'invoices')");
        assertThat(drift(older, chain, "public").differences()).isEmpty();
    }

    /** The baseline of {@code schema}, read as {@code migrate:baseline} reads it: in a read-only snapshot. */
    private static MigrationScript baseline(DataSource database, String schema) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return Autogenerate.baseline(c, schema, "migrate_version", "migrate_history");
            } finally {
                c.rollback();
            }
        }
    }

    private static String javaOf(MigrationScript script) {
        NewMigration migration = NewMigration.baseline("20261127_120000", "baseline", script);
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
        return new MigrationWriter(Path.of("unused"), "db.migrations", clock)
                .toJavaFile(migration)
                .toString();
    }

    /** The upgrade of {@code script}, as its migration runs it: its statements in one transaction. */
    private static void apply(DataSource database, MigrationScript script) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (Op op : script.upgrade()) {
                    for (String sql : OpSql.render(op)) {
                        s.execute(sql);
                    }
                }
            }
            c.commit();
        }
    }

    private static DriftReport drift(DataSource database, DataSource chain, String schema) throws SQLException {
        try (Connection live = database.getConnection();
                Connection built = chain.getConnection()) {
            return SchemaDrift.compare(
                    "live",
                    schema,
                    "baseline",
                    live,
                    SchemaDrift.read(live, schema, Exclusions.versionTables()),
                    SchemaDrift.read(built, schema, Exclusions.versionTables()),
                    Exclusions.versionTables());
        }
    }
}
