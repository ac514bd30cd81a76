package dev.migrate.command.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.autogen.ComparisonDatabase;
import dev.migrate.autogen.entity.ProviderLog;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.command.CommandContext;
import dev.migrate.command.Migrations;
import dev.migrate.command.Project;
import dev.migrate.command.RecordingOutput;
import dev.migrate.command.TestFixes;
import dev.migrate.command.database.ConnectionResolver;
import dev.migrate.command.database.RunDatabase;
import dev.migrate.command.entity.ProjectEntities;
import dev.migrate.command.entity.ProviderClasses;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.GivenSettings;
import dev.migrate.command.tooling.AutogenerateCommand;
import dev.migrate.command.tooling.Entities;
import dev.migrate.command.tooling.EntityComparison;
import dev.migrate.command.tooling.OtherModules;
import dev.migrate.command.tooling.SourceRoot;
import dev.migrate.testing.TestPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;

/**
 * A project as a watch sees it, in a directory of a test: entity sources compiled into {@code target/classes}
 * with the JDK's compiler, migrations written to {@code src/main/java} and compiled there too, declared objects
 * in {@code src/main/resources/db/objects}, caches in {@code target/migrate}; on the embedded default, its
 * throwaway servers databases of their own on the tests' server, dropped when closed.
 */
final class WatchedProject {
    final String entities;
    final String migrations;

    final Path root;
    final Path classes;
    final Path sources;
    final Path objects;
    final Path caches;
    /** Rename hints, as {@code -Dmigrate.renames} gives them. */
    final Map<String, String> renames = new HashMap<>();
    /** The provider's classes kept across cycles, or none: loaded with the project's each time. */
    @Nullable
    ProviderClasses provider;
    /** The configured database, a database of the tests' server at head; null: the embedded default. */
    @Nullable
    String configured;
    /**
     * Whether throwaway servers are embedded servers started as a user's watch starts them, rather than databases on
     * the tests' server.
     */
    boolean embeddedThrowaways;
    /** Whether the entity side is cached; without, the provider describes the entities every cycle. */
    boolean entityCache = true;
    /** The next cycles that fail as they open, before anything is compared. */
    final java.util.concurrent.atomic.AtomicInteger failingCycles = new java.util.concurrent.atomic.AtomicInteger();
    /** Library jars on the project's class path, after its classes. */
    final List<Path> jars = new ArrayList<>();
    /** Class directories and jars of migration modules whose entities join the project's model, as a build finds them. */
    final List<Path> entityModules = new ArrayList<>();
    /** The migration module the project's classes declare, or none: an application without modules. */
    @Nullable
    String module;
    /** The build's other modules, as a reactor shows them to the module's comparison. */
    OtherModules others = OtherModules.UNSEEN;
    /** Each cycle's class loader, weakly. */
    final List<java.lang.ref.WeakReference<ClassLoader>> cycleLoaders = new ArrayList<>();

    WatchedProject(Path root) throws IOException {
        this(root, "app", "app.migrations");
    }

    WatchedProject(Path root, String entities, String migrations) throws IOException {
        this.root = root;
        this.entities = entities;
        this.migrations = migrations;
        this.classes = Files.createDirectories(root.resolve("target/classes"));
        this.sources = Files.createDirectories(root.resolve("src/main/java"));
        this.objects = Files.createDirectories(root.resolve("src/main/resources/db/objects"));
        this.caches = root.resolve("target/migrate");
    }

    /**
     * Declares the project's migrations package as module {@code name}, after the modules {@code dependsOn}: its
     * annotated package-info compiled, its module.properties in the classes, as {@code migrate:module} writes it.
     */
    void declareModule(String name, String dependsOn) {
        module = name;
        compile(write(
                root.resolve("src/main/java/" + migrations.replace('.', '/') + "/package-info.java"),
                "@dev.migrate.annotations.MigrationModule(name = \"" + name + "\")\npackage " + migrations + ";\n"));
        write(
                classes.resolve("META-INF/migrate/module.properties"),
                "name=" + name + "\npackage=" + migrations + "\ndependsOn=" + dependsOn + "\n");
    }

