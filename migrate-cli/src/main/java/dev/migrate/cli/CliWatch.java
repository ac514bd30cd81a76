package dev.migrate.cli;

import static dev.migrate.cli.CliOption.CLASSPATH;
import static dev.migrate.cli.CliOption.ENTITY_PACKAGES;
import static dev.migrate.cli.CliOption.MESSAGE;
import static dev.migrate.cli.CliOption.PACKAGES;
import static dev.migrate.cli.CliOption.REPLAY_CACHE;
import static dev.migrate.cli.CliOption.SOURCES;
import static dev.migrate.cli.CliOption.WRITE;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.autogen.ComparisonDatabase;
import dev.migrate.autogen.entity.ProviderLog;
import dev.migrate.command.CommandContext;
import dev.migrate.command.entity.ApplicationJpa;
import dev.migrate.command.entity.ProjectEntities;
import dev.migrate.command.entity.ProviderClasses;
import dev.migrate.command.entity.SchemaSource;
import dev.migrate.command.run.ProjectClassLoader;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.command.tooling.Entities;
import dev.migrate.command.tooling.EntityComparison;
import dev.migrate.command.tooling.EntityRequest;
import dev.migrate.command.tooling.SourceRoot;
import dev.migrate.command.watch.WatchCommand;
import dev.migrate.command.watch.WatchSession;
import dev.migrate.text.Fixes;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code migrate watch}: the plugin's {@code migrate:watch} for builds that do not use Maven. The project's compiled
 * classes ({@code --classes}) and the rest of its class path with its JPA provider ({@code --classpath}) are given
 * as paths; the chain is replayed on throwaway databases of {@code --scratch-url}, else on embedded servers started
 * in the build directory above the classes, as the plugin's goal does.
 */
final class CliWatch {
    /** The command, whose defaults the settings take. */
    private static final String WATCH = "watch";

    /** The command line's fixes, where a watch itself writes the migration that autogenerate would. */
    private static final Fixes WATCHING = new Fixes() {
        @Override
        public String command(String command) {
            return command.equals("autogenerate")
                    ? Arguments.PROGRAM + " watch --write"
                    : CliFixes.INSTANCE.command(command);
        }

        @Override
        public String setting(String name, String value) {
            return CliFixes.INSTANCE.setting(name, value);
        }

        @Override
        public boolean offers(String name) {
            return CliFixes.INSTANCE.offers(name);
        }
    };

    private final Cli cli;
    private final Arguments arguments;
    private final MigrationLog log;
    private final Path workingDirectory;
    private final InputStream keys;

    CliWatch(Cli cli, Arguments arguments, MigrationLog log, Path workingDirectory, InputStream keys) {
        this.cli = cli;
        this.arguments = arguments;
        this.log = log;
        this.workingDirectory = workingDirectory;
        this.keys = keys;
    }

