package dev.migrate.command.database;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one decision of the starter and the Quarkus extension between the application's pool, migrate's own URL, and
 * the pool's URL logged in as the migration role, as Flyway makes it with {@code spring.flyway.url} and {@code
 * spring.flyway.user} (Flyway's FlywayAutoConfigurationTests: "createDataSourceWithUrl", "createDataSourceWithUser").
 */
class ApplicationDatabaseTest {
    private static final ApplicationDatabase.Spelled SPRING =
            new ApplicationDatabase.Spelled("migrate.url", "migrate.user", "migrate.password");

    @Revision(id = "orders", message = "create orders")
    public static class Orders implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders", column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Test
    void withNothingOfItsOwnTheMigrationRunsOnTheApplicationsDataSource() throws SQLException {
        DataSource application = TestPostgres.freshDatabase("app_pool");
        upgrade(settings(null, null), () -> application);
        assertThat(owner(application)).containsExactly("postgres");
    }

    @Test
    void aUserWithoutUrlLogsInToTheDataSourcesUrlAsTheMigrationRole() throws SQLException {
        DataSource application = TestPostgres.freshDatabase("app_role");
        TestPostgres.execute(
                application,
                "DO $$ BEGIN CREATE ROLE app_migrator LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$",
                "GRANT CREATE ON SCHEMA public TO app_migrator",
                "GRANT CREATE ON DATABASE "
                        + TestPostgres.query(application, "SELECT current_database()")
                                .get(0) + " TO app_migrator");
        upgrade(settings(null, "app_migrator"), () -> application);
        assertThat(owner(application)).containsExactly("app_migrator");
    }

    @Test
    void migratesOwnUrlWinsAndTheApplicationsDataSourceIsNotAsked() throws SQLException {
        String database = TestPostgres.createDatabase("app_url");
        upgrade(settings(TestPostgres.jdbcUrl(database), "postgres"), () -> {
            throw new AssertionError("the application's DataSource was asked for, though migrate.url is set");
        });
        assertThat(owner(TestPostgres.dataSource(database))).containsExactly("postgres");
    }

    @Test
    void noUrlAndNoDataSourceLeavesTheBuilderWithoutADatabase() {
        Migrator.Builder builder = Migrator.builder();
        assertThat(ApplicationDatabase.connect(builder, settings(null, "app_migrator"), null, () -> null))
                .isSameAs(builder);
        assertThatThrownBy(() -> builder.migrations(Orders.class).build().upgrade("head"))
                .isInstanceOf(MigrateException.class);
    }

    @Test
    void aDataSourceWhoseUrlCannotBeReadIsNamedWithTheFix() {
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setURL("jdbc:postgresql://localhost:1/app");
        assertThatThrownBy(() -> ApplicationDatabase.connect(
                        Migrator.builder(), settings(null, "app_migrator"), null, () -> unreachable))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("migrate.user, migrate.password or a CredentialsProvider bean is set without"
                        + " migrate.url, so migrate connects to the JDBC URL of the application's DataSource, but"
                        + " could not read it: ")
                .hasMessageEndingWith("Set migrate.url to the JDBC URL the migration role connects to.");
    }

    private static ApplicationDatabase.Settings settings(@Nullable String url, @Nullable String user) {
        return new ApplicationDatabase.Settings(url, user, null, SPRING, "the application's DataSource");
    }

    private static void upgrade(
            ApplicationDatabase.Settings settings, java.util.function.Supplier<@Nullable DataSource> application) {
        ApplicationDatabase.connect(Migrator.builder(), settings, null, application)
                .migrations(Orders.class)
                .build()
                .upgrade("head");
    }

    private static List<String> owner(DataSource database) throws SQLException {
        return TestPostgres.query(database, "SELECT tableowner FROM pg_tables WHERE tablename = 'orders'");
    }
}
