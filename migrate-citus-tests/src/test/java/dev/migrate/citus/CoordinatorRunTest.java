package dev.migrate.citus;

import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.foreignKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.op.OnlineChange;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Migrations run on a coordinator: one whose transaction mixes DDL and writes on tables a foreign key ties to
 * a reference table runs (migrate's sessions change shards sequentially there), where Citus refuses the
 * same transaction in its default parallel mode; an online migration of a distributed table is refused
 * before anything runs, saying why and what to write instead.
 */
@ExtendWith(CitusCluster.class)
class CoordinatorRunTest {
    private static CitusCluster.Started cluster;

    @BeforeAll
    static void cluster(CitusCluster.Started started) {
        cluster = started;
    }

    @Revision(id = "r1", message = "orders of countries")
    public static class Orders implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("countries", column("code", "text").primaryKey());
            op.createTable(
                    "orders",
                    column("customer_id", "bigint").notNull(),
                    column("id", "bigint").notNull(),
                    column("country", "text"),
                    column("total", "integer"),
                    dev.migrate.Ddl.primaryKey("orders_pkey", "customer_id", "id"));
            op.createReferenceTable("countries");
            op.distributeTable("orders", "customer_id", "none", 4);
            op.addConstraint(
                    "orders", foreignKey("orders_country_fkey", "country").references("countries", "code"));
            op.execute("INSERT INTO countries VALUES ('NL')");
            op.execute("INSERT INTO orders SELECT g, g, 'NL', g FROM generate_series(1, 20) g");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
            op.dropTable("countries");
        }
    }

    @Revision(id = "r2", revises = "r1", message = "a status, set, and a country more")
    public static class Status implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("orders", column("status", "text"));
            op.execute("UPDATE orders SET status = 'new'");
            op.execute("INSERT INTO countries VALUES ('DE')");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DELETE FROM countries WHERE code = 'DE'");
            op.dropColumn("orders", "status");
        }
    }

    @Revision(id = "r3", revises = "r2", message = "totals in cents, online")
    public static class OnlineTotal implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.alterColumn("orders", "total").type("bigint"));
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Test
    void aTransactionThatMixesDdlAndWritesOnTiedTablesRunsWhereCitusRefusesItInParallelMode() throws Exception {
        DataSource db = cluster.freshDatabase("mixed");
        Migrator.builder()
                .dataSource(db)
                .migrations(Orders.class, Status.class)
                .build()
                .upgrade("head");
        assertThat(rows(db, "SELECT count(*) FROM orders WHERE status = 'new'")).containsExactly("20");
        assertThat(rows(db, "SELECT code FROM countries ORDER BY code")).containsExactly("DE", "NL");

        // the same kind of transaction in Citus's default mode
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TABLE orders ADD COLUMN note text");
            assertThatThrownBy(() -> s.execute("INSERT INTO countries VALUES ('FR')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("parallel DDL access to distributed table")
                    .hasMessageContaining("citus.multi_shard_modify_mode");
            c.rollback();
        }
    }

    @Test
    void anOnlineMigrationOfADistributedTableIsRefusedBeforeAnythingRuns() throws Exception {
        DataSource db = cluster.freshDatabase("online");
        Migrator chain = Migrator.builder()
                .dataSource(db)
                .migrations(Orders.class, Status.class, OnlineTotal.class)
                .build();
        chain.upgrade("r2");
        assertThatThrownBy(() -> chain.upgrade("head"))
                .hasMessageContaining("Its online change of orders (distributed), which Citus spreads over the"
                        + " cluster, cannot run")
                .hasMessageContaining("Citus refuses triggers on distributed and reference tables. Nothing was run.")
                .hasMessageContaining("Write the change as a plain migration");
        assertThat(rows(db, "SELECT version_num FROM migrate_version")).containsExactly("r2");
        assertThat(rows(
                        db,
                        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                                + " WHERE attrelid = 'orders'::regclass AND attnum > 0 AND NOT attisdropped"
                                + " AND attname LIKE '%total%'"))
                .containsExactly("integer");
    }

    private static List<String> rows(DataSource db, String sql) throws SQLException {
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
