package dev.migrate.command;

import dev.migrate.Migrator;
import dev.migrate.command.database.RunDatabase;
import dev.migrate.command.output.Output;
import dev.migrate.connection.ConnectingDataSource;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.servers.NeededExtensions;
import dev.migrate.text.Fixes;
import dev.migrate.tooling.MigratorTools;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Everything a command is given, as one value: the project's migrations with the run's settings, the database and
 * throwaway servers those settings name, the project, how the face spells commands and settings ({@link Fixes}),
 * and the output. Every face makes one from what it was given and what only it knows (the Maven project, the
 * console, the Spring DataSource); a command takes it and never calls back into the face.
 *
 * <pre>{@code
 * CommandContext context = CommandContext.of(migrations, database, project, fixes, output);
 * new CurrentCommand(false, true).run(null, context);
 * }</pre>
 *
 * @param migrations the project's migrations with the run's settings
 * @param database the database the settings configure, and the throwaway servers
 * @param project the project's directory, source roots and build directory
 * @param fixes how messages name a command or a setting, as the face spells them
 * @param output where the command's lines and result go
 * @param replays where the schema each revision replays to is kept between runs; null: replayed every run
 */
public record CommandContext(
        Migrations migrations,
        RunDatabase database,
        Project project,
        Fixes fixes,
        Output output,
        @Nullable Path replays) {

    public CommandContext {
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(fixes, "fixes");
        Objects.requireNonNull(output, "output");
    }

    /** A context that replays every run. */
    public static CommandContext of(
            Migrations migrations, RunDatabase database, Project project, Fixes fixes, Output output) {
        return new CommandContext(migrations, database, project, fixes, output, null);
    }

    /** This context, keeping the schema each revision replays to in {@code directory}; null: none. */
    public CommandContext keepingReplaysIn(@Nullable Path directory) {
        return new CommandContext(migrations, database, project, fixes, output, directory);
    }

    /** This context, its command's lines and result going to {@code output}. */
    public CommandContext withOutput(Output output) {
        return new CommandContext(migrations, database, project, fixes, output, replays);
    }

    /**
     * A builder over the migrations with every run setting, without a database.
     *
     * @param online whether it will run on databases (rather than write SQL or only read the graph)
     */
    public Migrator.Builder migrations(boolean online) {
        return migrations.builder(online);
    }

    /** Runs {@code work} with {@code migrations(true)} on the run's database: the configured one, or one it starts. */
    public void onDatabase(Consumer<Migrator.Builder> work) {
        onDatabase(null, work);
    }

    /**
     * Runs {@code work} with {@code migrations(true)} on the run's database.
     *
     * @param changing the command, when it changes the database (see {@link RunDatabase#withDataSource})
     */
    public void onDatabase(@Nullable String changing, Consumer<Migrator.Builder> work) {
        if (migrations.database()) {
            work.accept(migrations(true));
        } else {
            // the embedded database, when none is configured, is migrate's own: its server says so
            // (MigratorTools.OWN_SERVER_SETTING), and its destructive runs need no consent under a coding agent
            database.withDataSource(
                    changing, (name, dataSource) -> work.accept(migrations(true).dataSource(dataSource)));
        }
    }

    /** Runs {@code work} with the run's database, only read, and how messages name it. */
    public void withDataSource(BiConsumer<String, DataSource> work) {
        database.withDataSource(null, work);
    }

    /** The configured database, announced; empty: none. */
    public Optional<ConnectingDataSource> configuredDatabase() {
        return database.configured();
    }

    /** {@code work}'s result, the configured database's connections reused within it ({@link RunDatabase#keepingConnections}). */
    public <T> T keepingConnections(Supplier<T> work) {
        return database.keepingConnections(work);
    }

    /**
     * {@code configured} (null for none) and the throwaway servers of the run, which have the extensions the
     * migrations create or use, read from their operations without rendering them ({@link NeededExtensions#of}).
     */
    public ComparisonDatabases databases(@Nullable DataSource configured) {
        Migrator chain;
        try {
            chain = migrations(false).build();
        } catch (RuntimeException e) {
            // a chain that cannot be read fails as it did, in the command that reads it
            return database.comparisonDatabases(configured);
        }
        return databases(configured, chain);
    }

    /**
     * As {@link #databases(DataSource)}, with the extensions read from {@code chain}, the run's own, when a
     * throwaway server is first asked for: what it records for them it keeps for its fingerprint and its
     * statements, which are then not recorded again; a comparison on the configured database alone records nothing.
     */
    public ComparisonDatabases databases(@Nullable DataSource configured, Migrator chain) {
        return database.comparisonDatabases(configured).needingWhenAsked(() -> {
            try {
                return NeededExtensions.of(MigratorTools.of(chain).operations());
            } catch (RuntimeException e) {
                return Set.of(); // a chain that cannot be read fails as it did, in the command that reads it
            }
        });
    }

    /** Where the schema each revision replays to is kept between runs; empty: replayed every run. */
    public Optional<Path> replayCache() {
        return Optional.ofNullable(replays);
    }

    /** {@code path} as messages show it: relative to the project when it is inside it. */
    public String shown(Path path) {
        return project.shown(path);
    }

    /** Where a migration class's source is, as the user finds it. */
    public String source(String className) {
        return project.source(className);
    }
}
