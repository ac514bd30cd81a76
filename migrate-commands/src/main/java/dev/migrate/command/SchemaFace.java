package dev.migrate.command;

import dev.migrate.autogen.ComparisonDatabases;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What a face gives the commands that read schemas: its configured database, the throwaway servers it can
 * start, and where the schemas the migrations build are kept between runs.
 */
public interface SchemaFace extends CommandFace {
    /** The configured database, announced; empty: none (the face's default, if it has one, is its own affair). */
    Optional<? extends DataSource> configuredDatabase();

    /** {@code configured} (null for none) and the throwaway servers the face can start. */
    ComparisonDatabases databases(@Nullable DataSource configured);

    /** Where the schema each revision replays to is kept between runs; empty: replayed every run. */
    Optional<Path> replayCache();
}
