package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;
import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.CurrentRevision;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Django's executor tests of a squash, on Django's smallest fixture ({@code
 * tests/migrations/test_migrations_squashed}: {@code 0001_initial} makes author and tribble,
 * {@code 0002_second} makes book, {@code 0001_squashed_0002} replaces both), each on a fresh
 * database of the one embedded server. Django records the squash and the replaced migrations as
 * applied side by side; here the version table names the revision the squash stands for, which
 * means the squash as well, so "marked applied" reads as: an upgrade to the squash has nothing to
 * run, and a build without the replaced classes reads the row as the squash.
 */
@LongSuite
class SquashedPairTest {
    private DataSource db;

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.freshDatabase("squashed_pair");
    }

    @Revision(id = "0001_initial")
    public static class Initial implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("author", column("id", "int").primaryKey(), column("name", "text"));
            op.createTable("tribble", column("id", "int").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("tribble");
            op.dropTable("author");
        }
    }

    @Revision(id = "0002_second", revises = "0001_initial")
    public static class Second implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("book", column("id", "int").primaryKey(), column("author_id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("book");
        }
    }

    @Revision(
            id = "0001_squashed_0002",
            replaces = {"0001_initial", "0002_second"})
    public static class Squashed implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("author", column("id", "int").primaryKey(), column("name", "text"));
            op.createTable("tribble", column("id", "int").primaryKey());
            op.createTable("book", column("id", "int").primaryKey(), column("author_id", "int"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("book");
            op.dropTable("tribble");
            op.dropTable("author");
        }
    }

    @Revision(id = "0003_third", revises = "0002_second")
    public static class Third implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("publisher", column("id", "int").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("publisher");
        }
    }

    /** A second squash, written once the replaced classes of the first were deleted: it replaces that squash. */
    @Revision(
            id = "0001_double_squash",
            replaces = {"0001_squashed_0002", "0003_third"})
    public static class DoubleSquash implements Migration {
        @Override
        public void upgrade(Operations op) {
            new Squashed().upgrade(op);
            new Third().upgrade(op);
        }

        @Override
        public void downgrade(Operations op) {
            new Third().downgrade(op);
            new Squashed().downgrade(op);
        }
    }

    private Migrator withReplaced() {
        return Migrator.builder()
                .dataSource(db)
                .migrations(Initial.class, Second.class, Squashed.class)
                .build();
    }

    private Migrator squashOnly() {
        return Migrator.builder().dataSource(db).migrations(Squashed.class).build();
    }

    private List<String> history() throws Exception {
        return query(db, "SELECT revision || ':' || direction FROM migrate_history ORDER BY id");
    }

    private List<String> versions() throws Exception {
        return query(db, "SELECT version_num FROM migrate_version ORDER BY 1");
    }

    private List<String> tables() throws Exception {
        return query(
                db,
                "SELECT coalesce(string_agg(tablename, ',' ORDER BY tablename), 'none') FROM pg_tables WHERE schemaname = 'public' "
                        + "AND tablename IN ('author', 'tribble', 'book')");
    }

    private static List<String> ids(List<CurrentRevision> current) {
        return current.stream().map(CurrentRevision::id).toList();
    }

    // Django tests/migrations/test_executor.py, ExecutorTests.test_run_with_squashed: the squash runs alone from
    // nothing. Django then unapplies the squash itself; a downgrade here goes back through the replaced
    // revisions, which verify proves build the same schema.
    @Test
    void aNewDatabaseRunsTheSquashAndADowngradeGoesBackThroughTheReplaced() throws Exception {
        Migrator m = withReplaced();
        assertThat(tables()).containsExactly("none");
        m.upgrade("0001_squashed_0002");
        assertThat(history()).containsExactly("0001_squashed_0002:upgrade");
        assertThat(tables()).containsExactly("author,book,tribble");
        assertThat(versions()).containsExactly("0002_second");
        // test_commands.py, MigrateTests.test_migrate_record_replaced: the replaced revisions count as applied
        assertThat(MigratorTools.of(m).appliedRevisions()).containsExactlyInAnyOrder("0001_initial", "0002_second");
        m.downgrade("base");
        assertThat(history())
                .containsExactly("0001_squashed_0002:upgrade", "0002_second:downgrade", "0001_initial:downgrade");
        assertThat(tables()).containsExactly("none");
        assertThat(versions()).isEmpty();
    }

    // Django tests/migrations/test_executor.py, ExecutorTests.test_migrate_backward_to_squashed_migration: after
    // the squash, a downgrade to a revision it replaced reverts only what lies above that revision.
    @Test
    void aDowngradeToARevisionTheSquashReplacedRevertsOnlyWhatIsAbove() throws Exception {
        Migrator m = withReplaced();
        m.upgrade("0001_squashed_0002");
        m.downgrade("0001_initial");
        assertThat(tables()).containsExactly("author,tribble");
        assertThat(versions()).containsExactly("0001_initial");
        m.downgrade("base");
        assertThat(tables()).containsExactly("none");
    }

    // Django tests/migrations/test_executor.py, ExecutorTests.test_apply_all_replaced_marks_replacement_as_applied
    // (#24628): 0001 applied, then 0002: the squash counts as applied.
    @Test
    void applyingTheRestOfTheReplacedRevisionsAppliesTheSquash() throws Exception {
        Migrator m = withReplaced();
        m.upgrade("0001_initial");
        m.upgrade("0002_second");
        assertThat(history()).containsExactly("0001_initial:upgrade", "0002_second:upgrade");
        assertThat(m.upgrade("0001_squashed_0002").nothingApplied()).isTrue();
        assertThat(ids(squashOnly().current())).containsExactly("0001_squashed_0002");
    }

    // Django tests/migrations/test_executor.py,
    // ExecutorTests.test_migrate_marks_replacement_applied_even_if_it_did_nothing (#24628): the replaced revisions
    // recorded without running (a stamp here), an upgrade to the squash runs nothing and the squash counts as
    // applied.
    @Test
    void aStampOfTheReplacedRevisionsAppliesTheSquashWithoutRunningIt() throws Exception {
        Migrator m = withReplaced();
        m.stamp("0002_second", false);
        assertThat(m.upgrade("0001_squashed_0002").nothingApplied()).isTrue();
        assertThat(tables()).containsExactly("none");
        assertThat(ids(m.current())).containsExactly("0002_second");
        Migrator after = squashOnly();
        assertThat(ids(after.current())).containsExactly("0001_squashed_0002");
        assertThat(after.upgrade("head").nothingApplied()).isTrue();
        assertThat(tables()).containsExactly("none");
    }

    // Django tests/migrations/test_executor.py, ExecutorTests.test_migrate_marks_replacement_unapplied: after a
    // downgrade to nothing the squash is no longer applied, so the next upgrade runs it again.
    @Test
    void aDowngradeToBaseUnappliesTheSquash() throws Exception {
        Migrator m = withReplaced();
        m.upgrade("0001_squashed_0002");
        m.downgrade("base");
        assertThat(m.current()).isEmpty();
        m.upgrade("head");
        assertThat(history()).endsWith("0001_squashed_0002:upgrade");
        assertThat(tables()).containsExactly("author,book,tribble");
    }

    // The same bookkeeping read the other way (Django keeps both names recorded, so either set of migration
    // files reads the database): a database upgraded by a build without the replaced classes has its row renamed
    // to the squash; a build that still has them (an older release, or the classes restored to take on a database
    // inside the range) reads that row as the revision the squash stands for.
    @Test
    void aRowNamingTheSquashIsReadByABuildThatStillHasTheReplacedClasses() throws Exception {
        squashOnly().upgrade("head");
        assertThat(versions()).containsExactly("0001_squashed_0002");
        Migrator m = withReplaced();
        assertThat(ids(m.current())).containsExactly("0002_second");
        assertThat(m.upgrade("head").nothingApplied()).isTrue();
        m.downgrade("0001_initial");
        assertThat(tables()).containsExactly("author,tribble");
        assertThat(versions()).containsExactly("0001_initial");
    }

    // Django tests/migrations/test_commands.py, SquashMigrationsTests.test_squashmigrations_squashes_already_squashed:
    // a squash over an earlier squash; a new database runs it alone, a database that ran the earlier squash
    // continues with what the earlier one did not replace.
    @Test
    void aSquashOverAnEarlierSquash() throws Exception {
        squashOnly().upgrade("head");
        Migrator twice = Migrator.builder()
                .dataSource(db)
                .migrations(Squashed.class, Third.class, DoubleSquash.class)
                .build();
        twice.upgrade("head");
        assertThat(history()).containsExactly("0001_squashed_0002:upgrade", "0003_third:upgrade");
        assertThat(versions()).containsExactly("0003_third");

        db = TestPostgres.freshDatabase("squashed_pair");
        Migrator fresh = Migrator.builder()
                .dataSource(db)
                .migrations(Squashed.class, Third.class, DoubleSquash.class)
                .build();
        fresh.upgrade("head");
        assertThat(history()).containsExactly("0001_double_squash:upgrade");
        assertThat(versions()).containsExactly("0003_third");
        fresh.downgrade("base");
        assertThat(history()).endsWith("0003_third:downgrade", "0001_squashed_0002:downgrade");
        assertThat(tables()).containsExactly("none");
    }

    // Django tests/migrations/test_commands.py, MigrateTests.test_showmigrations_list_squashed: the list shows the
    // squash unapplied, then applied once migrate ran it. Here history lists the revisions of the chain, and after
    // the squash ran each replaced revision says it was applied as part of it.
    @Test
    void historySaysTheReplacedRevisionsWereAppliedAsPartOfTheSquash() throws Exception {
        Migrator m = withReplaced();
        assertThat(MigratorTools.of(m).historyReport(null, false))
                .hasSize(2)
                .allMatch(line -> line.endsWith("[pending]"));
        m.upgrade("0001_squashed_0002");
        assertThat(MigratorTools.of(m).historyReport(null, false))
                .hasSize(2)
                .allMatch(line -> line.contains(" (as part of squash 0001_squashed_0002)]"))
                .anyMatch(line -> line.startsWith("0001_initial -> 0002_second (head) (current)"));
    }

    // Django tests/migrations/test_commands.py, MigrateTests.test_migrate_partially_applied_squashed_migration: an
    // upgrade to the squash, named, from part-way through what it replaces runs the rest of the replaced revisions.
    @Test
    void anUpgradeToTheSquashFromInsideItsRangeRunsTheRestOfTheReplaced() throws Exception {
        Migrator m = withReplaced();
        m.upgrade("0001_initial");
        m.upgrade("0001_squashed_0002");
        assertThat(history()).containsExactly("0001_initial:upgrade", "0002_second:upgrade");
        assertThat(versions()).containsExactly("0002_second");
        assertThat(tables()).containsExactly("author,book,tribble");
    }
}
