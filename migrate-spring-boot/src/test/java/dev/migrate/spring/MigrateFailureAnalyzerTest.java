package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * The starter's failures at startup read as Spring Boot's failure analysis: a context that fails on the
 * embedded PostgreSQL (or on a port where nothing listens), analysed by the analyzers Spring Boot loads
 * from {@code spring.factories} with the application's environment, as it does at startup.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrateFailureAnalyzerTest {
    @TempDir
    Path config;

    @Test
    void aRefusedConnectionNamesTheServerTheUserAndTheSettingWithItsFile() throws IOException {
        int port = freePort();
        FailureAnalysis analysis = analyse(
                "spring.datasource.url=jdbc:postgresql://localhost:" + port + "/shop\n"
                        + "spring.datasource.username=shopper\n"
                        + "spring.datasource.password=refused-secret-99\n",
                "migrate.packages=dev.migrate.spring.fixtures");
        assertThat(analysis.getDescription())
                .startsWith("Could not connect to PostgreSQL at localhost:" + port + ", database shop, user shopper: ")
                .doesNotContain("refused-secret-99");
        assertThat(analysis.getAction())
                .isEqualTo("Start the server, or fix the URL (it came from spring.datasource.url in "
                        + "application.properties line 1).");
    }

    @Test
    void aDurationWithoutItsUnitIsRefusedBeforeAnythingRunsAsThePluginRefusesIt()
            throws IOException, java.sql.SQLException {
        // Spring alone binds a bare number as milliseconds: a 7 ms statement timeout that failed the first
        // migration, with an action that pointed at the migrations
        String database = TestPostgres.createDatabase("analysis_bare_duration");
        FailureAnalysis analysis = analyse(
                "spring.datasource.url=" + TestPostgres.jdbcUrl(database) + "\nmigrate.statement-timeout=7\n",
                "migrate.packages=dev.migrate.spring.fixtures");
        assertThat(analysis.getDescription())
                .isEqualTo("The migrate.statement-timeout '7' has no unit: write 7s for seconds or 7ms for "
                        + "milliseconds (PostgreSQL would read a bare 7 as milliseconds).");
        assertThat(analysis.getAction()).startsWith("Write the setting with its unit where it is set");
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                ResultSet rs = c.getMetaData().getTables(null, "public", "migrate_version", null)) {
            assertThat(rs.next()).as("nothing ran").isFalse();
        }
    }

    @Test
    void aDedicatedUrlIsTheSettingNamed() throws IOException {
        int port = freePort();
        String application = TestPostgres.createDatabase("analysis_application");
        FailureAnalysis analysis = analyse(
                "migrate.url=jdbc:postgresql://localhost:" + port + "/deploys\nmigrate.user=deployer\n"
                        + "spring.datasource.url=" + TestPostgres.jdbcUrl(application) + "\n",
                "migrate.packages=dev.migrate.spring.fixtures");
        assertThat(analysis.getDescription())
                .startsWith(
                        "Could not connect to PostgreSQL at localhost:" + port + ", database deploys, user deployer");
        assertThat(analysis.getAction()).contains("it came from migrate.url in application.properties line 1");
    }

    @Test
    void aLoginTheServerRefusesNamesTheUserAndWhereItsPasswordIsSet() throws IOException {
        String database = TestPostgres.createDatabase("analysis_login");
        FailureAnalysis analysis = analyse(
                "spring.datasource.url=jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "\n"
                        + "spring.datasource.username=nobody_here\n"
                        + "spring.datasource.password=login-secret-42\n",
                "migrate.packages=dev.migrate.spring.fixtures");
        assertThat(analysis.getDescription())
                .isEqualTo("PostgreSQL at localhost:" + TestPostgres.port() + ", database " + database
                        + ", rejected the credentials of user nobody_here.");
        assertThat(analysis.getAction())
                .isEqualTo("Fix the password in spring.datasource.password in application.properties line 3, or the "
                        + "user name.");
    }

    @Test
    void validateModeOnAFleetNamesTheTenantsBehindHeadOnce() throws IOException, java.sql.SQLException {
        String database = TestPostgres.createDatabase("analysis_fleet");
        try (java.sql.Connection c = TestPostgres.dataSource(database).getConnection();
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA t_one");
        }
        FailureAnalysis analysis = analyse(
                "spring.datasource.url=jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "\n"
                        + "spring.datasource.username=postgres\n",
                "migrate.packages=dev.migrate.spring.fixtures",
                "migrate.mode=validate",
                "migrate.tenants=t_one");
        // the fleet's own sentence, as the goal and the command line write it, without its command
        assertThat(analysis.getDescription())
                .isEqualTo("1 tenant is not at head: t_one. migrate.mode=validate checks the database at startup and "
                        + "changes nothing.");
        assertThat(analysis.getAction()).startsWith("Upgrade this database before the application starts: ");
    }

    @Test
    void validateModeNamesTheCommandThatUpgradesThisDatabaseWithoutItsPassword() throws IOException {
        String database = TestPostgres.createDatabase("analysis_validate");
        FailureAnalysis analysis = analyse(
                "spring.datasource.url=jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database
                        + "?password=validate-secret-7\n"
                        + "spring.datasource.username=postgres\n",
                "migrate.packages=dev.migrate.spring.fixtures",
                "migrate.mode=validate");
        assertThat(analysis.getDescription())
                .isEqualTo("The database is not at head: it is at base (no revision applied) while the migrations' "
                        + "heads are s2. migrate.mode=validate checks the database at startup and changes nothing.");
        assertThat(analysis.getAction())
                .isEqualTo("Upgrade this database before the application starts: mvn migrate:upgrade "
                        + "-Dmigrate.url=jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database
                        + " -Dmigrate.user=postgres (the password: -Dmigrate.password, or a settings.xml <server> "
                        + "named by -Dmigrate.serverId). Or set migrate.mode=upgrade to upgrade it at startup.")
                .doesNotContain("validate-secret-7");
    }

    @Test
    void inKubernetesTheActionNamesTheCommandLineThatTheJobRuns() throws IOException {
        // a pod has no Maven: the upgrade is the command line's, as the release's Job or init container runs it
        String database = TestPostgres.createDatabase("analysis_validate_k8s");
        FailureAnalysis analysis = analyse(
                "spring.datasource.url=jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "\n"
                        + "spring.datasource.username=postgres\nmigrate.version-table=boot_vt\n",
                "migrate.packages=dev.migrate.spring.fixtures",
                "migrate.mode=validate",
                "KUBERNETES_SERVICE_HOST=10.96.0.1");
        assertThat(analysis.getAction())
                .isEqualTo("Upgrade this database before the application starts: migrate upgrade --url "
                        + "jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database
                        + " --user postgres --version-table boot_vt, as the release's migrate Job or init container"
                        + " runs the command line (the password: the database URL's Secret in MIGRATE_DATABASE_URL, or"
                        + " --password). Or set migrate.mode=upgrade to upgrade it at startup.")
                .doesNotContain("mvn ");
    }

    @Test
    void theCommandThatUpgradesNamesTheSchemaAndTablesTheApplicationSet() throws IOException {
        // without them the goal reads public.migrate_version, finds no revision and applies the chain again
        String database = TestPostgres.createDatabase("analysis_validate_tables");
        FailureAnalysis analysis = analyse(
                "spring.datasource.url=jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "\n"
                        + "spring.datasource.username=postgres\n"
                        + "migrate.schema=bs\nmigrate.versionTable=boot_vt\nmigrate.history-table=boot_ht\n",
                "migrate.packages=dev.migrate.spring.fixtures",
                "migrate.mode=validate");
        assertThat(analysis.getAction())
                .startsWith("Upgrade this database before the application starts: mvn migrate:upgrade "
                        + "-Dmigrate.url=jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database
                        + " -Dmigrate.user=postgres -Dmigrate.schema=bs -Dmigrate.versionTable=boot_vt "
                        + "-Dmigrate.historyTable=boot_ht (the password: ");
    }

    @Test
    void aFailingMigrationIsDescribedByTheEngineAndTheActionNamesIt() throws IOException {
        String database = TestPostgres.createDatabase("analysis_failing");
        FailureAnalysis analysis = analyse(
                "spring.datasource.url=jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "\n"
                        + "spring.datasource.username=postgres\n",
                "migrate.packages=dev.migrate.spring.failing");
        assertThat(analysis.getDescription())
                .startsWith("Migration f1 (reads a table that is not there) failed during upgrade.")
                .contains("42P01")
                .contains("no_such_table");
        assertThat(analysis.getAction())
                .startsWith("Fix migration f1 (or the data it failed on) and start the application again")
                .contains("mvn migrate:upgrade -Dmigrate.url=jdbc:postgresql://localhost:" + TestPostgres.port());
    }

    @Test
    void aBrokenChainIsDescribedByTheEngine() throws IOException {
        String database = TestPostgres.createDatabase("analysis_broken");
        FailureAnalysis analysis = analyse(
                "spring.datasource.url=jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database + "\n"
                        + "spring.datasource.username=postgres\n",
                "migrate.packages=dev.migrate.spring.broken");
        assertThat(analysis.getDescription()).contains("b2").contains("b1");
        assertThat(analysis.getAction())
                .contains("mvn migrate:history")
                .contains("migrate.packages (dev.migrate.spring.broken)");
    }

    /** What a person sees: Spring Boot's report, not a stack trace. */
    @Test
    void anApplicationThatCannotReachItsDatabasePrintsTheReportAndNoStackTrace(CapturedOutput output) {
        int port = freePort();
        SpringApplication application = new SpringApplication(FailingApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run(
                        "--spring.datasource.url=jdbc:postgresql://localhost:" + port + "/shop",
                        "--spring.datasource.username=shopper",
                        "--spring.datasource.type=org.postgresql.ds.PGSimpleDataSource",
                        "--migrate.packages=dev.migrate.spring.fixtures"))
                .isNotNull();
        assertThat(output.toString())
                .contains("APPLICATION FAILED TO START")
                .contains("Could not connect to PostgreSQL at localhost:" + port + ", database shop, user shopper")
                .contains("Start the server, or fix the URL (it came from spring.datasource.url")
                .doesNotContain("\tat ");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class})
    static class FailingApplication {}

    /**
     * Starts a context whose settings are {@code applicationProperties} (read from an
     * {@code application.properties} file, so they have a file and a line) and {@code more}, and
     * analyses its failure as Spring Boot does: the first analyzer with an answer wins.
     */
    private FailureAnalysis analyse(String applicationProperties, String... more) throws IOException {
        Path file = config.resolve("application.properties");
        Files.writeString(file, applicationProperties);
        ConfigurableEnvironment environment = new StandardEnvironment();
        new PropertiesPropertySourceLoader()
                .load("application.properties", new FileSystemResource(file))
                .forEach(source -> environment.getPropertySources().addLast(source));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        new ApplicationContextRunner(() -> {
                    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
                    context.setEnvironment(environment);
                    return context;
                })
                .withConfiguration(
                        AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrateAutoConfiguration.class))
                .withPropertyValues("spring.datasource.type=org.postgresql.ds.PGSimpleDataSource")
                .withPropertyValues(more)
                .run(context -> failure.set(context.getStartupFailure()));
        assertThat(failure.get()).as("the context fails to start").isNotNull();
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(
                        getClass().getClassLoader())
                .load(
                        FailureAnalyzer.class,
                        ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
                                .and(Environment.class, environment),
                        // as Spring Boot does: an analyzer that needs what this class path lacks is left out
                        FailureHandler.handleMessage((message, cause) -> {}));
        assertThat(analyzers).hasAtLeastOneElementOfType(MigrateFailureAnalyzer.class);
        FailureAnalysis analysis = analyzers.stream()
                .map(a -> a.analyze(failure.get()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no analyzer took " + failure.get()));
        assertThat(analysis.getCause()).isInstanceOf(dev.migrate.MigrateException.class);
        return analysis;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
