package dev.migrate.command.watch;

import static dev.migrate.command.settings.SettingsTable.CLASSES;
import static dev.migrate.command.settings.SettingsTable.CREDENTIALS_PROVIDER;
import static dev.migrate.command.settings.SettingsTable.LARGE_TABLE_ROWS;
import static dev.migrate.command.settings.SettingsTable.MESSAGE;
import static dev.migrate.command.settings.SettingsTable.ONLINE;
import static dev.migrate.command.settings.SettingsTable.OUTPUT;
import static dev.migrate.command.settings.SettingsTable.REPLAY_CACHE_DIRECTORY;
import static dev.migrate.command.settings.SettingsTable.SAFE;
import static dev.migrate.command.settings.SettingsTable.SOURCE_DIRECTORY;
import static dev.migrate.command.settings.SettingsTable.WATCH_CYCLES;
import static dev.migrate.command.settings.SettingsTable.WATCH_DEBOUNCE;
import static dev.migrate.command.settings.SettingsTable.WATCH_WRITE;

import dev.migrate.command.CommandContext;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.command.tooling.Entities;
import dev.migrate.command.tooling.EntityComparison;
import dev.migrate.command.tooling.SourceRoot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code watch}: stays running, and after each change of the compiled classes or the declared objects prints
 * what {@code check} says of the entities and the schema at head; with {@code write}, or when asked
 * ({@link WatchSession#requestWrite()}), writes the migration as {@code autogenerate} does:
 * {@code try (WatchSession session = new WatchCommand(comparison, settings).start(watched, cycles, context)) {
 * session.run(); }}.
 *
 * <p>One JVM serves every cycle: the provider's classes stay loaded (and compiled by the JIT), the caches of both
 * sides stay warm, the throwaway servers stay up ({@link dev.migrate.servers.KeptThrowaways}), and only the
 * project's own classes are loaded again, each cycle in a class loader of its own that nothing keeps afterwards.
 *
 * @param comparison how the entities are compared with the schema at head
 * @param settings what is watched for, and what a cycle does
 */
public record WatchCommand(EntityComparison comparison, Settings settings) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.database("watch")
            .and(EntityComparison.ROWS)
            .and(
                    MESSAGE,
                    SOURCE_DIRECTORY,
                    SAFE,
                    ONLINE,
                    WATCH_WRITE,
                    WATCH_CYCLES,
                    WATCH_DEBOUNCE,
                    CLASSES,
                    REPLAY_CACHE_DIRECTORY)
            .withThrowawayServers()
            .notOnCommandLine(CREDENTIALS_PROVIDER, LARGE_TABLE_ROWS, OUTPUT);

    public WatchCommand {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * What a cycle does and how long the watch lasts.
     *
     * @param write every cycle writes the migration ({@code autogenerate}) instead of printing the check
     * @param message the written migration's message, which also names its class
     * @param sources where a written migration goes
     * @param safe written changes take their lock-safe form ({@code autogenerate}'s {@code safe})
     * @param online written changes take their online form ({@code autogenerate}'s {@code online})
     * @param cycles the watch stops after this many cycles, the first (at start) included; 0: when stopped
     * @param debounce how long the files must stay unchanged before a burst of writes counts as one change
     */
    public record Settings(
            boolean write,
            String message,
            SourceRoot sources,
            boolean safe,
            boolean online,
            int cycles,
            Duration debounce) {
        /** The message of a migration written by {@code watch} when none is given. */
        public static final String DEFAULT_MESSAGE = "schema changes";

        /** The time a burst of class files must settle by default: a compiler writes them within milliseconds. */
        public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(150);

        public Settings {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(sources, "sources");
            Objects.requireNonNull(debounce, "debounce");
            if (cycles < 0) {
                throw new IllegalArgumentException("cycles must be 0 (until stopped) or more, not " + cycles);
            }
        }
    }

    /**
     * One cycle's project: the migrations and entities in a class loader made for it, and what closes it.
     *
     * @param context the cycle's context: its migrations over the fresh class loader
     * @param entities the cycle's entities, over the same loader
     * @param resources closed when the cycle ends: the class loader
     */
    public record Cycle(CommandContext context, Entities entities, AutoCloseable resources) implements AutoCloseable {
        @Override
        public void close() {
            try {
                resources.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not close the cycle's classes", e);
            }
        }
    }

    /**
     * Starts watching {@code watched} (the compiled classes and the declared objects), each cycle over what
     * {@code cycles} opens (nothing runs until {@link WatchSession#run()} or {@link WatchSession#cycle}).
     */
    public WatchSession start(List<Path> watched, Supplier<Cycle> cycles, CommandContext context) {
        return new WatchSession(this, watched, cycles, context);
    }
}
