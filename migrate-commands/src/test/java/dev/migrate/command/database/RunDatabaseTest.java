package dev.migrate.command.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.StepDirection;
import dev.migrate.command.output.Output;
import dev.migrate.connection.ConnectingDataSource;
import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import dev.migrate.servers.EmbeddedServers;
import dev.migrate.servers.PostgresBinaries;
import dev.migrate.testing.TestPostgres;
import dev.migrate.text.Fixes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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

/** Which database a run talks to: the configured one, or the embedded default, announced alike by every face. */
class RunDatabaseTest {
    @TempDir
    Path target;

    private final List<String> log = new ArrayList<>();
    private final List<String> started = new ArrayList<>();

    @Test
    void aConfiguredDatabaseIsAnnouncedAndUsedAndTheEmbeddedOneNeverStarts() throws SQLException {
        String database = TestPostgres.createDatabase("goal_database");
        RunDatabase goal = goal(Map.of("MIGRATE_DATABASE_URL", TestPostgres.jdbcUrl(database)));
        assertThat(goal.isConfigured()).isTrue();
        String described = "localhost:" + TestPostgres.port() + ", database " + database + ", user postgres";
        assertThat(goal.configuredName()).isEqualTo(described);

        goal.connectAhead();
        List<String> names = new ArrayList<>();
        goal.withDataSource("upgrade", (name, source) -> {
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

    /**
     * A comparison reads the configured database on several connections one after another (whether it is at head,
     * then its catalog): asked for twice, the configured database is one data source, announced once, and within
     * {@code keepingConnections} the connections closed are handed to the next to ask, so the run logs in once.
     */
    @Test
    void theConfiguredDatabaseIsOneSourceAnnouncedOnceWhoseConnectionsAKeepingRunReuses() throws SQLException {
        String database = TestPostgres.createDatabase("kept_logins");
        RunDatabase goal = goal(Map.of("MIGRATE_DATABASE_URL", TestPostgres.jdbcUrl(database)));
        ConnectingDataSource source = goal.configured().orElseThrow();
        assertThat(goal.configured()).containsSame(source);

        List<Integer> backends =
                goal.keepingConnections(() -> List.of(backend(source), backend(source), backend(source)));

        assertThat(backends)
                .as("one session, one login, serves the three reads")
                .containsOnly(backends.get(0));
        assertThat(log).hasSize(1).allMatch(line -> line.startsWith("Using PostgreSQL at "));
        // outside such a run each connection is a login of its own, closed when its user closes it
        int alone = backend(source);
        assertThat(alone).isNotEqualTo(backends.get(0)).isNotEqualTo(backend(source));
    }

    @Test
    void withoutAUrlTheEmbeddedDatabaseStartsOnItsDataDirectoryAfterAWarningToACommandThatChangesIt() {
        RunDatabase goal = goal(Map.of());
        assertThat(goal.isConfigured()).isFalse();
        assertThat(goal.configuredName()).isEmpty();
        assertThat(goal.configured()).isEmpty();
        assertThat(goal.hasDatabase()).isFalse();

        List<String> order = new ArrayList<>();
        goal.withDataSource("upgrade", (name, source) -> {
            order.add(name);
            assertThat(currentDatabase(source)).isNotEmpty();
        });

        Path data = target.resolve("pgdata").toAbsolutePath();
        assertThat(order).containsExactly("the embedded database in shown:" + data);
        assertThat(started).containsExactly("start " + data);
        assertThat(log)
                .containsExactly(
                        "WARNING *** No database URL is configured: migrate:upgrade changes the EMBEDDED database in "
                                + target.resolve("pgdata") + ", not your server. To use your server, set the database"
                                + " URL (-Dmigrate.url, MIGRATE_DATABASE_URL, DATABASE_URL or <url>), or, if the"
                                + " embedded database is what you want, set <embedded>true</embedded> or"
                                + " -Dmigrate.embedded=true. ***",
                        "No database URL is configured, so this goal uses an embedded PostgreSQL 18.6.0 with"
                                + " its data in " + data
                                + " (set <url>, -Dmigrate.url or MIGRATE_DATABASE_URL to use your own server).");
    }

    /**
     * A server already running on the data directory ({@code quarkus dev} on {@code target/migrate/pgdata}) holds its
     * lock, so a second one could not start there: the goal uses the running one, sees what it holds, and leaves it
     * running.
     */
    @Test
    void anEmbeddedServerAlreadyRunningOnTheDataDirectoryIsSharedAndLeftRunning() throws Exception {
        Path data = Files.createDirectories(target.resolve("pgdata"));
        try (EmbeddedPostgres devMode = TestPostgres.ownServer(data, Map.of());
                Connection c = devMode.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE made_by_dev_mode (id int)");

            List<String> seen = new ArrayList<>();
            goal(Map.of()).withDataSource("upgrade", (name, source) -> {
                seen.add(name);
                seen.add(query(source, "SELECT count(*) FROM made_by_dev_mode"));
            });

            assertThat(started).as("no second server starts").isEmpty();
            assertThat(seen).containsExactly("the embedded database in shown:" + data.toAbsolutePath(), "0");
            assertThat(log)
                    .last()
                    .isEqualTo("No database URL is configured, so this goal uses the embedded PostgreSQL that is"
                            + " already running on its data in " + data.toAbsolutePath() + " (port "
                            + devMode.getPort() + ", started by quarkus dev or another goal), and leaves it running"
                            + " (set <url>, -Dmigrate.url or MIGRATE_DATABASE_URL to use your own server).");
            assertThat(query(devMode.getPostgresDatabase(), "SELECT 1"))
                    .as("still running")
                    .isEqualTo("1");
        }
    }

    /** A {@code postmaster.pid} that a crash left behind, naming no running process, is no server: one starts. */
    @Test
    void aPidFileOfNoRunningServerIsNotShared() throws Exception {
        Path data = Files.createDirectories(target.resolve("pgdata"));
        Files.writeString(data.resolve("postmaster.pid"), "999999999\n" + data + "\n0\n" + TestPostgres.port() + "\n");
        goal(Map.of()).withDataSource(null, (name, source) -> {});
        assertThat(started).containsExactly("start " + data.toAbsolutePath());
    }

    @Test
    void inCiACommandThatChangesTheEmbeddedDatabaseIsRefusedBeforeItStarts() {
        RunDatabase goal = goal(Map.of("CI", "true"));
        assertThatThrownBy(() -> goal.withDataSource("upgrade", (name, source) -> {}))
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("No database URL is configured and this build runs in CI (CI=true), so"
                        + " migrate:upgrade refuses to change the embedded database");
        assertThat(started).isEmpty();
        // reading is allowed: only a change could deploy to the wrong database
        goal.withDataSource(null, (name, source) -> {});
        assertThat(started).hasSize(1);
    }

    /**
     * The embedded binaries carry PostgreSQL's contrib modules only: a migration that creates pgvector's extension
     * fails there with PostgreSQL's own error, which the failure keeps, and says what no fix of the migration can.
     */
    @Test
    void anExtensionTheEmbeddedServerLacksIsNamedWithTheWayOut() {
        RunDatabase goal = goal(Map.of());
        assertThatThrownBy(() ->
                        goal.withDataSource("upgrade", (name, source) -> failing(source, "CREATE EXTENSION vector")))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageStartingWith("Migration 1 (documents) failed during upgrade.\nERROR: extension \"vector\"")
                .hasMessageContaining("\nThe server lacks the extension vector: no database URL is configured, so this"
                        + " goal ran on the embedded PostgreSQL "
                        + PostgresBinaries.forThisMachine(null).version()
                        + ", whose binaries carry PostgreSQL's contrib modules only, and no change to the migration"
                        + " makes it have vector. ")
                .hasMessageEndingWith(", and give its URL: -Dmigrate.url=jdbc:postgresql://host:5432/app or"
                        + " MIGRATE_DATABASE_URL.")
                .satisfies(e ->
                        assertThat(((MigrationFailedException) e).revision()).isEqualTo("1"));

        // any other failure is left as it is
        assertThatThrownBy(() -> goal.withDataSource("upgrade", (name, source) -> failing(source, "CREATE TABLE (")))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageNotContaining("extension");
    }

    /** A migration's failure on {@code sql}, as the engine reports it, with the server's error as its cause. */
    private static void failing(DataSource source, String sql) {
        try (Connection c = source.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new MigrationFailedException(
                    "Migration 1 (documents) failed during upgrade.\n" + e.getMessage(), e, "1", StepDirection.UPGRADE);
        }
        throw new AssertionError(sql + " ran on the embedded server");
    }

    @Test
    void aCommandThatOnlyReadsUsesTheEmbeddedDatabaseWithoutAWarning() {
        goal(Map.of()).withDataSource(null, (name, source) -> {});
        assertThat(log).noneMatch(line -> line.startsWith("WARNING"));
    }

    @Test
    void aFaceWithoutAnEmbeddedDefaultNamesTheSettingThatGivesTheDatabase() {
        RunDatabase database = RunDatabase.announcedTo(new Recording(log), path -> "shown:" + path, CLI)
                .configuredBy(resolver(Map.of()), ConnectionResolver.NONE)
                .build();
        assertThatThrownBy(() -> database.withDataSource("upgrade", (name, source) -> {}))
                .isInstanceOf(MigrateException.class)
                .hasMessage("No database is given: pass --url jdbc:postgresql://host:5432/app, or set the environment"
                        + " variable MIGRATE_DATABASE_URL (or DATABASE_URL). The command line starts no embedded"
                        + " database; --sql prints the script without one.");
        assertThat(started).isEmpty();
    }

    @Test
    void theEmbeddedDatabaseCountsOnceItHoldsData() throws Exception {
        Files.createDirectories(target.resolve("pgdata"));
        Files.writeString(target.resolve("pgdata/PG_VERSION"), "18\n");
        assertThat(goal(Map.of()).hasDatabase()).isTrue();
    }

    @Test
    void aThrowawayServerStartsBesideTheDataDirectoryOfTheVersionAsked() {
        RunDatabase goal = goal(Map.of());
        try (ThrowawayServer server = goal.comparisonDatabases(null)
                .start(goal.comparisonDatabases(null).version(16))) {
            assertThat(currentDatabase(server.dataSource())).isNotEmpty();
        }
        assertThat(started).singleElement().asString().startsWith("throwaway " + target.toAbsolutePath());
        assertThat(log).singleElement().asString().startsWith("Starting a throwaway embedded PostgreSQL 16.");
    }

    @Test
    void aMisspeltEmbeddedVersionFailsBeforeAnythingStarts() {
        RunDatabase goal = RunDatabase.announcedTo(new Recording(log), path -> "shown:" + path, Fixes.GOALS)
                .configuredBy(resolver(Map.of()), ConnectionResolver.NONE)
                .withEmbeddedDefault(new RunDatabase.Embedded("12", target.resolve("pgdata"), false), false)
                .throwawaysFrom(servers())
                .build();
        assertThatThrownBy(goal::check)
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("The embeddedPostgresVersion '12' is PostgreSQL 12");
        assertThat(started).isEmpty();
    }

    private RunDatabase goal(Map<String, String> environment) {
        return RunDatabase.announcedTo(new Recording(log), path -> "shown:" + path, Fixes.GOALS)
                .configuredBy(resolver(environment), ConnectionResolver.NONE)
                .withEmbeddedDefault(new RunDatabase.Embedded(null, target.resolve("pgdata"), false), false)
                .throwawaysFrom(servers())
                .build();
    }

    /** The command line's spelling of the two settings a missing database names. */
    private static final Fixes CLI = new Fixes() {
        @Override
        public String setting(String name, String value) {
            return name.equals("sql") ? "--sql" : "--" + name + " " + value;
        }
    };

    /** Lines as the tests read them, warnings marked. */
    private record Recording(List<String> lines) implements Output {
        @Override
        public void info(String line) {
            lines.add(line);
        }

        @Override
        public void warn(String line) {
            lines.add("WARNING " + line);
        }

        @Override
        public void error(String line) {
            lines.add("ERROR " + line);
        }
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

    private static String query(DataSource source, String sql) {
        try (Connection c = source.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** The server process of a new connection from {@code source}, which is closed after. */
    private static int backend(DataSource source) {
        try (Connection c = source.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
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
