package dev.migrate.extensions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.servers.InstalledThrowaway;
import dev.migrate.servers.PostgresInstallation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A throwaway server of an installation starts in a project as deep as a build's own: an Invoker project's
 * {@code target/migrate/throwaway-<n>} is past the 107 bytes a Unix socket's path may have, where PostgreSQL would
 * not start with its socket there; it listens on TCP only.
 */
@ExtendWith(ExtensionsServer.class)
class InstalledThrowawayPathTest {
    @Test
    void aServerStartsInADirectoryTooDeepForAUnixSocket(ExtensionsServer.Started started) throws IOException {
        PostgresInstallation installation = started.server().installation();
        Path deep = Files.createTempDirectory("migrate-deep-");
        deep.toFile().setExecutable(true, false);
        Path directory = deep.resolve("project-with-a-long-name/migrate-maven-plugin/target/it/vectors-geometry"
                + "/target/migrate/throwaway-14929995271853015311");
        assertThat(directory.resolve(".s.PGSQL.65535").toString().length()).isGreaterThan(107);
        for (Path dir = directory.getParent(); dir != null && dir.startsWith(deep); dir = dir.getParent()) {
            Files.createDirectories(dir);
            dir.toFile().setExecutable(true, false);
        }
        try (InstalledThrowaway server = InstalledThrowaway.start(installation, directory)) {
            ExtensionsServer.execute(server.dataSource(), "CREATE EXTENSION vector");
            assertThat(ExtensionsServer.query(server.dataSource(), "SELECT extname FROM pg_extension ORDER BY 1"))
                    .contains("vector");
        }
        assertThat(directory).doesNotExist();
    }
}
