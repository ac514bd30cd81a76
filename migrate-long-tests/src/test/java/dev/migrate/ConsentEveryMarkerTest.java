package dev.migrate;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.internal.consent.CodingAgents;
import dev.migrate.internal.consent.ConsentToken;
import dev.migrate.internal.consent.Database;
import dev.migrate.internal.consent.Plan;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path that can lose data or history, under every marker of the one list of coding agents
 * ({@link CodingAgents#KNOWN}), each on a database of its own: refused with no token, with the token of another plan
 * on the same database, with the token of the same plan on another database and with the right token two hours old,
 * the database read after each refusal (nothing of the plan ran); run with the exact token; and run without any token
 * once the database is migrate's own (its server setting {@code migrate.own_server} on, as migrate's embedded and
 * throwaway servers have it). {@link ConsentMatrixTest} holds the messages, the blanket values and the history rows.
 */
@Execution(ExecutionMode.CONCURRENT)
class ConsentEveryMarkerTest {
    private static final Pattern TOKEN = Pattern.compile("c1-([0-9a-f]+)(-[0-9a-f]{8}-[0-9a-f]{16})");
    private static final Map<String, String> NO_AGENT = Map.of();
    private static final List<String> TENANTS = List.of("t_a", "t_b");

    /** The tokens each path's plan gets on a database of its own, for the token given on the wrong database. */
    private static final Map<String, String> ON_ANOTHER_DATABASE = new ConcurrentHashMap<>();

    /**
     * Once the replaced revisions' classes are gone, the squash of {@code r1} and {@code r2} stands for them: a
     * downgrade of a database at {@code r2} runs its downgrade, which drops what they built.
     */
    @Revision(
            id = "s12",
            message = "squash of r1 and r2",
            replaces = {"r1", "r2"})
    public static class Squash implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders", column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    /**
     * A path: how its database is made, the run, what the database holds before it and after it.
     *
     * @param name as the test names it, and the databases made for it
     * @param schemas the schemas of its version tables: one, or a fleet's tenants
     */
    record Path(String name, List<String> schemas, Fixture setUp, Run run, Fixture intact, Fixture done) {
        @Override
        public String toString() {
            return name;
        }

        /**
         * Runs the path on {@code db}, with the environment and token of {@code builder}.
         *
         * @return the refusals: one for a run, one per tenant refused for a fleet; none when it ran
         */
        List<String> refusals(DataSource db, Migrator.Builder builder) throws SQLException {
            Object result;
            try {
                result = run.on(db, builder);
            } catch (ConsentRefusedException e) {
                return List.of(String.valueOf(e.getMessage()));
            }
            List<String> refused = new ArrayList<>();
            if (result instanceof FleetResult fleet) {
                for (TenantResult tenant : fleet.tenants()) {
                    if (tenant.outcome() == TenantResult.Outcome.FAILED) {
                        assertThat(tenant.error()).as(tenant.tenant()).contains("Refused: ");
                        refused.add(String.valueOf(tenant.error()));
                    }
                }
            }
            return refused;
        }
    }

    private static final List<String> ONE = List.of("public");

    /** Every path that can lose data or history. */
    static final List<Path> PATHS = List.of(
            new Path(
                    "downgrade-that-drops",
                    ONE,
                    ConsentEveryMarkerTest::atR1,
                    (db, b) -> chain(db, b).build().downgrade("base"),
                    ConsentEveryMarkerTest::ordersIntact,
                    db -> assertThat(query(db, "SELECT to_regclass('orders') IS NULL"))
                            .containsExactly("t")),
            new Path(
                    "upgrade-with-a-drop",
                    ONE,
                    ConsentEveryMarkerTest::atR1,
                    (db, b) -> chain(db, b).build().upgrade("head"),
                    ConsentEveryMarkerTest::ordersIntact,
                    db -> assertThat(columns(db, "public")).containsExactly("id")),
            new Path(
                    "stamp",
                    ONE,
                    ConsentEveryMarkerTest::atR1,
                    (db, b) -> {
                        chain(db, b).build().stamp("head", false);
                        return null;
                    },
                    ConsentEveryMarkerTest::ordersIntact,
                    db -> assertThat(query(db, "SELECT version_num FROM migrate_version"))
                            .containsExactly("r2")),
            /*
             * Drift accepted: the column was dropped by hand, the accepting migration (r2) written, and the database
             * stamped at it, the stamp {@code drift -Dmigrate.drift.accept=true} asks for (it writes a file only).
             */
            new Path(
                    "stamp-of-accepted-drift",
                    ONE,
                    db -> {
                        atR1(db);
                        TestPostgres.execute(db, "ALTER TABLE orders DROP COLUMN note");
                    },
                    (db, b) -> {
                        chain(db, b).build().stamp("r2", false);
                        return null;
                    },
                    db -> {
                        assertThat(query(db, "SELECT version_num FROM migrate_version"))
                                .containsExactly("r1");
                        assertThat(query(db, "SELECT count(*) FROM orders")).containsExactly("3");
                    },
                    db -> assertThat(query(db, "SELECT version_num FROM migrate_version"))
                            .containsExactly("r2")),
            new Path(
                    "retire-old-history",
                    ONE,
                    db -> {
                        atR1(db);
                        TestPostgres.execute(
                                db,
                                "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version text,"
                                        + " checksum int, success boolean, script text)",
                                "INSERT INTO flyway_schema_history VALUES (1, '1', 0, true, 'V1__a.sql'),"
                                        + " (2, '2', 0, true, 'V2__b.sql')",
                                "INSERT INTO migrate_history (revision, direction, message)"
                                        + " VALUES ('r1', 'imported', 'imported')");
                    },
                    (db, b) -> MigratorTools.of(chain(db, b).build()).retireOldHistory(true),
                    db -> {
                        ordersIntact(db);
                        assertThat(query(db, "SELECT count(*) FROM flyway_schema_history"))
                                .containsExactly("2");
                    },
                    db -> assertThat(query(db, "SELECT to_regclass('flyway_schema_history') IS NULL"))
                            .containsExactly("t")),
            new Path(
                    "downgrade-of-a-squash-of-applied-revisions",
                    ONE,
                    db -> {
                        atR1(db);
                        chain(db, builder(NO_AGENT, null)).build().upgrade("r2");
                    },
                    (db, b) -> b.dataSource(db).migrations(Squash.class).build().downgrade("base"),
                    db -> {
                        assertThat(query(db, "SELECT count(*) FROM orders")).containsExactly("3");
                        // the version row of the revision the squash stands for takes the squash's id as a run
                        // starts (docs/howto/team.md): it names the same schema, and a build with r2 names it back
                        assertThat(query(db, "SELECT version_num FROM migrate_version"))
                                .hasSize(1)
                                .containsAnyOf("r2", "s12");
                    },
                    db -> assertThat(query(db, "SELECT to_regclass('orders') IS NULL"))
                            .containsExactly("t")),
            new Path(
                    "fleet-downgrade",
                    TENANTS,
                    ConsentEveryMarkerTest::fleetAtR1,
                    (db, b) -> fleet(db, b).downgrade("base"),
                    ConsentEveryMarkerTest::fleetIntact,
                    db -> assertThat(query(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'orders'"))
                            .containsExactly("0")),
            new Path(
                    "fleet-stamp",
                    TENANTS,
                    ConsentEveryMarkerTest::fleetAtR1,
                    (db, b) -> fleet(db, b).stamp("head", false),
                    ConsentEveryMarkerTest::fleetIntact,
                    db -> assertThat(query(
                                    db,
                                    "SELECT version_num FROM t_a.migrate_version UNION ALL"
                                            + " SELECT version_num FROM t_b.migrate_version"))
                            .containsExactly("r2", "r2")));

    /** What a path does to a database, or checks of it. */
    interface Fixture {
        void on(DataSource db) throws SQLException;
    }

    /** A path's run; its result (a fleet's) or null. */
    interface Run {
        @Nullable
        Object on(DataSource db, Migrator.Builder builder) throws SQLException;
    }

    static Stream<Arguments> everyPathUnderEveryMarker() {
        return PATHS.stream()
                .flatMap(path -> CodingAgents.KNOWN.stream().map(agent -> Arguments.of(path, agent.variable())));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("everyPathUnderEveryMarker")
    void runsOnlyWithTheTokenOfItsPlanOnItsDatabase(Path path, String marker) throws SQLException {
        Map<String, String> agent = Map.of(marker, marker.equals(CodingAgents.ANY) ? "some-agent" : "1");
        String name =
                TestPostgres.createDatabase("consent_" + PATHS.indexOf(path) + "_" + marker.toLowerCase(Locale.ROOT));
        DataSource db = TestPostgres.dataSource(name);
        path.setUp().on(db);

        List<String> none = refused(path, db, agent, null);
        assertThat(none).allSatisfy(r -> assertThat(r).contains("No consent token was given."));
        String token = tokens(none);

        assertThat(refused(path, db, agent, otherPlan(db, path)))
                .allSatisfy(r -> assertThat(r).contains("is for another plan on this database"));
        assertThat(refused(path, db, agent, onAnotherDatabase(path)))
                .allSatisfy(r -> assertThat(r).contains("is for another database"));
        assertThat(refused(path, db, agent, twoHoursOld(token)))
                .allSatisfy(r -> assertThat(r).contains("has expired"));

        assertThat(path.refusals(db, builder(agent, token)))
                .as("run with its token")
                .isEmpty();
        path.done().on(db);

        // the same path on a database migrate started: nothing of a user's is at stake, no token is asked
        TestPostgres.execute(db, "ALTER DATABASE " + name + " SET " + MigratorTools.OWN_SERVER_SETTING + " = on");
        TestPostgres.execute(
                db,
                "DROP SCHEMA public CASCADE",
                "CREATE SCHEMA public",
                "DROP SCHEMA IF EXISTS t_a CASCADE",
                "DROP SCHEMA IF EXISTS t_b CASCADE");
        path.setUp().on(db);
        assertThat(path.refusals(db, builder(agent, null)))
                .as("on migrate's own database")
                .isEmpty();
        path.done().on(db);
    }

    /** The refusals of {@code path} run with {@code consent}, each tenant's of a fleet; the database is as it was. */
    private static List<String> refused(Path path, DataSource db, Map<String, String> agent, @Nullable String consent)
            throws SQLException {
        List<String> refusals = path.refusals(db, builder(agent, consent));
        assertThat(refusals)
                .as("refused, with " + consent)
                .hasSize(path.schemas().size());
        path.intact().on(db);
        return refusals;
    }

    /** The tokens of another plan, one for each schema of the path, on {@code db}. */
    private static String otherPlan(DataSource db, Path path) throws SQLException {
        List<String> tokens = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            for (String schema : path.schemas()) {
                tokens.add(ConsentToken.issue(
                        Database.of(c, schema),
                        new Plan("downgrade", List.of(new Plan.Statement("DROP TABLE orders CASCADE", null))),
                        Instant.now()));
            }
        }
        return String.join(",", tokens);
    }

    /** The tokens {@code path}'s plan gets on another database, made as the path makes its own. */
    private static String onAnotherDatabase(Path path) {
        return ON_ANOTHER_DATABASE.computeIfAbsent(path.name(), name -> {
            try {
                DataSource other = TestPostgres.freshDatabase("consent_other_" + PATHS.indexOf(path));
                path.setUp().on(other);
                return tokens(path.refusals(other, builder(Map.of("CLAUDECODE", "1"), null)));
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** {@code tokens}, each as the refusal printed it two hours before: of the hour before last. */
    private static String twoHoursOld(String tokens) {
        List<String> old = new ArrayList<>();
        Matcher m = TOKEN.matcher(tokens);
        while (m.find()) {
            old.add("c1-" + Long.toHexString(Long.parseLong(m.group(1), 16) - 2) + m.group(2));
        }
        assertThat(old).isNotEmpty();
        return String.join(",", old);
    }

    /** The token each refusal printed, separated by commas as a fleet takes them. */
    private static String tokens(List<String> refusals) {
        List<String> tokens = new ArrayList<>();
        for (String refusal : refusals) {
            Matcher m = TOKEN.matcher(refusal);
            assertThat(m.find()).as("a token in: " + refusal).isTrue();
            tokens.add(m.group());
        }
        return String.join(",", tokens);
    }

    private static Migrator.Builder builder(Map<String, String> environment, @Nullable String consent) {
        return Migrator.builder().environment(environment).consent(consent).log(new MigrationLog() {
            @Override
            public void info(String line) {}

            @Override
            public void warn(String line) {}
        });
    }

    private static Migrator.Builder chain(DataSource db, Migrator.Builder builder) {
        return builder.dataSource(db).migrations(ConsentMatrixTest.R1.class, ConsentMatrixTest.R2.class);
    }

    private static Fleet fleet(DataSource db, Migrator.Builder builder) {
        return Fleet.builder(chain(db, builder)).tenants("t\\_%").build();
    }

    private static void atR1(DataSource db) throws SQLException {
        chain(db, builder(NO_AGENT, null)).build().upgrade("r1");
        TestPostgres.execute(db, "INSERT INTO orders VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    }

    private static void fleetAtR1(DataSource db) throws SQLException {
        TestPostgres.execute(db, "CREATE SCHEMA t_a", "CREATE SCHEMA t_b");
        assertThat(fleet(db, builder(NO_AGENT, null)).upgrade("r1").failed()).isEmpty();
        TestPostgres.execute(db, "INSERT INTO t_a.orders VALUES (1, 'a')", "INSERT INTO t_b.orders VALUES (2, 'b')");
    }

    private static void ordersIntact(DataSource db) {
        assertThat(query(db, "SELECT count(*) FROM orders")).containsExactly("3");
        assertThat(query(db, "SELECT version_num FROM migrate_version")).containsExactly("r1");
        assertThat(columns(db, "public")).containsExactly("id", "note");
    }

    private static void fleetIntact(DataSource db) {
        for (String tenant : TENANTS) {
            assertThat(query(db, "SELECT count(*) FROM " + tenant + ".orders")).containsExactly("1");
            assertThat(query(db, "SELECT version_num FROM " + tenant + ".migrate_version"))
                    .containsExactly("r1");
            assertThat(columns(db, tenant)).containsExactly("id", "note");
        }
    }

    private static List<String> columns(DataSource db, String schema) {
        return query(
                db,
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'orders'"
                        + " AND table_schema = '" + schema + "' ORDER BY ordinal_position");
    }

    private static List<String> query(DataSource db, String sql) {
        try {
            return TestPostgres.query(db, sql);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
