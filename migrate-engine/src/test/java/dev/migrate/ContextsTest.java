package dev.migrate;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.graph.RevisionInfo;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Revisions limited to contexts (test-only seed rows): left out of a run without their context, which records them
 * as skipped, and applied by a later run given one, while the chain goes on without them; and the graph refuses a
 * revision that runs everywhere after one that does not. Liquibase's contexts are the model ({@code context="test"}
 * on a changeset runs only under {@code --contexts=test}); unlike Liquibase, a run given no context runs none of
 * the limited revisions, as Flyway users asked for (flyway#271).
 */
@LongSuite
class ContextsTest {
    @Revision(id = "c1", message = "create countries")
    public static class C1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("countries", column("code", "text").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("countries");
        }
    }

    @Revision(id = "t1", revises = "c1", message = "test countries", contexts = "test")
    public static class T1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("INSERT INTO countries VALUES ('XX')");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DELETE FROM countries WHERE code = 'XX'");
        }
    }

    @Revision(id = "c2", revises = "c1", message = "add name")
    public static class C2 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("countries", column("name", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("countries", "name");
        }
    }

    /** Runs everywhere, yet follows a test-only revision. */
    @Revision(id = "c3", revises = "t1", message = "follows the test rows")
    public static class C3 implements Migration {
        @Override
        public void upgrade(Operations op) {}

        @Override
        public void downgrade(Operations op) {}
    }

    private DataSource database;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.freshDatabase("contexts");
    }

    @Test
    void aRunWithoutTheContextLeavesTheRevisionOutAndRecordsItSkipped() throws SQLException {
        List<String> lines = new ArrayList<>();
        Migrator plain = migrator(lines);
        plain.upgrade("head");

        assertThat(plain.heads()).containsExactly("c2");
        assertThat(plain.current()).extracting(CurrentRevision::id).containsExactly("c2");
        assertThat(TestPostgres.query(database, "SELECT count(*) FROM countries"))
                .containsExactly("0");
        assertThat(TestPostgres.query(database, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .containsExactly("c1 upgrade", "c2 upgrade", "t1 skipped");
        assertThat(lines)
                .anyMatch(line -> line.startsWith(
                        "Skipped t1, test countries: it runs only in the context test, which this run is not given."));

        plain.upgrade("head");
        assertThat(TestPostgres.query(database, "SELECT count(*) FROM migrate_history WHERE direction = 'skipped'"))
                .as("skipped once")
                .containsExactly("1");
        plain.assertUpToDate();
        assertThat(MigratorTools.of(plain).currentReport(false))
                .contains("Skipped here: t1 (test countries), which runs only in the context test: a run given it"
                        + " applies it.");
    }

    @Test
    void aLaterRunInTheContextAppliesItAndARunWithoutItStillSeesTheChainAtHead() throws SQLException {
        migrator(new ArrayList<>()).upgrade("head");

        Migrator test = migrator(new ArrayList<>(), "test");
        assertThat(test.heads()).containsExactlyInAnyOrder("c2", "t1");
        test.upgrade("heads");
        assertThat(TestPostgres.query(database, "SELECT code FROM countries")).containsExactly("XX");
        assertThat(test.current()).extracting(CurrentRevision::id).containsExactlyInAnyOrder("c2", "t1");
        test.assertUpToDate();

        // the run without the context: the test branch is not its own, and its chain is at head
        Migrator plain = migrator(new ArrayList<>());
        assertThat(plain.current()).extracting(CurrentRevision::id).containsExactly("c2");
        assertThat(MigratorTools.of(plain).currentReport(false))
                .as("applied since it was skipped")
                .noneMatch(line -> line.startsWith("Skipped here"));
        plain.upgrade("head");
        plain.assertUpToDate();
    }

    @Test
    void aRevisionThatRunsEverywhereCannotFollowOneLimitedToAContext() {
        assertThatThrownBy(() -> Migrator.builder()
                        .dataSource(database)
                        .migrations(C1.class, T1.class, C3.class)
                        .contexts("test")
                        .build())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Revision c3 (" + C3.class.getName() + ") revises t1, which runs only in the "
                        + "context test, but runs in every context")
                .hasMessageContaining("Give c3 contexts within test (@Revision(contexts = ...))");
    }

    /**
     * The sequence users met: the test-only revision on the plain head, applied first by a run given the context;
     * then runs without it (current, upgrade), a new plain revision, and the run in the context again.
     */
    @Test
    void aRunInTheContextKeepsTheVersionOfTheRunsThatRunEverywhere() throws SQLException {
        Migrator test = migrator(new ArrayList<>(), List.of(C1.class, T1.class), "test");
        test.upgrade("heads");
        assertThat(TestPostgres.query(database, "SELECT version_num FROM migrate_version ORDER BY 1"))
                .containsExactly("c1", "t1");
        assertThat(test.current()).extracting(CurrentRevision::id).containsExactly("t1");
        test.assertUpToDate();

        Migrator plain = migrator(new ArrayList<>(), List.of(C1.class, T1.class));
        assertThat(plain.current()).extracting(CurrentRevision::id).containsExactly("c1");
        assertThat(MigratorTools.of(plain).currentReport(false)).containsExactly("c1 (head)");
        plain.upgrade("head");
        plain.assertUpToDate();
        assertThat(TestPostgres.query(database, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .as("nothing ran twice, and nothing was skipped: the test revision is applied here")
                .containsExactly("c1 upgrade", "t1 upgrade");

        // the next plain revision arrives: the plain run applies it, beside the test branch
        List<String> lines = new ArrayList<>();
        Migrator next = migrator(lines, List.of(C1.class, T1.class, C2.class));
        next.upgrade("head");
        assertThat(TestPostgres.query(database, "SELECT version_num FROM migrate_version ORDER BY 1"))
                .containsExactly("c2", "t1");
        assertThat(next.current()).extracting(CurrentRevision::id).containsExactly("c2");
        Migrator nextTest = migrator(new ArrayList<>(), List.of(C1.class, T1.class, C2.class), "test");
        assertThat(nextTest.current()).extracting(CurrentRevision::id).containsExactlyInAnyOrder("c2", "t1");
        nextTest.upgrade("heads");
        nextTest.assertUpToDate();
        assertThat(TestPostgres.query(database, "SELECT count(*) FROM migrate_history WHERE direction = 'upgrade'"))
                .containsExactly("3");

        // the run in the context goes down its own branch, the plain runs do not move
        nextTest.downgrade("c1");
        assertThat(TestPostgres.query(database, "SELECT version_num FROM migrate_version ORDER BY 1"))
                .containsExactly("c1");
        assertThat(TestPostgres.query(database, "SELECT count(*) FROM countries"))
                .containsExactly("0");
    }

    /** A table an earlier version wrote, where the test-only revision took the plain head's row, is read right. */
    @Test
    void aTableWhereTheLimitedRevisionTookThePlainRowIsReadAsItsParentAndPutRight() throws SQLException {
        migrator(new ArrayList<>(), List.of(C1.class, T1.class), "test").upgrade("heads");
        TestPostgres.execute(database, "DELETE FROM migrate_version WHERE version_num = 'c1'");

        Migrator plain = migrator(new ArrayList<>(), List.of(C1.class, T1.class, C2.class));
        assertThat(plain.current()).extracting(CurrentRevision::id).containsExactly("c1");
        plain.upgrade("head");
        assertThat(TestPostgres.query(database, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .containsExactly("c1 upgrade", "t1 upgrade", "c2 upgrade");
        assertThat(TestPostgres.query(database, "SELECT version_num FROM migrate_version ORDER BY 1"))
                .containsExactly("c2", "t1");
        plain.assertUpToDate();
        migrator(new ArrayList<>(), List.of(C1.class, T1.class, C2.class), "test")
                .assertUpToDate();
    }

    @Test
    void aDowngradeWithoutTheContextBelowARevisionAppliedInItIsRefused() throws SQLException {
        migrator(new ArrayList<>(), List.of(C1.class, T1.class), "test").upgrade("heads");
        Migrator plain = migrator(new ArrayList<>(), List.of(C1.class, T1.class));

        assertThatThrownBy(() -> plain.downgrade("base"))
                .isInstanceOf(MigrateException.class)
                .hasMessage("This downgrade would revert c1, below t1 (test countries), which this database applied in"
                        + " a run given the context test; this run is not given it, so it would leave t1 applied on a"
                        + " schema without the revision it follows. Downgrade t1 first in a run given"
                        + " -Dmigrate.contexts=test, then run this downgrade again. Nothing was changed.");
        assertThat(TestPostgres.query(database, "SELECT version_num FROM migrate_version ORDER BY 1"))
                .containsExactly("c1", "t1");

        migrator(new ArrayList<>(), List.of(C1.class, T1.class), "test").downgrade("c1");
        plain.downgrade("base");
        assertThat(TestPostgres.query(database, "SELECT count(*) FROM migrate_version"))
                .containsExactly("0");
    }

    /** The limited revision arrives on a database already at its parent: the run has nothing to do, and says so. */
    @Test
    void aDatabaseAlreadyAtTheParentIsToldOfTheSkippedRevision() throws SQLException {
        migrator(new ArrayList<>(), List.of(C1.class)).upgrade("head");

        List<String> lines = new ArrayList<>();
        Migrator plain = migrator(lines, List.of(C1.class, T1.class));
        assertThat(MigratorTools.of(plain).currentReport(false))
                .as("before any run records it")
                .contains("Skipped here: t1 (test countries), which runs only in the context test: a run given it"
                        + " applies it.");
        plain.upgrade("head");
        assertThat(lines)
                .contains("Skipped t1, test countries: it runs only in the context test, which this run is not given.");
        assertThat(TestPostgres.query(database, "SELECT revision || ' ' || direction FROM migrate_history ORDER BY id"))
                .containsExactly("c1 upgrade", "t1 skipped");
        assertThat(MigratorTools.of(plain).historyReport(null, false))
                .first()
                .isEqualTo("c1 -> t1, test countries [skipped here: runs only in the context test, which this run is"
                        + " not given]");
        assertThat(MigratorTools.of(plain).historyRevisions(null).skipped())
                .as("as --json lists it")
                .extracting(RevisionInfo::id)
                .containsExactly("t1");
        assertThat(MigratorTools.of(plain).historyReport(null, true))
                .contains(
                        "Revision ID: t1",
                        "Contexts: test",
                        "Status: skipped here: runs only in the context test, which this run is not given");
    }

    /** A test-only revision beside the next plain one is a branch kept apart on purpose, not two heads to merge. */
    @Test
    void theTestBranchBesideThePlainOneIsNotAnUndeclaredHead() {
        Migrator test = migrator(new ArrayList<>(), List.of(C1.class, T1.class, C2.class), "test");
        assertThat(test.heads()).containsExactlyInAnyOrder("c2", "t1");
        assertThat(MigratorTools.of(test).branchReview().undeclaredHeads()).isEmpty();
    }

    private Migrator migrator(List<String> lines, String... contexts) {
        return migrator(lines, List.of(C1.class, T1.class, C2.class), contexts);
    }

    private Migrator migrator(List<String> lines, List<Class<?>> classes, String... contexts) {
        return Migrator.builder()
                .dataSource(database)
                .migrations(classes.toArray(Class<?>[]::new))
                .contexts(contexts)
                .log(new MigrationLog() {
                    @Override
                    public void info(String message) {
                        lines.add(message);
                    }

                    @Override
                    public void warn(String message) {
                        lines.add(message);
                    }
                })
                .build();
    }
}
