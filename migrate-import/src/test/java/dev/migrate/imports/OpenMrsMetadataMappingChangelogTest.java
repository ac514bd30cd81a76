package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real project's changelog whose guards read data as well as the schema: the OpenMRS Metadata Mapping module's
 * (https://github.com/openmrs/openmrs-module-metadatamapping, OpenMRS Public License 1.0, {@code
 * omod/src/main/resources/liquibase.xml} at 8b7df0cc, copied unchanged to {@code
 * src/test/resources/liquibase/openmrs-metadatamapping/} with its licence). 17 changesets, each guarded with
 * {@code onFail="MARK_RAN"}: two {@code sqlCheck}s that rename a global property only where the new name is not
 * taken yet, {@code not tableExists} before each table, {@code not indexExists} before each index and unique
 * constraint, {@code columnExists} before each {@code dropNotNullConstraint}, and a {@code dbms type="mysql"} and a
 * {@code not dbms type="mysql"} pair for an index MySQL can only make on a prefix.
 *
 * <p>Imported with the configuration the module ships, which is none: OpenMRS runs a module's {@code liquibase.xml}
 * from its class path with no contexts or labels, on a database that holds OpenMRS's core schema. The two core
 * tables the changelog refers to are made on each database first, as the module's prerequisites.
 */
@LongSuite
class OpenMrsMetadataMappingChangelogTest {
    private static final LiquibaseProject METADATAMAPPING = LiquibaseProject.of(
            Path.of("src/test/resources/liquibase/openmrs-metadatamapping").toAbsolutePath(), "liquibase.xml");

    /** What OpenMRS's core schema holds that the module's changelog refers to. */
    private static final List<String> CORE = List.of(
            "CREATE TABLE users (user_id INTEGER PRIMARY KEY)",
            "CREATE TABLE global_property (property VARCHAR(255) PRIMARY KEY, property_value TEXT)");

    private static final String ADD_LOCAL_MAPPINGS = "metadatamapping-2011-10-04-a";

    private static ToolLoader liquibase;
    private static ImportedLiquibaseChain metadatamapping;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        metadatamapping =
                ImportedLiquibaseChain.of(liquibase, METADATAMAPPING, "db.imported.metadatamapping", work, CORE);
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void everyChangeSetForPostgreSqlIsImportedAndTheOneForMySqlIsNamed() {
        // 17 changesets: the one for MySQL only is not part of the chain; the one for every database but MySQL is
        // imported plainly, without a guard
        assertThat(metadatamapping.chainLength()).isEqualTo(16);
        assertThat(metadatamapping.chain().warnings())
                .singleElement()
                .asString()
                .contains("metadatamapping-2016-02-07-1310-b-mysql", "mysql");
        assertThat(metadatamapping.revisions())
                .filteredOn(r -> r.file().toString().contains("op.guard("))
                .hasSize(15);
    }

    @Test
    void theProofReplaysBothSidesFromEmptyAndFindsNoDifference(@TempDir Path work) {
        List<String> differences = new ImportProof("public", ImportedLiquibaseChain.OLD_TABLES)
                .prove(
                        TestTools.liquibase(liquibase, METADATAMAPPING),
                        TestPostgres.dataSource(metadatamapping.createDatabase("mdm_proof_old")),
                        metadatamapping.revisions(),
                        metadatamapping.packageName(),
                        List.of(),
                        work,
                        TestPostgres.dataSource(metadatamapping.createDatabase("mdm_proof_ours")))
                .differences();
        assertThat(differences).isEmpty();
    }

    /**
     * Databases Liquibase left after the two property renames (2), after the unique constraints (6), after the index
     * for every database but MySQL (11, one changeset for MySQL only passed over), and after every changeset: each
     * moves in with one upgrade and ends as a fresh database.
     */
    @Test
    void databasesLiquibaseLeftAtThreePointsMoveIn() throws SQLException {
        DataSource fresh = metadatamapping.freshUpgraded();
        for (int count : List.of(2, 6, 11, 100)) {
            String database = metadatamapping.liquibaseDatabase(count);
            List<String> markedRan = rows(
                    TestPostgres.dataSource(database),
                    "SELECT id FROM databasechangelog WHERE exectype = 'MARK_RAN' ORDER BY orderexecuted");
            if (count >= 11) {
                assertThat(markedRan).containsExactly("metadatamapping-2016-02-07-1310-b-mysql");
            } else {
                assertThat(markedRan).isEmpty();
            }
            metadatamapping.movesInAndEndsAs(fresh, database);
        }
    }

