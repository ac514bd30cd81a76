package dev.migrate.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migrator;
import dev.migrate.imports.liquibase.LiquibaseChangelog;
import dev.migrate.imports.liquibase.LiquibaseProject;
import dev.migrate.imports.liquibase.LiquibaseUpdate;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The changeset forms teams use, imported and proved: real Liquibase 4.33 updates one empty database with the
 * changelog {@code liquibase/forms/db/master.xml}, the imported revisions another, and both hold the same schema and
 * the same rows; databases Liquibase left part-way move in. The forms: {@code sqlFile} (relative to the changelog
 * and not, ISO-8859-1, {@code endDelimiter} {@code /} and {@code GO}, {@code splitStatements="false"},
 * {@code stripComments}), {@code createProcedure} (inline and from a file), {@code loadData} and
 * {@code loadUpdateData} with their column types, {@code validCheckSum}, {@code ignore}, {@code failOnError="false"},
 * {@code runInTransaction="false"}, {@code logicalFilePath} and {@code includeAll} with {@code endsWithFilter}.
 */
@LongSuite
class LiquibaseFormsTest {
    private static final Path RESOURCES =
            Path.of("src/test/resources/liquibase/forms").toAbsolutePath();
    private static final LiquibaseProject PROJECT = LiquibaseProject.of(RESOURCES, "db/master.xml");
    private static final String PACKAGE = "db.imported.forms";
    private static final List<String> OLD_TABLES = List.of("databasechangelog", "databasechangeloglock");

    /** The rows both sides must hold; loadData's COMPUTED column is now(), so only whether it is set. */
    private static final List<String> DATA = List.of(
            "SELECT id || '|' || name FROM city ORDER BY id",
            "SELECT concat_ws('|', id, name, price, active, born, seen_at, uid, coalesce(note, '<null>'),"
                    + " loaded_at IS NOT NULL) FROM item ORDER BY id",
            "SELECT concat_ws('|', code, amount, label) FROM price ORDER BY code",
            "SELECT id || '|' || label FROM extra ORDER BY id",
            "SELECT city_label(1) || '|' || city_label(99) || '|' || city_count()");

    private static ToolLoader liquibase;
    private static OldChain chain;
    private static List<ImportedRevisions.Written> revisions;
    private static ClassLoader classes;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        chain = LiquibaseChangelog.read(liquibase, PROJECT);
        revisions = new ImportedRevisions(PACKAGE).of(chain, null);
        classes = WrittenClasses.compile(revisions, List.of(), work, LiquibaseFormsTest.class.getClassLoader());
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void everyFormIsImportedNoneRefused() {
        assertThat(chain.refusals()).isEmpty();
        assertThat(chain.migrations())
                .extracting(OldMigration::key)
                .containsExactly(
                        "forms/master::1-tables::forms",
                        "forms/master::2-latin1::forms",
                        "forms/master::3-slash::forms",
                        "forms/master::4-go::forms",
                        "forms/master::5-unsplit::forms",
                        "forms/master::6-comments::forms",
                        "forms/master::7-procedure-inline::forms",
                        "forms/master::8-procedure-file::forms",
                        "forms/master::9-load::forms",
                        "forms/master::10-load-separator::forms",
                        "forms/master::11-load-update::forms",
                        "forms/master::12-any::forms",
                        "forms/master::14-concurrently::forms",
                        "forms/logical::15-logical::forms",
                        "forms/master::16-try::forms",
                        // includeAll's changesets take the logicalFilePath of the changelog that includes them
                        "forms/master::all-1::forms",
                        "forms/master::all-2::forms");
    }

    /** A revision without a downgrade says so once: with Liquibase's reason where it gives one, else in general. */
    @Test
    void aRevisionWithoutADowngradeSaysSoOnce() {
        List<String> without = revisions.stream()
                .map(r -> r.file().toString())
                .filter(source -> source.toLowerCase(Locale.ROOT).contains("no downgrade"))
                .toList();
        assertThat(without)
                .isNotEmpty()
                .allSatisfy(source -> assertThat(source.toLowerCase(Locale.ROOT).split("no downgrade", -1))
                        .as(source)
                        .hasSize(2))
                .anySatisfy(source -> assertThat(source).contains(OldMigration.NO_DOWNGRADE));
    }

