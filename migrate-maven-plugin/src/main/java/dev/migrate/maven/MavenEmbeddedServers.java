package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.servers.EmbeddedServers;
import dev.migrate.servers.PostgresBinaries;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * The plugin's embedded servers: binaries fetched through Maven's resolver, so that mirrors, proxies and offline
 * mode apply.
 */
record MavenEmbeddedServers(
        RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories)
        implements EmbeddedServers {

    @Override
    public Path binariesJar(PostgresBinaries binaries) {
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(binaries.coordinates()), repositories, null);
        try {
            return system.resolveArtifact(session, request)
                    .getArtifact()
                    .getFile()
                    .toPath();
        } catch (ArtifactResolutionException e) {
            throw new MigrateException(
                    "Could not resolve the embedded PostgreSQL binaries " + binaries.coordinates() + ": "
                            + e.getMessage() + " Check the network or repository mirror, choose another "
                            + "embeddedPostgresVersion, or configure a database with <url>.",
                    e);
        }
    }
}
