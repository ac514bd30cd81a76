package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.AppliedStep;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.NotAtHeadException;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.command.settings.SettingType;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.spring.fixtures.M2SeedThings;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The auto-configuration in a real application context, against the embedded PostgreSQL. */
class MigrateAutoConfigurationTest {
    private String database;
    private DataSource dataSource;
    private ApplicationContextRunner runner;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.createDatabase("starter");
        dataSource = TestPostgres.dataSource(database);
        runner = new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(MigrateAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(M2SeedThings.class, () -> new M2SeedThings("from-spring"))
                .withPropertyValues("migrate.packages=dev.migrate.spring.fixtures");
    }

    @Test
    void upgradesToHeadAtStartupBeforeJdbcTemplateAndBeansThatUseTheDatabase() {
        List<AppliedStep> heard = new CopyOnWriteArrayList<>();
        runner.withBean(MigrationListener.class, () -> new MigrationListener() {
                    @Override
                    public void afterStep(AppliedStep step) {
                        heard.add(step);
                    }
                })
                .withBean(MarkedThingCounter.class, () -> new MarkedThingCounter(dataSource))
                .run(context -> {
                    assertThat(context)
                            .hasNotFailed()
                            .hasSingleBean(Migrator.class)
                            .hasSingleBean(JdbcTemplate.class);
                    assertThat(context.getBean(MarkedThingCounter.class).things).containsExactly("from-spring");
                    assertThat(context.getBeanFactory()
                                    .getBeanDefinition("jdbcTemplate")
                                    .getDependsOn())
                            .contains("migrateInitializer");
                    assertThat(heard).extracting(AppliedStep::revision).containsExactly("s1", "s2");
                    assertThat(query(dataSource, "SELECT version_num FROM migrate_version"))
                            .containsExactly("s2");
                });
    }