    /** Liquibase's update and the imported chain, each from empty: the same schema and the same rows. */
    @Test
    void liquibaseAndTheImportedChainBuildTheSameSchemaAndRows() throws SQLException {
        DataSource byLiquibase = TestPostgres.dataSource(liquibaseDatabase(LiquibaseUpdate.Stop.all()));
        DataSource byChain = TestPostgres.freshDatabase("forms_chain");
        migrator(byChain).upgrade("heads");

        assertThat(TestTools.differences(byChain, byLiquibase, OLD_TABLES)).isEmpty();
        for (String query : DATA) {
            assertThat(rows(byChain, query)).as(query).isEqualTo(rows(byLiquibase, query));
        }
        // what each form put there, as Liquibase's update did
        assertThat(rows(byChain, DATA.get(0)))
                .containsExactly(
                        "1|Zürich",
                        "2|Genève",
                        "10|Oslo",
                        "11|Bergen",
                        "12|Turku",
                        "13|Espoo",
                        "20|Tromsø",
                        "21|Umeå",
                        "30|Lyon",
                        "31|Nantes");
        assertThat(rows(byChain, DATA.get(1)))
                .containsExactly(
                        "1|Plain, with a comma|12.50|t|2020-01-31|2021-02-03 04:05:06"
                                + "|6f1c2a54-8a7e-4d0e-9a59-0c7f4d2e1b11|He said \"hi\"|t",
                        "2|Second|0.99|f|1999-12-31|2000-01-01 00:00:00|0b9d1b32-3e36-4f9b-bb44-1d6a1e3c9a02|<null>|t",
                        "3|Third||t"); // an empty STRING is an empty text, NULL a null
        assertThat(rows(byChain, DATA.get(2))).containsExactly("A|1.15|first again", "B|2.20|second", "C|3.30|third");
        assertThat(rows(byChain, DATA.get(4))).containsExactly("Zürich|none|10");
    }

    /**
     * Liquibase's update stops after 3, 10 and all of the changesets (the last with the failOnError changeset
     * recorded FAILED): each database moves in with one upgrade and ends as a fresh one, rows included.
     */
    @Test
    void databasesLiquibaseLeftAtThreePointsMoveInAndEndAsAFreshOne() throws SQLException {
        DataSource fresh = TestPostgres.freshDatabase("forms_fresh");
        migrator(fresh).upgrade("heads");
        for (int count : List.of(3, 10, 100)) {
            DataSource old = TestPostgres.dataSource(liquibaseDatabase(new LiquibaseUpdate.Stop.Count(count)));
            int recorded = Integer.parseInt(
                    rows(old, "SELECT count(*) FROM databasechangelog").get(0));

            migrator(old).upgrade("heads");

            assertThat(TestTools.differences(old, fresh, OLD_TABLES))
                    .as("after %d changesets", count)
                    .isEmpty();
            for (String query : DATA) {
                assertThat(rows(old, query)).as(query).isEqualTo(rows(fresh, query));
            }
            // after all of them, 16-try too: Liquibase tried it, records no row where it fails, and went on; its
            // failure undid it, so it moves in as marked ran, and a downgrade past it runs none of its statements
            int marked = count == 100 ? 1 : 0;
            int imported = recorded + marked;
            assertThat(rows(old, "SELECT count(*) FROM migrate_history WHERE direction = 'imported'"))
                    .containsExactly(String.valueOf(recorded));
            assertThat(rows(old, "SELECT count(*) FROM migrate_history WHERE direction = 'marked'"))
                    .containsExactly(String.valueOf(marked));
            assertThat(rows(old, "SELECT count(*) FROM migrate_history WHERE direction = 'upgrade'"))
                    .containsExactly(String.valueOf(chain.migrations().size() - imported));
        }
    }

    /** Liquibase records a changeset by its logicalFilePath, the changelog's or its own, and the move-in finds it. */
    @Test
    void theLogicalFilePathIsWhatLiquibaseRecordsAndWhatTheMoveInMatches() throws SQLException {
        DataSource old = TestPostgres.dataSource(liquibaseDatabase(LiquibaseUpdate.Stop.all()));
        assertThat(rows(old, "SELECT filename || '::' || id FROM databasechangelog ORDER BY orderexecuted"))
                .contains("forms/master::1-tables", "forms/logical::15-logical", "forms/master::all-2");
        migrator(old).upgrade("heads");
        assertThat(rows(old, "SELECT message FROM migrate_history WHERE revision LIKE '%15_logical'"))
                .containsExactly("imported: applied by Liquibase as changeset 15-logical by forms in forms/logical");
    }

    @Test
    void ignoredChangeSetsAreNamedInTheReportAndLiquibaseNeverRecordsThem() throws SQLException {
        assertThat(chain.warnings())
                .contains(
                        "The changeset 13-ignored by forms in forms/master is ignored (ignore=\"true\" on it or on the"
                                + " include that brings it): Liquibase neither runs nor records it, so it is not part"
                                + " of the chain.",
                        "The changeset never by forms in forms/master is ignored (ignore=\"true\" on it or on the"
                                + " include that brings it): Liquibase neither runs nor records it, so it is not part"
                                + " of the chain.",
                        "The changeset never-all by forms in forms/master is ignored (ignore=\"true\""
                                + " on it or on the include that brings it): Liquibase neither runs nor records it, so"
                                + " it is not part of the chain.");
        DataSource old = TestPostgres.dataSource(liquibaseDatabase(LiquibaseUpdate.Stop.all()));
        assertThat(rows(old, "SELECT count(*) FROM databasechangelog WHERE id IN ('13-ignored', 'never', 'never-all')"))
                .containsExactly("0");
    }