    EntityComparison comparison() {
        return EntityComparison.withDefaults(ComparisonDatabase.AUTO);
    }

    WatchCommand.Settings settings(boolean write) {
        return new WatchCommand.Settings(
                write,
                WatchCommand.Settings.DEFAULT_MESSAGE,
                new SourceRoot(sources, migrations),
                false,
                false,
                0,
                Duration.ofMillis(100));
    }

    /** Writes the source of entity {@code name} in package {@code app} and compiles it; {@code body} the class body. */
    void entity(String name, String body) {
        compile(source(name, body));
    }

    /** Compiles entity {@code name} into {@code directory}, beside the project, to copy into the classes later. */
    void entityInto(Path directory, String name, String body) {
        compile(source(name, body), directory);
    }

    /** As {@link #entity(String, String)}, the class annotated with {@code annotations} too. */
    void entity(String annotations, String name, String body) {
        compile(source(annotations, name, body));
    }

    private Path source(String name, String body) {
        return source("", name, body);
    }

    private Path source(String annotations, String name, String body) {
        String source = "package app;\nimport jakarta.persistence.*;\n@Entity @Table(name = \""
                + name.toLowerCase(java.util.Locale.ROOT) + "\") " + annotations + "\npublic class " + name + " {\n"
                + body + "\n}\n";
        return write(root.resolve("src/main/java/app/" + name + ".java"), source);
    }

    /** Deletes entity {@code name}: its source and its class file, as a build does. */
    void deleteEntity(String name) throws IOException {
        Files.delete(root.resolve("src/main/java/app/" + name + ".java"));
        Files.delete(classes.resolve("app/" + name + ".class"));
    }

    /** Declares the objects of {@code file} in the objects directory. */
    void declare(String file, String sql) {
        write(objects.resolve(file), sql);
    }

    /** Compiles the migration written at {@code source} into the classes, so the chain holds it. */
    void compileMigration(Path source) {
        compile(source);
    }

    /** Compiles every migration written into the sources, so the chain holds them. */
    void compileMigrations() throws IOException {
        try (Stream<Path> written = Files.list(sources.resolve(migrations.replace('.', '/')))) {
            written.forEach(this::compileMigration);
        }
    }

