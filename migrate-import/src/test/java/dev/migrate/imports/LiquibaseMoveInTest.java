package dev.migrate.imports;

import static dev.migrate.imports.FlywayMoveInTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrationLog;
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
 * A Liquibase project moving in: real Liquibase 4.33 leaves databases at three changesets of one changelog (YAML
 * including XML and formatted SQL, a tag, a runOnChange view, written and derived rollbacks), the import writes the
 * chain, and one upgrade moves each in; then the refusals that are Liquibase's own.
 */
@LongSuite
class LiquibaseMoveInTest {
    private static final Path RESOURCES =
            Path.of("src/test/resources/moving-in/liquibase").toAbsolutePath();
    private static final LiquibaseProject PROJECT =
            LiquibaseProject.of(RESOURCES, "db/changelog/db.changelog-master.yaml");
    private static final String PACKAGE = "db.imported.liquibase";
    private static final List<String> OLD_TABLES = List.of("databasechangelog", "databasechangeloglock");

    private static ToolLoader liquibase;
    private static List<ImportedRevisions.Written> revisions;
    private static ClassLoader classes;

    @BeforeAll
    static void importTheChain(@TempDir Path work) {
        liquibase = TestTools.loader(OldTool.LIQUIBASE);
        OldChain chain = LiquibaseChangelog.read(liquibase, PROJECT);
        revisions = new ImportedRevisions(PACKAGE).of(chain, null);
        classes = WrittenClasses.compile(revisions, List.of(), work, LiquibaseMoveInTest.class.getClassLoader());
    }

    @AfterAll
    static void close() {
        liquibase.close();
    }

    @Test
    void oneRevisionPerChangeSetNamedByItsIdAuthorAndFile() {
        assertThat(revisions)
                .extracting(ImportedRevisions.Written::id)
                .containsExactly(
                        "L0001_1_customers",
                        "L0002_2_orders",
                        "L0003_3_release_1",
                        "L0004_4_totals",
                        "L0005_5_email",
                        "L0006_6_status");
        assertThat(revisions)
                .extracting(ImportedRevisions.Written::className)
                .as("a changeset without a comment names its class by its id once")
                .startsWith("L0001_1_customers", "L0002_2_orders");
        assertThat(revisions.get(4).message()).isEqualTo("changeset 5-email by bob (Liquibase db/changelog/later.sql)");
        String orders = revisions.get(1).file().toString();
        assertThat(orders)
                .contains("key = \"db/changelog/tables.xml::2-orders::alice\"")
                .contains("\"9:")
                .contains("DROP TABLE"); // the rollback Liquibase derives from createTable
        assertThat(revisions.get(2).file().toString()).contains("release-1"); // the tag, where a reader finds it
    }

    @Test
    void databasesAtThreeOldChangeSetsEachMoveInWithOneUpgradeAndEndAsAFreshOne() throws SQLException {
        DataSource fresh = TestPostgres.freshDatabase("fresh");
        migrator(fresh).upgrade("heads");
        for (int count : List.of(2, 4, 6)) {
            String database = liquibaseDatabase(count);
            DataSource old = TestPostgres.dataSource(database);

            migrator(old).upgrade("heads");

            assertThat(TestTools.differences(old, fresh, OLD_TABLES))
                    .as("database left after %d changesets", count)
                    .isEmpty();
            assertThat(rows(old, "SELECT count(*) FROM migrate_history WHERE direction = 'imported'"))
                    .containsExactly(String.valueOf(count));
            assertThat(rows(old, "SELECT count(*) FROM migrate_history WHERE direction = 'upgrade'"))
                    .containsExactly(String.valueOf(6 - count));
            assertThat(rows(old, "SELECT version_num FROM migrate_version")).containsExactly("L0006_6_status");
            assertThat(rows(old, "SELECT count(*) FROM databasechangelog"))
                    .as("read, never written")
                    .containsExactly(String.valueOf(count));
        }
    }

