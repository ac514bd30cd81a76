package dev.migrate.servers;

import dev.migrate.MigrateException;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import dev.migrate.tooling.MigratorTools;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Where a chain is replayed for a database that is a Citus coordinator: not on a throwaway PostgreSQL, which has
 * no Citus and so cannot run {@code create_distributed_table}, but in databases of their own made on the
 * coordinator's server, each with the {@code citus} extension, dropped when the replay is done. Citus runs such a
 * database as a cluster of one node (the shards of its distributed tables on the coordinator itself), so the
 * chain's calls run and the catalog reads how it spreads each table, and {@code drift}, {@code verify} and
 * {@code lint} compare the distribution as they compare the rest. Making them needs a role that may create
 * databases and the {@code citus} extension (a superuser, as installing Citus does).
 * Each is marked migrate's own ({@link MigratorTools#OWN_SERVER_SETTING} as a setting of the database), so a
 * downgrade replayed there needs no consent under a coding agent; the coordinator's other databases are not.
 *
 * <pre>{@code
 * ComparisonDatabases databases = CitusReplay.on(coordinator, name -> dataSourceOf(name), throwaways, log::info);
 * }</pre>
 */
public final class CitusReplay implements ComparisonDatabases {
    /** What the databases made on the coordinator's server are called before their own part. */
    static final String PREFIX = "migrate_citus_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource coordinator;
    private final Function<String, DataSource> sameServer;
    private final ComparisonDatabases otherwise;
    private final Consumer<String> log;
    private final ThrowawayVersion version;
    private final @Nullable String coordinatorHost;
    private final int coordinatorPort;

    private CitusReplay(
            DataSource coordinator,
            Function<String, DataSource> sameServer,
            ComparisonDatabases otherwise,
            Consumer<String> log,
            ThrowawayVersion version,
            @Nullable String coordinatorHost,
            int coordinatorPort) {
        this.coordinator = coordinator;
        this.sameServer = sameServer;
        this.otherwise = otherwise;
        this.log = log;
        this.version = version;
        this.coordinatorHost = coordinatorHost;
        this.coordinatorPort = coordinatorPort;
    }

