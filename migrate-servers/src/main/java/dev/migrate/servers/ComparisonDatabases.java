package dev.migrate.servers;

import dev.migrate.Migrator;
import dev.migrate.tooling.MigratorTools;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The databases a comparison may use: the one the user configured, if any, and throwaway servers
 * started on demand. Autogenerate, drift, verify and lint close every server they start.
 */
public interface ComparisonDatabases {
    /** The configured database, which must be at the chain's head; empty for the embedded default. */
    Optional<DataSource> configured();

    /** The throwaway server of the default version, known without starting it. */
    ThrowawayVersion defaultVersion();

    /** The throwaway server of PostgreSQL {@code major} (the configured server's), known without starting it. */
    ThrowawayVersion version(int major);

    /** Starts a throwaway server of {@code version}. */
    ThrowawayServer start(ThrowawayVersion version);

    /**
     * These databases, with throwaway servers that have the extensions {@code extensions} ({@link
     * NeededExtensions#of}): the embedded binaries start them only when they carry them all; this, where the
     * servers are not migrate's to pick.
     *
     * <pre>{@code databases.needing(NeededExtensions.of(MigratorTools.of(chain).operations()))}</pre>
     */
    default ComparisonDatabases needing(Set<String> extensions) {
        return this;
    }

    /**
     * These databases, {@linkplain #needing needing} the extensions {@code extensions} gives, asked for once and
     * only when a throwaway server's version or a server itself is: a run that compares on the configured
     * database alone never reads them (reading a chain's operations records every migration).
     *
     * <pre>{@code databases.needingWhenAsked(() -> NeededExtensions.of(MigratorTools.of(chain).operations()))}</pre>
     */
    default ComparisonDatabases needingWhenAsked(Supplier<Set<String>> extensions) {
        return new NeedingWhenAsked(this, extensions);
    }

    /**
     * A throwaway server's version, known without starting it.
     *
     * @param version the version as the log shows it, e.g. {@code 18.6.0}
     * @param serverVersionNum the {@code server_version_num} it reports, e.g. {@code 180006}
     * @param identity what a schema replayed on it depends on, e.g. its binaries' coordinates (version and platform)
     */
    record ThrowawayVersion(String version, String serverVersionNum, String identity) {
        /** The major version, e.g. {@code 18}. */
        public int major() {
            return Integer.parseInt(serverVersionNum) / 10000;
        }
    }

    /** A server nobody keeps: deleted when closed. */
    interface ThrowawayServer extends AutoCloseable {
        /** Its first database. */
        DataSource dataSource();

        /** Creates another, empty database on it. */
        DataSource createDatabase(String name);

        /**
         * Whether migrate started this server itself and deletes it afterwards, so that what belongs to the
         * whole cluster, the roles the migrations grant to, may be made on it; {@code false} for databases
         * made on a server a user configured.
         */
        default boolean startedByMigrate() {
            return false;
        }

        /**
         * Makes the roles {@code chain} names and does not create ({@link MigratorTools#rolesNamed()})
         * on this server, with no rights, before the chain is replayed here; nothing when a user configured
         * the server, where a missing role stays the replay's failure.
         *
         * @param log told of each role made
         */
        default void createRolesOf(Migrator chain, Consumer<String> log) {
            if (startedByMigrate()) {
                MigratorTools.of(chain).createRolesOn(dataSource(), log);
            }
        }

        @Override
        void close();
    }
}