    /** includeAll with endsWithFilter=".sql" leaves the .txt file beside them out, as Liquibase does. */
    @Test
    void includeAllTakesTheFilesItsFilterChoosesInOrder() throws SQLException {
        assertThat(chain.migrations()).noneMatch(m -> m.key().contains("not-sql"));
        DataSource old = TestPostgres.dataSource(liquibaseDatabase(LiquibaseUpdate.Stop.all()));
        assertThat(rows(old, "SELECT id FROM databasechangelog WHERE id LIKE 'all-%' ORDER BY orderexecuted"))
                .containsExactly("all-1", "all-2");
    }

    /** runInTransaction="false" (CREATE INDEX CONCURRENTLY): the revision runs outside a transaction too. */
    @Test
    void aChangeSetOutsideATransactionIsARevisionOutsideOne() {
        OldMigration concurrently = migration("14-concurrently");
        assertThat(concurrently.transactional()).isFalse();
        assertThat(written("14-concurrently")).contains("transactional = false");
    }

    /**
     * failOnError="false": where a statement fails, Liquibase rolls the changeset back, records no row for it
     * (ChangeSet.execute, MarkChangeSetRanGenerator) and goes on; the revision undoes its statements and warns, and
     * a database that lacks its row but holds later ones moves in with it applied, the history saying so.
     */
    @Test
    void aChangeSetThatMayFailIsTriedAndTheDatabaseWhereItFailedMovesIn() throws SQLException {
        OldMigration tried = migration("16-try");
        assertThat(tried.upgrade()).singleElement().asString().startsWith("DO $migrate_try$");
        assertThat(written("16-try")).contains("failOnError = false");
        DataSource old = TestPostgres.dataSource(liquibaseDatabase(LiquibaseUpdate.Stop.all()));
        assertThat(rows(old, "SELECT count(*) FROM databasechangelog WHERE id = '16-try'"))
                .containsExactly("0");
        migrator(old).upgrade("heads");
        assertThat(rows(old, "SELECT message FROM migrate_history WHERE revision LIKE '%16_try'"))
                .containsExactly("imported: tried by Liquibase, which records no row where it fails"
                        + " (failOnError=false) and went on to changeset all-1 by forms in forms/master");
    }

    /** validCheckSum ANY: whatever checksum the history holds, the database moves in. */
    @Test
    void validCheckSumAnyAcceptsWhatTheHistoryHolds() throws SQLException {
        assertThat(migration("12-any").checksums()).isEmpty();
        String database = liquibaseDatabase(LiquibaseUpdate.Stop.all());
        execute(
                database,
                "UPDATE databasechangelog SET md5sum = '9:00000000000000000000000000000000' WHERE id = '12-any'");
        migrator(TestPostgres.dataSource(database)).upgrade("heads");
        assertThat(rows(
                        TestPostgres.dataSource(database),
                        "SELECT count(*) FROM migrate_history WHERE direction = 'upgrade'"))
                .containsExactly("0");
    }

