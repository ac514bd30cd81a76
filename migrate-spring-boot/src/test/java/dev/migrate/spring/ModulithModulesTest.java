package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.command.ModuleScope;
import dev.migrate.spring.modulith.ShopApplication;
import dev.migrate.spring.modulithbad.BadShopApplication;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A Spring Modulith application's modules are migrate modules: the starter reads them from Spring Modulith's model
 * (each module's name, base package and the modules it depends on), so no {@code @MigrationModule} declares them.
 * Spring Modulith reads an application's classes and leaves out those in a test build's output
 * ({@code target/test-classes}), so the fixture's classes are also put in a directory of their own on the context's
 * class path, where it reads them.
 */
class ModulithModulesTest {
    @TempDir
    Path classes;

    @Test
    void theModulesOfSpringModulithMigrateInTheOrderOfTheirDependencies() throws IOException {
        String database = TestPostgres.createDatabase("starter_modulith");
        DataSource dataSource = TestPostgres.dataSource(database);
        try (URLClassLoader application = applicationOf("dev/migrate/spring/modulith")) {
            runner(application, ShopApplication.class, dataSource).run(context -> {
                assertThat(context).hasNotFailed();
                // same ids, and orders' foreign key needs inventory's table: Modulith's dependency orders them
                assertThat(MigrateAutoConfigurationTest.query(
                                dataSource, "SELECT revision FROM migrate_history ORDER BY id"))
                        .containsExactly("inventory.20261129_090000", "orders.20261129_090000");
                assertThat(MigrateAutoConfigurationTest.query(
                                dataSource, "SELECT version_num FROM migrate_version ORDER BY 1"))
                        .containsExactly("inventory.20261129_090000", "orders.20261129_090000");
                Migrator migrator = context.getBean(Migrator.class);
                // notifications holds no revision: no chain, and no error
                assertThat(MigratorTools.of(migrator).modules()).containsExactly("inventory", "orders");
                // by name alone inventory would come first too: the order is Modulith's dependency of orders
                assertThat(MigratorTools.of(migrator).modulesDependingOn("inventory"))
                        .contains("orders");
                assertThat(MigratorTools.of(migrator).modulesDependingOn("orders"))
                        .doesNotContain("inventory");
                assertThat(String.join(
                                "\n", new ModuleScope("orders").tools(migrator).historyReport(null, false)))
                        .contains("orders.20261129_090000")
                        .doesNotContain("inventory.");
                assertThat(String.join(
                                "\n",
                                new ModuleScope("inventory").tools(migrator).historyReport(null, false)))
                        .contains("inventory.20261129_090000")
                        .doesNotContain("orders.");
            });
        }
    }

    @Test
    void aMigrationModuleThatNamesASpringModulithModuleOtherwiseFailsStartupNamingBoth() throws IOException {
        DataSource dataSource = TestPostgres.dataSource(TestPostgres.createDatabase("starter_modulith_bad"));
        try (URLClassLoader application = applicationOf("dev/migrate/spring/modulithbad")) {
            runner(application, BadShopApplication.class, dataSource)
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining(
                                    "Package dev.migrate.spring.modulithbad.billing.migrations is declared as "
                                            + "module invoices by @MigrationModule on package "
                                            + "dev.migrate.spring.modulithbad.billing.migrations, and Spring Modulith's module billing "
                                            + "(package dev.migrate.spring.modulithbad.billing) holds it")
                            .hasMessageContaining("Name it billing, or remove the declaration"));
        }
    }

    @Test
    void withoutSpringModulithTheStarterStartsAndReadsNoModules() {
        DataSource dataSource = TestPostgres.dataSource(TestPostgres.createDatabase("starter_no_modulith"));
        runner(new FilteredClassLoader("org.springframework.modulith"), ShopApplication.class, dataSource)
                .withPropertyValues("migrate.packages=dev.migrate.spring.modules.crm")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ModuleModel.class);
                    assertThat(MigratorTools.of(context.getBean(Migrator.class)).modules())
                            .isEmpty();
                    assertThat(MigrateAutoConfigurationTest.query(
                                    dataSource, "SELECT version_num FROM migrate_version"))
                            .containsExactly("20261129_090000");
                });
    }

    private static ApplicationContextRunner runner(ClassLoader loader, Class<?> application, DataSource dataSource) {
        return new ApplicationContextRunner()
                .withClassLoader(loader)
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withUserConfiguration(application)
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("migrate.packages=dev.migrate.spring.modulith.none");
    }

    /** A class loader whose class path has the fixture's classes under {@code path} in a directory of their own. */
    private URLClassLoader applicationOf(String path) throws IOException {
        Path compiled;
        try {
            compiled = Path.of(ShopApplication.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .resolve(path);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path copy = classes.resolve(path);
        try (Stream<Path> files = Files.walk(compiled)) {
            files.forEach(file -> {
                try {
                    Path to = copy.resolve(compiled.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }
}
