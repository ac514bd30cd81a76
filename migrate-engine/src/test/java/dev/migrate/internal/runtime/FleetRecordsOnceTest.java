package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;
import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Fleet;
import dev.migrate.FleetResult;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.TenantResult.Outcome;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A fleet records each migration of operations only once for the whole run, not once per tenant: recording
 * asks nothing of a database, so the script, its checksum and its SQL are the same for every tenant. A migration
 * with JDBC work is recorded in each tenant's run, its code running on that tenant's database with an instance
 * of its own, as before. Checked on the database: every tenant has what both migrations made.
 */
class FleetRecordsOnceTest {
    private static final List<String> TENANTS = List.of("rt_a", "rt_b", "rt_c", "rt_d", "rt_e");
    private static final AtomicInteger PLAIN = new AtomicInteger();
    private static final AtomicInteger WITH_JDBC = new AtomicInteger();

    @Revision(id = "ro1", message = "plain")
    public static class Plain implements Migration {
        public Plain() {
            PLAIN.incrementAndGet();
        }

        @Override
        public void upgrade(Operations op) {
            op.createTable("ledger", column("id", "bigint").primaryKey(), column("note", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("ledger");
        }
    }

    @Revision(id = "ro2", revises = "ro1", message = "with jdbc")
    public static class WithJdbc implements Migration {
        /** Which instance ran the work: each tenant's run has its own. */
        private final int instance = WITH_JDBC.incrementAndGet();

        @Override
        public void upgrade(Operations op) {
            op.jdbc(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO ledger VALUES (" + instance + ", current_schema())");
                }
            });
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DELETE FROM ledger");
        }
    }

    @Test
    void aMigrationOfOperationsIsRecordedOnceForTheFleetAndOneWithJdbcWorkOncePerTenant() throws SQLException {
        DataSource db = TestPostgres.freshDatabase("fleet_records_once");
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            for (String tenant : TENANTS) {
                s.execute("CREATE SCHEMA " + tenant);
            }
        }
        PLAIN.set(0);
        WITH_JDBC.set(0);

        FleetResult result = Fleet.builder(Migrator.builder()
                        .dataSource(db)
                        .migrations(Plain.class, WithJdbc.class)
                        .log(new Fixtures.RecordingLog()))
                .tenants("rt\\_%")
                .parallel(3)
                .build()
                .upgrade("head");

        assertThat(result.with(Outcome.MIGRATED)).hasSize(TENANTS.size());
        assertThat(PLAIN.get()).as("instances of the plain migration").isEqualTo(1);
        assertThat(WITH_JDBC.get()).as("instances of the one with JDBC work").isGreaterThanOrEqualTo(TENANTS.size());
        for (String tenant : TENANTS) {
            // the table the shared script made is the tenant's own; the JDBC work ran there, once, with its own
            // instance
            assertThat(query(db, "SELECT note FROM " + tenant + ".ledger")).containsExactly(tenant);
            assertThat(query(db, "SELECT version_num FROM " + tenant + ".migrate_version"))
                    .containsExactly("ro2");
        }
        assertThat(query(
                        db,
                        "SELECT count(DISTINCT id) FROM ("
                                + String.join(
                                        " UNION ALL ",
                                        TENANTS.stream()
                                                .map(t -> "SELECT id FROM " + t + ".ledger")
                                                .toList())
                                + ") AS ids"))
                .as("one instance of the JDBC migration per tenant")
                .containsExactly(String.valueOf(TENANTS.size()));
    }
}
