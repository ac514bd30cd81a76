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
 * A real project's changelog guarded throughout: the OpenMRS ID Generation module's
 * (https://github.com/openmrs/openmrs-module-idgen, OpenMRS Public License 1.0, {@code
 * api/src/main/resources/liquibase.xml} at 1f7ace4f, copied unchanged to {@code
 * src/test/resources/liquibase/openmrs-idgen/} with its licence). 25 changesets over fifteen years, every one but
 * the last two guarded with {@code onFail="MARK_RAN"}: {@code not tableExists} before each table, {@code tableExists}
 * with {@code not columnExists} before each new column, {@code columnExists} before a rename and a type change,
 * {@code foreignKeyConstraintExists} and {@code not foreignKeyConstraintExists} around a foreign key dropped and made
 * again, an {@code indexExists} for the index MySQL makes for a foreign key, and {@code dbms} lists (one with
 * PostgreSQL, one for MariaDB only) around {@code modifySql}.
 *
 * <p>Imported with the configuration the module ships, which is none: OpenMRS runs a module's {@code liquibase.xml}
 * from its class path with no contexts or labels, on a database that holds OpenMRS's core schema. The three core
 * tables the changelog refers to and the {@code uuid()} function its PostgreSQL {@code modifySql} calls are made on
 * each database first, as the module's prerequisites.
 */
@LongSuite
class OpenMrsIdgenChangelogTest {
    private static final LiquibaseProject IDGEN = LiquibaseProject.of(
            Path.of("src/test/resources/liquibase/openmrs-idgen").toAbsolutePath(), "liquibase.xml");

    /** What OpenMRS's core schema holds that the module's changelog refers to. */
    private static final List<String> CORE = List.of(
            "CREATE TABLE users (user_id INTEGER PRIMARY KEY)",
            "CREATE TABLE patient_identifier_type (patient_identifier_type_id INTEGER PRIMARY KEY)",
            "CREATE TABLE location (location_id INTEGER PRIMARY KEY)",
            "CREATE FUNCTION uuid() RETURNS uuid LANGUAGE sql AS 'SELECT gen_random_uuid()'");

    private static ToolLoader liquibase;
    private static ImportedLiquibaseChain idgen;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        idgen = ImportedLiquibaseChain.of(liquibase, IDGEN, "db.imported.idgen", work, CORE);
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void everyChangeSetForPostgreSqlIsImportedAndTheOneForMariaDbIsNamed() {
        // 25 changesets: the one for MariaDB only is not part of the chain; the one whose dbms list names
        // PostgreSQL is imported plainly, without a guard, as is the last but one, which has no precondition
        assertThat(idgen.chainLength()).isEqualTo(24);
        assertThat(idgen.chain().warnings())
                .singleElement()
                .asString()
                .contains("9b5c919c-2223-41d2-824a-b65869666028", "mariadb");
        assertThat(idgen.revisions())
                .filteredOn(r -> r.file().toString().contains("op.guard("))
                .hasSize(22);
    }

    @Test
    void theProofReplaysBothSidesFromEmptyAndFindsNoDifference(@TempDir Path work) {
        List<String> differences = new ImportProof("public", ImportedLiquibaseChain.OLD_TABLES)
                .prove(
                        TestTools.liquibase(liquibase, IDGEN),
                        TestPostgres.dataSource(idgen.createDatabase("idgen_proof_old")),
                        idgen.revisions(),
                        idgen.packageName(),
                        List.of(),
                        work,
                        TestPostgres.dataSource(idgen.createDatabase("idgen_proof_ours")))
                .differences();
        assertThat(differences).isEmpty();
    }

    /**
     * Databases Liquibase left after the first tables (5), before the index MySQL makes for a foreign key (17), just
     * after it marked that index's drop ran (18: PostgreSQL makes no such index), and after every changeset: each
     * moves in with one upgrade and ends as a fresh database.
     */
    @Test
    void databasesLiquibaseLeftAtThreePointsMoveIn() throws SQLException {
        DataSource fresh = idgen.freshUpgraded();
        for (int count : List.of(5, 17, 18, 100)) {
            String database = idgen.liquibaseDatabase(count);
            List<String> markedRan = rows(
                    TestPostgres.dataSource(database),
                    "SELECT id FROM databasechangelog WHERE exectype = 'MARK_RAN' ORDER BY orderexecuted");
            if (count >= 18) {
                assertThat(markedRan)
                        .startsWith("e8258234-2133-4270-9370-301c908f1e2b")
                        .allSatisfy(id -> assertThat(id)
                                .isIn("e8258234-2133-4270-9370-301c908f1e2b", "9b5c919c-2223-41d2-824a-b65869666028"));
            } else {
                assertThat(markedRan).isEmpty();
            }
            idgen.movesInAndEndsAs(fresh, database);
        }
    }

