package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.query;
import static dev.migrate.internal.runtime.Fixtures.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationFailedException;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.TransactionMode;
import dev.migrate.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A failed run says truthfully what stayed applied, whatever failed and however transactions were set. */
class RunFailureTest {
    private DataSource db;

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.freshDatabase("failure");
    }

    private Migrator.Builder migrator(Class<?>... classes) {
        return Migrator.builder().dataSource(db).migrations(classes).log(new Fixtures.RecordingLog());
    }

    @Test
    void transactionModeAllNamesWhatANonTransactionalMigrationCommitted() throws Exception {
        Migrator m = migrator(
                        Fixtures.R1.class,
                        Fixtures.R2.class,
                        Fixtures.R3.class,
                        Fixtures.R4Concurrently.class,
                        FailingAfterConcurrent.class)
                .transactionMode(TransactionMode.ALL)
                .build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Migration r5_bad (fails) failed during upgrade.")
                .hasMessageContaining("The transaction was rolled back: r5_bad was not applied")
                .hasMessageContaining(
                        "Applied and recorded before the failure, and still in place: r1, r2, r3, r4_concurrent.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("No other migration"));
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r4_concurrent");
        assertThat(query(db, "SELECT revision FROM migrate_history ORDER BY id"))
                .containsExactly("r1", "r2", "r3", "r4_concurrent");
    }

    @Test
    void perMigrationModeNamesTheEarlierMigrationsOfTheRun() throws Exception {
        Migrator m = migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4Bad.class)
                .build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(
                        "The transaction was rolled back: r4_bad was not applied and nothing was recorded for it.")
                .hasMessageContaining("Applied and recorded before the failure, and still in place: r1, r2, r3.");
    }

    @Test
    void nonTransactionalMigrationNamesTheStatementsThatStayedApplied() throws Exception {
        Migrator m = migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4OutsideBad.class)
                .build();
        m.upgrade("r3");
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Migration r4_outside (outside a transaction) failed during upgrade.")
                .hasMessageContaining("Statement: ALTER TABLE no_such_table ADD COLUMN x int")
                .hasMessageContaining(
                        "these statements stayed applied: CREATE INDEX CONCURRENTLY ix_agents_name ON agents (name)")
                .hasMessageContaining("its version was not recorded")
                .hasMessageContaining("Repair the database by hand, fix the migration and run again.");
        assertThat(query(db, "SELECT indexname FROM pg_indexes WHERE indexname = 'ix_agents_name'"))
                .hasSize(1);
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r3");
    }

    @Test
    void exceptionInJdbcCodeIsReportedLikeAFailingStatement() throws Exception {
        Migrator m = migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4JdbcThrows.class)
                .build();
        m.upgrade("r3");
        assertThatThrownBy(() -> m.upgrade("head"))
                .isExactlyInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Migration r4_throws (jdbc throws) failed during upgrade.")
                .hasMessageContaining("Statement: (the JDBC code of the migration, op.jdbc)")
                .hasMessageContaining("Error: java.lang.IllegalStateException: no customer with id 42")
                .hasMessageContaining(
                        "The transaction was rolled back: r4_throws was not applied and nothing was recorded")
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(tables(db)).doesNotContain("half_done");
        assertThat(query(db, "SELECT count(*) FROM migrate_history WHERE revision = 'r4_throws'"))
                .containsExactly("0");
    }

    @Test
    void exceptionInUpgradeMethodIsReportedWithTheRevision() throws Exception {
        Migrator m = migrator(Fixtures.R1.class, Fixtures.R2.class, Fixtures.R3.class, Fixtures.R4UpgradeThrows.class)
                .build();
        m.upgrade("r3");
        assertThatThrownBy(() -> m.upgrade("head"))
                .isExactlyInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Migration r4_describe (upgrade throws) failed during upgrade.")
                .hasMessageContaining("Its upgrade() method threw java.lang.IllegalArgumentException: missing setting "
                        + "app.region; none of its SQL ran.")
                .hasMessageContaining("r4_describe was not applied and nothing was recorded for it")
                .hasMessageContaining("No other migration of this run was applied.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Statement:"));
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r3");
    }

    @Test
    void aFailingStatementInTheMiddleOfAMigrationIsNamedAndNothingOfItsStepStays() throws Exception {
        Migrator m = migrator(Fixtures.R1.class, ThreeStatements.class).build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Migration r2_three (three statements) failed during upgrade.")
                .hasMessageContaining("Statement: ALTER TABLE no_such_table ADD COLUMN x int")
                .hasMessageContaining("[SQLSTATE 42P01]")
                .hasMessageContaining("The transaction was rolled back: r2_three was not applied")
                .hasMessageContaining("Applied and recorded before the failure, and still in place: r1.");
        assertThat(tables(db)).contains("agents").doesNotContain("first_of_three", "third_of_three");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r1");
        assertThat(query(db, "SELECT count(*) FROM migrate_history WHERE revision = 'r2_three'"))
                .containsExactly("0");
    }

    /** The bookkeeping and the COMMIT share a round trip: a failure at COMMIT still leaves nothing of the step. */
    @Test
    void aConstraintCheckedAtCommitFailsTheStepWithNothingRecorded() throws Exception {
        Migrator m = migrator(Fixtures.R1.class, FailsAtCommit.class).build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Migration r2_deferred (fails at commit) failed during upgrade.")
                .hasMessageContaining("Statement: (version table update, then COMMIT)")
                .hasMessageContaining("[SQLSTATE 23503]")
                .hasMessageContaining(
                        "The transaction was rolled back: r2_deferred was not applied and nothing was recorded")
                .hasMessageContaining("Applied and recorded before the failure, and still in place: r1.");
        assertThat(tables(db)).doesNotContain("deferred_child");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r1");
        assertThat(query(db, "SELECT revision FROM migrate_history ORDER BY id"))
                .containsExactly("r1");
        m.upgrade("r1"); // the connection and the lock were given back: the next run goes on
    }

    @Revision(id = "r2_three", revises = "r1", message = "three statements")
    public static class ThreeStatements implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE first_of_three (id int)");
            op.execute("ALTER TABLE no_such_table ADD COLUMN x int");
            op.execute("CREATE TABLE third_of_three (id int)");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "r2_deferred", revises = "r1", message = "fails at commit")
    public static class FailsAtCommit implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE deferred_child (id int PRIMARY KEY, agent_id bigint "
                    + "REFERENCES agents (id) DEFERRABLE INITIALLY DEFERRED)");
            op.execute("INSERT INTO deferred_child VALUES (1, 42)");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "r5_bad", revises = "r4_concurrent", message = "fails")
    public static class FailingAfterConcurrent implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER TABLE no_such_table ADD COLUMN x int");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Test
    void aMigrationsSqlReachesTheServerAsWrittenAsInTheOfflineScript() {
        Migrator m = migrator(JdbcEscape.class).build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Statement: CREATE VIEW escaped AS SELECT {fn ucase('a')} AS u")
                .hasMessageContaining("[SQLSTATE 42601]"); // the server's syntax error, not the driver's rewrite
    }

    @Revision(id = "escape", message = "a JDBC escape")
    public static class JdbcEscape implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE VIEW escaped AS SELECT {fn ucase('a')} AS u");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP VIEW escaped");
        }
    }
}
