package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.LockWait;
import dev.migrate.Migration;
import dev.migrate.MigrationFailedException;
import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.TransactionMode;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A statement that gives up on {@code lock_timeout} is tried again, its migration's locks released
 * while it waits, and nothing runs twice; other failures are not retried. A default lock timeout
 * applies unless the run sets one, and zero turns it off.
 */
@LongSuite
class LockRetryTest {

    @Revision(id = "l1", message = "tables")
    public static class Tables implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE agents (id int)");
            op.execute("CREATE TABLE journal (entry text)");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "l2", revises = "l1", message = "alter agents")
    public static class AlterAgents implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("INSERT INTO journal VALUES ('l2')");
            op.execute("ALTER TABLE agents ADD COLUMN name text");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "l2", revises = "l1", message = "alter agents outside a transaction", transactional = false)
    public static class AlterAgentsOutside implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("INSERT INTO journal VALUES ('l2')");
            op.execute("ALTER TABLE agents ADD COLUMN name text");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "l2", revises = "l1", message = "broken")
    public static class Broken implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("ALTER TABLE no_such_table ADD COLUMN name text");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    /** Remembers the lock timeout its statements run with. */
    @Revision(id = "l2", revises = "l1", message = "show lock_timeout")
    public static class ShowLockTimeout implements Migration {
        static final AtomicReference<String> SEEN = new AtomicReference<>();

        @Override
        public void upgrade(Operations op) {
            op.jdbc(c -> {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SHOW lock_timeout")) {
                    rs.next();
                    SEEN.set(rs.getString(1));
                }
            });
        }

        @Override
        public void downgrade(Operations op) {}
    }

    private DataSource db;
    private final Fixtures.RecordingLog log = new Fixtures.RecordingLog();

    @BeforeEach
    void tablesExist() {
        db = TestPostgres.freshDatabase("retry");
        Migrator.builder()
                .dataSource(db)
                .migrations(Tables.class)
                .log(log)
                .build()
                .upgrade("head");
    }

    private Migrator.Builder migrator(Class<?> second) {
        return Migrator.builder()
                .dataSource(db)
                .migrations(Tables.class, second)
                .log(log)
                .lockTimeout(Duration.ofMillis(200))
                .lockRetries(3, Duration.ofMillis(100));
    }

    /** Holds ACCESS EXCLUSIVE on agents until {@code releaseAfter} has passed. */
    /** A connection in a transaction that holds {@code agents} exclusively. */
    private Connection lockAgents() throws Exception {
        Connection holder = db.getConnection();
        holder.setAutoCommit(false);
        try (Statement s = holder.createStatement()) {
            s.execute("LOCK TABLE agents IN ACCESS EXCLUSIVE MODE");
        }
        return holder;
    }

    private CompletableFuture<Void> holdAgents(Duration releaseAfter) throws Exception {
        Connection holder = lockAgents();
        return CompletableFuture.runAsync(() -> {
            try (holder) {
                Thread.sleep(releaseAfter.toMillis());
                holder.rollback();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Holds the table until the migration has waited past its lock timeout and said it retries (or a
     * minute passed), then lets go: on a loaded machine a fixed wait could end before the migration
     * even reached the lock.
     */
    private CompletableFuture<Void> holdAgentsUntilARetry() throws Exception {
        Connection holder = lockAgents();
        return CompletableFuture.runAsync(() -> {
            try (holder) {
                long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (retries().isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                holder.rollback();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private List<String> retries() {
        return log.lines.stream().filter(l -> l.contains("Retry ")).toList();
    }

    @Test
    void aMigrationInItsOwnTransactionRunsAgainFromItsStartOnceTheLockIsFree() throws Exception {
        CompletableFuture<Void> released = holdAgentsUntilARetry();
        List<LockWait> waits = new CopyOnWriteArrayList<>();
        migrator(AlterAgents.class)
                .listener(new MigrationListener() {
                    @Override
                    public void onLockWait(LockWait lockWait) {
                        waits.add(lockWait);
                    }
                })
                .build()
                .upgrade("head");
        released.join();

        assertThat(retries()).isNotEmpty();
        assertThat(waits)
                .as("the listener hears the migration lock, then each wait that ended in a retry")
                .extracting(LockWait::kind)
                .startsWith(LockWait.Kind.MIGRATION_LOCK, LockWait.Kind.LOCK_TIMEOUT)
                .hasSize(1 + retries().size());
        assertThat(waits.get(1).revision()).isEqualTo("l2");
        assertThat(waits.get(1).subject()).isEqualTo("ALTER TABLE agents ADD COLUMN name text");
        assertThat(waits.get(1).waited()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(retries().get(0))
                .startsWith(
                        "WARN Migration l2 waited longer than its lock timeout for a lock"
                                + " (lockTimeout=200ms, lockRetries=3) at: ALTER TABLE agents ADD COLUMN name text. Retry 1 of 3")
                .endsWith("; rolled back its transaction.");
        assertThat(query(db, "SELECT entry FROM journal"))
                .as("the statement before it ran once")
                .containsExactly("l2");
        assertThat(query(db, "SELECT revision FROM migrate_history WHERE revision = 'l2'"))
                .hasSize(1);
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("l2");
    }

    @Test
    void whenTheRetriesAreSpentTheFailureSaysHowOftenAndWhatToDo() throws Exception {
        CompletableFuture<Void> released = holdAgents(Duration.ofSeconds(3));
        Migrator m = Migrator.builder()
                .dataSource(db)
                .migrations(Tables.class, AlterAgents.class)
                .log(log)
                .lockTimeout(Duration.ofMillis(200))
                .lockRetries(2, Duration.ofMillis(50))
                .build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("Migration l2 (alter agents) failed during upgrade.")
                .hasMessageContaining("[SQLSTATE 55P03]")
                .hasMessageContaining("It was tried 3 times (lockTimeout=200ms, lockRetries=2): another session"
                        + " held a lock the statement needs.")
                .hasMessageContaining("raise -Dmigrate.lockTimeout or -Dmigrate.lockRetries")
                .hasMessageContaining("The transaction was rolled back: l2 was not applied and nothing was recorded");
        released.join();
        assertThat(retries()).hasSize(2);
        assertThat(query(db, "SELECT count(*) FROM journal")).containsExactly("0");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("l1");
    }

    @Test
    void outsideATransactionOnlyTheBlockedStatementIsTriedAgain() throws Exception {
        CompletableFuture<Void> released = holdAgentsUntilARetry();
        migrator(AlterAgentsOutside.class).build().upgrade("head");
        released.join();

        assertThat(retries()).isNotEmpty().allMatch(l -> l.endsWith("; the statements before it stay applied."));
        assertThat(query(db, "SELECT entry FROM journal")).containsExactly("l2");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("l2");
    }

    @Test
    void oneTransactionForTheWholeRunIsNotRetried() throws Exception {
        CompletableFuture<Void> released = holdAgents(Duration.ofSeconds(2));
        Migrator m =
                migrator(AlterAgents.class).transactionMode(TransactionMode.ALL).build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("It was tried once (lockTimeout=200ms, lockRetries=3) (with transactionMode=all"
                        + " one transaction holds the whole run, so it is not retried)");
        released.join();
        assertThat(retries()).isEmpty();
    }

    @Test
    void otherFailuresAreNotRetried() {
        Migrator m = migrator(Broken.class).build();
        assertThatThrownBy(() -> m.upgrade("head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("[SQLSTATE 42P01]")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("It was tried"));
        assertThat(retries()).isEmpty();
    }

    @Test
    void aDefaultLockTimeoutAppliesAndZeroTurnsItOff() {
        Migrator.builder()
                .dataSource(db)
                .migrations(Tables.class, ShowLockTimeout.class)
                .log(log)
                .build()
                .upgrade("head");
        assertThat(ShowLockTimeout.SEEN.get()).isEqualTo("10s");
        assertThat(Migrator.DEFAULT_LOCK_TIMEOUT).isEqualTo(Duration.ofSeconds(10));

        DataSource other = TestPostgres.freshDatabase("retry");
        Migrator.builder()
                .dataSource(other)
                .migrations(Tables.class, ShowLockTimeout.class)
                .log(log)
                .lockTimeout(Duration.ZERO)
                .build()
                .upgrade("head");
        assertThat(ShowLockTimeout.SEEN.get()).isEqualTo("0");
    }
}
