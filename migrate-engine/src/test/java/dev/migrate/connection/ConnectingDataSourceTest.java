package dev.migrate.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.ConnectionFailedException;
import dev.migrate.MigrateException;
import dev.migrate.testing.LongSuite;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@LongSuite
class ConnectingDataSourceTest {

    @Test
    void aHostThatDoesNotResolveIsNamedWithTheUrlsSource() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://app:secret-77@no-such-host.invalid:5432/app",
                "the environment variable MIGRATE_DATABASE_URL");
        ConnectingDataSource ds = new ConnectingDataSource(new ConnectionFailure.Target(
                url, "app", "secret-77", "the environment variable MIGRATE_DATABASE_URL", "in the URL or <password>"));
        // a ConnectionFailedException, as the Java API throws, so that JSON output's error.type tells it apart
        assertThatThrownBy(ds::getConnection)
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("the host name 'no-such-host.invalid' does not resolve")
                .hasMessageContaining("it came from the environment variable MIGRATE_DATABASE_URL")
                .satisfies(e -> assertThat(e.getCause()).hasMessageNotContaining("secret-77"))
                .message()
                .doesNotContain("secret-77");
    }

    @Test
    void aFailureToConnectAheadReadsAsAFailureToConnect() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://app:secret-77@no-such-host.invalid:5432/app",
                "the environment variable MIGRATE_DATABASE_URL");
        ConnectingDataSource ds = new ConnectingDataSource(new ConnectionFailure.Target(
                        url,
                        "app",
                        "secret-77",
                        "the environment variable MIGRATE_DATABASE_URL",
                        "in the URL or <password>"))
                .connectAhead();
        assertThatThrownBy(ds::getConnection)
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("the host name 'no-such-host.invalid' does not resolve")
                .hasMessageContaining("it came from the environment variable MIGRATE_DATABASE_URL")
                .message()
                .doesNotContain("secret-77");
        assertThatThrownBy(ds::getConnection) // the next one, opened on demand, fails alike
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("does not resolve");
    }

    @Test
    void theConnectionOpenedAheadIsHandedOutOnceAndClosedWhenNobodyTakesIt() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            ConnectionFailure.Target settings = loginTo(server);
            ConnectingDataSource ds = new ConnectingDataSource(settings).connectAhead();
            try (Connection observer = server.getPostgresDatabase().getConnection()) {
                awaitMigrateSessions(observer, 1); // open before anyone asks
            }
            try (Connection first = ds.getConnection();
                    Connection second = ds.getConnection()) { // opened on demand
                assertThat(Set.of(backendPid(first), backendPid(second))).hasSize(2);
                assertThat(migrateSessions(first)).isEqualTo(2);
            }
            try (Connection observer = server.getPostgresDatabase().getConnection()) {
                ConnectingDataSource unused = new ConnectingDataSource(settings).connectAhead();
                awaitMigrateSessions(observer, 1); // open, and not taken by anyone
                unused.discardUnused();
                awaitMigrateSessions(observer, 0);
                ConnectingDataSource taken = new ConnectingDataSource(settings).connectAhead();
                try (Connection connection = taken.getConnection()) {
                    taken.discardUnused();
                    assertThat(connection.isClosed()).isFalse();
                    assertThat(migrateSessions(observer)).isEqualTo(1); // the one taken stays open
                }
                awaitMigrateSessions(observer, 0);
            }
        }
    }

    @Test
    void aRunKeepsTheConnectionsItClosesResetToANewSessionAndClosesThemWhenItEnds() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Connection observer = server.getPostgresDatabase().getConnection()) {
            ConnectingDataSource ds = new ConnectingDataSource(loginTo(server)).connectAhead();
            List<Integer> pids = new ArrayList<>();
            ds.keepingConnections(() -> {
                try {
                    Connection first = ds.getConnection();
                    pids.add(backendPid(first));
                    try (Statement s = first.createStatement()) {
                        s.execute("SET statement_timeout = '7s'");
                        s.execute("CREATE TEMPORARY TABLE left_behind (id int)");
                        s.execute("SELECT pg_advisory_lock(4242)");
                    }
                    first.setAutoCommit(false);
                    try (Statement s = first.createStatement()) {
                        s.execute("INSERT INTO left_behind VALUES (1)"); // a transaction left open
                    }
                    first.close();
                    assertThat(first.isClosed()).isTrue();
                    assertThatThrownBy(first::createStatement)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("closed");
                    try (Connection second = ds.getConnection()) {
                        pids.add(backendPid(second));
                        // what the first user left is gone, as on a new login; what the login sent stays
                        assertThat(second.getAutoCommit()).isTrue();
                        assertThat(single(second, "SHOW statement_timeout")).isEqualTo("0");
                        assertThat(single(second, "SELECT count(*) FROM pg_class WHERE relname = 'left_behind'"))
                                .isEqualTo("0");
                        assertThat(single(observer, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
                                .isEqualTo("0");
                        assertThat(single(
                                        second,
                                        "SELECT setting || ' ' || source FROM pg_settings"
                                                + " WHERE name = 'application_name'"))
                                .isEqualTo("migrate client");
                        try (Connection third = ds.getConnection()) { // the kept one is lent: a new login
                            pids.add(backendPid(third));
                        }
                    }
                    assertThat(migrateSessions(observer)).isEqualTo(2); // both wait for the run's next read
                    ds.keepingConnections(
                            () -> { // a nested run closes nothing when it ends
                                try (Connection again = ds.getConnection()) {
                                    pids.add(backendPid(again));
                                } catch (SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                    assertThat(migrateSessions(observer)).isEqualTo(2);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(pids.get(1)).isEqualTo(pids.get(0));
            assertThat(pids.get(2)).isNotEqualTo(pids.get(1));
            assertThat(pids.get(3)).isIn(pids.get(1), pids.get(2));
            awaitMigrateSessions(observer, 0); // the run's end closed them
            try (Connection outside = ds.getConnection()) { // no run: a connection closed is closed
                assertThat(migrateSessions(outside)).isEqualTo(1);
            }
            awaitMigrateSessions(observer, 0);
        }
    }

    @Test
    void aConnectionThatWaitedLongerThanTheIdleLimitIsClosedAndANewOneLent() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Connection observer = server.getPostgresDatabase().getConnection()) {
            ConnectingDataSource ds = new ConnectingDataSource(loginTo(server)).idleAtMost(Duration.ofMillis(200));
            ds.keepingConnections(() -> {
                try {
                    int first;
                    try (Connection c = ds.getConnection()) {
                        first = backendPid(c);
                    }
                    try (Connection c = ds.getConnection()) { // within the limit: the same session
                        assertThat(backendPid(c)).isEqualTo(first);
                    }
                    // a server or a network may end a session that waits (idle_session_timeout, a NAT's idle timeout)
                    Thread.sleep(400);
                    try (Connection c = ds.getConnection()) {
                        assertThat(backendPid(c)).isNotEqualTo(first);
                        awaitMigrateSessions(observer, 1); // the one that waited too long was closed
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitMigrateSessions(observer, 0);
        }
    }

    @Test
    void theApplicationNameTravelsWithTheStartupMessage() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            ConnectingDataSource ds = new ConnectingDataSource(loginTo(server));
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT setting, source FROM pg_settings WHERE name = 'application_name'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("migrate");
                assertThat(rs.getString(2)).isEqualTo("client"); // a SET after connecting would read 'session'
            }
        }
    }

    private static void awaitMigrateSessions(Connection observer, int expected) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (migrateSessions(observer) != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(migrateSessions(observer)).isEqualTo(expected);
    }

    /** The embedded server's own database, as its superuser, without a password. */
    private static ConnectionFailure.Target loginTo(EmbeddedPostgres server) {
        DatabaseUrl url =
                DatabaseUrl.parse("postgresql://postgres@localhost:" + server.getPort() + "/postgres", "a test");
        return new ConnectionFailure.Target(url, "postgres", null, "a test", "in the URL or <password>");
    }

    private static String single(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int migrateSessions(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'migrate'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
