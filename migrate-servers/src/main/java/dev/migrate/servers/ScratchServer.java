package dev.migrate.servers;

import dev.migrate.MigrateException;
import dev.migrate.connection.ConnectingDataSource;
import dev.migrate.tooling.MigratorTools;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The command line's throwaway servers: a PostgreSQL server it may create databases on ({@code --scratch-url}),
 * where each throwaway server is a database of its own, {@code migrate_scratch_<random>}, dropped when closed, and
 * marked migrate's own ({@link MigratorTools#OWN_SERVER_SETTING}) as a server migrate starts is.
 * The command line ships no PostgreSQL binaries, so the server of the URL stands for every version asked: one of
 * another major version is refused with the fix, as the schema a replay reads is the server version's.
 */
public final class ScratchServer implements ComparisonDatabases {
    private final ConnectingDataSource server;
    private final @Nullable DataSource configured;
    private @Nullable ThrowawayVersion version;

    /**
     * Throwaway servers on {@code server} when one is given, else those {@code embedded} starts.
     *
     * @param configured the database the command compares, which the comparison may read; null for none
     */
    public static ComparisonDatabases orEmbedded(
            Optional<ConnectingDataSource> server,
            @Nullable DataSource configured,
            Supplier<EmbeddedThrowaways> embedded) {
        return server.isPresent()
                ? new ScratchServer(server.get(), configured)
                : embedded.get().comparisonDatabases(configured);
    }

    /**
     * @param server the server of {@code --scratch-url}
     * @param configured the database the command compares, which the comparison may read; null for none
     */
    public ScratchServer(ConnectingDataSource server, @Nullable DataSource configured) {
        this.server = server;
        this.configured = configured;
    }

    @Override
    public Optional<DataSource> configured() {
        return Optional.ofNullable(configured);
    }

    @Override
    public ThrowawayVersion defaultVersion() {
        ThrowawayVersion known = version;
        if (known == null) {
            known = read();
            version = known;
        }
        return known;
    }

    @Override
    public ThrowawayVersion version(int major) {
        ThrowawayVersion scratch = defaultVersion();
        if (scratch.major() != major) {
            throw new MigrateException("The database is PostgreSQL " + major + ", and the server of "
                    + server.target().origin() + " (" + server.target().url().hosts() + ") is PostgreSQL "
                    + scratch.version()
                    + ": the chain is replayed on the database's own major version, whose catalog reads alike. "
                    + "Give --scratch-url a PostgreSQL " + major + " server where this role may create databases. "
                    + "Nothing was compared.");
        }
        return scratch;
    }

    @Override
    public ThrowawayServer start(ThrowawayVersion version) {
        String name = "migrate_scratch_"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        Scratch scratch = new Scratch(name);
        scratch.create(name);
        return scratch;
    }

    private ThrowawayVersion read() {
        try (Connection c = server.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT current_setting('server_version')," + " current_setting('server_version_num')")) {
            rs.next();
            String shown = rs.getString(1);
            int space = shown.indexOf(' ');
            String number = space < 0 ? shown : shown.substring(0, space);
            return new ThrowawayVersion(number, rs.getString(2), "scratch server PostgreSQL " + rs.getString(2));
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the version of the server of "
                            + server.target().origin() + " ("
                            + server.target().url().hosts() + "): " + e.getMessage(),
                    e);
        }
    }

    /** One throwaway server: a database and those created beside it, all dropped on close. */
    private final class Scratch implements ThrowawayServer {
        private final String name;
        private final List<String> created = new ArrayList<>();

        Scratch(String name) {
            this.name = name;
        }

        @Override
        public DataSource dataSource() {
            return server.onSameServer(name);
        }

        @Override
        public DataSource createDatabase(String suffix) {
            String database = name + "_" + suffix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            create(database);
            return server.onSameServer(database);
        }

        void create(String database) {
            execute("CREATE DATABASE " + database);
            created.add(database);
            // migrate's own, as the embedded servers are: a replay's downgrade there needs no consent under an agent,
            // and the user's databases on the same server stay theirs
            execute("ALTER DATABASE " + database + " SET " + MigratorTools.OWN_SERVER_SETTING + " = on");
        }

        @Override
        public void close() {
            List<String> left = new ArrayList<>();
            for (int i = created.size() - 1; i >= 0; i--) {
                String database = created.get(i);
                try {
                    execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                } catch (MigrateException e) {
                    left.add(database);
                }
            }
            if (!left.isEmpty()) {
                throw new MigrateException("Could not drop the throwaway database" + (left.size() == 1 ? " " : "s ")
                        + String.join(", ", left) + " on the server of "
                        + server.target().origin() + " ("
                        + server.target().url().hosts() + "): drop " + (left.size() == 1 ? "it" : "them")
                        + " by hand with DROP DATABASE.");
            }
        }

        private void execute(String sql) {
            try (Connection c = server.getConnection();
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new MigrateException(
                        "Could not run " + sql + " on the server of "
                                + server.target().origin() + " ("
                                + server.target().url().hosts()
                                + "): " + e.getMessage() + ". --scratch-url names a server where this role may "
                                + "create and drop databases (CREATEDB); give it one, such as a PostgreSQL in a "
                                + "container of the CI job.",
                        e);
            }
        }
    }
}