    @Test
    void aChangeSetEditedAfterItRanIsRefused() throws SQLException {
        String database = liquibaseDatabase(2);
        execute(
                database,
                "UPDATE databasechangelog SET md5sum = '9:0123456789abcdef0123456789abcdef' WHERE id = '2-orders'");
        assertThatThrownBy(() -> migrator(TestPostgres.dataSource(database)).upgrade("heads"))
                .hasMessageContaining("changeset 2-orders by alice in db/changelog/tables.xml was changed after "
                        + "Liquibase applied it")
                .hasMessageContaining("holds the checksum 9:0123456789abcdef0123456789abcdef")
                .hasMessageContaining("a changelog property given only in some contexts or labels made the difference:"
                        + " import again with the contexts and labels this database's updates ran"
                        + " (-Dmigrate.import.liquibase.contexts=..., -Dmigrate.import.liquibase.labels=...).")
                .hasMessageContaining("Nothing was run");
    }

    @Test
    void aRunOnChangeChangeSetChangedSinceItRanIsRefusedWithTheUpdateToRunFirst() throws SQLException {
        String database = liquibaseDatabase(4);
        execute(
                database,
                "UPDATE databasechangelog SET md5sum = '9:ffffffffffffffffffffffffffffffff' WHERE id = '4-totals'");
        assertThatThrownBy(() -> migrator(TestPostgres.dataSource(database)).upgrade("heads"))
                .hasMessageContaining("changeset 4-totals by bob")
                .hasMessageContaining("runs again when it changes")
                .hasMessageContaining("liquibase update first");
    }

    @Test
    void aDatabaseWhoseLiquibaseLockIsHeldIsRefused() throws SQLException {
        String database = liquibaseDatabase(2);
        execute(
                database,
                "UPDATE databasechangeloglock SET locked = true, lockgranted = now(), lockedby = 'ci-runner'");
        assertThatThrownBy(() -> migrator(TestPostgres.dataSource(database)).upgrade("heads"))
                .hasMessageContaining(
                        "Liquibase holds its lock on this database (public.databasechangeloglock, taken by"
                                + " ci-runner")
                .hasMessageContaining("liquibase release-locks");
    }

    /**
     * A gap of two changesets before one that ran, as a database updated with other contexts has: both are named,
     * with the import's contexts and labels as the way out, and nothing runs.
     */
    @Test
    void aGapOfChangeSetsIsRefusedNamingEachAndTheContextsToImportWith() throws SQLException {
        String database = liquibaseDatabase(6);
        execute(database, "DELETE FROM databasechangelog WHERE id IN ('2-orders', '3-release-1')");
        assertThatThrownBy(() -> migrator(TestPostgres.dataSource(database)).upgrade("heads"))
                .hasMessageContaining("to this database but not changeset db/changelog/tables.xml::2-orders::alice"
                        + " (revision L0002_2_orders), changeset db/changelog/tables.xml::3-release-1::alice"
                        + " (revision L0003_3_release_1), which come before it in the chain")
                .hasMessageContaining(
                        "by their contexts or labels, import again with the contexts and labels those"
                                + " updates ran (-Dmigrate.import.liquibase.contexts=..., -Dmigrate.import.liquibase.labels=...)")
                .hasMessageContaining("else apply them with liquibase update first")
                .hasMessageContaining("Nothing was run");
        assertThat(rows(TestPostgres.dataSource(database), "SELECT to_regclass('migrate_version') IS NULL"))
                .containsExactly("t");
    }

    @Test
    void aFailedChangeSetIsRefused() throws SQLException {
        String database = liquibaseDatabase(2);
        execute(database, "UPDATE databasechangelog SET exectype = 'FAILED' WHERE id = '2-orders'");
        assertThatThrownBy(() -> migrator(TestPostgres.dataSource(database)).upgrade("heads"))
                .hasMessageContaining("Liquibase recorded a failed changeset 2-orders by alice");
    }

