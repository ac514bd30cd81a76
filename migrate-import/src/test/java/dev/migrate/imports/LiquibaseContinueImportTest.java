package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime precondition with {@code onFail="CONTINUE"} that fails on an empty database, before other changesets:
 * Liquibase 4.33 passes over the changeset ({@code ChangeSet.execute} returns SKIPPED, which {@code UpdateVisitor}
 * does not record), runs the ones after it and tries it again on its next update; the chain stops before it. The
 * import names this with the way out, the proof shows what differs, and a database Liquibase passed it over on moves
 * in once Liquibase has run it there.
 */
class LiquibaseContinueImportTest {
    private static ToolLoader liquibase;
    private static ImportedLiquibaseChain chain;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        chain = ImportedLiquibaseChain.of(
                liquibase,
                LiquibaseProject.of(
                        Path.of("src/test/resources/liquibase/continue").toAbsolutePath(), "continue.xml"),
                "db.imported.continues",
                work);
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void theImportNamesTheChangeSetWithWhatBecomesOfItAndTheProofShowsTheDifference(@TempDir Path work) {
        assertThat(chain.chain().warnings())
                .singleElement()
                .asString()
                .startsWith("The changeset continue by alice in continue.xml has the precondition sqlCheck"
                        + " expectedResult=1 with onFail=CONTINUE: where it does not hold, Liquibase passes over the"
                        + " changeset, runs the ones after it and tries it again on its next update")
                .contains("the upgrade stops before this one, which stays pending until the precondition holds")
                .endsWith("make it onFail=MARK_RAN, and import again.");
        List<String> differences = new ImportProof("public", ImportedLiquibaseChain.OLD_TABLES)
                .prove(
                        TestTools.liquibase(liquibase, chain.project()),
                        TestPostgres.freshDatabase("continues_proof_old"),
                        chain.revisions(),
                        chain.packageName(),
                        List.of(),
                        work,
                        TestPostgres.freshDatabase("continues_proof_ours"))
                .differences();
        assertThat(differences).singleElement().asString().contains("public.after_ran");
    }

    @Test
    void aDatabaseLiquibasePassedItOverOnMovesInOnceLiquibaseHasRunIt() throws SQLException {
        String database = chain.createDatabase("continues_liquibase");
        chain.updateWithLiquibase(database, LiquibaseUpdate.Stop.all());
        DataSource old = TestPostgres.dataSource(database);
        assertThat(rows(old, "SELECT id || ' ' || exectype FROM databasechangelog ORDER BY orderexecuted"))
                .containsExactly("person EXECUTED", "after EXECUTED");

        assertThatThrownBy(() -> chain.migrator(old).upgrade("heads"))
                .hasMessageContaining("Liquibase applied changeset after by alice in continue.xml to this database but"
                        + " not changeset continue.xml::continue::alice (revision L0002_continue)");
        assertThat(rows(old, "SELECT to_regclass('migrate_version') IS NULL")).containsExactly("t");

        // the way out: the precondition holds there, and Liquibase's next update runs the changeset
        try (Connection c = old.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO person VALUES (1)");
        }
        chain.updateWithLiquibase(database, LiquibaseUpdate.Stop.all());
        chain.migrator(old).upgrade("heads");
        assertThat(rows(old, "SELECT direction FROM migrate_history ORDER BY id"))
                .containsExactly("imported", "imported", "imported");
        assertThat(rows(old, "SELECT to_regclass('continue_ran') IS NOT NULL")).containsExactly("t");
    }

    @Test
    void theChainStopsBeforeItUntilItsPreconditionHolds() throws SQLException {
        DataSource fresh = TestPostgres.dataSource(chain.createDatabase("continues_fresh"));
        chain.migrator(fresh).upgrade("heads");
        assertThat(rows(fresh, "SELECT revision FROM migrate_history ORDER BY id"))
                .containsExactly("L0001_person");
        try (Connection c = fresh.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO person VALUES (1)");
        }
        chain.migrator(fresh).upgrade("heads");
        assertThat(rows(fresh, "SELECT revision FROM migrate_history ORDER BY id"))
                .containsExactly("L0001_person", "L0002_continue", "L0003_after");
    }
}
