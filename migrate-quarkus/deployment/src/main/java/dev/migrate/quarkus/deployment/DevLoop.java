package dev.migrate.quarkus.deployment;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.autogen.ComparisonDatabase;
import dev.migrate.autogen.entity.ProviderLog;
import dev.migrate.command.CommandContext;
import dev.migrate.command.Migrations;
import dev.migrate.command.Project;
import dev.migrate.command.database.RunDatabase;
import dev.migrate.command.entity.ApplicationJpa;
import dev.migrate.command.entity.ProjectEntities;
import dev.migrate.command.entity.ProviderClasses;
import dev.migrate.command.entity.SchemaSource;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.output.Output;
import dev.migrate.command.run.ProjectClassLoader;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.command.tooling.AutogenerateCommand;
import dev.migrate.command.tooling.CheckCommand;
import dev.migrate.command.tooling.Entities;
import dev.migrate.command.tooling.EntityComparison;
import dev.migrate.command.tooling.EntityRequest;
import dev.migrate.command.tooling.SourceRoot;
import dev.migrate.text.Fixes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * The dev loop inside {@code quarkus dev}: the application's entities compared with the schema its chain of
 * revisions builds, as {@code mvn migrate:check} compares them (drops, renames, types, hazards), and the migration
 * written on request, as {@code mvn migrate:autogenerate} writes it. The chain is replayed on throwaway embedded
 * servers started in the build directory; nothing touches the application's database. The Dev UI's card and the
 * dev console's {@code migrate} command run it.
 *
 * <p>The desired schema comes from where {@code quarkus.migrate.source} says, as for {@code mvn migrate:check}: the
 * entities by default, SQL schema files with {@code sql}, a program's DDL with {@code command}.
 *
 * <pre>{@code new DevLoop(layout, packages, settings).check().text()}</pre>
 *
 * @param layout where the application's sources, classes and dependencies are
 * @param packages the packages of the default datasource's revisions
 * @param settings the default datasource's settings, as the application's configuration gives them
 */
record DevLoop(Layout layout, List<String> packages, ResolvedSettings settings) {
    /** How the dev loop's messages say to make the classes again and compare. */
    private static final String SAVE_AND_RUN = "save the entity (quarkus dev compiles it)";

    /** The message of a migration written without one. */
    static final String DEFAULT_MESSAGE = "schema changes";

    /**
     * How the dev loop's messages name what to run: the Dev UI's button, or the console's key {@code M}
     * ({@code MigrateDevProcessor.consoleKeys}), which write the migration.
     */
    static final Fixes FIXES = new Fixes() {
        @Override
        public String command(String command) {
            // the restart applies what was written: a goal in another terminal is not the way in dev mode
            return switch (command) {
                case "autogenerate" ->
                    "the Dev UI's \"Write the migration\" (or the key M in the console of quarkus dev)";
                case "upgrade" ->
                    "the application again (quarkus dev restarts with it on the next request, or the key s, and "
                            + SettingsTable.MIGRATE_AT_START.spelled(Face.QUARKUS) + "=true applies it)";
                default -> Fixes.COMPILING_GOALS.command(command);
            };
        }

        @Override
        public String setting(String name, String value) {
            return name.equals("message") ? "with its message" : Fixes.GOALS.setting(name, value);
        }
    };

    /**
     * Where an application's parts are.
     *
     * @param project the project's directory
     * @param build its build directory ({@code target})
     * @param classes its compiled classes ({@code target/classes})
     * @param classpath its runtime dependencies (with its JPA provider), in order
     */
    record Layout(Path project, Path build, Path classes, List<Path> classpath) {}

    /**
     * What a run said.
     *
     * @param differences each difference between the entities and the schema at head, as the log words it
     * @param written the migrations written, as the project shows their files
     * @param failed whether it stopped on an error (differences found by a check included), which {@code text} ends
     *     with
     * @param text its lines
     */
    record Report(List<String> differences, List<String> written, boolean failed, String text) {
        Report {
            differences = List.copyOf(differences);
            written = List.copyOf(written);
        }
    }

    /** Compares the entities with the schema at head. */
    Report check() {
        return run((context, entities) ->
                new CheckCommand(EntityComparison.withDefaults(ComparisonDatabase.AUTO)).run(context, entities));
    }

    /** Writes the migration that takes the schema at head to the entities', with {@code message}. */
    Report write(String message) {
        String described = message == null || message.isBlank() ? DEFAULT_MESSAGE : message;
        return run((context, entities) -> new AutogenerateCommand(
                        EntityComparison.withDefaults(ComparisonDatabase.AUTO),
                        described,
                        new SourceRoot(layout.project().resolve("src/main/java"), packages.get(0)),
                        false,
                        false)
                .run(context, entities));
    }