    /**
     * Writes the migration of what differs between the entities and the chain's head, as {@code autogenerate} does in
     * a cycle of its own; the lines it printed.
     */
    List<String> autogenerate(String message) {
        List<String> lines = new ArrayList<>();
        try (WatchCommand.Cycle cycle = cycle(lines)) {
            new AutogenerateCommand(comparison(), message, settings(true).sources(), false, false)
                    .run(cycle.context(), cycle.entities());
        }
        return lines;
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void compile(Path source) {
        compile(source, classes, jars);
    }

    /** Compiles {@code sources} into the classes, as a build does. */
    void compileAll(List<Path> sources) {
        List<String> arguments = new ArrayList<>(List.of(
                "-proc:none",
                "-nowarn",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString()));
        sources.forEach(source -> arguments.add(source.toString()));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
        assertThat(status).as("javac").isZero();
    }

    private static void compile(Path source, Path classes) {
        compile(source, classes, List.of());
    }

    /**
     * Compiles {@code source} into {@code classes}, {@code jars} on the class path before the test's and after the
     * classes compiled there before (an entity that references another).
     */
    private static void compile(Path source, Path classes, List<Path> jars) {
        List<String> classpath = new ArrayList<>();
        classpath.add(classes.toString());
        jars.forEach(jar -> classpath.add(jar.toString()));
        classpath.add(System.getProperty("java.class.path"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(
                null,
                null,
                null,
                "-proc:none",
                "-nowarn",
                "-classpath",
                String.join(File.pathSeparator, classpath),
                "-d",
                classes.toString(),
                source.toString());
        assertThat(status).as("javac of " + source).isZero();
    }

    /** The project's class path for the entities: its classes, then the provider and every library of the test. */
    List<Path> classpath() {
        List<Path> elements = new ArrayList<>();
        elements.add(classes);
        elements.addAll(jars);
        for (String element : Pattern.compile(Pattern.quote(File.pathSeparator))
                .splitAsStream(System.getProperty("java.class.path"))
                .toList()) {
            if (element.endsWith(".jar")) {
                elements.add(Path.of(element));
            }
        }
        return elements;
    }

    /** The state of the caches, to run a command on the same state twice. */
    Path saveCaches(Path copy) throws IOException {
        deleteTree(copy);
        copyTree(caches, copy);
        return copy;
    }

    void restoreCaches(Path copy) throws IOException {
        deleteTree(caches);
        copyTree(copy, caches);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path file : tree.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path file : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Starts {@code watch} on the project: its own lines to {@code watchLines}, each cycle's to {@code cycleLines}. */
    WatchSession start(WatchCommand watch, List<String> watchLines, List<String> cycleLines) {
        return watch.start(
                List.of(classes, objects),
                () -> cycle(cycleLines),
                context(new RecordingOutput(watchLines), WatchedProject.class.getClassLoader()));
    }

    /** One cycle (or one plain command): a fresh class loader over the classes, closed with it. */
    WatchCommand.Cycle cycle(List<String> lines) {
        if (failingCycles.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
            throw new MigrateException("The project's classes could not be loaded: a class file is incomplete.");
        }
        URLClassLoader loader;
        try {
            List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
            for (Path jar : jars) {
                urls.add(jar.toUri().toURL());
            }
            loader = new URLClassLoader(
                    "migrate-project", urls.toArray(URL[]::new), WatchedProject.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        cycleLoaders.add(new java.lang.ref.WeakReference<>(loader));
        // the entity side's thread prints too (the provider's line) while the chain's side prints its own
        RecordingOutput output = new RecordingOutput(lines);
        Entities entities = Entities.of(
                        chain -> {
                            ProjectEntities project = new ProjectEntities(
                                    classes,
                                    classpath(),
                                    List.of(WatchedProject.this.entities),
                                    null,
                                    Map.of(),
                                    entityModules);
                            AutogenerateRequest.Builder request = AutogenerateRequest.builder(
                                            chain,
                                            project.ddl(
                                                    ProviderLog.QUIET, output::info, "test compile check", provider))
                                    .managedSchema("public")
                                    .renames(Map.copyOf(renames))
                                    .declaringObjects(DeclaredObjects.in(
                                            objects, root.relativize(objects).toString()));
                            return entityCache ? request.entityCacheIn(caches.resolve("entity-cache")) : request;
                        },
                        caches)
                .ofModule(java.util.Optional.ofNullable(module))
                .beside(others);
        return new WatchCommand.Cycle(context(output, loader), entities, loader);
    }

    /**
     * A context over the project's migrations in {@code loader}: the configured database when one is set, throwaway
     * servers as databases made on the tests' server, the replay cache in {@code caches}.
     */
    private CommandContext context(RecordingOutput output, ClassLoader loader) {
        Properties given = new Properties();
        if (configured != null) {
            given.setProperty("migrate.url", TestPostgres.jdbcUrl(configured));
        }
        return CommandContext.of(
                        Migrations.of(
                                () -> Migrator.builder()
                                        .classLoader(loader)
                                        .packages(migrations)
                                        .log(output.asMigrationLog()), // as the faces log a run's progress
                                GivenSettings.on(Face.COMMAND_LINE).resolve()),
                        throwaways(RunDatabase.announcedTo(output, this::shown, TestFixes.INSTANCE)
                                        .configuredBy(
                                                new ConnectionResolver(Map.of(), given, serverId -> {
                                                    throw new IllegalStateException("no server ids here");
                                                }),
                                                ConnectionResolver.NONE))
                                .build(),
                        Project.in(root, List.of(), null),
                        TestFixes.INSTANCE,
                        output)
                .keepingReplaysIn(caches.resolve("replay-cache"));
    }

    /** Throwaway servers as databases on the tests' server, or embedded servers as a user's watch starts them. */
    private RunDatabase.Builder throwaways(RunDatabase.Builder database) {
        return embeddedThrowaways
                ? database.withThrowaways(new RunDatabase.Embedded(null, root.resolve("target/migrate/pgdata"), true))
                : database.onScratchServer(TestPostgres.jdbcUrl("postgres"));
    }

    private String shown(Path path) {
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }
}
