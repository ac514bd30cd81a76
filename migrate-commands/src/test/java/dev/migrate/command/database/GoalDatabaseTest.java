package dev.migrate.command.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.autogen.ComparisonDatabases.ThrowawayServer;
import dev.migrate.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which database a goal talks to: the configured one, or the embedded default, announced alike by every face. */
class GoalDatabaseTest {
    @TempDir
    Path target;

    private final List<String> log = new ArrayList<>();
    private final List<String> started = new ArrayList<>();

    @Test
    void aConfiguredDatabaseIsAnnouncedAndUsedAndTheEmbeddedOneNeverStarts() throws SQLException {
        String database = TestPostgres.createDatabase("goal_database");
        GoalDatabase goal = goal(Map.of("MIGRATE_DATABASE_URL", TestPostgres.jdbcUrl(database)));
        assertThat(goal.isConfigured()).isTrue();
        String described = "localhost:" + TestPostgres.port() + ", database " + database + ", user postgres";
        assertThat(goal.configuredName()).isEqualTo(described);

        goal.connectAhead();
        List<String> names = new ArrayList<>();
        goal.withDataSource(
                () -> {
                    throw new AssertionError("the embedded database is not asked for");
                },
                (name, source) -> {
                    names.add(name);
                    assertThat(currentDatabase(source)).isEqualTo(database);
                });
        goal.discardUnused();

        assertThat(names).containsExactly("localhost:" + TestPostgres.port() + "/" + database);
        assertThat(log)
                .containsExactly(
                        "Using PostgreSQL at " + described + " (from the environment variable MIGRATE_DATABASE_URL).");
        assertThat(started).isEmpty();
    }

    @Test
    void withoutAUrlTheEmbeddedDatabaseStartsOnItsDataDirectoryAfterTheGoalHadItsSay() {
        GoalDatabase goal = goal(Map.of());
        assertThat(goal.isConfigured()).isFalse();
        assertThat(goal.configuredName()).isEmpty();
        assertThat(goal.configured()).isEmpty();
        assertThat(goal.hasDatabase()).isFalse();

        List<String> order = new ArrayList<>();
        goal.withDataSource(() -> order.add("asked"), (name, source) -> {
            order.add(name);
            assertThat(currentDatabase(source)).isNotEmpty();
        });

        Path data = target.resolve("pgdata").toAbsolutePath();
        assertThat(order).containsExactly("asked", "the embedded database in shown:" + data);
        assertThat(started).containsExactly("start " + data);
        assertThat(log)
                .containsExactly("No database URL is configured, so this goal uses an embedded PostgreSQL 18.6.0 with"
                        + " its data in " + data
                        + " (set <url>, -Dmigrate.url or MIGRATE_DATABASE_URL to use your own server).");
    }

    @Test
    void theEmbeddedDatabaseCountsOnceItHoldsData() throws Exception {
        Files.createDirectories(target.resolve("pgdata"));
        Files.writeString(target.resolve("pgdata/PG_VERSION"), "18\n");
        assertThat(goal(Map.of()).hasDatabase()).isTrue();
    }

    @Test
    void aThrowawayServerStartsBesideTheDataDirectoryOfTheVersionAsked() {
        GoalDatabase goal = goal(Map.of());
        try (ThrowawayServer server = goal.comparisonDatabases(null)
                .start(goal.comparisonDatabases(null).version(16))) {
            assertThat(currentDatabase(server.dataSource())).isNotEmpty();
        }
        assertThat(started).singleElement().asString().startsWith("throwaway " + target.toAbsolutePath());
        assertThat(log).singleElement().asString().startsWith("Starting a throwaway embedded PostgreSQL 16.");
    }

    @Test
    void aMisspeltEmbeddedVersionFailsBeforeAnythingStarts() {
        GoalDatabase goal = new GoalDatabase(
                resolver(Map.of()),
                new ConnectionResolver.Parameters(null, null, null, null),
                new GoalDatabase.Embedded("12", target.resolve("pgdata"), false),
                servers(),
                log::add,
                path -> "shown:" + path);
        assertThatThrownBy(goal::check)
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("The embeddedPostgresVersion '12' is PostgreSQL 12");
        assertThat(started).isEmpty();
    }

    private GoalDatabase goal(Map<String, String> environment) {
        return new GoalDatabase(
                resolver(environment),
                new ConnectionResolver.Parameters(null, null, null, null),
                new GoalDatabase.Embedded(null, target.resolve("pgdata"), false),
                servers(),
                log::add,
                path -> "shown:" + path);
    }

    private static ConnectionResolver resolver(Map<String, String> environment) {
        return new ConnectionResolver(environment, new Properties(), serverId -> {
            throw new AssertionError("no server id is set");
        });
    }

    /** Servers that record what was asked, and stand in with a database of the tests' own server. */
    private EmbeddedServers servers() {
        return new EmbeddedServers() {
            @Override
            public Path binariesJar(PostgresBinaries binaries) {
                return target.resolve(binaries.coordinates().replace(':', '_') + ".jar");
            }

            @Override
            public ThrowawayServer start(Path dataDirectory, Path binariesJar, Path serverLog) {
                started.add("start " + dataDirectory);
                return server();
            }

            @Override
            public ThrowawayServer startThrowaway(Path dataDirectory, Path binariesJar, Path serverLog) {
                started.add("throwaway " + dataDirectory);
                return server();
            }
        };
    }

    private static ThrowawayServer server() {
        DataSource database = TestPostgres.freshDatabase("goal_embedded");
        return new ThrowawayServer() {
            @Override
            public DataSource dataSource() {
                return database;
            }

            @Override
            public DataSource createDatabase(String name) {
                return TestPostgres.freshDatabase(name);
            }

            @Override
            public void close() {}
        };
    }

    private static String currentDatabase(DataSource source) {
        try (Connection c = source.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
