package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase preconditions only a database decides, kept as the guards of the imported revisions: the import
 * writes them, the proof replays both sides from empty (Liquibase evaluating its preconditions, the chain its
 * guards) and finds no difference, the chain marks ran what Liquibase marks ran, and databases Liquibase left at
 * three points move in and end as a fresh one.
 */
@LongSuite
class LiquibaseGuardImportTest {
    private static final Path RESOURCES =
            Path.of("src/test/resources/liquibase/guards").toAbsolutePath();
    private static final LiquibaseProject PROJECT = LiquibaseProject.of(RESOURCES, "guards.xml");
    private static final String PACKAGE = "db.imported.guards";
    private static final List<String> OLD_TABLES = List.of("databasechangelog", "databasechangeloglock");
    private static final Pattern CHANGESET = Pattern.compile("changeset (\\S+) by");

    private static ToolLoader liquibase;
    private static OldChain chain;
    private static List<ImportedRevisions.Written> revisions;
    private static ClassLoader classes;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        chain = LiquibaseChangelog.read(liquibase, PROJECT);
        revisions = new ImportedRevisions(PACKAGE).of(chain, null);
        classes = WrittenClasses.compile(revisions, List.of(), work, LiquibaseGuardImportTest.class.getClassLoader());
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void eachPreconditionIsWrittenAsTheGuardOfItsRevision() {
        assertThat(chain.refusals()).isEmpty();
        String tableExists = revisions.get(1).file().toString();
        assertThat(tableExists)
                .contains("import dev.migrate.op.Precondition;")
                .contains("op.guard(")
                .contains("new Precondition.Not(new Precondition.TableExists(QualifiedName.parse(\"person\")))")
                .contains("Precondition.OnFail.MARK_RAN")
                .contains("\"person exists already\"");
        assertThat(tableExists.indexOf("op.guard(")).isLessThan(tableExists.indexOf("op.execute("));
        assertThat(revisions.get(11).file().toString()).contains("Precondition.OnFail.WARN");
        assertThat(revisions)
                .filteredOn(r -> r.file().toString().contains("op.guard("))
                .hasSize(13);
    }

    @Test
    void theProofReplaysBothSidesFromEmptyAndFindsNoDifference(@TempDir Path work) {
        List<String> differences = new ImportProof("public", OLD_TABLES)
                .prove(
                        TestTools.liquibase(liquibase, PROJECT),
                        TestPostgres.freshDatabase("guards_proof_old"),
                        revisions,
                        PACKAGE,
                        List.of(),
                        work,
                        TestPostgres.freshDatabase("guards_proof_ours"))
                .differences();
        assertThat(differences).isEmpty();
    }

    @Test
    void theChainMarksRanWhatLiquibaseMarksRanAndOldDatabasesMoveIn() throws SQLException {
        DataSource fresh = TestPostgres.freshDatabase("guards_fresh");
        migrator(fresh).upgrade("heads");
        String byLiquibase = liquibaseDatabase(-1);
        TreeSet<String> liquibaseMarked = new TreeSet<>(rows(
                TestPostgres.dataSource(byLiquibase), "SELECT id FROM databasechangelog WHERE exectype = 'MARK_RAN'"));
        TreeSet<String> ourMarked = new TreeSet<>();
        for (String message :
                rows(fresh, "SELECT message FROM migrate_history WHERE message LIKE '%(marked ran: precondition%'")) {
            Matcher m = CHANGESET.matcher(message);
            assertThat(m.find()).as(message).isTrue();
            ourMarked.add(m.group(1));
        }
        assertThat(ourMarked)
                .isEqualTo(liquibaseMarked)
                .containsExactly("indexExists-again", "or", "tableExists", "tableIsEmpty");
        assertThat(rows(fresh, "SELECT message FROM migrate_history WHERE message LIKE 'changeset tableExists %'"))
                .singleElement()
                .asString()
                .endsWith("(marked ran: precondition failed: person exists already)");

        for (int count : List.of(3, 9, -1)) {
            DataSource old = TestPostgres.dataSource(liquibaseDatabase(count));
            migrator(old).upgrade("heads");
            assertThat(TestTools.differences(old, fresh, OLD_TABLES))
                    .as("database left after %d changesets", count)
                    .isEmpty();
        }
    }

    /** A database Liquibase updated through {@code count} changesets, or all of them for -1. */
    private static String liquibaseDatabase(int count) {
        String database = TestPostgres.createDatabase("guards_at_" + (count < 0 ? "all" : count));
        LiquibaseUpdate.run(
                liquibase,
                TestPostgres.jdbcUrl(database),
                "postgres",
                null,
                PROJECT,
                count < 0 ? LiquibaseUpdate.Stop.all() : new LiquibaseUpdate.Stop.Count(count));
        return database;
    }

    private static Migrator migrator(DataSource database) {
        return Migrator.builder()
                .dataSource(database)
                .classLoader(classes)
                .packages(PACKAGE)
                .build();
    }
}
