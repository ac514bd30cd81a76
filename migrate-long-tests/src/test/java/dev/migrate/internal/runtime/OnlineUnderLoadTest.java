package dev.migrate.internal.runtime;

import static dev.migrate.internal.runtime.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Ddl;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.internal.runtime.OnlineLoad.Shape;
import dev.migrate.internal.runtime.OnlineLoad.Values;
import dev.migrate.op.OnlineChange;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The concurrency harness of online migrations: for each kind of online change, and for two online
 * revisions in a row, the applications of both revisions write through their own shapes on real
 * connections (four instances, each its own rows: updates of the changed column and of others, inserts,
 * deletes, updates of the key that move a row behind or ahead of the backfill's cursor) while the expand
 * runs, while both run side by side, while the expand is undone, and while complete runs; and across a
 * {@code kill -9} of the migrating process followed by a new upgrade. After each phase: no transaction of
 * either application failed, every committed row is there once with the values its last writer gave, read
 * through every shape that runs, and complete and the undoing leave nothing temporary behind.
 *
 * <p>Its kind of test is pgroll's (pkg/roll/execute_test.go, "TestSchemaIsDroppedAfterMigrationRollback",
 * "TestPreviousVersionIsDroppedAfterMigrationCompletion", and pkg/migrations' tests that write through both
 * versions) and Jepsen's: many clients, then invariants. Each kind runs on one PostgreSQL major in the
 * build, the majors taken in turn so that every one is met; {@code -Dmigrate.test.onlineSoak=true} (the
 * {@code online-soak} profile) runs every kind on every major, ten times as long.
 */
class OnlineUnderLoadTest {
    private static final boolean SOAK = Boolean.getBoolean("migrate.test.onlineSoak");
    private static final int SLOTS = 4;
    private static final int ROWS = SOAK ? 80_000 : 8_000;
    /** Transactions each phase lets the applications commit at least. */
    private static final int PHASE = SOAK ? 600 : 60;

