package dev.migrate.command;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.ConsentRefusedException;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.graph.RevisionTarget;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refusal of a coding agent's run, as the plugin and the command line run it ({@link Move}): the plan, its tables'
 * rows, then what the plan measured on a throwaway copy of the chain (each statement's table locks and how long they
 * were held), then the token, which is the plan's alone: the same with the figures, without them
 * ({@code rehearse=false}) and from one rehearsal to the next. The database is read after each refusal.
 */
class RefusalRehearsalTest {

    @Revision(id = "o1", message = "create orders")
    public static class CreateOrders implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders", column("id", "bigint").primaryKey(), column("note", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Revision(id = "o2", revises = "o1", message = "drop a table the chain never made")
    public static class DropsLegacy implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.execute("DROP TABLE legacy_orders");
        }

        @Override
        public void downgrade(Operations op) {}
    }

    @TempDir
    Path directory;

    private final List<String> lines = new ArrayList<>();

    @Test
    void aRefusedDowngradeShowsTheLocksItTookOnAThrowawayCopyAndTheSameTokenWithoutThem() throws SQLException {
        String database = TestPostgres.createDatabase("rehearsed_refusal");
        new UpgradeCommand(RevisionTarget.of("head"))
                .run(null, null, context(database, false, null, CreateOrders.class));
        TestPostgres.execute(TestPostgres.dataSource(database), "INSERT INTO orders VALUES (1, 'a'), (2, 'b')");
        Move down = new DowngradeCommand(RevisionTarget.of("base"));
        List<String> throwaways = scratchDatabases();

        String rehearsed = refusal(database, down);
        assertThat(rehearsed)
                .contains("started by a coding agent (claude-code)")
                .contains("public.orders: 2 rows (counted)")
                .contains("Rehearsed on a throwaway copy of the chain (throwaway PostgreSQL ")
                .contains(", from o1 to base, in ")
                .containsPattern("\n  o1: DROP TABLE orders \\(\\d+ ms\\)\n    ACCESS EXCLUSIVE on public\\.orders,"
                        + " held \\d+ ms\n")
                .contains("To the agent: stop here.");
        assertThat(rehearsed.indexOf("public.orders: 2 rows"))
                .as("the figures after the plan and its rows, before the token")
                .isLessThan(rehearsed.indexOf("Rehearsed on"));
        assertThat(rehearsed.indexOf("Rehearsed on")).isLessThan(rehearsed.indexOf("Consent token for exactly"));
        ordersIntact(database);
        assertThat(lines)
                .as("the copy's progress is not shown: it would read as run on the database")
                .noneMatch(line -> line.startsWith("Running downgrade"));

        String skipped = refusal(database, down.rehearsing(false));
        assertThat(skipped)
                .contains("Not rehearsed on a throwaway copy of the chain (--rehearse false): no locks or times were"
                        + " measured.")
                .doesNotContain("Rehearsed on")
                .doesNotContain("held ");
        ordersIntact(database);

        String token = token(rehearsed);
        assertThat(token(skipped))
                .as("the figures do not make the token: it is the plan's and the database's")
                .isEqualTo(token);
        assertThat(token(refusal(database, down))).isEqualTo(token);
        assertThat(scratchDatabases()).as("the throwaway copies are dropped").isEqualTo(throwaways);

        down.run(null, null, context(database, true, token, CreateOrders.class));
        assertThat(TestPostgres.query(TestPostgres.dataSource(database), "SELECT to_regclass('orders') IS NULL"))
                .containsExactly("t");
    }

    @Test
    void aPlanThatFailsOnTheCopyIsRefusedAllTheSameSayingSo() throws SQLException {
        String database = TestPostgres.createDatabase("rehearsal_fails");
        new UpgradeCommand(RevisionTarget.of("o1"))
                .run(null, null, context(database, false, null, CreateOrders.class, DropsLegacy.class));
        TestPostgres.execute(TestPostgres.dataSource(database), "CREATE TABLE legacy_orders (id int)");

        String refused = refusal(database, new UpgradeCommand(RevisionTarget.of("head")), DropsLegacy.class);
        assertThat(refused)
                .contains("DROP TABLE legacy_orders")
                .contains("Not rehearsed: The upgrade to head failed on a throwaway copy of the chain (from o1),"
                        + " before anything ran on your database")
                .contains("The plan above is what would run.")
                .contains("Consent token for exactly this plan");
        assertThat(TestPostgres.query(TestPostgres.dataSource(database), "SELECT to_regclass('legacy_orders') IS NULL"))
                .containsExactly("f");
    }

    private String refusal(String database, Move move, Class<?>... more) {
        List<Class<?>> chain = new ArrayList<>(List.of(CreateOrders.class));
        chain.addAll(List.of(more));
        ConsentRefusedException refused = catchThrowableOfType(
                ConsentRefusedException.class,
                () -> move.run(null, null, context(database, true, null, chain.toArray(Class<?>[]::new))));
        assertThat(refused).as("refused").isNotNull();
        return String.valueOf(refused.getMessage());
    }

    private static String token(String refusal) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("c1-[0-9a-f]+-[0-9a-f]{8}-[0-9a-f]{16}")
                .matcher(refusal);
        assertThat(token.find()).as("a token in " + refusal).isTrue();
        return token.group();
    }

    private static List<String> scratchDatabases() throws SQLException {
        return TestPostgres.query(
                TestPostgres.dataSource("postgres"),
                "SELECT datname FROM pg_database WHERE datname LIKE 'migrate\\_scratch\\_%' ORDER BY 1");
    }

    private static void ordersIntact(String database) throws SQLException {
        assertThat(TestPostgres.query(TestPostgres.dataSource(database), "SELECT count(*) FROM orders"))
                .containsExactly("2");
        assertThat(TestPostgres.query(TestPostgres.dataSource(database), "SELECT version_num FROM migrate_version"))
                .containsExactly("o1");
    }

    /** The chain of {@code migrations} on {@code database}, its runs a coding agent's when {@code agent}. */
    private CommandContext context(String database, boolean agent, @Nullable String consent, Class<?>... migrations) {
        return TestContext.onUrl(
                new RecordingOutput(lines),
                TestPostgres.jdbcUrl(database),
                TestPostgres.jdbcUrl("postgres"),
                directory,
                () -> {
                    Migrator.Builder builder = Migrator.builder()
                            .migrations(migrations)
                            .consent(consent)
                            .log(new MigrationLog() {
                                @Override
                                public void info(String line) {
                                    lines.add(line);
                                }

                                @Override
                                public void warn(String line) {
                                    lines.add(line);
                                }
                            });
                    return agent ? MigratorTools.startedByAgent(builder, "claude-code") : builder;
                });
    }
}
