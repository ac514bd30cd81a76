package dev.migrate.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.imports.flyway.FlywayMigrations;
import dev.migrate.imports.flyway.FlywayRun;
import dev.migrate.imports.flyway.FlywaySettings;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Flyway Java-based migration ({@code db.javamigration.V2__Seed_regions}, compiled with these tests) between two
 * SQL ones: imported as a revision that calls it, proved against Flyway running it from the project's classes, and
 * moved in from a database where Flyway ran it, which records no checksum for it.
 */
@LongSuite
class FlywayJavaMigrationTest {
    private static final Path SQL = Path.of("src/test/resources/moving-in/flyway-java/db/javamigration");
    private static final String PACKAGE = "db.imported.java";

    @Test
    void aJavaMigrationIsImportedAsARevisionThatCallsItProvedAndMovedIn(@TempDir Path project)
            throws IOException, SQLException {
        Path resources = Files.createDirectories(project.resolve("src/main/resources/db/javamigration"));
        try (var files = Files.list(SQL)) {
            for (Path file : files.toList()) {
                Files.copy(file, resources.resolve(file.getFileName()));
            }
        }
        Path sources = Files.createDirectories(project.resolve("src/main/java/db/javamigration"));
        Files.copy(
                Path.of("src/test/java/db/javamigration/V2__Seed_regions.java"),
                sources.resolve("V2__Seed_regions.java"));
        FlywaySettings settings = FlywaySettings.read(project, Map.of("locations", "classpath:db/javamigration"));
        OldChain chain = FlywayMigrations.read(settings);
        assertThat(chain.refusals()).isEmpty();
        assertThat(chain.migrations())
                .extracting(OldMigration::javaClass)
                .containsExactly(null, "db.javamigration.V2__Seed_regions", null);

        List<ImportedRevisions.Written> revisions = new ImportedRevisions(PACKAGE).of(chain, null);
        assertThat(revisions.get(1).file().toString())
                .contains("new db.javamigration.V2__Seed_regions().migrate(")
                .contains("getConnection() { return connection; }");
        List<Path> jars = new ArrayList<>(TestTools.jars());
        jars.add(Path.of("target/test-classes").toAbsolutePath()); // the project's classes, as the import adds them
        try (ToolLoader flyway = ToolLoader.of(OldTool.FLYWAY, jars)) {
            ImportProof.Result proof = new ImportProof("public", List.of("flyway_schema_history"))
                    .prove(
                            empty -> FlywayRun.migrate(
                                    flyway,
                                    FlywayRun.of(OldProject.Endpoint.of(empty).urlWithUser(), settings)),
                            TestPostgres.freshDatabase("java_flyway"),
                            revisions,
                            PACKAGE,
                            List.of(),
                            project.resolve("target/proof"),
                            TestPostgres.freshDatabase("java_migrate"));
            assertThat(proof.differences()).isEmpty();
            assertThat(proof.built().tables().keySet().toString()).contains("regions");

            String database = TestPostgres.createDatabase("java_at_2");
            FlywayRun.migrate(
                    flyway,
                    FlywayRun.of(TestPostgres.jdbcUrl(database), settings).withTarget("2"));
            DataSource old = TestPostgres.dataSource(database);
            ClassLoader classes = WrittenClasses.compile(
                    revisions,
                    List.of(),
                    project.resolve("target/classes"),
                    getClass().getClassLoader());
            Migrator.builder()
                    .dataSource(old)
                    .classLoader(classes)
                    .packages(PACKAGE)
                    .build()
                    .upgrade("heads");
            assertThat(FlywayMoveInTest.rows(
                            old, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                    .containsExactly("V1 imported", "V2 imported", "V3 upgrade");
            assertThat(FlywayMoveInTest.rows(old, "SELECT count(*) FROM regions"))
                    .containsExactly("2");
        }
    }
}
