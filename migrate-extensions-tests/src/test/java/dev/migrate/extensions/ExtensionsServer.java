package dev.migrate.extensions;

import dev.migrate.servers.InstalledThrowaway;
import dev.migrate.servers.PostgresInstallation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A PostgreSQL with pgvector and PostGIS for the tests of one JVM, started by migrate's own {@link
 * InstalledThrowaway} from the first installation on this machine that has both ({@code -Dmigrate.postgres.home},
 * else {@code pg_config} on the PATH, else {@code /usr/lib/postgresql/*}: Debian's PostgreSQL 15 once {@code
 * ../shared/extensions/install.sh} ran), in a temporary folder, stopped and deleted when the JVM's tests are done.
 * Each test takes databases of its own ({@link Started#freshDatabase}), with both extensions.
 *
 * <p>Where no installation has both, the tests are skipped with the reason, unless {@code
 * -Dmigrate.extensions=required} (as {@code .ci/run} sets) makes that a failure.
 */
public final class ExtensionsServer implements ExecutionCondition, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ExtensionsServer.class);
    private static final List<String> EXTENSIONS = List.of("vector", "postgis");

    private static Optional<PostgresInstallation> installation() {
        String home = System.getProperty("migrate.postgres.home");
        return PostgresInstallation.find(home == null || home.isBlank() ? null : Path.of(home)).stream()
                .filter(i -> EXTENSIONS.stream().allMatch(i::has))
                .findFirst();
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (installation().isPresent()) {
            return ConditionEvaluationResult.enabled("a PostgreSQL with vector and postgis is installed here");
        }
        String why = "no PostgreSQL installation on this machine has both vector and postgis (looked at "
                + "-Dmigrate.postgres.home, pg_config on the PATH and /usr/lib/postgresql/*)";
        if ("required".equals(System.getProperty("migrate.extensions"))) {
            throw new IllegalStateException("The extension tests are required (-Dmigrate.extensions=required) but "
                    + "cannot run: " + why + ". Run ../shared/extensions/install.sh as root first, or leave "
                    + "-Dmigrate.extensions out to skip them.");
        }
        return ConditionEvaluationResult.disabled(
                "Extension tests skipped: " + why
                        + ". ../shared/extensions/install.sh installs them; -Dmigrate.extensions=required makes this a failure.");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Started.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Started.class, k -> start(), Started.class);
    }

    private static Started start() {
        PostgresInstallation installation = installation().orElseThrow();
        try {
            Path directory = Files.createTempDirectory("migrate-extensions-");
            Files.delete(directory); // the server makes it, owned by the user it runs as
            Files.createDirectories(directory);
            directory.toFile().setExecutable(true, false);
            directory.toFile().setReadable(true, false);
            return new Started(InstalledThrowaway.start(installation, directory.resolve("server")));
        } catch (IOException e) {
            throw new IllegalStateException("Could not make a temporary folder for the server: " + e.getMessage(), e);
        }
    }

    /** The server, up. */
    static final class Started implements AutoCloseable {
        private final InstalledThrowaway server;
        private final AtomicInteger databases = new AtomicInteger();

        Started(InstalledThrowaway server) {
            this.server = server;
        }

        /** A new database with the {@code vector} and {@code postgis} extensions, or none when {@code bare}. */
        DataSource freshDatabase(String prefix) {
            return freshDatabase(prefix, false);
        }

        DataSource freshDatabase(String prefix, boolean bare) {
            DataSource database = server.createDatabase(prefix + "_" + databases.incrementAndGet());
            if (!bare) {
                execute(database, "CREATE EXTENSION vector", "CREATE EXTENSION postgis");
            }
            return database;
        }

        InstalledThrowaway server() {
            return server;
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** Runs {@code statements} on {@code database}, each committed. */
    static void execute(DataSource database, String... statements) {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not run " + String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    /** The first column of each row {@code query} returns, as text. */
    static List<String> query(DataSource database, String query) {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(query)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + query + ": " + e.getMessage(), e);
        }
    }
}
