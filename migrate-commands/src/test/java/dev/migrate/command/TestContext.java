package dev.migrate.command;

import dev.migrate.Migrator;
import dev.migrate.command.database.ConnectionResolver;
import dev.migrate.command.database.RunDatabase;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.GivenSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Contexts as a face makes them, for the commands' tests: lines recorded ({@link RecordingOutput}), commands and
 * settings spelled {@code test upgrade} and {@code --target head} ({@link TestFixes}).
 */
public final class TestContext {
    private TestContext() {}

    /** The migrations {@code builders} gives, each builder carrying its database (as the starter's do). */
    public static CommandContext over(RecordingOutput output, Supplier<Migrator.Builder> builders) {
        return CommandContext.of(
                Migrations.of(builders, GivenSettings.on(Face.COMMAND_LINE).resolve())
                        .withTheirDatabase(),
                RunDatabase.announcedTo(output, Path::toString, TestFixes.INSTANCE)
                        .build(),
                Project.in(Path.of(""), List.of(), null),
                TestFixes.INSTANCE,
                output);
    }

    /**
     * The migrations {@code builders} gives, on the database of {@code url} (as {@code -Dmigrate.url} gives it; null:
     * none), what a run keeps going below {@code buildDirectory}.
     */
    public static CommandContext onUrl(
            RecordingOutput output, @Nullable String url, Path buildDirectory, Supplier<Migrator.Builder> builders) {
        return onUrl(output, url, null, buildDirectory, builders);
    }

    /**
     * The migrations {@code builders} gives, on the database of {@code url}, their throwaway servers databases made
     * on the scratch server of {@code scratchUrl} (as {@code --scratch-url} gives it; null: embedded ones).
     */
    public static CommandContext onUrl(
            RecordingOutput output,
            @Nullable String url,
            @Nullable String scratchUrl,
            Path buildDirectory,
            Supplier<Migrator.Builder> builders) {
        Properties given = new Properties();
        if (url != null) {
            given.setProperty("migrate.url", url);
        }
        RunDatabase.Builder database = RunDatabase.announcedTo(output, Path::toString, TestFixes.INSTANCE)
                .configuredBy(
                        new ConnectionResolver(Map.of(), given, serverId -> {
                            throw new IllegalStateException("no server ids here");
                        }),
                        ConnectionResolver.NONE);
        if (scratchUrl != null) {
            database.onScratchServer(scratchUrl);
        }
        return CommandContext.of(
                Migrations.of(builders, GivenSettings.on(Face.COMMAND_LINE).resolve()),
                database.build(),
                Project.in(buildDirectory, List.of(), buildDirectory),
                TestFixes.INSTANCE,
                output);
    }
}
