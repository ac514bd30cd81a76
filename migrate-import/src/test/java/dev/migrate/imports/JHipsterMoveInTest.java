package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JHipster sample application's changelog (https://github.com/jhipster/jhipster-sample-app, Apache License 2.0,
 * {@code src/main/resources/config/liquibase/} at f8da577c, as JHipsterChangelogTest reads it, with the contexts its
 * dev profile runs) moving in: databases Liquibase left after the initial schema (its users loaded), after the first entity and its data, and after
 * every changeset (the CSV data loaded) each move in with one upgrade and end as a fresh one. The changelog has no
 * preconditions: no changeset is marked ran.
 */
class JHipsterMoveInTest {
    private static ToolLoader liquibase;
    private static ImportedLiquibaseChain jhipster;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        jhipster = ImportedLiquibaseChain.of(
                liquibase,
                new LiquibaseProject(
                        List.of(Path.of("src/test/resources/liquibase/jhipster-sample-app")
                                .toAbsolutePath()),
                        "config/liquibase/master.xml",
                        Map.of(),
                        "dev, faker",
                        null),
                "db.imported.jhipster",
                work);
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void databasesLiquibaseLeftAtThreePointsMoveIn() throws SQLException {
        DataSource fresh = jhipster.freshUpgraded();
        for (int count : List.of(2, 4, 100)) {
            String database = jhipster.liquibaseDatabase(count);
            jhipster.movesInAndEndsAs(fresh, database);
            assertThat(rows(TestPostgres.dataSource(database), "SELECT count(*) FROM jhi_user"))
                    .isEqualTo(rows(fresh, "SELECT count(*) FROM jhi_user"))
                    .doesNotContain("0");
        }
    }
}
