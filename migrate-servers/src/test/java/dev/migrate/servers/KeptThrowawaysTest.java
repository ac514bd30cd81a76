package dev.migrate.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.servers.ComparisonDatabases.ThrowawayServer;
import dev.migrate.servers.ComparisonDatabases.ThrowawayVersion;
import dev.migrate.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watch's cycles share one throwaway server, each on a database of its own: told as a sequence of comparisons on
 * the same kept servers, each of which must find the server as a fresh one would be (no database, no role an earlier
 * comparison made), and a server that cannot be cleaned replaced by a fresh one.
 */
class KeptThrowawaysTest {
    @TempDir
    Path logs;

    /** Every server the stand-in for the embedded binaries started, in order. */
    private final List<ThrowawayServer> started = new ArrayList<>();

    private final KeptThrowaways kept = new KeptThrowaways();

    @AfterEach
    void stop() {
        kept.close();
    }

    @Test
    void comparisonsOneAfterAnotherShareOneServerAndEachFindsItFresh() throws Exception {
        ComparisonDatabases databases = kept.keeping(embedded());
        String firstDatabase;
        try (ThrowawayServer first = databases.start(databases.defaultVersion())) {
            TestPostgres.execute(first.dataSource(), "CREATE TABLE replayed (id int)");
            TestPostgres.execute(first.dataSource(), "CREATE ROLE app_reader");
            TestPostgres.execute(first.createDatabase("entities"), "CREATE TABLE built (id int)");
            firstDatabase = name(first.dataSource());
        }
        try (ThrowawayServer second = databases.needing(Set.of()).start(databases.defaultVersion())) {
            assertThat(started).hasSize(1);
            assertThat(name(second.dataSource())).isNotEqualTo(firstDatabase);
            assertThat(tables(second.dataSource())).isEmpty();
            // the role the first comparison made is gone: a chain that creates it replays again
            TestPostgres.execute(second.dataSource(), "CREATE ROLE app_reader");
            assertThat(databasesOn(started.get(0)))
                    .as("the first comparison's databases are dropped")
                    .noneMatch(d -> d.startsWith(firstDatabase));
        }
        kept.settle();
        // what is left is the database made for the next comparison, fresh
        List<String> left = databasesOn(started.get(0)).stream()
                .filter(d -> d.startsWith("migrate_use_"))
                .toList();
        assertThat(left).hasSize(1).doesNotContain(firstDatabase);
        assertThat(roles(started.get(0))).doesNotContain("app_reader");
        try (ThrowawayServer third = databases.start(databases.defaultVersion())) {
            assertThat(name(third.dataSource()))
                    .as("the next comparison takes it")
                    .isEqualTo(left.get(0));
            assertThat(tables(third.dataSource())).isEmpty();
        }
    }

