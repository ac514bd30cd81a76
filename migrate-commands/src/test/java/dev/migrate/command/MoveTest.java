package dev.migrate.command;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.BadTargetException;
import dev.migrate.FleetResult;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.RevisionTarget;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Move} through a face as the plugin and the command line give one, on the embedded server. */
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
    private final StringWriter script = new StringWriter();
    private int databasesAsked;

    @Test
    void anUpgradeRunsOnTheFacesDatabaseAndADowngradeTakesItBack() throws SQLException {
        DataSource database = TestPostgres.freshDatabase("change_one");
        Move.upgrade(RevisionTarget.of("head")).run(null, false, face(database, CreateOrders.class));
        assertThat(versions(database, "public")).containsExactly("c1");

        Move.downgrade(RevisionTarget.of("base")).run(null, false, face(database, CreateOrders.class));
        assertThat(versions(database, "public")).isEmpty();
        Move.stamp(RevisionTarget.of("c1"), false).run(null, false, face(database, CreateOrders.class));
        assertThat(versions(database, "public")).containsExactly("c1");
    }

    @Test
    void offlineTheScriptGoesWhereTheFaceSaysAndNoDatabaseIsAsked() {
        Move.upgrade(RevisionTarget.of("head")).run(null, true, face(null, CreateOrders.class));
        assertThat(script.toString()).contains("CREATE TABLE", "orders");
        assertThat(databasesAsked).isZero();
    }

    @Test
    void aFleetThatFailsOnATenantNamesItAndWhereItsMessageIs() throws SQLException {
        DataSource database = TestPostgres.freshDatabase("change_fleet");
        FleetSettings fleet = new FleetSettings("tenant_a, tenant_b, tenant_c", List.of(), null, null, 1, false, 0);

        MigrateException e = catchThrowableOfType(
                MigrateException.class,
                () -> Move.upgrade(RevisionTarget.of("head"))
                        .run(fleet, false, face(database, CreateOrders.class, FailsOnB.class)));

        // the first failure's first line too: the one line a deploy shows says why
        assertThat(e.getMessage())
                .startsWith("1 tenant of 3 failed (tenant_b). tenant_b: ")
                .contains("tenant_b refuses")
                .doesNotContain("\n")
                .endsWith(". Each failure's message is in the summary above and in fleet.json; fix it and run test "
                        + "upgrade again: the tenants at their target are left alone.");
        assertThat(versions(database, "tenant_a")).containsExactly("c2");
        assertThat(versions(database, "tenant_c")).containsExactly("c2");
        assertThat(lines).contains("fleet ran: upgrade head, 3 tenants");
    }

    @Test
    void aFleetsOfflineScriptsAreOnePerTenantBesideEachOther() throws IOException {
        FleetSettings fleet = new FleetSettings("tenant_a, tenant_b", List.of(), null, null, null, false, 0);
        Move.upgrade(RevisionTarget.of("head")).run(fleet, true, face(null, CreateOrders.class));

        assertThat(Files.readString(directory.resolve("upgrade-tenant_a.sql"))).contains("tenant_a");
        assertThat(Files.readString(directory.resolve("upgrade-tenant_b.sql"))).contains("tenant_b");
        assertThat(lines)
                .contains("Wrote 2 SQL scripts, one per tenant: " + directory.resolve("upgrade-tenant_a.sql")
                        + " and the others beside it.");
        assertThat(databasesAsked).isZero();
    }

    @Test
    void aTenantsScriptThatCannotBeWrittenIsNamedWithTheFix() throws IOException {
        Files.writeString(directory.resolve("blocked"), "a file where a directory should be");
        FleetSettings fleet = new FleetSettings("tenant_a", List.of(), null, null, null, false, 0);
        Move.Face blocked = new Face(null, CreateOrders.class) {
            @Override
            public Path tenantScript(String tenant) {
                return directory.resolve("blocked/upgrade-" + tenant + ".sql");
            }
        };

        MigrateException e = catchThrowableOfType(
                MigrateException.class,
                () -> Move.upgrade(RevisionTarget.of("head")).run(fleet, true, blocked));

        assertThat(e)
                .hasMessageContaining("tenant_a")
                .hasMessageContaining("blocked")
                .hasMessageContaining("writable");
    }

    @Test
    void aMisspeltTargetFailsOnceBeforeTheFleetsTenantsAreLookedFor() {
        DataSource database = TestPostgres.freshDatabase("change_misspelt");
        FleetSettings fleet = new FleetSettings("tenant_%", List.of(), null, null, null, false, 0);

        BadTargetException e = catchThrowableOfType(
                BadTargetException.class,
                () -> Move.upgrade(RevisionTarget.of("hed")).run(fleet, false, face(database, CreateOrders.class)));

        assertThat(e.getMessage()).contains("'hed'");
        assertThat(lines).noneMatch(line -> line.startsWith("fleet ran"));
    }

    @SafeVarargs
    private Move.Face face(@Nullable DataSource database, Class<? extends Migration>... migrations) {
        return new Face(database, migrations);
    }

    /** The face of these tests: their migrations, the embedded database, scripts in the temporary directory. */
    private class Face extends RecordingFace implements Move.Face {
        private final @Nullable DataSource database;
        private final Class<?>[] migrations;
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

        Face(@Nullable DataSource database, Class<?>... migrations) {
            super(lines);
            this.database = database;
            this.migrations = migrations;
        }

        @Override
        public Migrator.Builder migrations(boolean online) {
            return Migrator.builder().migrations(migrations).log(log);
        }

        @Override
        public void onDatabase(Consumer<Migrator.Builder> work) {
            databasesAsked++;
            work.accept(migrations(true).dataSource(Objects.requireNonNull(database, "a face without a database")));
        }

        @Override
        public Optional<String> script(Consumer<Writer> writing) {
            writing.accept(script);
            return Optional.empty();
        }

        @Override
        public Path tenantScript(String tenant) {
            return directory.resolve("upgrade-" + tenant + ".sql");
        }

        @Override
        public Optional<String> fleetRan(Move change, FleetResult result) {
            lines.add("fleet ran: " + change.kind().command() + " " + change.target() + ", "
                    + result.tenants().size() + " tenants");
            return Optional.of("fleet.json");
        }
    }

    private static List<String> versions(DataSource database, String schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection();
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
