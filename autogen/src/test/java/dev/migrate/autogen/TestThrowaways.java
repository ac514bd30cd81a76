package dev.migrate.autogen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A configured database or none, and throwaway servers that are fresh databases on the tests'
 * server (its version), each counted; their databases are listed.
 */
public final class TestThrowaways implements ComparisonDatabases {
    private final @Nullable DataSource configured;
    /** Whether the servers stand for ones migrate starts, or for databases on a server a user configured. */
    private final boolean startedByMigrate;
    /** The major of the servers, or null for the tests' default server. */
    private final @Nullable Integer major;

    int started;
    final List<String> databases = new ArrayList<>();

    public TestThrowaways(@Nullable DataSource configured) {
        this(configured, true);
    }

    public TestThrowaways(@Nullable DataSource configured, boolean startedByMigrate) {
        this(configured, startedByMigrate, null);
    }

    private TestThrowaways(@Nullable DataSource configured, boolean startedByMigrate, @Nullable Integer major) {
        this.configured = configured;
        this.startedByMigrate = startedByMigrate;
        this.major = major;
    }

    /** Throwaway servers of PostgreSQL {@code major} (one of {@link TestPostgres#ALL_MAJORS}), no configured database. */
    public static TestThrowaways ofMajor(int major) {
        return new TestThrowaways(null, true, major);
    }

    @Override
    public Optional<DataSource> configured() {
        return Optional.ofNullable(configured);
    }

    @Override
    public ThrowawayVersion defaultVersion() {
        try (Connection c = (major == null
                                ? TestPostgres.freshDatabase("pipeline_version")
                                : TestPostgres.freshDatabase(major, "pipeline_version"))
                        .getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT current_setting('server_version'), current_setting('server_version_num')")) {
            rs.next();
            return new ThrowawayVersion(rs.getString(1), rs.getString(2), "the tests' server");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ThrowawayVersion version(int major) {
        ThrowawayVersion version = defaultVersion();
        assertThat(version.major()).isEqualTo(major);
        return version;
    }

    @Override
    public synchronized ThrowawayServer start(ThrowawayVersion version) {
        started++;
        DataSource first = database("pipeline_throwaway");
        return new ThrowawayServer() {
            @Override
            public DataSource dataSource() {
                return first;
            }

            @Override
            public DataSource createDatabase(String name) {
                return database(name);
            }

            @Override
            public boolean startedByMigrate() {
                return startedByMigrate;
            }

            @Override
            public void close() {
                // the tests' server keeps its databases until the JVM ends
            }
        };
    }

    private synchronized DataSource database(String prefix) {
        if (major != null) {
            databases.add(prefix + " on PostgreSQL " + major);
            return TestPostgres.freshDatabase(major, prefix);
        }
        String name = TestPostgres.createDatabase(prefix);
        databases.add(name);
        return TestPostgres.dataSource(name);
    }
}