    /**
     * A changeset under includeAll edited after Liquibase ran it: Liquibase's update stops on the checksum, and so
     * does the move-in, naming the file and both ways out; with the old checksum as a validCheckSum (Liquibase's own
     * way to accept the edit) both go on. After Liquibase's ValidatingVisitor test "validate checksum if sql(file)
     * content change" (SQLFileChangeTest), on a formatted SQL file.
     */
    @Test
    void aChangeSetEditedUnderIncludeAllIsRefusedUntilItsOldChecksumIsValid(@TempDir Path work) throws Exception {
        Path copy = work.resolve("changelog");
        copyTree(RESOURCES, copy);
        LiquibaseProject project = LiquibaseProject.of(copy, "db/master.xml");
        String database = TestPostgres.createDatabase("forms_edited");
        LiquibaseUpdate.run(
                liquibase, TestPostgres.jdbcUrl(database), "postgres", null, project, LiquibaseUpdate.Stop.all());
        String ran = rows(TestPostgres.dataSource(database), "SELECT md5sum FROM databasechangelog WHERE id = 'all-2'")
                .get(0);

        Path file = copy.resolve("db/all/002-extra-rows.sql");
        Files.writeString(file, Files.readString(file).replace("'one'", "'one, edited'"));
        ClassLoader edited = compiled(project, "db.imported.edited", work.resolve("edited"));
        assertThatThrownBy(() -> LiquibaseUpdate.run(
                        liquibase,
                        TestPostgres.jdbcUrl(database),
                        "postgres",
                        null,
                        project,
                        LiquibaseUpdate.Stop.all()))
                .hasMessageContaining("all-2");
        assertThatThrownBy(() -> migrator(TestPostgres.dataSource(database), edited, "db.imported.edited")
                        .upgrade("heads"))
                .hasMessageContaining(
                        "changeset all-2 by forms in forms/master was changed after Liquibase" + " applied it")
                .hasMessageContaining("holds the checksum " + ran)
                .hasMessageContaining("Restore the file as it ran and import again")
                .hasMessageContaining("Nothing was run");

        Files.writeString(
                file,
                Files.readString(file)
                        .replace(
                                "--changeset forms:all-2\n",
                                "--changeset forms:all-2\n--validCheckSum: " + ran + "\n"));
        ClassLoader accepted = compiled(project, "db.imported.accepted", work.resolve("accepted"));
        LiquibaseUpdate.run(
                liquibase, TestPostgres.jdbcUrl(database), "postgres", null, project, LiquibaseUpdate.Stop.all());
        migrator(TestPostgres.dataSource(database), accepted, "db.imported.accepted")
                .upgrade("heads");
        assertThat(rows(
                        TestPostgres.dataSource(database),
                        "SELECT count(*) FROM migrate_history WHERE direction IN ('imported', 'marked')"))
                .containsExactly(String.valueOf(chain.migrations().size()));
    }

    /**
     * failOnError="false" outside a transaction: Liquibase keeps what ran before the error, which no block can undo,
     * so the revision runs the statements plainly, stops on an error, and the report says so.
     */
    @Test
    void aChangeSetThatMayFailOutsideATransactionIsKeptPlainWithAWarning() {
        OldChain outside = LiquibaseChangelog.read(
                liquibase, LiquibaseProject.of(RESOURCES.resolveSibling("refusals"), "outside.xml"));
        assertThat(outside.refusals()).isEmpty();
        assertThat(outside.migrations().get(0).upgrade())
                .containsExactly("CREATE TABLE outside_one (id int)", "CREATE TABLE outside_one (id int)");
        assertThat(outside.warnings())
                .containsExactly("The changeset plain by outside in outside.xml has failOnError=false and"
                        + " runInTransaction=false: where one of its statements failed, Liquibase kept what ran before"
                        + " it and went on. The revision runs its statements plainly and stops on an error; check that"
                        + " it ran on every database before relying on it.");
    }

    /**
     * loadData's NOW and TODAY are the moment Liquibase runs (LoadDataChangeTest, "temporal values work for DATE,
     * DATETIME and TIME column configs"): a revision would hold the moment of the import, so it is refused by name.
     */
    @Test
    void loadDataWithNowIsRefusedWithTheWayOut() {
        OldChain now = LiquibaseChangelog.read(
                liquibase, LiquibaseProject.of(RESOURCES.resolveSibling("refusals"), "now.xml"));
        assertThat(now.refusals())
                .singleElement()
                .asString()
                .startsWith("The changeset load-now by now in now.xml cannot be imported: Its loadData gives the value"
                        + " NOW for its column at (datetime) in now.csv, which Liquibase turns into the date or time"
                        + " of the moment it runs")
                .contains("Make that column COMPUTED with now()");
    }

    private static ClassLoader compiled(LiquibaseProject project, String packageName, Path work) {
        OldChain read = LiquibaseChangelog.read(liquibase, project);
        assertThat(read.refusals()).isEmpty();
        return WrittenClasses.compile(
                new ImportedRevisions(packageName).of(read, null),
                List.of(),
                work,
                LiquibaseFormsTest.class.getClassLoader());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static OldMigration migration(String id) {
        return chain.migrations().stream()
                .filter(m -> m.key().contains("::" + id + "::"))
                .findFirst()
                .orElseThrow();
    }

    private static String written(String id) {
        return revisions.stream()
                .filter(r -> r.id().endsWith(id.replace('-', '_')))
                .findFirst()
                .orElseThrow()
                .file()
                .toString();
    }

    private static String liquibaseDatabase(LiquibaseUpdate.Stop stop) {
        String database = TestPostgres.createDatabase("forms_liquibase");
        LiquibaseUpdate.run(liquibase, TestPostgres.jdbcUrl(database), "postgres", null, PROJECT, stop);
        return database;
    }

    private static Migrator migrator(DataSource database) {
        return migrator(database, classes, PACKAGE);
    }

    private static Migrator migrator(DataSource database, ClassLoader loader, String packageName) {
        return Migrator.builder()
                .dataSource(database)
                .classLoader(loader)
                .packages(packageName)
                .build();
    }

    static List<String> rows(DataSource database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