    void run() {
        ResolvedSettings given = arguments.settings().resolve();
        EntityRequest request = EntityRequest.of(given, WATCH, workingDirectory, cli::shown);
        Path classes = workingDirectory
                .resolve(Objects.requireNonNull(given.value(SettingsTable.CLASSES, WATCH)))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(classes)) {
            throw new MigrateException("The --classes directory " + classes + " does not exist. Compile the project"
                    + " first, or name the directory its compiler writes the classes to (build/classes/java/main"
                    + " in a Gradle build).");
        }
        List<Path> classpath = classpath(classes);
        Path build = buildDirectory(classes);
        Path objects = request.objectsDirectory();
        Path data = request.dataDirectory();
        String message = arguments.value(MESSAGE);
        WatchCommand.Settings settings = new WatchCommand.Settings(
                arguments.flag(WRITE),
                message == null || message.isBlank() ? WatchCommand.Settings.DEFAULT_MESSAGE : message,
                new SourceRoot(path(SOURCES, "src/main/java"), packages().get(0)),
                false,
                false,
                Objects.requireNonNull(given.value(SettingsTable.WATCH_CYCLES, WATCH)),
                Objects.requireNonNull(given.value(SettingsTable.WATCH_DEBOUNCE, WATCH)));
        ApplicationJpa application = ApplicationJpa.read(classes, System::getProperty, cli.environment(), log::info);
        ProjectEntities entities = new ProjectEntities(
                classes, classpath, application.packagesOr(list(ENTITY_PACKAGES)), null, application.properties());
        SchemaSource.SourceInputs first = inputs(request, classpath, entities, null);
        if (request.source(first) == SchemaSource.JPA) {
            first.entities().missingJpa().get().ifPresent(missing -> {
                throw new MigrateException("The entities cannot be described: " + missing + " Add the JPA provider's"
                        + " jars (Hibernate) to --classpath, or name another --source (sql, command).");
            });
        }
        EntityComparison comparison = EntityComparison.withDefaults(ComparisonDatabase.AUTO);
        try (ProviderClasses provider = ProviderClasses.of(classes, classpath);
                WatchSession session = new WatchCommand(comparison, settings)
                        .start(
                                List.of(classes, objects, data, request.sqlDirectory()),
                                () -> cycle(request, build, classpath, entities, provider),
                                cycleContext(Cli.class.getClassLoader(), build))) {
            if (settings.cycles() == 0) {
                session.writeOnEachLineOf(keys); // Enter writes the migration
            }
            session.run();
        }
    }

    /**
     * Where the caches and the summaries go: the build's own directory above the classes ({@code target} of
     * {@code target/classes}, {@code build} of {@code build/classes/java/main}), else the directory of the classes.
     */
    private static Path buildDirectory(Path classes) {
        for (Path dir = classes.getParent(); dir != null; dir = dir.getParent()) {
            String name = String.valueOf(dir.getFileName());
            if (name.equals("target") || name.equals("build")) {
                return dir;
            }
        }
        return Optional.ofNullable(classes.getParent()).orElse(classes);
    }

    /** The elements of {@code --classpath}, {@code classes} first when it is not among them. */
    private List<Path> classpath(Path classes) {
        List<Path> elements = new ArrayList<>();
        elements.add(classes);
        String value = arguments.value(CLASSPATH);
        if (value != null) {
            for (String entry : value.split(Pattern.quote(File.pathSeparator), -1)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path element =
                        workingDirectory.resolve(entry.strip()).toAbsolutePath().normalize();
                if (!Files.exists(element)) {
                    throw new MigrateException("The --classpath entry " + element + " does not exist. Name the"
                            + " project's dependency jars (with its JPA provider) and directories of classes.");
                }
                if (!element.equals(classes)) {
                    elements.add(element);
                }
            }
        }
        return List.copyOf(elements);
    }

    private Path path(CliOption option, String otherwise) {
        String value = arguments.value(option);
        return workingDirectory
                .resolve(value == null ? otherwise : value)
                .toAbsolutePath()
                .normalize();
    }

    private List<String> list(CliOption option) {
        String value = arguments.value(option);
        return value == null
                ? List.of()
                : Arrays.stream(value.split(",", -1))
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .toList();
    }

    private List<String> packages() {
        List<String> packages = list(PACKAGES);
        return packages.isEmpty() ? List.of("db.migrations") : packages;
    }

    /** One cycle: the project's classes in a class loader made for it, closed with it. */
    private WatchCommand.Cycle cycle(
            EntityRequest request,
            Path build,
            List<Path> classpath,
            ProjectEntities entities,
            ProviderClasses provider) {
        ProjectClassLoader loader =
                ProjectClassLoader.open(classpath.stream().map(Path::toString).toList(), Cli.class.getClassLoader());
        Entities compared = Entities.of(
                chain -> request.builder(
                        chain, inputs(request, classpath, entities, provider), build.resolve("migrate/entity-cache")),
                build.resolve("migrate"));
        return new WatchCommand.Cycle(cycleContext(loader.loader(), build), compared, loader);
    }

    /** What the sources of the desired schema may need of the project; the provider kept for the watch, or null. */
    private SchemaSource.SourceInputs inputs(
            EntityRequest request, List<Path> classpath, ProjectEntities entities, @Nullable ProviderClasses provider) {
        String compileAndRun = "compile the project, then " + Arguments.PROGRAM + " watch";
        return request.inputs(
                entities.models(new CliProviderLog(log), cli.output(log)::info, compileAndRun, provider),
                classpath,
                compileAndRun);
    }

    /**
     * What a cycle's commands are given: throwaway servers in the build directory, the schemas the migrations build
     * kept in its replay cache (or --replay-cache), and the command line's fixes, where a watch writes the migration
     * that autogenerate would.
     */
    private CommandContext cycleContext(ClassLoader classes, Path build) {
        String replayCache = arguments.value(REPLAY_CACHE);
        return cli.context(
                arguments,
                classes,
                null,
                log,
                build.resolve("migrate"),
                replayCache == null ? build.resolve("migrate/replay-cache") : workingDirectory.resolve(replayCache),
                WATCHING);
    }

    /** The provider's own lines: its errors always, the rest with --verbose. */
    private record CliProviderLog(MigrationLog log) implements ProviderLog {
        @Override
        public boolean verbose() {
            return false;
        }

        @Override
        public void line(Level level, String line) {
            if (level.intValue() >= Level.SEVERE.intValue()) {
                log.warn(line);
            }
        }
    }
}
