package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;
import static dev.migrate.Ddl.index;
import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationFailedException;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code transactional = false} migration cut in the middle of a statement: the failure says what
 * the statement may have left, and the next run clears what a concurrent index command left before it
 * runs that command again. The cases of failure come from PostgreSQL's documentation of CREATE INDEX,
 * "Building Indexes Concurrently", and of REINDEX and DROP INDEX.
 */
@SuppressWarnings("try") // a blocker holds its locks for the body of its try and releases them on close
@LongSuite
class InterruptedIndexBuildTest {
    private static final String INVALID_QUERY = "SELECT indexrelid::regclass FROM pg_index WHERE NOT indisvalid";

    private DataSource db;
    private Fixtures.RecordingLog log;

    @BeforeEach
    void freshDatabase() {
        db = TestPostgres.freshDatabase("cut");
        log = new Fixtures.RecordingLog();
    }

    private Migrator.Builder migrator(Class<?>... classes) {
        return Migrator.builder()
                .dataSource(db)
                .migrations(classes)
                .log(log)
                // the blockers below are meant to be waited for, as long as the test needs
                .lockTimeout(Duration.ZERO);
    }

    /** Runs {@code migrator}'s upgrade to head on another thread; completes with what it threw, or null. */
    private static CompletableFuture<Throwable> upgrading(Migrator migrator) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                migrator.upgrade("head");
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
    }

    private static Throwable failure(CompletableFuture<Throwable> run) throws Exception {
        Throwable thrown = run.get(60, TimeUnit.SECONDS);
        assertThat(thrown).as("the run failed").isInstanceOf(MigrationFailedException.class);
        return thrown;
    }

    // ---- CREATE INDEX CONCURRENTLY ----

    /**
     * "If a problem arises while scanning the table, such as a deadlock or a uniqueness violation in
     * a unique index, the CREATE INDEX command will fail but leave behind an "invalid" index." Here the
     * problem is the end of the session, as pg_terminate_backend does it; and "The recommended
     * recovery method in such cases is to drop the index and try again to perform CREATE INDEX
     * CONCURRENTLY", which the next run does by itself, or, told not to, names.
     */
    @Test
    void aTerminatedBuildLeavesAnInvalidIndexThatTheNextRunDropsAndBuildsAgain() throws Exception {
        migrator(C1.class).build().upgrade("head");
        Throwable thrown;
        // CREATE INDEX CONCURRENTLY waits for every transaction that may write to the table once its
        // index is in the catalog, invalid
        try (Cuts.Blocker writer = new Cuts.Blocker(db, "INSERT INTO accounts VALUES (5000, 'late@example.com')")) {
            CompletableFuture<Throwable> run =
                    upgrading(migrator(C1.class, C2Index.class).build());
            Cuts.terminate(db, Cuts.waitingSession(db, "CREATE UNIQUE INDEX CONCURRENTLY"));
            thrown = failure(run);
        }
        assertThat(thrown.getMessage())
                .contains("Migration c2_index (index emails) failed during upgrade.")
                .contains("Statement: CREATE UNIQUE INDEX CONCURRENTLY ix_accounts_email ON accounts (email)")
                .contains("[SQLSTATE 57P01]")
                .contains("It runs outside a transaction (transactional = false), so none of its statements had"
                        + " committed before the one that failed; its version was not recorded.")
                .contains("So the index ix_accounts_email may be there now; see the invalid indexes with "
                        + INVALID_QUERY + ".")
                .contains("The next run of this migration drops it (DROP INDEX CONCURRENTLY IF EXISTS"
                        + " ix_accounts_email) and builds it again")
                .doesNotContain("none of its statements had run");
        assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|f");

        Migrator stopping =
                migrator(C1.class, C2Index.class).rebuildInvalidIndexes(false).build();
        assertThatThrownBy(() -> stopping.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessage("Migration c2_index (index emails) builds the index public.ix_accounts_email concurrently,"
                        + " and an invalid index of that name on public.accounts is there, left by an interrupted build"
                        + " (a CREATE INDEX CONCURRENTLY that failed or was cut): the build would fail on it (relation"
                        + " already exists). With rebuildInvalidIndexes=false (-Dmigrate.rebuildInvalidIndexes=false,"
                        + " Migrator.builder().rebuildInvalidIndexes(false)) nothing was run. Drop it, then run again:\n"
                        + "  DROP INDEX CONCURRENTLY IF EXISTS public.ix_accounts_email;\n"
                        + "or leave rebuildInvalidIndexes on, and the run drops it and builds it again.");
        assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|f");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("c1");

        migrator(C1.class, C2Index.class).build().upgrade("head");
        assertThat(log.lines)
                .contains("WARN Migration c2_index (index emails) builds the index public.ix_accounts_email"
                        + " concurrently, and an invalid index of that name on public.accounts is there, left by an"
                        + " interrupted build (a CREATE INDEX CONCURRENTLY that failed or was cut): dropping it, so"
                        + " that the migration builds it again: DROP INDEX CONCURRENTLY IF EXISTS"
                        + " public.ix_accounts_email");
        assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|t");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("c2_index");
    }

    /**
     * The same sentence, for a uniqueness violation: the build meets duplicates and leaves an invalid
     * index. Once the duplicates are gone, the next run builds the index.
     */
    @Test
    void aUniqueBuildThatMeetsDuplicatesLeavesAnInvalidIndexBuiltAgainOnceTheyAreGone() throws Exception {
        migrator(C1.class).build().upgrade("head");
        Fixtures.execute(db, "INSERT INTO accounts VALUES (5000, 'user7@example.com')");
        assertThatThrownBy(() -> migrator(C1.class, C2Index.class).build().upgrade("head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("[SQLSTATE 23505]")
                .hasMessageContaining("So the index ix_accounts_email may be there now");
        assertThat(Cuts.invalidIndexes(db)).containsExactly("ix_accounts_email");

        Fixtures.execute(db, "DELETE FROM accounts WHERE id = 5000");
        migrator(C1.class, C2Index.class).build().upgrade("head");
        assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|t");
        assertThat(Cuts.invalidIndexes(db)).isEmpty();
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("c2_index");
    }

    /**
     * The same sentence, for a deadlock: the build waits for a writer's transaction, which then waits
     * for the build's lock on the table. PostgreSQL ends the build, which has waited longer and so
     * looks for the deadlock first.
     */
    @Test
    void aBuildEndedByADeadlockLeavesAnInvalidIndexBuiltAgainByTheNextRun() throws Exception {
        migrator(C1.class).build().upgrade("head");
        Throwable thrown;
        try (Cuts.Blocker writer = new Cuts.Blocker(
                db, "SET LOCAL deadlock_timeout = '60s'", "INSERT INTO accounts VALUES (5000, 'late@example.com')")) {
            CompletableFuture<Throwable> run =
                    upgrading(migrator(C1.class, C2Index.class).build());
            Cuts.waitingSession(db, "CREATE UNIQUE INDEX CONCURRENTLY");
            CompletableFuture<Void> lock = CompletableFuture.runAsync(() -> {
                try {
                    writer.run("LOCK TABLE accounts IN SHARE UPDATE EXCLUSIVE MODE");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            thrown = failure(run);
            lock.get(30, TimeUnit.SECONDS);
        }
        assertThat(thrown.getMessage())
                .contains("[SQLSTATE 40P01]")
                .contains("So the index ix_accounts_email may be there now");
        assertThat(Cuts.invalidIndexes(db)).containsExactly("ix_accounts_email");

        migrator(C1.class, C2Index.class).build().upgrade("head");
        assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|t");
    }

    /**
     * A DBA's statement_timeout cancels the build while it waits (the same sentence: the command
     * fails). The statement came through op.execute, with a quoted name, a schema and IF NOT EXISTS,
     * which alone would skip the invalid index and record the migration with the index unusable.
     */
    @Test
    void aRawBuildCancelledByTheServersStatementTimeoutIsRecognisedAndBuiltAgain() throws Exception {
        migrator(C1.class).build().upgrade("head");
        String database = query(db, "SELECT current_database()").get(0);
        Throwable thrown;
        try (Cuts.Blocker writer = new Cuts.Blocker(db, "INSERT INTO accounts VALUES (5000, 'late@example.com')")) {
            Fixtures.execute(db, "ALTER DATABASE " + database + " SET statement_timeout = '1s'");
            thrown = failure(upgrading(migrator(C1.class, C2Raw.class).build()));
        } finally {
            Fixtures.execute(db, "ALTER DATABASE " + database + " RESET statement_timeout");
        }
        assertThat(thrown.getMessage())
                .contains("[SQLSTATE 57014]")
                .contains("So the index public.\"Ix Email\" may be there now")
                .contains("(DROP INDEX CONCURRENTLY IF EXISTS public.\"Ix Email\")");
        assertThat(Cuts.index(db, "Ix Email")).containsExactly("Ix Email|f");

        migrator(C1.class, C2Raw.class).build().upgrade("head");
        assertThat(Cuts.index(db, "Ix Email")).containsExactly("Ix Email|t");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("c2_raw");
    }

    /**
     * A build that waits longer than the lock timeout for old transactions fails in its waiting
     * stage, once its invalid index is in the catalog; the retry drops that index before it builds again.
     */
    @Test
    void aBuildRetriedAfterTheLockTimeoutDropsTheIndexItsFirstTryLeft() throws Exception {
        migrator(C1.class).build().upgrade("head");
        CompletableFuture<Throwable> run;
        try (Cuts.Blocker writer = new Cuts.Blocker(db, "INSERT INTO accounts VALUES (5000, 'late@example.com')")) {
            run = upgrading(migrator(C1.class, C2Index.class)
                    .lockTimeout(Duration.ofMillis(500))
                    .lockRetries(1, Duration.ofSeconds(3))
                    .build());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (log.lines.stream().noneMatch(l -> l.contains("Retry 1 of 1"))) {
                assertThat(System.nanoTime()).as("the build timed out once").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(Cuts.invalidIndexes(db)).containsExactly("ix_accounts_email");
        }
        assertThat(run.get(60, TimeUnit.SECONDS))
                .as("the retry built the index")
                .isNull();
        assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|t");
    }

    /** A valid index of the name is never dropped: the statement fails as PostgreSQL says. */
    @Test
    void aValidIndexOfTheNameIsLeftAloneAndTheBuildFailsOnIt() throws Exception {
        migrator(C1.class).build().upgrade("head");
        Fixtures.execute(db, "CREATE INDEX ix_accounts_email ON accounts (id)");
        assertThatThrownBy(() -> migrator(C1.class, C2Index.class).build().upgrade("head"))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("[SQLSTATE 42P07]")
                .hasMessageContaining("That statement was refused before it changed anything.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("may be there now"));
        assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|t");
        assertThat(query(db, "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_accounts_email'"))
                .containsExactly("CREATE INDEX ix_accounts_email ON public.accounts USING btree (id)");
        assertThat(log.lines).noneMatch(l -> l.contains("dropping it"));
    }

    /** An index another session is building right now is invalid too: it is left to that session. */
    @Test
    void anIndexBeingBuiltByAnotherSessionIsLeftToIt() throws Exception {
        migrator(C1.class).build().upgrade("head");
        try (Cuts.Blocker writer = new Cuts.Blocker(db, "INSERT INTO accounts VALUES (5000, 'late@example.com')");
                java.sql.Connection builder = db.getConnection()) {
            CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
                try (java.sql.Statement s = builder.createStatement()) {
                    s.execute("CREATE UNIQUE INDEX CONCURRENTLY ix_accounts_email ON accounts (email)");
                } catch (java.sql.SQLException e) {
                    // ended below
                }
            });
            int pid = Cuts.waitingSession(db, "CREATE UNIQUE INDEX CONCURRENTLY");
            assertThatThrownBy(() -> migrator(C1.class, C2Index.class).build().upgrade("head"))
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageContaining("Migration c2_index (index emails) builds the index public.ix_accounts_email"
                            + " concurrently, and server process " + pid + " is building the index"
                            + " public.ix_accounts_email on public.accounts right now (it is invalid until that build"
                            + " ends). Nothing of the migration was run. Wait for that build to end, or cancel it"
                            + " (SELECT pg_cancel_backend(" + pid + ")), then run again.");
            assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|f");
            Cuts.terminate(db, pid);
            build.get(30, TimeUnit.SECONDS);
        }
    }

    // ---- the other statements outside a transaction ----

    /**
     * REINDEX CONCURRENTLY: "If a problem arises while rebuilding the indexes, such as a uniqueness
     * violation in a unique index, the REINDEX command will fail but leave behind an "invalid" new
     * index in addition to the pre-existing one. [...] If the index marked INVALID is suffixed _ccnew,
     * then it corresponds to the transient index created during the concurrent operation, and the
     * recommended recovery method is to drop it using DROP INDEX, then attempt REINDEX CONCURRENTLY
     * again."
     */
    @Test
    void aCutReindexLeavesACcnewCopyThatTheNextRunDrops() throws Exception {
        migrator(C1.class, C2Index.class).build().upgrade("head");
        Throwable thrown;
        try (Cuts.Blocker writer = new Cuts.Blocker(db, "INSERT INTO accounts VALUES (5000, 'late@example.com')")) {
            CompletableFuture<Throwable> run =
                    upgrading(migrator(C1.class, C2Index.class, C3Reindex.class).build());
            Cuts.terminate(db, Cuts.waitingSession(db, "REINDEX INDEX CONCURRENTLY"));
            thrown = failure(run);
        }
        assertThat(thrown.getMessage())
                .contains("Statement: REINDEX INDEX CONCURRENTLY ix_accounts_email")
                .contains("A REINDEX ... CONCURRENTLY that fails or is cut leaves behind, marked invalid, the new copy"
                        + " of the index ix_accounts_email it was building, named after the index with the suffix"
                        + " _ccnew");
        assertThat(Cuts.invalidIndexes(db)).containsExactly("ix_accounts_email_ccnew");

        assertThatThrownBy(() -> migrator(C1.class, C2Index.class, C3Reindex.class)
                        .rebuildInvalidIndexes(false)
                        .build()
                        .upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("Migration c3_reindex (reindex emails) reindexes concurrently, and the invalid"
                        + " index public.ix_accounts_email_ccnew on public.accounts is there, left by an interrupted"
                        + " REINDEX CONCURRENTLY: it would stay beside the new index")
                .hasMessageContaining("  DROP INDEX CONCURRENTLY IF EXISTS public.ix_accounts_email_ccnew;");

        migrator(C1.class, C2Index.class, C3Reindex.class).build().upgrade("head");
        assertThat(Cuts.invalidIndexes(db)).isEmpty();
        assertThat(Cuts.index(db, "ix_accounts_email")).containsExactly("ix_accounts_email|t");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("c3_reindex");
    }

    /**
     * DROP INDEX CONCURRENTLY marks the index invalid and commits before it waits for the
     * transactions that may use it; cut there, it leaves the index in place, invalid. Running the
     * migration again drops it.
     */
    @Test
    void aCutDropIndexConcurrentlyLeavesTheIndexInvalidAndTheNextRunDropsIt() throws Exception {
        migrator(C1.class, C2Index.class).build().upgrade("head");
        Throwable thrown;
        try (Cuts.Blocker reader = new Cuts.Blocker(db, "SELECT count(*) FROM accounts")) {
            CompletableFuture<Throwable> run =
                    upgrading(migrator(C1.class, C2Index.class, C3Drop.class).build());
            Cuts.terminate(db, Cuts.waitingSession(db, "DROP INDEX CONCURRENTLY"));
            thrown = failure(run);
        }
        assertThat(thrown.getMessage())
                .contains("A DROP INDEX CONCURRENTLY that fails or is cut after its first stage leaves the index"
                        + " ix_accounts_email in place, marked invalid");
        assertThat(Cuts.invalidIndexes(db)).containsExactly("ix_accounts_email");

        migrator(C1.class, C2Index.class, C3Drop.class).build().upgrade("head");
        assertThat(Cuts.index(db, "ix_accounts_email")).isEmpty();
    }

    /** ALTER TYPE ... ADD VALUE outside a transaction commits whole or not at all. */
    @Test
    void aCutEnumValueAddLeavesNothing() throws Exception {
        migrator(E1.class).build().upgrade("head");
        Throwable thrown;
        // adding a value takes a lock on the type, which another adding transaction holds
        try (Cuts.Blocker other = new Cuts.Blocker(db, "ALTER TYPE mood ADD VALUE 'bored'")) {
            CompletableFuture<Throwable> run =
                    upgrading(migrator(E1.class, E2Value.class).build());
            Cuts.terminate(db, Cuts.waitingSession(db, "ALTER TYPE"));
            thrown = failure(run);
        }
        assertThat(thrown.getMessage())
                .contains("That statement left nothing half done: PostgreSQL ran it as a transaction of its own,"
                        + " which committed whole or not at all.")
                .doesNotContain("invalid");
        assertThat(query(db, "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum"))
                .containsExactly("calm,glad");
        migrator(E1.class, E2Value.class).build().upgrade("head");
        assertThat(query(db, "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum"))
                .containsExactly("calm,glad,cross");
    }

    /** VACUUM leaves nothing either. */
    @Test
    void aCutVacuumLeavesNothing() throws Exception {
        migrator(C1.class).build().upgrade("head");
        Throwable thrown;
        try (Cuts.Blocker other = new Cuts.Blocker(db, "LOCK TABLE accounts IN SHARE UPDATE EXCLUSIVE MODE")) {
            CompletableFuture<Throwable> run =
                    upgrading(migrator(C1.class, C2Vacuum.class).build());
            Cuts.terminate(db, Cuts.waitingSession(db, "VACUUM"));
            thrown = failure(run);
        }
        assertThat(thrown.getMessage())
                .contains("Statement: VACUUM accounts")
                .contains("That statement left nothing half done")
                .doesNotContain("invalid");
        assertThat(Cuts.invalidIndexes(db)).isEmpty();
    }

    /** Offline SQL has no database to look at: the script is what it was. */
    @Test
    void offlineSqlIsUnchanged() {
        java.io.StringWriter out = new java.io.StringWriter();
        migrator(C1.class, C2Index.class).rebuildInvalidIndexes(true).build().upgradeSql("c1:head", out);
        assertThat(out.toString())
                .contains("CREATE UNIQUE INDEX CONCURRENTLY ix_accounts_email ON accounts (email);")
                .doesNotContain("DROP INDEX");
    }

    // ---- migrations ----

    @Revision(id = "c1", message = "accounts")
    public static class C1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("accounts", column("id", "int").primaryKey(), column("email", "text"));
            op.execute("INSERT INTO accounts SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 1000) g");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("accounts");
        }
    }

    @Revision(id = "c2_index", revises = "c1", message = "index emails", transactional = false)
    public static class C2Index implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createIndex(
                    index("ix_accounts_email", "accounts", "email").unique().concurrently());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropIndexConcurrently("ix_accounts_email");
        }
    }

    @Revision(id = "c2_raw", revises = "c1", message = "index emails by hand", transactional = false)
    public static class C2Raw implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Ix Email\" ON public.accounts (email)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP INDEX CONCURRENTLY \"Ix Email\"");
        }
    }

    @Revision(id = "c2_vacuum", revises = "c1", message = "vacuum", transactional = false)
    public static class C2Vacuum implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("VACUUM accounts");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "c3_reindex", revises = "c2_index", message = "reindex emails", transactional = false)
    public static class C3Reindex implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("REINDEX INDEX CONCURRENTLY ix_accounts_email");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @Revision(id = "c3_drop", revises = "c2_index", message = "drop the email index", transactional = false)
    public static class C3Drop implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.dropIndexConcurrently("ix_accounts_email");
        }

        @Override
        public void downgrade(Operations op) {
            op.createIndex(
                    index("ix_accounts_email", "accounts", "email").unique().concurrently());
        }
    }

    @Revision(id = "e1", message = "moods")
    public static class E1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createEnum("mood", "calm", "glad");
        }

        @Override
        public void downgrade(Operations op) {
            op.dropEnum("mood");
        }
    }

    @Revision(id = "e2_value", revises = "e1", message = "one more mood", transactional = false)
    public static class E2Value implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addEnumValue("mood", "cross");
        }

        @Override
        public void downgrade(Operations op) {}
    }
}