    @Test
    void theNextComparisonsFirstConnectionIsTheOneReadiedAheadAndTheRestAreNew() throws Exception {
        List<String> readied = new ArrayList<>();
        try (KeptThrowaways warm = new KeptThrowaways(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMPORARY TABLE warming (id int)"); // the session's, gone with it
                s.execute("DROP TABLE warming");
                try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    readied.add(rs.getString(1));
                }
            }
        })) {
            ComparisonDatabases databases = warm.keeping(embedded());
            try (ThrowawayServer first = databases.start(databases.defaultVersion())) {
                assertThat(readied)
                        .as("the first comparison's database is made for it")
                        .isEmpty();
                TestPostgres.execute(first.dataSource(), "CREATE TABLE built (id int)");
            }
            warm.settle();
            assertThat(readied).hasSize(1);
            try (ThrowawayServer second = databases.start(databases.defaultVersion())) {
                assertThat(query(second.dataSource(), "SELECT pg_backend_pid()"))
                        .as("its first connection is the one readied")
                        .containsExactly(readied.get(0));
                assertThat(query(second.dataSource(), "SELECT pg_backend_pid()"))
                        .as("the next is new")
                        .doesNotContain(readied.get(0));
                assertThat(tables(second.dataSource())).isEmpty();
            }
            warm.settle();
            assertThat(readied).as("the next comparison's connection readied").hasSize(2);
            assertThat(query(started.get(0).dataSource(), "SELECT pid::text FROM pg_stat_activity"))
                    .contains(readied.get(1))
                    .doesNotContain(readied.get(0));
        }
        assertThat(started).hasSize(1);
    }

    @Test
    void rolesMadeWhileAnotherComparisonIsOpenStayUntilTheLastCloses() throws Exception {
        ComparisonDatabases databases = kept.keeping(embedded());
        ThrowawayServer replay = databases.start(databases.defaultVersion());
        try (ThrowawayServer entities = databases.start(databases.defaultVersion())) {
            assertThat(name(entities.dataSource())).isNotEqualTo(name(replay.dataSource()));
            TestPostgres.execute(replay.dataSource(), "CREATE ROLE app_writer");
        }
        assertThat(roles(started.get(0))).as("the replay still open needs it").contains("app_writer");
        replay.close();
        kept.settle();
        assertThat(roles(started.get(0))).doesNotContain("app_writer");
        assertThat(started).hasSize(1);
    }

    @Test
    void aServerThatCannotBeCleanedIsStoppedAndTheNextComparisonStartsAnother() throws Exception {
        ComparisonDatabases databases = kept.keeping(embedded());
        ThrowawayServer first = databases.start(databases.defaultVersion());
        // a role that owns a table outside the comparison's databases cannot be dropped
        TestPostgres.execute(first.dataSource(), "CREATE ROLE stuck");
        TestPostgres.execute(started.get(0).dataSource(), "CREATE TABLE held (id int)");
        TestPostgres.execute(started.get(0).dataSource(), "ALTER TABLE held OWNER TO stuck");
        first.close();
        kept.settle();
        DataSource stopped = started.get(0).dataSource();
        assertThatThrownBy(() -> TestPostgres.execute(stopped, "SELECT 1")).isInstanceOf(SQLException.class);
        try (ThrowawayServer second = databases.start(databases.defaultVersion())) {
            assertThat(started).hasSize(2);
            assertThat(roles(started.get(1))).doesNotContain("stuck");
            TestPostgres.execute(second.dataSource(), "SELECT 1");
        }
    }

    @Test
    void closingStopsTheServersKept() {
        ComparisonDatabases databases = kept.keeping(embedded());
        databases.start(databases.defaultVersion()).close();
        DataSource server = started.get(0).dataSource();
        kept.close();
        assertThatThrownBy(() -> TestPostgres.execute(server, "SELECT 1")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> databases.start(databases.defaultVersion())).isInstanceOf(IllegalStateException.class);
    }

    /**
     * A watch ended by Ctrl+C ends its JVM with a server kept: the server is stopped and its data deleted all the same,
     * though the launcher's own exit hook stops it at the same time (its data was deleted while the server still
     * wrote it, which left it running).
     */
    @Test
    void aJvmThatEndsWithAServerKeptStopsItAndDeletesItsData() throws Exception {
        Process jvm = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EndingWithAServerKept.class.getName(),
                        logs.toString())
                .redirectErrorStream(true)
                .start();
        List<String> output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(jvm.waitFor()).as(String.join("\n", output)).isZero();
        Path data = output.stream()
                .filter(line -> line.startsWith("data "))
                .map(line -> Path.of(line.substring("data ".length())))
                .findFirst()
                .orElseThrow(() -> new AssertionError(String.join("\n", output)));
        assertThat(data).as(String.join("\n", output)).doesNotExist();
        assertThat(output).noneMatch(line -> line.contains("Exception"));
    }

    /** Keeps a server, prints where its data is, and ends the JVM without closing anything, as Ctrl+C does. */
    static final class EndingWithAServerKept {
        public static void main(String[] args) throws Exception {
            KeptThrowawaysTest test = new KeptThrowawaysTest();
            test.logs = Path.of(args[0]);
            ComparisonDatabases databases = test.kept.keeping(test.embedded());
            try (ThrowawayServer use = databases.start(databases.defaultVersion())) {
                TestPostgres.execute(use.dataSource(), "CREATE TABLE replayed (id int)");
            }
            System.out.println("data "
                    + query(test.started.get(0).dataSource(), "SELECT current_setting('data_directory')")
                            .iterator()
                            .next());
            System.exit(0);
        }
    }

    /** Throwaway servers of the test binaries, each a server of its own, counted as they start. */
    private ComparisonDatabases embedded() {
        ThrowawayVersion version = new ThrowawayVersion("test", "180000", "the test binaries");
        return new ComparisonDatabases() {
            @Override
            public Optional<DataSource> configured() {
                return Optional.empty();
            }

            @Override
            public ThrowawayVersion defaultVersion() {
                return version;
            }

            @Override
            public ThrowawayVersion version(int major) {
                return version;
            }

            @Override
            public ThrowawayServer start(ThrowawayVersion asked) {
                try {
                    ThrowawayServer server = EmbeddedServer.startForTests(Files.createTempFile(logs, "server", ".log"));
                    started.add(server);
                    return server;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    private static String name(DataSource database) throws SQLException {
        return query(database, "SELECT current_database()").iterator().next();
    }

    private static Set<String> tables(DataSource database) throws SQLException {
        return query(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
    }

    private static Set<String> databasesOn(ThrowawayServer server) throws SQLException {
        return query(server.dataSource(), "SELECT datname FROM pg_database");
    }

    private static Set<String> roles(ThrowawayServer server) throws SQLException {
        return query(server.dataSource(), "SELECT rolname FROM pg_roles");
    }

    /** The rows of {@code sql}'s first column on {@code database}, as a set. */
    private static Set<String> query(DataSource database, String sql) throws SQLException {
        return new TreeSet<>(TestPostgres.query(database, sql));
    }
}