    /**
     * The databases to replay on for {@code database}: databases made on its server when it has the {@code
     * citus} extension, {@code otherwise} when it has not (one query tells) or cannot be asked.
     *
     * @param sameServer a data source for the database of that name on the server of {@code database}, with the
     *     same login
     * @param log told where the chain is replayed
     */
    public static ComparisonDatabases on(
            DataSource database,
            Function<String, DataSource> sameServer,
            ComparisonDatabases otherwise,
            Consumer<String> log) {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT e.extversion, current_setting('server_version'),"
                        + " current_setting('server_version_num'), current_setting('port')"
                        + " FROM pg_catalog.pg_extension e WHERE e.extname = 'citus'")) {
            if (!rs.next()) {
                return otherwise;
            }
            String citus = rs.getString(1);
            String server = rs.getString(2);
            String versionNum = rs.getString(3);
            String[] node = coordinatorNode(c);
            String port = rs.getString(4);
            ThrowawayVersion version = new ThrowawayVersion(
                    (server.indexOf(' ') < 0 ? server : server.substring(0, server.indexOf(' '))) + " with Citus "
                            + citus,
                    versionNum,
                    "Citus " + citus + " on PostgreSQL " + server + " (databases made on the coordinator's server,"
                            + " port " + port + ")");
            return new CitusReplay(
                    database,
                    sameServer,
                    otherwise,
                    log,
                    version,
                    node == null ? null : node[0],
                    node == null ? 0 : Integer.parseInt(node[1]));
        } catch (SQLException e) {
            // not reached, or not readable: the command's own use of it says so, as it did before
            return otherwise;
        }
    }

    /** The coordinator as its own cluster names it ({@code pg_dist_node}, group 0), or {@code null}. */
    private static String @Nullable [] coordinatorNode(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT nodename, nodeport FROM pg_dist_node WHERE groupid = 0 ORDER BY nodeid LIMIT 1")) {
            return rs.next() ? new String[] {rs.getString(1), Integer.toString(rs.getInt(2))} : null;
        }
    }

    @Override
    public Optional<DataSource> configured() {
        return otherwise.configured();
    }

    @Override
    public ThrowawayVersion defaultVersion() {
        return version;
    }

    @Override
    public ThrowawayVersion version(int major) {
        return major == version.major() ? version : otherwise.version(major);
    }

    @Override
    public ThrowawayServer start(ThrowawayVersion asked) {
        if (!asked.equals(version)) {
            return otherwise.start(asked);
        }
        String name = PREFIX + HexFormat.of().formatHex(RANDOM.generateSeed(6));
        log.accept("The database is a Citus coordinator: the migrations are replayed in a database of their own made"
                + " on its server, " + name + ", with the citus extension (Citus on one node, the shards on the"
                + " coordinator), dropped afterwards.");
        OnTheCoordinator server = new OnTheCoordinator(name);
        server.first = server.createDatabase(null);
        return server;
    }

    /** The databases made for one replay on the coordinator's server, dropped when closed. */
    private final class OnTheCoordinator implements ThrowawayServer {
        private final String name;
        private final List<String> made = new ArrayList<>();
        private @Nullable DataSource first;

        OnTheCoordinator(String name) {
            this.name = name;
        }

        @Override
        public DataSource dataSource() {
            if (first == null) {
                throw new IllegalStateException("no database was made");
            }
            return first;
        }

        @Override
        public synchronized DataSource createDatabase(@Nullable String suffix) {
            String database = suffix == null ? name : name + "_" + suffix.replaceAll("[^a-z0-9_]", "_");
            String quoted = Identifiers.quote(database);
            execute(
                    coordinator,
                    "create the database " + database,
                    "CREATE DATABASE " + quoted + " TEMPLATE template0",
                    // migrate's own, as a scratch server's databases are: a replay's downgrade there needs no consent
                    // under a coding agent, and the user's databases on the coordinator's server stay theirs
                    "ALTER DATABASE " + quoted + " SET " + MigratorTools.OWN_SERVER_SETTING + " = on");
            made.add(database);
            DataSource source = sameServer.apply(database);
            List<String> statements = new ArrayList<>(
                    List.of("SET client_min_messages = warning", "CREATE EXTENSION IF NOT EXISTS citus"));
            if (coordinatorHost != null) {
                // its own address as the cluster knows it, for what Citus runs over a connection to itself
                String host = Literals.string(coordinatorHost);
                statements.add("SELECT citus_set_coordinator_host(" + host + ", " + coordinatorPort + ")");
                // added so, the coordinator takes no shards; alone in its cluster, it takes them all
                statements.add("SELECT citus_set_node_property(" + host + ", " + coordinatorPort
                        + ", 'shouldhaveshards', true)");
            }
            execute(
                    source,
                    "create the citus extension in the database " + database,
                    statements.toArray(String[]::new));
            return source;
        }

        @Override
        public synchronized void close() {
            List<String> left = new ArrayList<>();
            for (int i = made.size() - 1; i >= 0; i--) {
                String database = made.get(i);
                try {
                    drop(database);
                } catch (SQLException e) {
                    left.add(database + " (" + e.getMessage() + ")");
                }
            }
            made.clear();
            if (!left.isEmpty()) {
                log.accept("Could not drop what the replay made on the coordinator's server: " + String.join(", ", left)
                        + ". Drop it by hand (DROP DATABASE ... WITH (FORCE)).");
            }
        }
    }

    /**
     * Drops a database the replay made. {@code WITH (FORCE)} ends its sessions, but waits only 5 s for them to
     * go; a session slower to end on a busy server (Citus's maintenance daemon connects to each database) makes
     * the drop fail with {@code 55006}, so it is tried again, three times in all.
     */
    private void drop(String database) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = coordinator.getConnection();
                    Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(database) + " WITH (FORCE)");
                return;
            } catch (SQLException e) {
                if (attempt == 3 || !"55006".equals(e.getSQLState())) {
                    throw e;
                }
            }
            try {
                Thread.sleep(1000L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while dropping " + database, e);
            }
        }
    }

    private static void execute(DataSource database, String what, String... statements) {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not " + what + " on the Citus coordinator's server, where a chain that spreads tables is"
                            + " replayed (the throwaway PostgreSQL has no Citus): " + e.getMessage()
                            + ". The replay needs a role that may create databases and the citus extension (CREATEDB"
                            + " and superuser): run it as such a role.",
                    e);
        }
    }
}
