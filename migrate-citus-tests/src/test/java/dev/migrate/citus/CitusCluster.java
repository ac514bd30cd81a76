package dev.migrate.citus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A Citus cluster on this machine for the tests of one JVM: Citus installed and a coordinator with two
 * workers started by {@code ../shared/citus/install.sh} and {@code cluster.sh start} when the first test
 * needs it, stopped (and its data dropped) when the JVM's tests are done. Each test class takes databases
 * of its own ({@link Started#freshDatabase}), made on the three nodes and joined into a cluster of their own.
 *
 * <p>The scripts run as root on Linux: elsewhere, or where they are missing, the tests are skipped with the
 * reason, unless {@code -Dmigrate.citus=required} (as {@code .ci/run} sets) makes that a failure. {@code
 * -Dmigrate.citus.port} picks the coordinator's port (the workers take the next two); {@code
 * -Dmigrate.citus.scripts} the scripts' directory.
 */
public final class CitusCluster implements ExecutionCondition, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CitusCluster.class);

    /** Why the cluster cannot run here, or {@code null} when it can. */
    private static @Nullable String unavailable(Path scripts) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "the Citus scripts run on Linux only";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "the Citus scripts install packages and start servers as root, and this JVM runs as "
                    + System.getProperty("user.name");
        }
        if (!Files.isExecutable(scripts.resolve("install.sh")) || !Files.isExecutable(scripts.resolve("cluster.sh"))) {
            return "no install.sh and cluster.sh in " + scripts + " (-Dmigrate.citus.scripts=<dir> names them)";
        }
        return null;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Path scripts = scripts();
        String why = unavailable(scripts);
        if (why == null) {
            return ConditionEvaluationResult.enabled("a Citus cluster runs on this machine");
        }
        if ("required".equals(System.getProperty("migrate.citus"))) {
            throw new IllegalStateException("The Citus tests are required (-Dmigrate.citus=required) but cannot run: "
                    + why + ". Run them as root on Linux with ../shared/citus/ beside the repository, or leave "
                    + "-Dmigrate.citus out to skip them.");
        }
        return ConditionEvaluationResult.disabled(
                "Citus tests skipped: " + why + ". -Dmigrate.citus=required makes this a failure.");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Started.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return of(context);
    }

    /** The running cluster, started on first use; stopped when the tests of this JVM end. */
    static Started of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Started.class, k -> start(), Started.class);
    }

    private static Path scripts() {
        String configured = System.getProperty("migrate.citus.scripts");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // the module's directory while the tests run: the repository is its parent, and shared/ beside it
        return Path.of("../../shared/citus").toAbsolutePath().normalize();
    }

    private static int port() {
        return Integer.parseInt(System.getProperty("migrate.citus.port", "5460"));
    }

    private static Started start() {
        Path scripts = scripts();
        int port = port();
        run(scripts.resolve("install.sh").toString());
        run(scripts.resolve("cluster.sh").toString(), "start", String.valueOf(port));
        return new Started(scripts, port);
    }

    private static String run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    /** The coordinator and its two workers, up. */
    static final class Started implements AutoCloseable {
        private final Path scripts;
        private final int port;
        private final AtomicInteger databases = new AtomicInteger();

        Started(Path scripts, int port) {
            this.scripts = scripts;
            this.port = port;
        }

        /**
         * A new database of the cluster: made on the coordinator and on both workers, each with the {@code
         * citus} extension, and the workers added to the coordinator's, as {@code cluster.sh} does for {@code
         * postgres}: a cluster of its own, empty, on the same servers.
         */
        DataSource freshDatabase(String prefix) {
            String name = prefix + "_" + databases.incrementAndGet();
            List<Integer> nodes = List.of(port, port + 1, port + 2);
            for (int node : nodes) {
                execute(node, "postgres", "CREATE DATABASE " + name);
            }
            for (int node : nodes) {
                execute(node, name, "SET client_min_messages = warning", "CREATE EXTENSION citus");
            }
            execute(
                    port,
                    name,
                    "SELECT citus_set_coordinator_host('127.0.0.1', " + port + ")",
                    "SELECT citus_add_node('127.0.0.1', " + (port + 1) + ")",
                    "SELECT citus_add_node('127.0.0.1', " + (port + 2) + ")");
            return dataSource(port, name);
        }

        /** The database {@code name} of the coordinator's server, whatever made it. */
        DataSource onCoordinator(String name) {
            return dataSource(port, name);
        }

        private static void execute(int port, String database, String... statements) {
            try (Connection c = DriverManager.getConnection(url(port, database), "postgres", "");
                    Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "Could not prepare database " + database + " on port " + port + ": " + e.getMessage(), e);
            }
        }

        private static String url(int port, String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }

        private static DataSource dataSource(int port, String database) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(url(port, database));
            ds.setUser("postgres");
            return ds;
        }

        @Override
        public void close() {
            run(scripts.resolve("cluster.sh").toString(), "stop", String.valueOf(port));
        }
    }
}
