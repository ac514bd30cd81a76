package dev.migrate.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.flyway.FlywayMigrations;
import dev.migrate.imports.flyway.FlywaySettings;
import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations of public open-source projects, imported and proved: the old tool builds its schema, migrate the
 * written revisions, and the two are the same.
 */
class PublicProjectsProofTest {
    private static final Path RESOURCES = Path.of("src/test/resources").toAbsolutePath();

    /**
     * vladmihalcea/high-performance-java-persistence (Apache-2.0), its PostgreSQL Flyway migrations
     * ({@code core/src/test/resources/flyway/db/postgresql/migration/} at 0666418d), as FlywayPublicProjectTest reads
     * them.
     */
    @Test
    void highPerformanceJavaPersistenceFlywayMigrations(@TempDir Path work) {
        Path folder = RESOURCES.resolve("flyway/high-performance-java-persistence");
        OldChain chain =
                FlywayMigrations.read(FlywaySettings.read(folder, Map.of("locations", "filesystem:" + folder)));
        List<ImportedRevisions.Written> revisions = new ImportedRevisions("db.hpjp").of(chain, null);
        try (ToolLoader flyway = TestTools.loader(OldTool.FLYWAY)) {
            List<String> differences = new ImportProof("public", List.of("flyway_schema_history"))
                    .prove(
                            TestTools.flyway(flyway, List.of(folder)),
                            TestPostgres.freshDatabase("hpjp_flyway"),
                            revisions,
                            "db.hpjp",
                            List.of(),
                            work,
                            TestPostgres.freshDatabase("hpjp_migrate"))
                    .differences();
            assertThat(differences).isEmpty();
        }
        assertThat(revisions).extracting(ImportedRevisions.Written::id).containsExactly("V1_0", "V1_1", "V1_2", "V1_3");
    }

    /**
     * jhipster/jhipster-sample-app (Apache-2.0), its Liquibase changelog ({@code src/main/resources/config/liquibase/}
     * at f8da577c) with the contexts its dev profile runs, as JHipsterChangelogTest reads it: loadData from CSV,
     * dbms-specific properties.
     */
    @Test
    void jhipsterSampleAppLiquibaseChangelog(@TempDir Path work) {
        LiquibaseProject project = new LiquibaseProject(
                List.of(RESOURCES.resolve("liquibase/jhipster-sample-app")),
                "config/liquibase/master.xml",
                Map.of(),
                "dev, faker",
                null);
        try (ToolLoader liquibase = TestTools.loader(OldTool.LIQUIBASE)) {
            OldChain chain = LiquibaseChangelog.read(liquibase, project);
            List<ImportedRevisions.Written> revisions = new ImportedRevisions("db.jhipster").of(chain, null);
            List<String> differences = new ImportProof("public", List.of("databasechangelog", "databasechangeloglock"))
                    .prove(
                            TestTools.liquibase(liquibase, project),
                            TestPostgres.freshDatabase("jhipster_liquibase"),
                            revisions,
                            "db.jhipster",
                            List.of(),
                            work,
                            TestPostgres.freshDatabase("jhipster_migrate"))
                    .differences();
            assertThat(differences).isEmpty();
            assertThat(revisions).hasSize(chain.migrations().size()).hasSizeGreaterThan(5);
        }
    }
}