    /**
     * A row of a changeset the changelog does not have (an older changelog's, or one deleted since) is what
     * Liquibase's update reads past, listing it only in {@code unexpected-changesets}: the move-in names it, leaves
     * it in databasechangelog and moves the database in. A FAILED row of such a changeset is read past too, as
     * Liquibase reads it; a FAILED row of one in the chain is refused ({@link #aFailedChangeSetIsRefused}).
     */
    @Test
    void aChangeSetTheImportDoesNotHaveIsNamedAndLeftInLiquibasesHistory() throws SQLException {
        String database = liquibaseDatabase(2);
        execute(
                database,
                "INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype,"
                        + " md5sum) VALUES ('9-extra', 'carol', 'db/changelog/extra.xml', now(), 3, 'EXECUTED', '9:abc'),"
                        + " ('8-broken', 'dave', 'db/changelog/extra.xml', now(), 4, 'FAILED', '9:def'),"
                        + " ('tag', 'liquibase', 'liquibase-internal', now(), 5, 'EXECUTED', null)");
        DataSource old = TestPostgres.dataSource(database);
        List<String> warnings = new ArrayList<>();

        Migrator.builder()
                .dataSource(old)
                .classLoader(classes)
                .packages(PACKAGE)
                .log(new MigrationLog() {
                    @Override
                    public void info(String line) {}

                    @Override
                    public void warn(String line) {
                        warnings.add(line);
                    }
                })
                .build()
                .upgrade("heads");

        assertThat(warnings)
                .containsExactly("Liquibase's history public.databasechangelog holds 2 rows of changesets this chain"
                        + " does not have, left there as they are, as liquibase update leaves them (liquibase"
                        + " unexpected-changesets lists them): changeset 9-extra by carol in db/changelog/extra.xml;"
                        + " changeset 8-broken by dave in db/changelog/extra.xml (FAILED). A changeSetExecuted guard"
                        + " naming one of them still finds it there. If this database ran a changelog newer than the"
                        + " one imported, import again from it.");
        assertThat(rows(old, "SELECT count(*) FROM databasechangelog")).containsExactly("5");
        assertThat(rows(old, "SELECT count(*) FROM migrate_history WHERE message LIKE 'imported:%'"))
                .containsExactly("2");
        assertThat(rows(old, "SELECT count(*) FROM migrate_version")).containsExactly("1");
    }

    /**
     * A row whose file and id differ from the changeset's only as Liquibase 4.33's RanChangeSet.isSameAs passes over
     * (case, a {@code classpath:} prefix, a leading {@code ./}): the same changeset, moved in, none named as missing.
     */
    @Test
    void aRowMatchesItsChangeSetAsLiquibaseMatchesIt() throws SQLException {
        String database = liquibaseDatabase(2);
        execute(
                database,
                "UPDATE databasechangelog SET filename = 'classpath:./' || upper(filename), id = upper(id)"
                        + " WHERE orderexecuted = 1");
        DataSource old = TestPostgres.dataSource(database);
        List<String> warnings = new ArrayList<>();

        Migrator.builder()
                .dataSource(old)
                .classLoader(classes)
                .packages(PACKAGE)
                .log(new MigrationLog() {
                    @Override
                    public void info(String line) {}

                    @Override
                    public void warn(String line) {
                        warnings.add(line);
                    }
                })
                .build()
                .upgrade("heads");

        assertThat(warnings).isEmpty();
        assertThat(rows(old, "SELECT count(*) FROM migrate_history WHERE message LIKE 'imported:%'"))
                .containsExactly("2");
    }

    @Test
    void theProofOfTheImportFindsNoDifference(@TempDir Path work) {
        List<String> differences = new ImportProof("public", OLD_TABLES)
                .prove(
                        TestTools.liquibase(liquibase, PROJECT),
                        TestPostgres.freshDatabase("proof_old"),
                        revisions,
                        PACKAGE,
                        List.of(),
                        work,
                        TestPostgres.freshDatabase("proof_ours"))
                .differences();
        assertThat(differences).isEmpty();
    }

    private static String liquibaseDatabase(int count) {
        String database = TestPostgres.createDatabase("liquibase_at_" + count);
        LiquibaseUpdate.run(
                liquibase,
                TestPostgres.jdbcUrl(database),
                "postgres",
                null,
                PROJECT,
                new LiquibaseUpdate.Stop.Count(count));
        return database;
    }

    private static Migrator migrator(DataSource database) {
        return Migrator.builder()
                .dataSource(database)
                .classLoader(classes)
                .packages(PACKAGE)
                .build();
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection c = TestPostgres.dataSource(database).getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