    /**
     * A database where {@code idgen_identifier_source} was made before the module came (as the module makes it):
     * Liquibase marks its changeset ran, and the database moves in with that MARK_RAN row and ends as a fresh one.
     */
    @Test
    void aDatabaseWhereLiquibaseMarkedTheTableItFoundRanMovesIn() throws SQLException {
        String database = preparedForTheIdentifierSources();
        idgen.updateWithLiquibase(database, LiquibaseUpdate.Stop.all());
        DataSource old = TestPostgres.dataSource(database);
        assertThat(rows(old, "SELECT exectype FROM databasechangelog WHERE id = '" + SOURCES + "'"))
                .containsExactly("MARK_RAN");

        idgen.movesInAndEndsAs(idgen.freshUpgraded(), database);

        assertThat(rows(old, "SELECT message FROM migrate_history WHERE message LIKE '%" + SOURCES + "%'"))
                .singleElement()
                .asString()
                .startsWith("imported: marked ran by Liquibase without running it (MARK_RAN) as changeset " + SOURCES);
    }

    /**
     * The chain's own upgrade decides each guard on the database it runs on: on a fresh database the drop of the
     * index MySQL makes is marked ran (PostgreSQL made none) and everything else runs; on a database that has
     * {@code idgen_identifier_source} already, its changeset is marked ran too; the history says so.
     */
    @Test
    void aPlainUpgradeRunsWhereTheGuardHoldsAndMarksRanWhereItFails() throws SQLException {
        DataSource fresh = idgen.freshUpgraded();
        assertThat(rows(fresh, "SELECT message FROM migrate_history WHERE message LIKE '%(marked ran: %' ORDER BY id"))
                .singleElement()
                .asString()
                .startsWith("changeset e8258234-2133-4270-9370-301c908f1e2b by Partners In Health")
                .contains("(marked ran: precondition failed: indexExists", "identifier_type");

        DataSource prepared = TestPostgres.dataSource(preparedForTheIdentifierSources());
        idgen.migrator(prepared).upgrade("heads");
        assertThat(rows(
                        prepared,
                        "SELECT message FROM migrate_history WHERE message LIKE '%(marked ran: %' ORDER BY id"))
                .hasSize(2)
                .anySatisfy(m -> assertThat(m)
                        .startsWith("changeset " + SOURCES)
                        .contains("(marked ran: precondition failed: ", "idgen_identifier_source"));
        assertThat(TestTools.differences(prepared, fresh, ImportedLiquibaseChain.OLD_TABLES))
                .isEmpty();
    }

    private static final String SOURCES = "43889130-55c2-49e9-b72b-a9eae9a31da7";

    /** A database with the prerequisites where {@code idgen_identifier_source} exists, made as the module makes it. */
    private static String preparedForTheIdentifierSources() throws SQLException {
        String database = idgen.createDatabase("idgen_with_sources");
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE idgen_identifier_source (id INTEGER GENERATED BY DEFAULT AS IDENTITY"
                    + " CONSTRAINT idgen_identifier_source_pkey PRIMARY KEY UNIQUE, uuid CHAR(38) NOT NULL UNIQUE,"
                    + " name VARCHAR(255) NOT NULL, description VARCHAR(1000),"
                    + " identifier_type INTEGER NOT NULL CONSTRAINT \"identifier_type for idgen_identifier_source\""
                    + " REFERENCES patient_identifier_type (patient_identifier_type_id),"
                    + " creator INTEGER NOT NULL CONSTRAINT \"creator for idgen_identifier_source\""
                    + " REFERENCES users (user_id), date_created TIMESTAMP NOT NULL,"
                    + " changed_by INTEGER CONSTRAINT \"changed_by for idgen_identifier_source\""
                    + " REFERENCES users (user_id), date_changed TIMESTAMP,"
                    + " retired BOOLEAN DEFAULT FALSE NOT NULL,"
                    + " retired_by INTEGER CONSTRAINT \"retired_by for idgen_identifier_source\""
                    + " REFERENCES users (user_id), date_retired TIMESTAMP, retire_reason VARCHAR(255))");
        }
        return database;
    }
}