    /** One jar for Boot 3.5 and 4.0: the ordering names the DataSource auto-configuration of both lines, as strings. */
    @Test
    void ordersAfterTheDataSourceAutoConfigurationOfBothBootLinesByName() {
        AutoConfiguration autoConfiguration = MigrateAutoConfiguration.class.getAnnotation(AutoConfiguration.class);
        assertThat(autoConfiguration.after()).isEmpty();
        assertThat(autoConfiguration.afterName())
                .containsExactly(
                        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
                        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
    }

    @Test
    void migratesEveryTenantSchemaOfMigrateTenantsAtStartup() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA t_one; CREATE SCHEMA t_two; CREATE SCHEMA other");
        }
        runner.withPropertyValues("migrate.tenants=t\\_%", "migrate.parallel=2").run(context -> {
            assertThat(context).hasNotFailed();
            for (String schema : List.of("t_one", "t_two")) {
                assertThat(query(dataSource, "SELECT version_num FROM " + schema + ".migrate_version"))
                        .containsExactly("s2");
                assertThat(query(dataSource, "SELECT name FROM " + schema + ".things"))
                        .containsExactly("from-spring");
            }
            assertThat(query(
                            dataSource,
                            "SELECT count(*) FROM information_schema.tables WHERE table_schema IN "
                                    + "('public', 'other') AND table_name IN ('things', 'migrate_version')"))
                    .containsExactly("0");
        });
        runner.withPropertyValues("migrate.tenants=t\\_%", "migrate.mode=validate")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void validateOnAFleetFailsStartupNamingTheTenantsBehindHeadAsTheGoalDoes() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA t_new");
        }
        runner.withPropertyValues("migrate.tenants=t_new", "migrate.mode=validate")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(dev.migrate.NotAtHeadException.class)
                            .hasMessage(
                                    "1 tenant is not at head: t_new. Run mvn compile migrate:upgrade with the same tenants first.");
                    // validate changes nothing
                    assertThat(query(dataSource, "SELECT to_regclass('t_new.migrate_version') IS NULL"))
                            .containsExactly("t");
                });
    }

    @Test
    void migratesADataSourcePerTenantFromAMigrateTenantsBean() throws SQLException {
        DataSource eu = TestPostgres.freshDatabase("starter_eu");
        DataSource us = TestPostgres.freshDatabase("starter_us");
        runner.withBean(MigrateTenants.class, () -> MigrateTenants.dataSources(java.util.Map.of("eu", eu, "us", us)))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    for (DataSource tenant : List.of(eu, us)) {
                        assertThat(query(tenant, "SELECT version_num FROM migrate_version"))
                                .containsExactly("s2");
                    }
                    // the application's own database is no tenant
                    assertThat(query(dataSource, "SELECT to_regclass('migrate_version') IS NULL"))
                            .containsExactly("t");
                });
    }

    @Test
    void aTenantThatFailsStopsStartupNamingIt() throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA t_ok; CREATE SCHEMA t_bad; CREATE TABLE t_bad.things (name text)");
        }
        runner.withPropertyValues("migrate.tenants=t_ok, t_bad").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageStartingWith("1 tenant of 2 failed (t_bad). t_bad: ")
                    .hasMessageContaining("\"things\" already exists");
            assertThat(query(dataSource, "SELECT version_num FROM t_ok.migrate_version"))
                    .containsExactly("s2");
        });
    }

    /** Reads the schema as it is created: it sees the migrated table only if Spring creates it after the migration. */
    @DependsOnDatabaseInitialization
    static final class MarkedThingCounter {
        final List<String> things;

        MarkedThingCounter(DataSource dataSource) {
            try {
                this.things = query(dataSource, "SELECT name FROM things");
            } catch (SQLException e) {
                throw new IllegalStateException("things is not there yet: " + e.getMessage(), e);
            }
        }
    }

    @Test
    void aStrategyBeanReplacesTheDefault() {
        runner.withBean(MigrateStrategy.class, () -> migrator -> migrator.upgrade("+1"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(query(dataSource, "SELECT version_num FROM migrate_version"))
                            .containsExactly("s1");
                });
    }

    @Test
    void everyDurationIsReadWithItsUnitUnderEachSpellingAndABareNumberIsRefused() {
        runner.withPropertyValues(
                        "migrate.lock-timeout=0",
                        "migrate.statement-timeout=PT30S",
                        "migrate.progress-interval=500ms",
                        "migrate.validate.wait-timeout=2m",
                        "migrate.health.drift-interval=1h")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ResolvedSettings settings =
                            context.getBean(StarterSettings.class).resolved();
                    assertThat(settings.given(SettingsTable.STATEMENT_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
                    assertThat(settings.given(SettingsTable.PROGRESS_INTERVAL)).isEqualTo(Duration.ofMillis(500));
                });
        List<String> durations = SettingsTable.ALL.stream()
                .filter(s -> s.takenBy(Face.SPRING_BOOT) && s.type().equals(SettingType.DURATION))
                .map(s -> s.spelled(Face.SPRING_BOOT))
                .toList();
        assertThat(durations).contains("migrate.lock-timeout", "migrate.lock-wait-timeout");
        for (String bare : durations) {
            runner.withPropertyValues(bare + "=5")
                    .run(context -> assertThat(context.getStartupFailure())
                            .as(bare)
                            .rootCause()
                            .isInstanceOf(StarterSettings.BadSetting.class)
                            .hasMessageStartingWith("The " + bare + " '5' has no unit: write 5s for seconds"));
        }
        // Spring's relaxed names are the same setting
        runner.withPropertyValues("migrate.lockTimeout=5")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageStartingWith("The migrate.lock-timeout '5' has no unit"));
    }

    @Test
    void validateModeFailsStartupBehindHeadWithMigratesMessage() {
        runner.withPropertyValues("migrate.mode=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(NotAtHeadException.class)
                    .hasMessageStartingWith(
                            "The database is not at head: it is at base (no revision applied) while the "
                                    + "migrations' heads are s2.");
        });
    }

    /**
     * An old instance starting after a newer one migrated past its last revision, as in a rolling
     * deploy: the newer build's version row is written as that build's upgrade leaves it.
     */
    @Test
    void validateModeStartsOnADatabaseANewerBuildMigratedOnlyWithAcceptFutureRevisions() throws Exception {
        runner.run(context -> assertThat(context).hasNotFailed());
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("UPDATE migrate_version SET version_num = 's3'");
            s.execute("INSERT INTO migrate_history (revision, direction, message) "
                    + "VALUES ('s3', 'upgrade', 'from a newer build')");
        }
        runner.withPropertyValues("migrate.mode=validate").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining(
                            "The database is at revision s3, which no migration class defines in this build. "
                                    + "If a newer version of the application migrated it")
                    .hasMessageContaining("migrate.accept-future-revisions=true")
                    .hasMessageNotContaining("stamp");
        });
        runner.withPropertyValues("migrate.mode=validate", "migrate.accept-future-revisions=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Migrator.class).current())
                            .extracting(Object::toString)
                            .containsExactly(
                                    "s3 (newer than this build: no migration class of it defines this revision)");
                });
        runner.withPropertyValues("migrate.accept-future-revisions=true")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(query(dataSource, "SELECT version_num FROM migrate_version")).containsExactly("s3");
        assertThat(query(dataSource, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .containsExactly("s1 upgrade", "s2 upgrade", "s3 upgrade");
    }

    @Test
    void modeNoneRunsNothingAndEnabledFalseLeavesMigrateOut() throws Exception {
        runner.withPropertyValues("migrate.mode=none").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
        });
        runner.withPropertyValues("migrate.enabled=false").run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(Migrator.class)
                    .doesNotHaveBean(MigrateInitializer.class);
        });
        assertThat(query(dataSource, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                .isEmpty();
    }

    @Test
    void propertiesReachTheMigrator() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA ops");
        }
        runner.withPropertyValues(
                        "migrate.schema=ops",
                        "migrate.version-table=app_version",
                        "migrate.history-table=app_history",
                        "migrate.lock-timeout=3s",
                        "migrate.target=s1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(query(dataSource, "SELECT version_num FROM ops.app_version"))
                            .containsExactly("s1");
                    assertThat(query(dataSource, "SELECT revision FROM ops.app_history"))
                            .containsExactly("s1");
                });
    }

    @Test
    void aDedicatedUrlIsUsedForMigrations() {
        String other = TestPostgres.createDatabase("starter_role");
        runner.withPropertyValues("migrate.url=" + TestPostgres.jdbcUrl(other)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(query(TestPostgres.dataSource(other), "SELECT version_num FROM migrate_version"))
                    .containsExactly("s2");
            assertThat(query(dataSource, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                    .isEmpty();
        });
    }

    @Test
    void aUserWithoutUrlLogsInToTheApplicationDatabaseAsThatRole() throws Exception {
        // the application connects as postgres; the migration role owns the database, so what it creates is its own
        String role = database + "_deployer";
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'deployer-pw'");
            s.execute("ALTER DATABASE " + database + " OWNER TO " + role);
        }
        runner.withPropertyValues("migrate.user=" + role, "migrate.password=deployer-pw")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(query(dataSource, "SELECT version_num FROM migrate_version"))
                            .containsExactly("s2");
                    assertThat(query(
                                    dataSource,
                                    "SELECT tablename || ' ' || tableowner FROM pg_tables "
                                            + "WHERE schemaname = 'public' ORDER BY 1"))
                            .containsExactly("migrate_history " + role, "migrate_version " + role, "things " + role);
                });
    }

    @Test
    void ofSeveralDataSourcesTheMarkedOneIsMigratedAndWithoutAMarkTheMessageSaysHowToChoose() throws Exception {
        String other = TestPostgres.createDatabase("starter_marked");
        ApplicationContextRunner twoDataSources = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withBean(M2SeedThings.class, () -> new M2SeedThings("from-spring"))
                .withPropertyValues("migrate.packages=dev.migrate.spring.fixtures", "test.marked-database=" + other);
        twoDataSources
                .withBean("appDataSource", DataSource.class, () -> dataSource)
                .withBean("ordersDataSource", DataSource.class, () -> TestPostgres.dataSource(other))
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessage("The application has several DataSource beans and none is @Primary, so migrate "
                                + "does not know which database to migrate. Mark the one to migrate with "
                                + "@MigrateDataSource (dev.migrate.spring.MigrateDataSource) on its @Bean method, or set "
                                + "migrate.url to its JDBC URL."));
        twoDataSources
                .withBean("appDataSource", DataSource.class, () -> dataSource, d -> d.setPrimary(true))
                .withUserConfiguration(MarkedDataSourceConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    // the marked one, ahead of the @Primary one
                    assertThat(query(TestPostgres.dataSource(other), "SELECT version_num FROM migrate_version"))
                            .containsExactly("s2");
                    assertThat(query(dataSource, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
                            .isEmpty();
                });
    }

    /** A second database, marked as the one to migrate, as an application declares it. */
    @Configuration(proxyBeanMethods = false)
    static class MarkedDataSourceConfiguration {
        @Bean
        @MigrateDataSource
        DataSource migrationsDataSource(@Value("${test.marked-database}") String database) {
            return TestPostgres.dataSource(database);
        }
    }

    @Test
    void withoutTheMigrationBeanItsClassServesTheGraphAndRunningItSaysWhereToRunIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("migrate.packages=dev.migrate.spring.fixtures")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageStartingWith(
                                "Migration class dev.migrate.spring.fixtures.M2SeedThings (revision s2) "
                                        + "cannot be created here: its constructor takes arguments (String)")
                        .hasMessageContaining("@Component"));
    }

    @Test
    void packageMessagesNameTheSpringBootSetting() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource);
        runner.withPropertyValues("migrate.packages=dev.migrate.spring.nothing_here")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageStartingWith("No migration was found in the package dev.migrate.spring.nothing_here")
                        .hasMessageContaining("migrate.packages in Spring Boot"));
        runner.withPropertyValues("migrate.packages=")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageStartingWith("The list of migrations packages is empty")
                        .hasMessageContaining("migrate.packages=db.migrations in Spring Boot"));
    }

    static List<String> query(DataSource ds, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
