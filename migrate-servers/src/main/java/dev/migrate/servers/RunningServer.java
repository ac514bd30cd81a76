package dev.migrate.servers;

import dev.migrate.MigrateException;
import dev.migrate.cluster.PostmasterPid;
import dev.migrate.cluster.ThrowawayPlace;
import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * An embedded server that another process runs on a data directory ({@code quarkus dev} on
 * {@code target/migrate/pgdata}, or a goal in another terminal): a second server cannot start there, since the
 * launcher locks the directory, so a goal uses the running one, as the extension's guide promises ("sees the same
 * database"), and leaves it running. It is found as PostgreSQL itself records it, in the directory's
 * {@code postmaster.pid} (its process, then its port on the fourth line), and taken only when the server that answers
 * on that port keeps its data in that directory; a file a crash left behind is no server.
 *
 * <pre>{@code RunningServer.on(data).map(server -> use(server.dataSource()))}</pre>
 *
 * @param dataDirectory where it keeps its data
 * @param port where it listens, on the loopback address
 * @param dataSource its {@code postgres} database, as user {@code postgres} (the embedded servers trust local users)
 */
public record RunningServer(Path dataDirectory, int port, DataSource dataSource) implements ThrowawayServer {
    /** The server running on {@code dataDirectory}, if one does and answers. */
    public static Optional<RunningServer> on(Path dataDirectory) {
        Optional<PostmasterPid> server;
        try {
            server = PostmasterPid.in(dataDirectory);
        } catch (IOException e) {
            return Optional.empty(); // being written or removed as the server starts or stops: start one as usual
        }
        if (server.isEmpty() || server.get().port().isEmpty() || !server.get().alive()) {
            return Optional.empty();
        }
        int port = server.get().port().getAsInt();
        DataSource postgres = database(port, "postgres");
        return ThrowawayPlace.servedFrom(postgres, dataDirectory)
                ? Optional.of(new RunningServer(dataDirectory, port, postgres))
                : Optional.empty();
    }

    private static DataSource database(int port, String name) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"localhost"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(name);
        source.setUser("postgres");
        return source;
    }

    @Override
    public DataSource createDatabase(String name) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not create the database " + name + " on the embedded PostgreSQL running in " + dataDirectory
                            + " (port " + port + "): " + e.getMessage(),
                    e);
        }
        return database(port, name);
    }

    /** Leaves the server running: the process that started it stops it. */
    @Override
    public void close() {}
}
