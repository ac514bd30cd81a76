package dev.migrate;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Every run that can lose data or history, started by a coding agent on a database migrate did not start: refused
 * with no token, with another plan's token, another database's, and with blanket values, each time with the tables
 * and rows still there (read from the database); run with the token the refusal printed. Each path runs under
 * another agent's marker ({@code CodingAgentsTest} proves the detection for every marker). Without an agent the run
 * goes ahead as before and shows its plan with the rows first; on migrate's own database no consent is asked.
 */
@LongSuite
class ConsentMatrixTest {
    private static final Pattern TOKEN = Pattern.compile("c1-[0-9a-f]+-[0-9a-f]{8}-[0-9a-f]{16}");
    private static final List<String> BLANKET = List.of("yes", "true", "*", "YES", "i consent", "c1-0-0-0");

    @Revision(id = "r1", message = "create orders")
    public static class R1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders", column("id", "bigint").primaryKey(), column("note", "text"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Revision(id = "r2", revises = "r1", message = "drop note")
    public static class R2 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.dropColumn("orders", "note");
        }

        @Override
        public void downgrade(Operations op) {
            op.addColumn("orders", column("note", "text"));
        }
    }

    private final List<String> warnings = new ArrayList<>();

    /** Makes a database for a path, named after {@code prefix}. */
    private interface Setup {
        DataSource make(String prefix) throws SQLException;
    }

    @Test
    void aDowngradeThatDropsRunsOnlyWithItsToken() throws SQLException {
        Map<String, String> agent = Map.of("CLAUDECODE", "1");
        DataSource db = atR1("consent_down");
        assertThat(refusal(db, agent, null, b -> b.build().downgrade("base")))
                .contains("Refused: this downgrade on")
                .contains("started by a coding agent (claude-code)")
                .contains("DROP TABLE")
                .contains("drops table orders; takes ACCESS EXCLUSIVE on orders")
                .contains("public.orders: 3 rows (counted)")
                .contains("(the hour it was issued in and the next)")
                .contains("To the agent: stop here.")
                .contains("Show this plan to your user")
                .containsPattern("-Dmigrate\\.consent=c1-")
                .containsPattern("MIGRATE_CONSENT=c1-");
        refusedEveryWay(db, this::atR1, agent, b -> b.build().downgrade("base"), ConsentMatrixTest::ordersIntact);
        assertThat(TestPostgres.query(db, "SELECT to_regclass('orders') IS NULL"))
                .containsExactly("t");
        assertThat(TestPostgres.query(
                        db,
                        "SELECT applied_by LIKE '% (agent:claude-code)' FROM migrate_history ORDER BY id DESC LIMIT 1"))
                .as("the history row names the agent")
                .containsExactly("t");
    }

    @Test
    void anUpgradeWithADropRunsOnlyWithItsToken() throws SQLException {
        DataSource db = atR1("consent_up");
        refusedEveryWay(
                db,
                this::atR1,
                Map.of("CURSOR_AGENT", "1"),
                b -> b.build().upgrade("head"),
                ConsentMatrixTest::ordersIntact);
        assertThat(columns(db)).containsExactly("id");
        assertThat(TestPostgres.query(db, "SELECT count(*) FROM orders")).containsExactly("3");
    }

    @Test
    void aStampRunsOnlyWithItsToken() throws SQLException {
        DataSource db = atR1("consent_stamp");
        refusedEveryWay(
                db,
                this::atR1,
                Map.of("GEMINI_CLI", "1"),
                b -> b.build().stamp("head", false),
                ConsentMatrixTest::ordersIntact);
        assertThat(TestPostgres.query(db, "SELECT version_num FROM migrate_version"))
                .containsExactly("r2");
        assertThat(columns(db)).as("a stamp runs no migration").containsExactly("id", "note");
    }

    @Test
    void retiringTheOldHistoryRunsOnlyWithItsToken() throws SQLException {
        DataSource db = movedIn("consent_retire");
        Consumer<DataSource> intact = d -> {
            ordersIntact(d);
            assertThat(query(d, "SELECT count(*) FROM flyway_schema_history")).containsExactly("2");
        };
        refusedEveryWay(
                db,
                this::movedIn,
                Map.of("CODEX_SANDBOX", "seatbelt"),
                b -> MigratorTools.of(b.build()).retireOldHistory(true),
                intact);
        assertThat(TestPostgres.query(db, "SELECT to_regclass('flyway_schema_history') IS NULL"))
                .containsExactly("t");
    }

    @Test
    void aFleetDowngradeRunsEachTenantOnlyWithItsOwnToken() throws SQLException {
        DataSource db = TestPostgres.freshDatabase("consent_fleet");
        TestPostgres.execute(db, "CREATE SCHEMA t_a", "CREATE SCHEMA t_b");
        fleet(db, Map.of(), null).upgrade("r1");
        TestPostgres.execute(db, "INSERT INTO t_a.orders VALUES (1, 'a')", "INSERT INTO t_b.orders VALUES (2, 'b')");
        Map<String, String> agent = Map.of("OPENCODE", "1");

        List<String> tokens = new ArrayList<>();
        for (String given : java.util.Arrays.asList(null, "yes", "*", "true")) {
            FleetResult refused = fleet(db, agent, given).downgrade("base");
            assertThat(refused.tenants()).allSatisfy(t -> {
                assertThat(t.outcome()).isEqualTo(TenantResult.Outcome.FAILED);
                assertThat(t.error()).contains("Refused: this downgrade").contains("opencode");
            });
            assertThat(TestPostgres.query(
                            db, "SELECT (SELECT count(*) FROM t_a.orders) + (SELECT count(*) FROM t_b.orders)"))
                    .containsExactly("2");
            if (given == null) {
                refused.tenants().forEach(t -> tokens.add(token(String.valueOf(t.error()))));
            }
        }
        assertThat(tokens)
                .as("one plan per tenant schema")
                .doesNotHaveDuplicates()
                .hasSize(2);

        FleetResult one = fleet(db, agent, tokens.get(0)).downgrade("base");
        assertThat(one.tenants())
                .extracting(TenantResult::outcome)
                .containsExactlyInAnyOrder(TenantResult.Outcome.MIGRATED, TenantResult.Outcome.FAILED);
        assertThat(TestPostgres.query(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'orders'"))
                .as("only the tenant whose token was given")
                .containsExactly("1");

        FleetResult rest = fleet(db, agent, String.join(",", tokens)).downgrade("base");
        assertThat(rest.failed()).isEmpty();
        assertThat(TestPostgres.query(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'orders'"))
                .containsExactly("0");
    }

    @Test
    void withoutAnAgentTheRunGoesAheadAndShowsItsPlanAndRowsFirst() throws SQLException {
        DataSource db = atR1("consent_none");
        chain(db, Map.of("CI", "true"), null).build().downgrade("base");
        assertThat(TestPostgres.query(db, "SELECT to_regclass('orders') IS NULL"))
                .containsExactly("t");
        assertThat(warnings)
                .anySatisfy(w -> assertThat(w)
                        .contains("This downgrade on")
                        .contains("can lose data or history")
                        .contains("DROP TABLE")
                        .contains("public.orders: 3 rows (counted)"));
        assertThat(TestPostgres.query(
                        db, "SELECT applied_by = current_user FROM migrate_history ORDER BY id DESC LIMIT 1"))
                .containsExactly("t");
    }

    @Test
    void underAnAgentWhatLosesNothingRuns() throws SQLException {
        DataSource db = TestPostgres.freshDatabase("consent_safe");
        chain(db, Map.of("CLAUDECODE", "1"), null).build().upgrade("r1");
        TestPostgres.execute(db, "INSERT INTO orders VALUES (1, 'a')");
        assertThat(TestPostgres.query(db, "SELECT applied_by LIKE '% (agent:claude-code)' FROM migrate_history"))
                .containsExactly("t");
    }

    @Test
    void aServerMigrateStartedIsItsOwnWhicheverPathBuiltTheRun() throws SQLException {
        // the embedded and throwaway servers start with this setting on (lint, check and verify replay chains there)
        DataSource db = atR1("consent_own_server");
        String database = TestPostgres.query(db, "SELECT current_database()").get(0);
        TestPostgres.execute(db, "ALTER DATABASE " + database + " SET " + MigratorTools.OWN_SERVER_SETTING + " = on");
        chain(db, Map.of("CLAUDECODE", "1"), null).build().downgrade("base");
        assertThat(TestPostgres.query(db, "SELECT to_regclass('orders') IS NULL"))
                .containsExactly("t");
        assertThat(warnings)
                .as("no plan shown: nothing of a user's is at stake")
                .isEmpty();
    }

    private static void ordersIntact(DataSource db) {
        assertThat(query(db, "SELECT count(*) FROM orders")).containsExactly("3");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r1");
        assertThat(columns(db)).containsExactly("id", "note");
    }

    private static List<String> columns(DataSource db) {
        return query(
                db,
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'"
                        + " AND table_schema = 'public' ORDER BY ordinal_position");
    }

    private static List<String> query(DataSource db, String sql) {
        try {
            return TestPostgres.query(db, sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Runs {@code run} on {@code db} with no token, each blanket value, the token of the same plan on another
     * database, another plan's token, a blanket {@code MIGRATE_CONSENT}, checking {@code intact} after each; then
     * with the token the refusal printed.
     */
    private void refusedEveryWay(
            DataSource db,
            Setup setup,
            Map<String, String> agent,
            Consumer<Migrator.Builder> run,
            Consumer<DataSource> intact)
            throws SQLException {
        String noToken = refusal(db, agent, null, run);
        assertThat(noToken).contains("No consent token was given.").contains("Nothing was run.");
        intact.accept(db);
        for (String blanket : BLANKET) {
            assertThat(refusal(db, agent, blanket, run))
                    .contains("'" + blanket + "' is not a consent token: no value stands for every plan");
            intact.accept(db);
        }
        String otherDatabase = token(refusal(setup.make("consent_other"), agent, null, run));
        assertThat(refusal(db, agent, otherDatabase, run)).contains("is for another database");
        intact.accept(db);
        String otherPlan = token(refusal(db, agent, null, b -> b.build().stamp("base", false)));
        assertThat(refusal(db, agent, otherPlan, run)).contains("is for another plan on this database");
        intact.accept(db);
        assertThat(refusal(db, with(agent, "MIGRATE_CONSENT", "yes"), null, run))
                .contains("'yes' is not a consent");
        intact.accept(db);

        String token = token(noToken);
        run.accept(chain(db, with(agent, "MIGRATE_CONSENT", token), null));
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(environment);
        more.put(name, value);
        return more;
    }

    private String refusal(
            DataSource db, Map<String, String> agent, @Nullable String consent, Consumer<Migrator.Builder> run) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> run.accept(chain(db, agent, consent)));
        assertThat(thrown).isInstanceOf(MigrateException.class).hasMessageContaining("Refused: ");
        return String.valueOf(thrown.getMessage());
    }

    private static String token(String refusal) {
        Matcher m = TOKEN.matcher(refusal);
        assertThat(m.find()).as("a token in: " + refusal).isTrue();
        return m.group();
    }

    private Migrator.Builder chain(DataSource db, Map<String, String> environment, @Nullable String consent) {
        return Migrator.builder()
                .dataSource(db)
                .migrations(R1.class, R2.class)
                .environment(environment)
                .consent(consent)
                .log(new MigrationLog() {
                    @Override
                    public void info(String line) {}

                    @Override
                    public void warn(String line) {
                        warnings.add(line);
                    }
                });
    }

    private Fleet fleet(DataSource db, Map<String, String> environment, @Nullable String consent) {
        return Fleet.builder(chain(db, environment, consent)).tenants("t\\_%").build();
    }

    /** A database at r1 that moved in from Flyway: its old history table, and the history row of the import. */
    private DataSource movedIn(String prefix) throws SQLException {
        DataSource db = atR1(prefix);
        TestPostgres.execute(
                db,
                "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text, checksum int,"
                        + " success boolean, script text)",
                "INSERT INTO flyway_schema_history VALUES (1, '1', 0, true, 'V1__a.sql'), (2, '2', 0, true, 'V2__b.sql')",
                "INSERT INTO migrate_history (revision, direction, message) VALUES ('r1', 'imported', 'imported')");
        return db;
    }

    private DataSource atR1(String prefix) throws SQLException {
        DataSource db = TestPostgres.freshDatabase(prefix);
        chain(db, Map.of(), null).build().upgrade("r1");
        TestPostgres.execute(db, "INSERT INTO orders VALUES (1, 'a'), (2, 'b'), (3, 'c')");
        return db;
    }
}