    private interface Command {
        void run(CommandContext context, Entities entities);
    }

    private Report run(Command command) {
        List<String> lines = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        List<String> written = new ArrayList<>();
        Output output = new Output() {
            @Override
            public void result(CommandResult result) {
                if (result instanceof CommandResult.Checked checked) {
                    checked.differences().forEach(d -> differences.add(d.description()));
                } else if (result instanceof CommandResult.Generated generated) {
                    generated.changes().forEach(d -> differences.add(d.description()));
                    generated.written().forEach(w -> written.add(w.file()));
                }
            }

            @Override
            public void info(String line) {
                lines.add(line);
            }

            @Override
            public void warn(String line) {
                lines.add("WARNING: " + line);
            }

            @Override
            public void error(String line) {
                lines.add("ERROR: " + line);
            }
        };
        List<Path> classpath = new ArrayList<>();
        classpath.add(layout.classes());
        classpath.addAll(layout.classpath());
        ApplicationJpa application = ApplicationJpa.read(
                layout.classes(), name -> name.equals("quarkus.profile") ? "dev" : null, System.getenv(), lines::add);
        ProjectEntities entities = new ProjectEntities(
                layout.classes(), classpath, application.packages(), null, application.properties());
        try (ProviderClasses provider = ProviderClasses.of(layout.classes(), classpath);
                ProjectClassLoader loader = ProjectClassLoader.open(
                        classpath.stream().map(Path::toString).toList(), new MigrateOnly())) {
            Path migrate = layout.build().resolve("migrate");
            // the dev loop keeps every other default of the comparison: the managed schema public, db/objects, db/data
            EntityRequest request = EntityRequest.of(settings, "watch", layout.project(), Path::toString);
            SchemaSource.SourceInputs inputs =
                    request.inputs(entities.models(QUIET, lines::add, SAVE_AND_RUN, provider), classpath, SAVE_AND_RUN);
            if (request.source(inputs) == SchemaSource.JPA) {
                inputs.entities().missingJpa().get().ifPresent(missing -> {
                    throw new MigrateException("The entities cannot be described: " + missing
                            + " Add quarkus-hibernate-orm to the application, or set "
                            + SettingsTable.SOURCE.spelled(Face.QUARKUS) + " to sql, command or spring-data-jdbc.");
                });
            }
            Entities compared =
                    Entities.of(chain -> request.builder(chain, inputs, migrate.resolve("entity-cache")), migrate);
            command.run(context(loader.loader(), output), compared);
            return new Report(differences, written, false, String.join("\n", lines));
        } catch (MigrateException e) {
            lines.add(String.valueOf(e.getMessage()));
            return new Report(differences, written, true, String.join("\n", lines));
        }
    }

    /** What the commands are given: the chain in {@code classes}, throwaway servers in the build directory. */
    private CommandContext context(ClassLoader classes, Output output) {
        Path migrate = layout.build().resolve("migrate");
        return CommandContext.of(
                        Migrations.of(
                                () -> Migrator.builder().classLoader(classes).packages(packages.toArray(String[]::new)),
                                settings),
                        RunDatabase.announcedTo(
                                        output,
                                        path -> layout.project()
                                                .relativize(path)
                                                .toString(),
                                        FIXES)
                                .withThrowaways(new RunDatabase.Embedded(null, migrate.resolve("pgdata"), true))
                                .build(),
                        Project.in(
                                layout.project(), List.of(layout.project().resolve("src/main/java")), layout.build()),
                        FIXES,
                        output)
                .keepingReplaysIn(migrate.resolve("replay-cache"));
    }

    /**
     * The parent of the application's class loader: migrate's own classes as the comparison has them (so a revision
     * is the {@code Migration} it is cast to), the JDK's, and nothing else, so that the application's classes and
     * libraries come from its class path, never from the loaders of Quarkus's build, which may hold other copies.
     */
    private static final class MigrateOnly extends ClassLoader {
        MigrateOnly() {
            super("migrate-classes", ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith("dev.migrate.")) {
                return Class.forName(name, false, Migration.class.getClassLoader());
            }
            throw new ClassNotFoundException(name);
        }
    }

    /** The provider's own lines are left out: its errors reach the report as the command's failure. */
    private static final ProviderLog QUIET = new ProviderLog() {
        @Override
        public boolean verbose() {
            return false;
        }

        @Override
        public void line(Level level, String line) {}
    };
}
