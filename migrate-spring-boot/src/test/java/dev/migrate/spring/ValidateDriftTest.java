package dev.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.drift.SchemaSnapshot;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.spring.fixtures.M2SeedThings;
import dev.migrate.testing.TestPostgres;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code migrate.validate-drift=true}: with the schema of the head among the application's classes (as
 * {@code migrate:snapshot} writes it), startup fails when the database was changed by hand, naming the
 * change, in validate mode and after an upgrade alike; a database in sync starts; a fleet and a target
 * below head are refused with the fix.
 */
class ValidateDriftTest {
    @TempDir
    Path classes;

    @Test
    void startupFailsOnADatabaseChangedByHandNamingTheChange() throws Exception {
        String database = TestPostgres.createDatabase("starter_drift");
        DataSource dataSource = TestPostgres.dataSource(database);
        runner(dataSource, getClass().getClassLoader())
                .run(context -> assertThat(context).hasNotFailed());
        ClassLoader application = withSnapshotOf(dataSource);

        runner(dataSource, application)
                .withPropertyValues("migrate.mode=validate", "migrate.validate-drift=true")
                .run(context -> assertThat(context).hasNotFailed());
        runner(dataSource, application)
                .withPropertyValues("migrate.validate-drift=true")
                .run(context -> assertThat(context).hasNotFailed());

        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE INDEX things_by_name ON things (lower(name))");
        }
        for (String mode : List.of("validate", "upgrade")) {
            runner(dataSource, application)
                    .withPropertyValues("migrate.mode=" + mode, "migrate.validate-drift=true")
                    .run(context -> {
                        assertThat(context).as(mode).hasFailed();
                        assertThat(context.getStartupFailure())
                                .as(mode)
                                .rootCause()
                                .hasMessageContaining("has drifted from the schema of revision s2 in 1 way")
                                .hasMessageContaining("index things_by_name on public.things: the database has it")
                                .hasMessageContaining("migrate:drift");
                    });
        }
        // off by default: the same database starts
        runner(dataSource, application)
                .withPropertyValues("migrate.mode=validate")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aFleetAndATargetBelowHeadAreRefusedWithTheFix() throws Exception {
        DataSource dataSource = TestPostgres.dataSource(TestPostgres.createDatabase("starter_drift_refused"));
        runner(dataSource, getClass().getClassLoader())
                .withPropertyValues("migrate.tenants=t_%", "migrate.validate-drift=true")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("names a fleet")
                        .hasMessageContaining("mvn migrate:drift -Dmigrate.tenants="));
        runner(dataSource, getClass().getClassLoader())
                .withPropertyValues("migrate.target=s1", "migrate.validate-drift=true")
                .run(context -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("migrate.target is s1")
                        .hasMessageContaining("remove migrate.target"));
    }

    private ApplicationContextRunner runner(DataSource dataSource, ClassLoader loader) {
        return new ApplicationContextRunner()
                .withClassLoader(loader)
                .withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource)
                .withBean(M2SeedThings.class, () -> new M2SeedThings("from-spring"))
                .withPropertyValues("migrate.packages=dev.migrate.spring.fixtures");
    }

    /** The application's classes with the schema of the head, read as migrate:snapshot reads it. */
    private ClassLoader withSnapshotOf(DataSource atHead) throws Exception {
        try (Connection c = atHead.getConnection()) {
            new SchemaSnapshot(
                            "s2",
                            c.getMetaData().getDatabaseMajorVersion(),
                            "public",
                            List.of(),
                            SchemaDrift.read(c, "public", Exclusions.versionTables()))
                    .writeUnder(classes);
        }
        return new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }
}
