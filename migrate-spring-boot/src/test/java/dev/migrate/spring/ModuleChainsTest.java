package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter finds the module chains its class path ships (each element's {@code META-INF/migrate/module.properties},
 * as a library jar carries it) at startup, and applies each module after those it depends on, then the application's
 * own revisions: nobody lists the modules' packages in {@code migrate.packages}.
 */
class ModuleChainsTest {
    @TempDir
    Path elements;

    @Test
    void theStarterAppliesEveryModuleOnTheClassPathInTheOrderOfTheModuleGraph() throws IOException {
        String database = TestPostgres.createDatabase("starter_modules");
        DataSource dataSource = TestPostgres.dataSource(database);
        // support's element comes first on the class path: the module graph, not the class path, orders them
        try (URLClassLoader application = new URLClassLoader(
                new URL[] {
                    element("support", "name=support\npackage=dev.migrate.spring.modules.support\ndependsOn=crm\n"),
                    element("crm", "name=crm\npackage=dev.migrate.spring.modules.crm\n")
                },
                getClass().getClassLoader())) {
            new ApplicationContextRunner()
                    .withClassLoader(application)
                    .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                    .withBean(DataSource.class, () -> dataSource)
                    .withPropertyValues("migrate.packages=dev.migrate.spring.modules.app")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(MigrateAutoConfigurationTest.query(
                                        dataSource, "SELECT revision FROM migrate_history ORDER BY id"))
                                .containsExactly("crm.20261129_090000", "support.20261129_090000", "a1");
                        assertThat(MigrateAutoConfigurationTest.query(
                                        dataSource, "SELECT version_num FROM migrate_version ORDER BY 1"))
                                .containsExactly("a1", "crm.20261129_090000", "support.20261129_090000");
                    });
        }
    }

    /** A class path element that ships a module's declaration, its classes being the test's own. */
    private URL element(String name, String properties) throws IOException {
        Path file = elements.resolve(name).resolve("META-INF/migrate/module.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, properties);
        return elements.resolve(name).toUri().toURL();
    }
}
