package dev.migrate.servers;

import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import java.nio.file.Path;

/**
 * How a face fetches PostgreSQL binaries and starts a server from them: the plugin resolves the binaries jar
 * through Maven's resolver, the command line finds it in the local Maven repository or downloads it
 * ({@link RepositoryBinaries}); both start it with the one launcher, {@link EmbeddedServer}.
 */
public interface EmbeddedServers {
    /** The binaries jar, downloaded or found in the local repository. */
    Path binariesJar(PostgresBinaries binaries);

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use; its data stays.
     *
     * @param serverLog where the server's own output goes, so it does not flood the build log
     */
    default ThrowawayServer start(Path dataDirectory, Path binariesJar, Path serverLog) {
        return EmbeddedServer.start(dataDirectory, binariesJar, serverLog);
    }

    /** Starts a fresh, empty server on {@code dataDirectory}, deleted when it stops. */
    default ThrowawayServer startThrowaway(Path dataDirectory, Path binariesJar, Path serverLog) {
        return EmbeddedServer.startThrowaway(dataDirectory, binariesJar, serverLog);
    }
}