    @Revision(id = "r1", message = "accounts")
    public static class Accounts implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL)");
            op.execute("CREATE TABLE account (id bigint PRIMARY KEY, balance integer NOT NULL DEFAULT 0, email text,"
                    + " status text NOT NULL DEFAULT 'new', score integer, customer_id bigint,"
                    + " note text NOT NULL DEFAULT '')");
            op.execute("CREATE INDEX account_email_idx ON account (email)");
            op.execute("CREATE INDEX account_balance_idx ON account (balance) WHERE balance > 500000");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE account, customers");
        }
    }

    /** pgroll TestChangeColumnType: a wider type, the NOT NULL column the expand copies its check for. */
    @Revision(id = "r2", revises = "r1", message = "bigint balances")
    public static class TypeChange implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.alterColumn("account", "balance").type("bigint"));
        }

        @Override
        public void downgrade(Operations op) {
            op.alterColumnType("account", "balance", "integer");
        }
    }

    /** pgroll TestOpRenameColumn. */
    @Revision(id = "r2", revises = "r1", message = "state")
    public static class RenameColumn implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.renameColumn("account", "status", "state"));
        }

        @Override
        public void downgrade(Operations op) {
            op.renameColumn("account", "state", "status");
        }
    }

    /** pgroll TestRenameTable. */
    @Revision(id = "r2", revises = "r1", message = "ledger")
    public static class RenameTable implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.renameTable("account", "ledger"));
        }

        @Override
        public void downgrade(Operations op) {
            op.renameTable("ledger", "account");
        }
    }

    /** pgroll TestSetNotNull ("up SQL fills the NULLs the old version writes"). */
    @Revision(id = "r2", revises = "r1", message = "email required")
    public static class NotNull implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.alterColumn("account", "email").notNull().up("coalesce(email, 'none')"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropNotNull("account", "email");
        }
    }

    /** pgroll TestSetColumnUnique. */
    @Revision(id = "r2", revises = "r1", message = "unique email")
    public static class Unique implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.alterColumn("account", "email").unique("account_email_key"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropConstraint("account", "account_email_key");
        }
    }

    /** pgroll TestSetCheckConstraint ("up SQL repairs the rows the old version writes"). */
    @Revision(id = "r2", revises = "r1", message = "scores not negative")
    public static class Check implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.alterColumn("account", "score")
                    .check("account_score_check", "score >= 0")
                    .up("greatest(score, 0)"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropConstraint("account", "account_score_check");
        }
    }

    /** pgroll TestSetForeignKey. */
    @Revision(id = "r2", revises = "r1", message = "customers")
    public static class ForeignKey implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.alterColumn("account", "customer_id")
                    .references(
                            Ddl.foreignKey("account_customer_fk", "customer_id").references("customers", "id")));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropConstraint("account", "account_customer_fk");
        }
    }

    /** pgroll TestDropColumnWithDownSQL. */
    @Revision(id = "r2", revises = "r1", message = "no notes")
    public static class DropColumn implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.dropColumn("account", "note").down("'n/a'"));
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("ALTER TABLE account ADD COLUMN note text NOT NULL DEFAULT ''");
        }
    }

    /** The change the users made: a wider balance and a renamed status, in one revision. */
    @Revision(id = "r2", revises = "r1", message = "bigint balances, state")
    public static class TypeAndRename implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.alterColumn("account", "balance").type("bigint"));
            op.online(OnlineChange.renameColumn("account", "status", "state"));
        }

        @Override
        public void downgrade(Operations op) {
            op.renameColumn("account", "state", "status");
            op.alterColumnType("account", "balance", "integer");
        }
    }

    /** The online revision after {@link TypeAndRename}. */
    @Revision(id = "r3", revises = "r2", message = "mail, bigint scores")
    public static class MailAndScore implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.renameColumn("account", "email", "mail"));
            op.online(OnlineChange.alterColumn("account", "score").type("bigint"));
        }

        @Override
        public void downgrade(Operations op) {
            op.alterColumnType("account", "score", "integer");
            op.renameColumn("account", "mail", "email");
        }
    }

    /** A kind of online change: its revision, the shape of its application, and what each shape reads. */
    record Kind(String name, Class<? extends Migration> revision, Function<Shape, Shape> newShape, Values values) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Shape OLD = Shape.first();

    static List<Kind> kinds() {
        return List.of(
                new Kind("column type", TypeChange.class, s -> s, Values.plain()),
                new Kind("column rename", RenameColumn.class, s -> s.renaming("status", "state"), Values.plain()),
                new Kind("table rename", RenameTable.class, s -> s.table("ledger"), Values.plain()),
                new Kind("NOT NULL", NotNull.class, s -> s, new NullEmailsFromTheOldApplication()),
                new Kind("unique", Unique.class, s -> s, Values.plain()),
                new Kind("check", Check.class, s -> s, new NegativeScoresFromTheOldApplication()),
                new Kind("foreign key", ForeignKey.class, s -> s, Values.plain()),
                new Kind("dropped column", DropColumn.class, s -> s.hiding("note"), new NotesOfTheNewApplication()));
    }

    /** Each kind on one major, the majors in turn; every major for each kind in the soak. */
    static Stream<Arguments> kindsOnMajors() {
        List<Integer> majors = TestPostgres.majors();
        List<Kind> kinds = kinds();
        List<Arguments> arguments = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            if (SOAK) {
                for (int major : majors) {
                    arguments.add(Arguments.of(kinds.get(i), major));
                }
            } else {
                arguments.add(Arguments.of(kinds.get(i), majors.get(i % majors.size())));
            }
        }
        return arguments.stream();
    }

    /**
     * Expand under the old application, both side by side, the expand undone under the old one, expand
     * again, both, then complete under the new one: every write of each committed and kept.
     */
    @ParameterizedTest(name = "{0} on PostgreSQL {1}")
    @MethodSource("kindsOnMajors")
    void eachKindHoldsUnderTheLoadOfBothApplications(Kind kind, int major) throws Exception {
        DataSource db = TestPostgres.freshDatabase(major, "online_load");
        Migrator migrator = migrator(db, Accounts.class, kind.revision());
        migrator.upgrade("r1");
        Shape next = kind.newShape().apply(OLD.of("r2"));
        OnlineLoad load = new OnlineLoad(db, SLOTS, kind.values());
        load.fill(OLD, ROWS);

        load.startAll(OLD);
        load.awaitTransactions(PHASE);
        migrator.upgrade("head");
        bothSideBySide(load, OLD, next);

        load.startAll(OLD);
        load.awaitTransactions(PHASE);
        migrator.downgrade("-1");
        load.awaitTransactions(PHASE);
        load.stop();
        assertHeld(load, OLD);
        assertThat(leftovers(db)).as("what the undone expand left").isEmpty();

        load.startAll(OLD);
        migrator.upgrade("head");
        bothSideBySide(load, OLD, next);

        load.startAll(next);
        load.awaitTransactions(PHASE);
        assertThat(migrator.complete()).contains("r2");
        load.awaitTransactions(PHASE);
        load.stop();
        assertHeld(load, next, kind.newShape().apply(OLD.completed()));
        assertThat(leftovers(db)).as("what complete left").containsExactly("schema public_r2");
    }

    /**
     * Two online revisions in a row: the second expands while the first one's application writes through
     * its schema of views, is undone under that load, which keeps that schema, then expands again and
     * completes. The first one's schema of views goes with the second's complete, not before.
     */
    @Test
    void theRevisionBeforeKeepsItsViewsUntilTheNextRevisionCompletes() throws Exception {
        List<Integer> majors = TestPostgres.majors();
        DataSource db = TestPostgres.freshDatabase(majors.get(majors.size() - 1), "online_two");
        Migrator migrator = migrator(db, Accounts.class, TypeAndRename.class, MailAndScore.class);
        migrator.upgrade("r1");
        Shape second = OLD.of("r2").renaming("status", "state");
        Shape third = OLD.of("r3").renaming("status", "state").renaming("email", "mail");
        OnlineLoad load = new OnlineLoad(db, SLOTS, Values.plain());
        load.fill(OLD, ROWS);

        load.startAll(OLD);
        migrator.upgrade("r2");
        bothSideBySide(load, OLD, second);
        load.startAll(second);
        migrator.complete();
        load.awaitTransactions(PHASE);

        migrator.upgrade("r3");
        bothSideBySide(load, second, third);
        load.startAll(second);
        load.awaitTransactions(PHASE);
        migrator.downgrade("-1");
        load.awaitTransactions(PHASE);
        load.stop();
        assertHeld(load, second);
        assertThat(leftovers(db))
                .as("the undone expand keeps the views of the revision before")
                .containsExactly("schema public_r2");

        load.startAll(second);
        migrator.upgrade("r3");
        bothSideBySide(load, second, third);
        load.startAll(third);
        migrator.complete();
        load.awaitTransactions(PHASE);
        load.stop();
        assertHeld(load, third, OLD.completed().renaming("status", "state").renaming("email", "mail"));
        assertThat(leftovers(db)).as("complete of the next revision drops them").containsExactly("schema public_r3");
    }

    /**
     * The migrating process killed with {@code kill -9} in the middle of the backfill, under the old
     * application's load; a new upgrade resumes it, then both applications run and complete follows.
     */
    @Test
    void anExpandKilledInItsBackfillResumesUnderLoad() throws Exception {
        String database = TestPostgres.createDatabase("online_kill");
        String url = TestPostgres.jdbcUrl(database);
        DataSource db = TestPostgres.dataSource(database);
        Migrator migrator = migrator(db, Accounts.class, TypeAndRename.class);
        migrator.upgrade("r1");
        Shape next = OLD.of("r2").renaming("status", "state");
        OnlineLoad load = new OnlineLoad(db, SLOTS, Values.plain());
        load.fill(OLD, ROWS * 3);
        load.startAll(OLD);
        load.awaitTransactions(PHASE);

        Path out = Files.createTempFile("migrate-killed", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-cp", classpath, UpgradeThenWait.class.getName(), url)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!backfillStarted(db) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertThat(child.isAlive())
                .as("the upgrade is still running when killed:%n%s", Files.readString(out))
                .isTrue();
        child.destroyForcibly(); // SIGKILL
        child.waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(out);
        assertThat(query(db, "SELECT phase FROM migrate_version_online")).containsExactly("expanding");

        load.awaitTransactions(PHASE);
        migrator.upgrade("head");
        bothSideBySide(load, OLD, next);
        load.startAll(next);
        migrator.complete();
        load.awaitTransactions(PHASE);
        load.stop();
        assertHeld(load, next, OLD.completed().renaming("status", "state"));
        assertThat(leftovers(db)).containsExactly("schema public_r2");
    }

    /**
     * A value the new type holds and the old one cannot (defect of the users: {@code integer out
     * of range} from inside the trigger): the write fails with a message that names the column and the way
     * out; with a {@code down} expression the old column receives what it says.
     */
    @Test
    void aValueTheOldColumnCannotHoldFailsNamingTheColumnUnlessDownSaysWhatItReceives() throws Exception {
        DataSource db = TestPostgres.freshDatabase("online_wider");
        Migrator migrator = migrator(db, Accounts.class, TypeChange.class);
        migrator.upgrade("r1");
        migrator.upgrade("head");
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SET search_path = public_r2, public");
            assertThatThrownBy(() -> s.execute("INSERT INTO account (id, balance) VALUES (1, 3000000000)"))
                    .hasMessageContaining("gives the column balance (integer)")
                    .hasMessageContaining("application of the revision before still reads")
                    .hasMessageContaining("OnlineChange.alterColumn(\"account\", \"balance\").type(...).down(")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("22003"));
            s.execute("INSERT INTO account (id, balance) VALUES (1, 2000000000)");
        }
        migrator.downgrade("-1");

        DataSource capped = TestPostgres.freshDatabase("online_wider_down");
        Migrator withDown = migrator(capped, Accounts.class, CappedBalance.class);
        withDown.upgrade("r1");
        withDown.upgrade("head");
        try (Connection c = capped.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SET search_path = public_r2, public");
            s.execute("INSERT INTO account (id, balance) VALUES (1, 3000000000)");
        }
        assertThat(query(capped, "SELECT balance || ' ' || _migrate_new_balance FROM public.account"))
                .containsExactly("2147483647 3000000000");
    }

    /** {@link TypeChange} with the old column's value for values it cannot hold. */
    @Revision(id = "r2", revises = "r1", message = "bigint balances, capped for the old application")
    public static class CappedBalance implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.online(OnlineChange.alterColumn("account", "balance")
                    .type("bigint")
                    .down("least(balance, 2147483647)::integer"));
        }

        @Override
        public void downgrade(Operations op) {
            op.alterColumnType("account", "balance", "integer", "least(balance, 2147483647)::integer");
        }
    }

    /** Entry point of the child process killed mid-expand: upgrades {@link TypeAndRename}'s chain. */
    public static final class UpgradeThenWait {
        public static void main(String[] args) {
            Migrator.builder()
                    .url(args[0], null, null)
                    .migrations(Accounts.class, TypeAndRename.class)
                    .log(MigrationLog.console())
                    .build()
                    .upgrade("head");
        }
    }

    // ---- the phases and the invariants ----

    /**
     * The new application beside the old one, half the instances each, as a rolling deploy has them; then
     * the old one stops, and every row reads the same through both shapes as the model says.
     */
    private static void bothSideBySide(OnlineLoad load, Shape old, Shape next) throws Exception {
        load.awaitTransactions(PHASE);
        load.stop();
        load.start(Map.of(0, old, 1, old, 2, next, 3, next));
        load.awaitTransactions(PHASE);
        load.stop();
        assertHeld(load, old, next);
    }

    private static void assertHeld(OnlineLoad load, Shape... shapes) throws SQLException {
        assertThat(load.failures())
                .as("failed transactions and rows read back otherwise")
                .isEmpty();
        for (Shape shape : shapes) {
            assertThat(load.differences(shape))
                    .as("rows read through %s, against the %d the model holds", shape.name(), load.rowCount())
                    .isEmpty();
        }
    }

    /** What an expand adds for itself that is still there: columns, triggers, functions, constraints, indexes, schemas. */
    private static List<String> leftovers(DataSource db) throws SQLException {
        return query(
                db,
                "SELECT 'column ' || attname FROM pg_attribute WHERE attname LIKE '\\_migrate\\_%' AND NOT attisdropped"
                        + " AND attrelid IN (SELECT oid FROM pg_class WHERE relkind IN ('r', 'p', 'v'))"
                        + " UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE tgname LIKE '\\_migrate\\_%'"
                        + " UNION ALL SELECT 'function ' || proname FROM pg_proc WHERE proname LIKE '\\_migrate\\_%'"
                        + " UNION ALL SELECT 'constraint ' || conname FROM pg_constraint WHERE conname LIKE '\\_migrate\\_%'"
                        + " UNION ALL SELECT 'index ' || relname FROM pg_class WHERE relname LIKE '\\_migrate\\_%'"
                        + " UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname LIKE 'public\\_r%'"
                        + " UNION ALL SELECT 'online row ' || revision || ' ' || phase FROM migrate_version_online"
                        + " WHERE phase <> 'complete'");
    }

    private static boolean backfillStarted(DataSource db) throws SQLException {
        if (query(db, "SELECT to_regclass('migrate_version_online') IS NULL").equals(List.of("t"))) {
            return false;
        }
        return !query(db, "SELECT 1 FROM migrate_version_online WHERE backfill::text <> '{}'")
                .isEmpty();
    }

    private static Migrator migrator(DataSource db, Class<?>... migrations) {
        return Migrator.builder()
                .dataSource(db)
                .migrations(migrations)
                .log(new Fixtures.RecordingLog())
                .build();
    }

    // ---- what each shape reads of another's writes ----

    /** The old application writes NULL emails now and then; the new column has them as {@code up} gives. */
    private static final class NullEmailsFromTheOldApplication implements Values {
        @Override
        public @Nullable Object write(Shape shape, String logical, long id, long serial, java.util.Random random) {
            if (logical.equals("email") && shape.equals(OLD) && random.nextInt(4) == 0) {
                return null;
            }
            return Values.plainValue(logical, id, serial, random);
        }

        @Override
        public @Nullable Object read(Shape writer, Shape reader, String logical, @Nullable Object value) {
            return logical.equals("email") && writer.equals(OLD) && !reader.equals(OLD)
                    ? Objects.requireNonNullElse(value, "none")
                    : value;
        }
    }

    /** The old application writes negative scores now and then; the new column has them as {@code up} gives. */
    private static final class NegativeScoresFromTheOldApplication implements Values {
        @Override
        public @Nullable Object write(Shape shape, String logical, long id, long serial, java.util.Random random) {
            if (logical.equals("score") && shape.equals(OLD) && random.nextInt(4) == 0) {
                return -1 - random.nextInt(50);
            }
            return Values.plainValue(logical, id, serial, random);
        }

        @Override
        public @Nullable Object read(Shape writer, Shape reader, String logical, @Nullable Object value) {
            return logical.equals("score") && writer.equals(OLD) && !reader.equals(OLD) && value instanceof Integer n
                    ? Math.max(n, 0)
                    : value;
        }
    }

    /** The new application does not see {@code note}; rows it writes get {@code down}'s value there. */
    private static final class NotesOfTheNewApplication implements Values {
        @Override
        public @Nullable Object write(Shape shape, String logical, long id, long serial, java.util.Random random) {
            return Values.plainValue(logical, id, serial, random);
        }

        @Override
        public @Nullable Object read(Shape writer, Shape reader, String logical, @Nullable Object value) {
            return logical.equals("note") && !writer.equals(OLD) ? "n/a" : value;
        }
    }
}
