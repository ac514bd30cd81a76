package dev.migrate.maven;

import dev.migrate.autogen.ComparisonDatabases;
import dev.migrate.command.SchemaFace;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A goal as a face of the commands that read schemas: the configured database, throwaway embedded servers, and
 * {@code target/migrate/replay-cache} when the goal keeps it.
 */
class SchemaMojoFace extends MojoFace implements SchemaFace {
    SchemaMojoFace(DatabaseGoal database, ClassLoader projectClasses) {
        super(database, projectClasses);
    }

    @Override
    public Optional<? extends DataSource> configuredDatabase() {
        return database().database().configured();
    }

    @Override
    public ComparisonDatabases databases(@Nullable DataSource configured) {
        return database().database().comparisonDatabases(configured);
    }

    @Override
    public Optional<Path> replayCache() {
        return database().replayCache();
    }
}
