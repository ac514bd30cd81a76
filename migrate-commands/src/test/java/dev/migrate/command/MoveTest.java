package dev.migrate.command;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.BadTargetException;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UpgradeCommand}, {@link DowngradeCommand} and {@link StampCommand} with a context as the plugin and the command line make one, on the embedded server. */
class MoveTest {
    @Revision(id = "c1", message = "create orders")
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

    @Revision(id = "c2", revises = "c1", message = "a step that fails on tenant_b")
    public static class FailsOnB implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute(
                    "DO $$ BEGIN IF current_schema() = 'tenant_b' THEN RAISE EXCEPTION 'tenant_b refuses'; END IF; END $$");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @TempDir
    Path directory;

    private final List<String> lines = new ArrayList<>();
    private final RecordingOutput output = new RecordingOutput(lines);
    private final MigrationLog log = new MigrationLog() {
        @Override
        public void info(String line) {
            lines.add(line);
        }

        @Override
        public void warn(String line) {
            lines.add(line);
        }
    };

    @Test
    void anUpgradeRunsOnTheFacesDatabaseAndADowngradeTakesItBack() throws SQLException {
        String database = TestPostgres.createDatabase("change_one");
        new UpgradeCommand(RevisionTarget.of("head")).run(null, null, face(database, CreateOrders.class));
        assertThat(versions(database, "public")).containsExactly("c1");

        new DowngradeCommand(RevisionTarget.of("base")).run(null, null, face(database, CreateOrders.class));
        assertThat(versions(database, "public")).isEmpty();
        new StampCommand(RevisionTarget.of("c1"), false).run(null, null, face(database, CreateOrders.class));
        assertThat(versions(database, "public")).containsExactly("c1");
    }

    @Test
    void offlineTheScriptGoesWhereTheFaceSaysAndNoDatabaseIsAsked() {
        new UpgradeCommand(RevisionTarget.of("head"))
                .run(null, SqlScript.STANDARD_OUTPUT, face(null, CreateOrders.class));
        assertThat(output.scripts()).contains("CREATE TABLE", "orders");
        assertThat(databasesAsked()).isZero();
    }

    @Test
    void aFleetThatFailsOnATenantNamesItAndWhereItsMessageIs() throws SQLException, IOException {
        String database = TestPostgres.createDatabase("change_fleet");
        FleetSettings fleet = new FleetSettings("tenant_a, tenant_b, tenant_c", List.of(), null, null, 1, false, 0);

        MigrateException e = catchThrowableOfType(
                MigrateException.class,
                () -> new UpgradeCommand(RevisionTarget.of("head"))
                        .run(fleet, null, face(database, CreateOrders.class, FailsOnB.class)));

        // the first failure's first line too: the one line a deploy shows says why
        assertThat(e.getMessage())
                .startsWith("1 tenant of 3 failed (tenant_b). tenant_b: ")
                .contains("tenant_b refuses")
                .doesNotContain("\n")
                .endsWith(". Each failure's message is in the summary above and in "
                        + directory.resolve("migrate/fleet.json") + "; fix it and run test "
                        + "upgrade again: the tenants at their target are left alone.");
        assertThat(versions(database, "tenant_a")).containsExactly("c2");
        assertThat(versions(database, "tenant_c")).containsExactly("c2");
        // the fleet's summary is kept in the build directory, as the plugin keeps it
        assertThat(Files.readString(directory.resolve("migrate/fleet.json")))
                .contains("\"command\"")
                .contains("tenant_b");
        assertThat(lines).contains("The fleet's summary is in " + directory.resolve("migrate/fleet.json") + ".");
    }

    @Test
    void aFleetsOfflineScriptsAreOnePerTenantBesideEachOther() throws IOException {
        FleetSettings fleet = new FleetSettings("tenant_a, tenant_b", List.of(), null, null, null, false, 0);
        new UpgradeCommand(RevisionTarget.of("head"))
                .run(fleet, new SqlScript(directory.resolve("upgrade.sql")), face(null, CreateOrders.class));

        assertThat(Files.readString(directory.resolve("upgrade-tenant_a.sql"))).contains("tenant_a");
        assertThat(Files.readString(directory.resolve("upgrade-tenant_b.sql"))).contains("tenant_b");
        assertThat(lines)
                .contains("Wrote 2 SQL scripts, one per tenant: " + directory.resolve("upgrade-tenant_a.sql")
                        + " and the others beside it.");
        assertThat(databasesAsked()).isZero();
    }

    @Test
    void aTenantsScriptThatCannotBeWrittenIsNamedWithTheFix() throws IOException {
        Files.writeString(directory.resolve("blocked"), "a file where a directory should be");
        FleetSettings fleet = new FleetSettings("tenant_a", List.of(), null, null, null, false, 0);
        MigrateException e = catchThrowableOfType(
                MigrateException.class,
                () -> new UpgradeCommand(RevisionTarget.of("head"))
                        .run(
                                fleet,
                                new SqlScript(directory.resolve("blocked/upgrade.sql")),
                                face(null, CreateOrders.class)));

        assertThat(e)
                .hasMessageContaining("tenant_a")
                .hasMessageContaining("blocked")
                .hasMessageContaining("writable");
    }

    @Test
    void aMisspeltTargetFailsOnceBeforeTheFleetsTenantsAreLookedFor() {
        String database = TestPostgres.createDatabase("change_misspelt");
        FleetSettings fleet = new FleetSettings("tenant_%", List.of(), null, null, null, false, 0);

        BadTargetException e = catchThrowableOfType(
                BadTargetException.class,
                () -> new UpgradeCommand(RevisionTarget.of("hed"))
                        .run(fleet, null, face(database, CreateOrders.class)));

        assertThat(e.getMessage()).contains("'hed'");
        assertThat(directory.resolve("migrate/fleet.json")).doesNotExist();
    }

    /**
     * The context of these tests: their migrations, on {@code database} as a URL gives it (null: none), what a run
     * keeps in the temporary directory.
     */
    private CommandContext face(@Nullable String database, Class<?>... migrations) {
        List<Class<?>> chain = List.of(migrations);
        return TestContext.onUrl(
                output,
                database == null ? null : TestPostgres.jdbcUrl(database),
                directory,
                () -> Migrator.builder()
                        .migrations(chain.toArray(Class<?>[]::new))
                        .log(log));
    }

    /** How many times a database was used: each is announced. */
    private long databasesAsked() {
        return lines.stream()
                .filter(line -> line.startsWith("Using PostgreSQL at"))
                .count();
    }

    private static List<String> versions(String database, String schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version_num FROM " + schema + ".migrate_version")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return rows;
            }
            throw e;
        }
        return rows;
    }
}
