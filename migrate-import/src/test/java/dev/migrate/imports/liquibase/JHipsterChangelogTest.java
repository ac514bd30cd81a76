package dev.migrate.imports.liquibase;

import static dev.migrate.imports.liquibase.LiquibaseTesting.RESOURCES;
import static dev.migrate.imports.liquibase.LiquibaseTesting.loader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.imports.tool.OldChain;
import dev.migrate.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real project's changelog: the JHipster sample application's (https://github.com/jhipster/jhipster-sample-app,
 * Apache License 2.0, {@code src/main/resources/config/liquibase/} at f8da577c, copied unchanged to
 * {@code src/test/resources/liquibase/jhipster-sample-app/config/liquibase/} with its licence). It uses dbms-specific
 * properties, loadData from CSV files, and the {@code faker} context the application's dev profile runs with.
 */
class JHipsterChangelogTest {
    private static final LiquibaseProject DEV = new LiquibaseProject(
            List.of(RESOURCES.resolve("jhipster-sample-app")),
            "config/liquibase/master.xml",
            Map.of(),
            "dev, faker",
            null);

    @Test
    void readsWithoutRefusalAndMatchesRealLiquibase() throws Exception {
        LiquibaseChangelog changelog = LiquibaseChangelog.parse(loader(), DEV);
        OldChain chain = changelog.toChain();
        assertThat(chain.refusals()).isEmpty();
        assertThat(changelog.changeSets())
                .extracting(LiquibaseChangeSet::key)
                .contains("config/liquibase/changelog/00000000000000_initial_schema.xml::00000000000001::jhipster")
                .doesNotContain(
                        "config/liquibase/changelog/00000000000000_initial_schema.xml::00000000000002::jhipster");

        String byLiquibase = LiquibaseTesting.updatedDatabase(DEV, new LiquibaseUpdate.Stop.All());
        assertThat(LiquibaseTesting.history(byLiquibase)).isEqualTo(LiquibaseTesting.expectedHistory(changelog));

        // loadData became INSERTs: the same rows, the same columns
        String byImport = TestPostgres.createDatabase("liquibase_jhipster");
        LiquibaseTesting.apply(byImport, chain);
        assertThat(LiquibaseTesting.columns(byImport)).isEqualTo(LiquibaseTesting.columns(byLiquibase));
        String users = "SELECT id::text, login, activated::text FROM jhi_user ORDER BY id";
        assertThat(LiquibaseTesting.rows(byImport, users))
                .isEqualTo(LiquibaseTesting.rows(byLiquibase, users))
                .isNotEmpty();
        String operations = "SELECT id::text, date::text, description, amount::text FROM operation ORDER BY id";
        assertThat(LiquibaseTesting.rows(byImport, operations))
                .isEqualTo(LiquibaseTesting.rows(byLiquibase, operations))
                .hasSizeGreaterThan(10);
    }
}