    /**
     * A database where the new name of a property is taken already: Liquibase marks the rename ran (its
     * {@code sqlCheck} finds one row, not none) and renames the other; the database moves in with that MARK_RAN row
     * and ends as a fresh one.
     */
    @Test
    void aDatabaseWhereLiquibaseMarkedTheRenameRanMovesIn() throws SQLException {
        String database = preparedWithTheNewPropertyName();
        metadatamapping.updateWithLiquibase(database, LiquibaseUpdate.Stop.all());
        DataSource old = TestPostgres.dataSource(database);
        assertThat(rows(old, "SELECT id || ' ' || exectype FROM databasechangelog WHERE id LIKE '%2011%' ORDER BY id"))
                .containsExactly(ADD_LOCAL_MAPPINGS + " MARK_RAN", "metadatamapping-2011-10-04-b EXECUTED");

        metadatamapping.movesInAndEndsAs(metadatamapping.freshUpgraded(), database);

        assertThat(rows(old, "SELECT message FROM migrate_history WHERE message LIKE '%" + ADD_LOCAL_MAPPINGS + "%'"))
                .containsExactly("imported: marked ran by Liquibase without running it (MARK_RAN) as changeset "
                        + ADD_LOCAL_MAPPINGS + " by bwolfe in liquibase.xml");
        assertThat(rows(old, "SELECT property FROM global_property ORDER BY property"))
                .containsExactly(
                        "metadatamapping.addLocalMappings",
                        "metadatamapping.localConceptSourceUuid",
                        "metadatasharing.addLocalMappings");
    }

    /**
     * The chain's own upgrade decides each guard on the database it runs on: on a fresh database every guard holds
     * and nothing is marked ran; where the new name of a property is taken, that rename is marked ran and the other
     * one runs, with the rows Liquibase leaves; the history says so.
     */
    @Test
    void aPlainUpgradeRunsWhereTheGuardHoldsAndMarksRanWhereItFails() throws SQLException {
        DataSource fresh = metadatamapping.freshUpgraded();
        assertThat(rows(fresh, "SELECT count(*) FROM migrate_history WHERE message LIKE '%(marked ran: %'"))
                .containsExactly("0");

        DataSource prepared = TestPostgres.dataSource(preparedWithTheNewPropertyName());
        metadatamapping.migrator(prepared).upgrade("heads");
        assertThat(rows(prepared, "SELECT message FROM migrate_history WHERE message LIKE '%(marked ran: %'"))
                .singleElement()
                .asString()
                .startsWith("changeset " + ADD_LOCAL_MAPPINGS + " by bwolfe")
                .contains("(marked ran: precondition failed: sqlCheck expectedResult=0)");
        assertThat(rows(prepared, "SELECT property FROM global_property ORDER BY property"))
                .containsExactly(
                        "metadatamapping.addLocalMappings",
                        "metadatamapping.localConceptSourceUuid",
                        "metadatasharing.addLocalMappings");
        assertThat(TestTools.differences(prepared, fresh, ImportedLiquibaseChain.OLD_TABLES))
                .isEmpty();
    }

    /**
     * A database with the prerequisites where both old names of the properties are set (as the Metadata Sharing
     * module left them) and the new name of the first is taken already.
     */
    private static String preparedWithTheNewPropertyName() throws SQLException {
        String database = metadatamapping.createDatabase("mdm_with_property");
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO global_property (property, property_value) VALUES"
                    + " ('metadatasharing.addLocalMappings', 'true'),"
                    + " ('metadatasharing.systemConceptSource', 'b5a3c1e2-0000-4000-8000-000000000001'),"
                    + " ('metadatamapping.addLocalMappings', 'false')");
        }
        return database;
    }
}
