package dev.migrate.command;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.Fleet;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.NotAtHeadException;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@link CurrentCommand} through a face, on one database and on a fleet, as a deployment gate too. */
class CurrentCommandTest {
    @Revision(id = "k1", message = "create orders")
    public static class CreateOrders implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders", column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Revision(id = "k2", revises = "k1", message = "add total")
    public static class AddTotal implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("orders", column("total", "numeric(10,2)"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("orders", "total");
        }
    }

    private final List<String> lines = new ArrayList<>();

    @Test
    void aDatabaseAtBaseSaysSoAndOneAtHeadIsMarked() {
        DataSource database = TestPostgres.freshDatabase("current_one");
        new CurrentCommand(false, false).run(null, face(database));
        assertThat(lines).containsExactly("The database has no revision applied (it is at base).");

        builder(database).build().upgrade("head");
        lines.clear();
        new CurrentCommand(false, true).run(null, face(database));
        assertThat(lines).anyMatch(line -> line.startsWith("k2") && line.contains("(head)"));
    }

    @Test
    void aFleetGateNamesTheTenantsBehindAndTheUpgradeToRun() {
        DataSource database = TestPostgres.freshDatabase("current_fleet");
        Fleet.builder(builder(database)).tenants("tenant_a").build().upgrade("head");
        Fleet.builder(builder(database)).tenants("tenant_b").build().upgrade("k1");
        FleetSettings fleet = new FleetSettings("tenant_%", List.of(), null, null, null, false, 0);

        NotAtHeadException e = catchThrowableOfType(
                NotAtHeadException.class, () -> new CurrentCommand(false, true).run(fleet, face(database)));

        assertThat(e.getMessage())
                .isEqualTo("1 tenant is not at head: tenant_b. Run test upgrade with the same tenants first.");
        assertThat(lines).anyMatch(line -> line.contains("tenant_a") && line.contains("k2"));
    }

    private Migrator.Builder builder(DataSource database) {
        return Migrator.builder()
                .migrations(CreateOrders.class, AddTotal.class)
                .dataSource(database)
                .log(new MigrationLog() {
                    @Override
                    public void info(String line) {}

                    @Override
                    public void warn(String line) {}
                });
    }

    private CommandContext face(DataSource database) {
        return TestContext.over(new RecordingOutput(lines), () -> builder(database));
    }
}
