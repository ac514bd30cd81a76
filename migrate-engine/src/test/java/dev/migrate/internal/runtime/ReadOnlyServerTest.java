package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.CurrentRevision;
import dev.migrate.Fleet;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.cluster.ClusterTemplate;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.StubDataSource;
import dev.migrate.testing.TestPostgres;
import dev.migrate.tooling.MigratorTools;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Writing runs on a server that cannot take writes. The standby is a real one: a base backup of a
 * running primary taken with the low-level API ({@code pg_backup_start}, a copy of the data
 * directory, {@code pg_backup_stop}'s backup label; the embedded binaries ship no pg_basebackup),
 * started with {@code standby.signal} and streaming from the primary, so {@code pg_is_in_recovery()}
 * is true and hot standby serves read-only sessions.
 */
@LongSuite
class ReadOnlyServerTest {
    private static final MigrationLog QUIET = new MigrationLog() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };

    @Revision(id = "r1", message = "create parcels")
    public static class R1 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("parcels", column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("parcels");
        }
    }

    @Revision(id = "r2", revises = "r1", message = "add weight")
    public static class R2 implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("parcels", column("weight", "integer"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("parcels", "weight");
        }
    }

    private static Path primaryData;
    private static Path standbyData;
    private static EmbeddedPostgres primary;
    private static EmbeddedPostgres standby;

    @BeforeAll
    static void primaryAndStandby() throws Exception {
        primaryData = Files.createTempDirectory("migrate-test-primary-");
        standbyData = Files.createTempDirectory("migrate-test-standby-");
        primary = TestPostgres.ownServer(primaryData, Map.of("wal_level", "replica", "max_wal_senders", "4"));
        try (Connection c = primary.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE depot");
        }
        // the primary is one revision behind head, so a writing run on the standby has something to do
        build(source(primary)).upgrade("r1");
        // while two tenant schemas are at head, so a fleet's run has nothing to do on them
        try (Connection c = source(primary).getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA t_a");
            s.execute("CREATE SCHEMA t_b");
        }
        assertThat(fleet(source(primary)).upgrade("head").succeeded()).isTrue();

        try (Connection c = primary.getPostgresDatabase().getConnection()) {
            TestPostgres.baseBackupForStandby(c, primary.getPort(), primaryData, standbyData);
        }
        standby = TestPostgres.ownServer(standbyData, Map.of("hot_standby", "on"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
        for (Path data : new Path[] {standbyData, primaryData}) {
            if (data != null) {
                ClusterTemplate.delete(data);
            }
        }
    }

    @Test
    void upgradeDowngradeAndStampOnAStandbyAreRefusedNamingItAndThePrimary() throws Exception {
        DataSource onStandby = source(standby);
        assertThat(query(onStandby, "SELECT pg_is_in_recovery()::text")).containsExactly("true");
        awaitReplayed(onStandby, "r1");
        Migrator migrator = build(onStandby);

        List<ThrowingRun> writes = List.of(
                () -> migrator.upgrade("head"),
                () -> migrator.downgrade("base"),
                () -> migrator.stamp("r2", false),
                () -> migrator.stamp("r2", true));
        for (ThrowingRun write : writes) {
            assertThatThrownBy(write::run)
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("PostgreSQL at localhost:" + standby.getPort() + ", database depot")
                    .hasMessageContaining("is a standby server in recovery (pg_is_in_recovery() is true), which is "
                            + "read-only and replays what its primary writes. Point the URL at the primary server.")
                    .hasMessageNotContaining("read-only transaction");
        }
        assertThatThrownBy(() -> migrator.upgrade("head")).hasMessageStartingWith("Cannot upgrade: ");
        assertThatThrownBy(() -> migrator.downgrade("base")).hasMessageStartingWith("Cannot downgrade: ");
        assertThatThrownBy(() -> migrator.stamp("r2", false)).hasMessageStartingWith("Cannot stamp: ");

        // reading works on a standby
        assertThat(migrator.current()).containsExactly(new CurrentRevision("r1", "create parcels", false));
        assertThat(MigratorTools.of(migrator).historyReport(null, false))
                .hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("-> r1 (current)"));

        // and the primary, where the URL should point, takes the same upgrade
        build(source(primary)).upgrade("head");
        awaitReplayed(onStandby, "r2");
        assertThat(migrator.current()).containsExactly(new CurrentRevision("r2", "add weight", true));
    }

    /**
     * A fleet leaves tenants at their target alone without taking their lock; on a standby it must
     * still say that the server cannot take the run, not report every tenant unchanged.
     */
    @Test
    void aFleetOnAStandbyIsRefusedEvenWhenEveryTenantIsAtItsTarget() throws Exception {
        DataSource onStandby = source(standby);
        awaitReplayed(onStandby, "r1");
        Fleet fleet = fleet(onStandby);
        assertThat(fleet.current()).containsOnlyKeys("t_a", "t_b");
        assertThat(fleet.current().get("t_a")).containsExactly(new CurrentRevision("r2", "add weight", true));

        for (ThrowingRun write : List.<ThrowingRun>of(() -> fleet.upgrade("head"), () -> fleet.stamp("r2", false))) {
            assertThatThrownBy(write::run)
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("PostgreSQL at localhost:" + standby.getPort() + ", database depot")
                    .hasMessageContaining("is a standby server in recovery (pg_is_in_recovery() is true)");
        }
    }

    /** A pool or the plugin's own DataSource: the host comes from the connection, never its URL's parameters. */
    @Test
    void throughADataSourceItCannotLookIntoTheMessageStillNamesTheHost() throws Exception {
        PGSimpleDataSource onStandby = (PGSimpleDataSource) source(standby);
        onStandby.setPassword("not-printed");
        DataSource opaque = new StubDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return onStandby.getConnection();
            }
        };
        assertThatThrownBy(() -> build(opaque).upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("Cannot upgrade: PostgreSQL at localhost:" + standby.getPort()
                        + ", database depot, user postgres (server address ")
                .hasMessageContaining("is a standby server in recovery")
                .hasMessageNotContaining("not-printed");
    }

    @Test
    void aRoleWhoseTransactionsStartReadOnlyGetsItsOwnMessageAndTheFixWorks() throws Exception {
        String role = "reader_" + UUID.randomUUID().toString().substring(0, 8);
        String database = TestPostgres.createDatabase("read_only_role");
        DataSource admin = TestPostgres.dataSource(database);
        execute(
                admin,
                "CREATE ROLE " + role + " LOGIN",
                "ALTER DATABASE " + database + " OWNER TO " + role,
                "ALTER SCHEMA public OWNER TO " + role,
                "ALTER ROLE " + role + " SET default_transaction_read_only = on");
        PGSimpleDataSource asRole = (PGSimpleDataSource) TestPostgres.dataSource(database);
        asRole.setUser(role);
        Migrator migrator = build(asRole);

        assertThatThrownBy(() -> migrator.upgrade("head"))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("Cannot upgrade: on PostgreSQL at localhost:" + TestPostgres.port()
                        + ", database " + database + ", user " + role)
                .hasMessageContaining("every transaction of role " + role + " starts read-only "
                        + "(default_transaction_read_only is on, set for the role by ALTER ROLE), so no migration "
                        + "and no version-table row could be written. Let the migrating role write with ALTER ROLE "
                        + role + " SET default_transaction_read_only = off (it applies from the next connection)")
                .hasMessageNotContaining("standby");
        assertThat(migrator.current()).isEmpty();

        execute(admin, "ALTER ROLE " + role + " SET default_transaction_read_only = off");
        assertThat(migrator.upgrade("head").applied()).hasSize(2);
    }

    @Test
    void aDatabaseWhoseTransactionsStartReadOnlyNamesWhereTheSettingComesFrom() throws Exception {
        String database = TestPostgres.createDatabase("read_only_db");
        DataSource admin = TestPostgres.dataSource(database);
        execute(admin, "ALTER DATABASE " + database + " SET default_transaction_read_only = on");
        Migrator migrator = build(admin);

        assertThatThrownBy(() -> migrator.stamp("r1", false))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("Cannot stamp: ")
                .hasMessageContaining("(default_transaction_read_only is on, set for the database by ALTER DATABASE)")
                .hasMessageContaining("ALTER ROLE postgres SET default_transaction_read_only = off");
        assertThat(query(admin, "SELECT count(*)::text FROM pg_tables WHERE tablename LIKE 'migrate_%'"))
                .containsExactly("0");
    }

    private interface ThrowingRun {
        void run() throws Exception;
    }

    private static Migrator build(DataSource dataSource) {
        return Migrator.builder()
                .dataSource(dataSource)
                .migrations(R1.class, R2.class)
                .lockWaitTimeout(Duration.ofSeconds(5))
                .log(QUIET)
                .build();
    }

    private static Fleet fleet(DataSource dataSource) {
        return Fleet.builder(Migrator.builder()
                        .dataSource(dataSource)
                        .migrations(R1.class, R2.class)
                        .lockWaitTimeout(Duration.ofSeconds(5))
                        .log(QUIET))
                .tenants("t\\_%")
                .build();
    }

    private static DataSource source(EmbeddedPostgres server) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {server.getPort()});
        ds.setDatabaseName("depot");
        ds.setUser("postgres");
        return ds;
    }

    /** Streaming replication is asynchronous: waits until the standby has replayed the primary's version row. */
    private static void awaitReplayed(DataSource onStandby, String version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<String> rows = Set.of("migrate_version")
                            .equals(Set.copyOf(query(
                                    onStandby, "SELECT tablename FROM pg_tables WHERE tablename = 'migrate_version'")))
                    ? query(onStandby, "SELECT version_num FROM migrate_version")
                    : List.of();
            if (rows.equals(List.of(version))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The standby did not replay version " + version + " within 30 s: " + rows);
            }
            Thread.sleep(100);
        }
    }

    private static void execute(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static List<String> query(DataSource ds, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
