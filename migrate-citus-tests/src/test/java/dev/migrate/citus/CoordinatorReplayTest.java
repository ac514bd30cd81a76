package dev.migrate.citus;

import static dev.migrate.Ddl.column;
import static dev.migrate.citus.Placements.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.ChainVerifier;
import dev.migrate.autogen.drift.Drift;
import dev.migrate.autogen.drift.DriftRequest;
import dev.migrate.catalog.drift.DriftReport;
import dev.migrate.servers.CitusReplay;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.tooling.MigratorTools;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A chain that spreads tables, replayed for a Citus coordinator where Citus is: in a database made on the
 * coordinator's own server with the citus extension ({@link CitusReplay}), dropped afterwards. Drift then
 * compares the distribution too, and names a table undistributed or recolocated by hand; the chain
 * round-trips there as verify runs it.
 */
@ExtendWith(CitusCluster.class)
class CoordinatorReplayTest {
    private static CitusCluster.Started cluster;

    @BeforeAll
    static void cluster(CitusCluster.Started started) {
        cluster = started;
    }

    @Revision(id = "r1", message = "spread tables")
    public static class SpreadTables implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("countries", column("code", "text").primaryKey(), column("name", "text"));
            op.createTable("customers", column("id", "bigint").primaryKey(), column("name", "text"));
            op.createTable(
                    "visits",
                    column("customer_id", "bigint").notNull(),
                    column("at", "timestamptz").notNull());
            op.createTable("events", column("device_id", "bigint").notNull(), column("at", "timestamptz"));
            op.createReferenceTable("countries");
            op.distributeTable("customers", "id", "none", 4);
            op.distributeTable("visits", "customer_id", "none", 4);
            op.distributeTable("events", "device_id", "none", 4);
        }

        @Override
        public void downgrade(Operations op) {
            op.undistributeTable("events");
            op.undistributeTable("visits");
            op.undistributeTable("customers");
            op.undistributeTable("countries");
            op.dropTable("events");
            op.dropTable("visits");
            op.dropTable("customers");
            op.dropTable("countries");
        }
    }

    @Test
    void driftReplaysOnTheCoordinatorsServerAndNamesADistributionChangedByHand() throws Exception {
        DataSource db = cluster.freshDatabase("replay");
        Migrator chain =
                Migrator.builder().dataSource(db).migrations(SpreadTables.class).build();
        chain.upgrade("heads");
        List<String> log = new ArrayList<>();

        assertThat(drift(chain, db, log).differences())
                .as("drift right after the upgrade")
                .isEmpty();
        assertThat(log)
                .anyMatch(line -> line.startsWith("The database is a Citus coordinator: the migrations are"
                        + " replayed in a database of their own made on its server, migrate_citus_"));
        assertThat(scratchDatabases(db)).as("dropped after the replay").isEmpty();

        execute(
                db,
                "SELECT undistribute_table('events')",
                "SELECT update_distributed_table_colocation('visits', colocate_with => 'customers')");
        DriftReport report = drift(chain, db, log);
        assertThat(report.differences())
                .containsExactlyInAnyOrder(
                        "table public.events: the database has it not distributed, the chain has it distributed by"
                                + " device_id in 4 shards",
                        "table public.visits: the database has it distributed by customer_id in 4 shards, colocated"
                                + " with public.customers, the chain has it distributed by customer_id in 4 shards");
        execute(db, report.sql().toArray(String[]::new));
        assertThat(drift(chain, db, log).differences())
                .as("drift after its SQL ran")
                .isEmpty();
        assertThat(scratchDatabases(db)).isEmpty();
    }

    @Test
    void theChainRoundTripsOnADatabaseOfTheCoordinatorsServerAsVerifyRunsIt() throws Exception {
        DataSource db = cluster.freshDatabase("verify");
        List<String> log = new ArrayList<>();
        ComparisonDatabases databases = CitusReplay.on(db, cluster::onCoordinator, new NoThrowaway(), log::add);
        try (ComparisonDatabases.ThrowawayServer server = databases.start(databases.defaultVersion())) {
            Migrator chain = Migrator.builder()
                    .dataSource(server.dataSource())
                    .migrations(SpreadTables.class)
                    .build();
            new ChainVerifier(chain, server.dataSource(), "public", List.of(), MigrationLog.system()).verify();
            chain.upgrade("heads");
            assertThat(Placements.of(server.dataSource()))
                    .contains("public.customers method=h model=s column=id shards=4 group=2");
            DataSource lint = server.createDatabase("migrate_lint");
            assertThat(scratchDatabases(db)).hasSize(2);
            Migrator.builder()
                    .dataSource(lint)
                    .migrations(SpreadTables.class)
                    .build()
                    .upgrade("heads");
        }
        assertThat(scratchDatabases(db)).isEmpty();
    }

    @Test
    void theDatabasesMadeOnTheCoordinatorsServerAreMigratesOwnAndTheUsersAreNot() throws Exception {
        DataSource db = cluster.freshDatabase("own");
        ComparisonDatabases databases = CitusReplay.on(db, cluster::onCoordinator, new NoThrowaway(), line -> {});
        try (ComparisonDatabases.ThrowawayServer server = databases.start(databases.defaultVersion())) {
            DataSource lint = server.createDatabase("migrate_lint");
            assertThat(ownServer(server.dataSource())).isEqualTo("on");
            assertThat(ownServer(lint)).isEqualTo("on");
            // a downgrade that drops every table, as a coding agent's run without a token: on migrate's own database
            // it runs, as a replay's round trip does
            Migrator replayed = asAgent(server.dataSource());
            replayed.upgrade("heads");
            replayed.downgrade("base");
            assertThat(tables(server.dataSource())).isEmpty();
        }
        // the user's database on the same server is not migrate's: the same downgrade is refused there, nothing dropped
        assertThat(ownServer(db)).isNull();
        Migrator users = asAgent(db);
        users.upgrade("heads");
        assertThatThrownBy(() -> users.downgrade("base"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("Refused: this downgrade")
                .hasMessageContaining("Consent token for exactly this plan");
        assertThat(tables(db)).containsExactlyInAnyOrder("countries", "customers", "events", "visits");
    }

    private static Migrator asAgent(DataSource database) {
        return MigratorTools.startedByAgent(
                        Migrator.builder().dataSource(database).migrations(SpreadTables.class), "claude-code")
                .build();
    }

    private static @Nullable String ownServer(DataSource database) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT current_setting('" + MigratorTools.OWN_SERVER_SETTING + "', true)")) {
            rs.next();
            String value = rs.getString(1);
            return value == null || value.isEmpty() ? null : value;
        }
    }

    private static List<String> tables(DataSource database) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                        + " AND tablename NOT LIKE 'migrate\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void aServerWithoutCitusKeepsTheThrowaway() throws Exception {
        execute(cluster.onCoordinator("postgres"), "CREATE DATABASE coordinator_without_citus");
        DataSource db = cluster.onCoordinator("coordinator_without_citus");
        NoThrowaway throwaways = new NoThrowaway();
        assertThat(CitusReplay.on(db, cluster::onCoordinator, throwaways, line -> {}))
                .isSameAs(throwaways);
    }

    private static DriftReport drift(Migrator chain, DataSource db, List<String> log) {
        DriftRequest request =
                new DriftRequest(chain, "public", List.of(), "migrate_version", "migrate_history", Optional.empty());
        return Drift.of(
                request,
                "the coordinator",
                db,
                CitusReplay.on(db, cluster::onCoordinator, new NoThrowaway(), log::add),
                log::add);
    }

    /** The databases the replays made on the coordinator's server and left. */
    private static List<String> scratchDatabases(DataSource db) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'migrate\\_citus\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** No throwaway PostgreSQL: the Citus tests start none. */
    private static final class NoThrowaway implements ComparisonDatabases {
        @Override
        public Optional<DataSource> configured() {
            return Optional.empty();
        }

        @Override
        public ThrowawayVersion defaultVersion() {
            return version(15);
        }

        @Override
        public ThrowawayVersion version(int major) {
            return new ThrowawayVersion(
                    major + ".0", major + "0000", "none: the Citus tests start no throwaway server");
        }

        @Override
        public ThrowawayServer start(ThrowawayVersion version) {
            throw new IllegalStateException("A throwaway PostgreSQL " + version.version()
                    + " was asked for, where the chain should replay on the coordinator's server.");
        }
    }
}
