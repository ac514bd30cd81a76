package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.AppliedStep;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime precondition with {@code onFail="CONTINUE"} that fails on an empty database, before other changesets:
 * Liquibase 4.33 passes over the changeset ({@code ChangeSet.execute} returns SKIPPED, which {@code UpdateVisitor}
 * does not record), runs the ones after it and tries it again on its next update. The chain does the same: the
 * revision stays pending in its place, the ones after it run, and every upgrade tries it again. Proven against
 * Liquibase 4.33 on the same server: the replays from empty build the same schema, and a database where Liquibase
 * passed the changeset over moves in with its revision pending, which the next upgrade runs once the precondition
 * holds, as Liquibase's next update runs it.
 */
@LongSuite
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
    void theImportKeepsTheChangeSetAsLiquibaseHasItAndTheProofFindsNoDifference(@TempDir Path work) {
        assertThat(chain.chain().warnings()).isEmpty();
        assertThat(chain.chain().migrations().get(1).notes())
                .contains("Where its precondition sqlCheck expectedResult=1 does not hold (onFail=CONTINUE), it stays"
                        + " pending in its place, as Liquibase passes over the changeset: the revisions after it run,"
                        + " and every upgrade tries it again, as Liquibase's next update does.");
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
        assertThat(differences).isEmpty();
    }

    @Test
    void aDatabaseLiquibasePassedItOverOnMovesInWithItPendingAndTheNextUpgradeRunsItAsLiquibaseWould()
            throws SQLException {
        // two databases Liquibase updated alike: one stays Liquibase's, the other moves in
        String liquibaseOnly = chain.createDatabase("continues_liquibase_only");
        String movingIn = chain.createDatabase("continues_moving_in");
        chain.updateWithLiquibase(liquibaseOnly, LiquibaseUpdate.Stop.all());
        chain.updateWithLiquibase(movingIn, LiquibaseUpdate.Stop.all());
        DataSource theirs = TestPostgres.dataSource(liquibaseOnly);
        DataSource ours = TestPostgres.dataSource(movingIn);
        assertThat(rows(ours, "SELECT id || ' ' || exectype FROM databasechangelog ORDER BY orderexecuted"))
                .containsExactly("person EXECUTED", "after EXECUTED");

        // the move-in: the changeset Liquibase passed over is pending in its place, the version row past it
        List<String> said = new ArrayList<>();
        chain.migrator(ours, said).upgrade("heads");
        assertThat(said)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("Moved in from Liquibase: 2 revisions it applied (")
                        .endsWith("up to L0003_after; 1 it passed over (onFail or onError CONTINUE) left pending in its"
                                + " place, retried at every upgrade."));
        assertThat(rows(ours, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .containsExactly("L0001_person imported", "L0002_continue pending", "L0003_after imported");
        assertThat(rows(ours, "SELECT message FROM migrate_history WHERE direction = 'pending'"))
                .singleElement()
                .asString()
                .contains("(pending: imported: passed over by Liquibase, which records no row where its precondition"
                        + " says CONTINUE, and went on to changeset after by alice in continue.xml; retried at every"
                        + " upgrade)");
        assertThat(rows(ours, "SELECT to_regclass('continue_ran') IS NULL")).containsExactly("t");

        // still failing: it stays pending, as Liquibase passes it over again
        chain.migrator(ours).upgrade("heads");
        chain.updateWithLiquibase(liquibaseOnly, LiquibaseUpdate.Stop.all());
        assertThat(TestTools.differences(theirs, ours, ImportedLiquibaseChain.OLD_TABLES))
                .isEmpty();
        assertThat(rows(ours, "SELECT count(*) FROM migrate_history")).containsExactly("3");

        // the precondition holds on both: Liquibase's next update runs the changeset, and so does the next upgrade
        for (DataSource db : List.of(theirs, ours)) {
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO person VALUES (1)");
            }
        }
        chain.updateWithLiquibase(liquibaseOnly, LiquibaseUpdate.Stop.all());
        assertThat(rows(theirs, "SELECT id FROM databasechangelog ORDER BY orderexecuted"))
                .containsExactly("person", "after", "continue");
        assertThat(chain.migrator(ours).upgrade("heads").applied())
                .extracting(AppliedStep::revision)
                .containsExactly("L0002_continue");
        assertThat(rows(ours, "SELECT to_regclass('continue_ran') IS NOT NULL")).containsExactly("t");
        assertThat(TestTools.differences(theirs, ours, ImportedLiquibaseChain.OLD_TABLES))
                .isEmpty();
    }

    @Test
    void aFreshDatabaseLeavesItPendingRunsTheOneAfterItAndRunsItOnceItsPreconditionHolds() throws SQLException {
        DataSource fresh = TestPostgres.dataSource(chain.createDatabase("continues_fresh"));
        chain.migrator(fresh).upgrade("heads");
        assertThat(rows(fresh, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .containsExactly("L0001_person upgrade", "L0002_continue pending", "L0003_after upgrade");
        try (Connection c = fresh.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO person VALUES (1)");
        }
        chain.migrator(fresh).upgrade("heads");
        assertThat(rows(fresh, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .containsExactly(
                        "L0001_person upgrade",
                        "L0002_continue pending",
                        "L0003_after upgrade",
                        "L0002_continue upgrade");
        assertThat(rows(fresh, "SELECT to_regclass('continue_ran') IS NOT NULL"))
                .containsExactly("t");
    }
}
