package dev.migrate.spring;

import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.command.CommandContext;
import dev.migrate.command.Migrations;
import dev.migrate.command.Project;
import dev.migrate.command.database.RunDatabase;
import dev.migrate.command.output.Output;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.GivenSettings;
import dev.migrate.text.Fixes;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the commands the starter runs at startup on a fleet are given: the application's migrations and database
 * (each builder already carries the DataSource and the run settings), its log ({@code System.Logger}
 * {@code dev.migrate}, which Spring Boot routes to its own), and the plugin's goals as the commands its messages
 * name, for a fix made outside the application.
 */
final class StarterContext {
    private static final MigrationLog LOG = MigrationLog.system();

    /** The logger {@code dev.migrate}, an error as a warning: the failure itself reaches Spring as an exception. */
    private static final Output OUTPUT = new Output() {
        @Override
        public void info(String line) {
            LOG.info(line);
        }

        @Override
        public void warn(String line) {
            LOG.warn(line);
        }

        @Override
        public void error(String line) {
            LOG.warn(line);
        }
    };

    private StarterContext() {}

    /** The context of the application's migrations, which {@code builder} gives with their database. */
    static CommandContext of(Supplier<Migrator.Builder> builder) {
        return CommandContext.of(
                Migrations.of(builder, GivenSettings.on(Face.SPRING_BOOT).resolve())
                        .withTheirDatabase(),
                RunDatabase.announcedTo(OUTPUT, Path::toString, Fixes.COMPILING_GOALS)
                        .build(),
                Project.in(Path.of(""), List.of(), null),
                Fixes.COMPILING_GOALS,
                OUTPUT);
    }
}
