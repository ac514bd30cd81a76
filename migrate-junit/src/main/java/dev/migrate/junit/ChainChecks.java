package dev.migrate.junit;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.autogen.Autogenerate;
import dev.migrate.autogen.AutogenerateLog;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.autogen.ChainVerifier;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.entity.EntityDdlBridge;
import dev.migrate.autogen.entity.ProviderLog;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.autogen.objects.SqlSchemaFiles;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.command.entity.ProjectEntities;
import dev.migrate.command.entity.SchemaSource;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.tooling.BranchReview;
import dev.migrate.tooling.MigratorTools;
import dev.migrate.tooling.RoundTripCheck;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** The checks behind {@link MigrationChainTests}, each on a fresh database at base. */
final class ChainChecks {
    private final MigrationDatabase database;
    private final ChainSettings settings;
    private final ClassLoader projectClasses;
    private final List<Path> classpath;

    ChainChecks(MigrationDatabase database, ChainSettings settings, ClassLoader projectClasses) {
        this(database, settings, projectClasses, testClasspath());
    }

    /**
     * @param projectClasses where the migrations and the entity packages are looked for
     * @param classpath the project's class path as the sources read it: what it holds to describe the entities (a
     *     JPA provider, Spring Data), and what a main class of source {@code command} runs with
     */
    ChainChecks(MigrationDatabase database, ChainSettings settings, ClassLoader projectClasses, List<Path> classpath) {
        this.database = database;
        this.settings = settings;
        this.projectClasses = projectClasses;
        this.classpath = List.copyOf(classpath);
    }

    void singleHead() {
        // heads a branch label declares are kept apart on purpose, as verify allows them
        BranchReview branches = MigratorTools.of(chain()).branchReview();
        if (!branches.undeclaredHeads().isEmpty()) {
            Assertions.fail(branches.headsError(RevisionInfo::source));
        }
    }

    void upgradesFromBaseToHead() {
        Migrator chain = chain();
        run(() -> database.upgrade("heads"));
        Assertions.assertEquals(
                Set.copyOf(chain.heads()),
                Set.copyOf(database.current()),
                "After upgrading to heads, the database should be at every head of the chain.");
    }

    void everyStepRoundTrips() {
        chain();
        run(() -> new ChainVerifier(
                        database.migrator(),
                        database.dataSource(),
                        settings.schema(),
                        settings.exclude(),
                        TestLog.INSTANCE)
                .verify());
    }

    /**
     * Takes each revision through its round trip, parents first: whatever is in the database after
     * its downgrade that was not there before its upgrade is its leftover. Then downgrades the whole
     * chain to base, which must leave what was there at the start.
     */
    void downgradeToBaseLeavesNothing() {
        Migrator migrator = chain();
        SortedSet<String> atBase = objects();
        Map<String, SortedSet<String>> beforeUpgrade = new HashMap<>();
        run(() -> MigratorTools.of(migrator).roundTrip((revision, stage) -> {
            if (stage == RoundTripCheck.Stage.BEFORE_UPGRADE) {
                beforeUpgrade.put(revision.id(), objects());
            } else if (stage == RoundTripCheck.Stage.DOWNGRADED) {
                SortedSet<String> left = objects();
                left.removeAll(beforeUpgrade.get(revision.id()));
                if (!left.isEmpty()) {
                    Assertions.fail("The downgrade of revision " + revision.id() + " (" + revision.migrationClass()
                            + ") leaves behind what its upgrade created: " + String.join(", ", left)
                            + ". Drop them in its downgrade().");
                }
            }
        }));
        run(() -> migrator.downgrade("base"));
        SortedSet<String> left = objects();
        left.removeAll(atBase);
        if (!left.isEmpty()) {
            Assertions.fail("Downgrading to base leaves " + String.join(", ", left) + " behind.");
        }
    }

    /**
     * The comparison of {@code mvn migrate:check}, with the source of the desired schema the plugin would take
     * ({@link SchemaSource#chosen}): the DDL of the JPA entities or of Spring Data's mapping model, the SQL schema
     * files, or the DDL a program prints, built beside the schema the migrations built, read back and diffed.
     */
    void entitiesMatchSchemaAtHead() {
        ChainSettings.SourceSettings given = settings.source();
        Path project = Path.of("").toAbsolutePath();
        Path sqlDirectory = project.resolve(given.sqlDirectory()).normalize();
        SchemaSource.EntityModels models = new ProjectEntities(
                        entityClasses(), classpath, settings.entityPackages(), null, settings.providerProperties())
                .models(TestLog.INSTANCE::info, COMPILE_AND_RUN, this::jpaEntities);
        SchemaSource source = run(() -> SchemaSource.chosen(given.named(), sqlDirectory, models.missingProvider()));
        if (source == SchemaSource.JPA) {
            Optional<String> missing = models.missingJpa().get();
            Assumptions.assumeTrue(
                    missing.isEmpty(),
                    () -> "Skipped the comparison with the entities: the test class path has " + missing.orElseThrow()
                            + ". Migrations written by hand are checked by the round trips alone.");
        }
        Migrator chain = chain();
        run(() -> database.upgrade("heads"));
        SchemaSource.SourceInputs inputs = new SchemaSource.SourceInputs(
                models, project, classpath, given.command(), given.mainClass(), COMPILE_AND_RUN);
        @Nullable
        SqlSchemaFiles files = source == SchemaSource.SQL
                ? run(() -> SqlSchemaFiles.in(sqlDirectory, given.sqlDirectory().toString()))
                : null;
        AutogenerateRequest.Builder request = AutogenerateRequest.builder(chain, run(() -> source.ddl(inputs, files)))
                .managedSchema(settings.schema())
                .excluding(settings.exclude())
                .versionTables(settings.versionTable(), settings.historyTable());
        if (files != null) {
            request.renames(files.renames()).declaringObjects(files.with(DeclaredObjects.none()));
        }
        MigrationScript diff = run(() ->
                        Autogenerate.run(request.build(), new TestServerDatabases(database), TestLog.INSTANCE))
                .script();
        diff.warnings().forEach(TestLog.INSTANCE::warn);
        List<String> differences = diff.descriptions();
        if (!differences.isEmpty()) {
            Assertions.fail(desired(source, given) + " differ" + (source == SchemaSource.COMMAND ? "s" : "")
                    + " from the schema at head (" + String.join(", ", chain.heads()) + ") in " + differences.size()
                    + " way" + (differences.size() == 1 ? "" : "s") + ":\n  - " + String.join("\n  - ", differences)
                    + "\nWrite the migration with mvn compile migrate:autogenerate"
                    + (given.named().isBlank() ? "" : " -Dmigrate.source=" + source.value())
                    + " -Dmigrate.message=\"...\", or change " + (source == SchemaSource.COMMAND ? "its" : "them")
                    + " back.");
        }
    }

    /** How a failure names the desired schema of {@code source}. */
    private static String desired(SchemaSource source, ChainSettings.SourceSettings given) {
        return switch (source) {
            case JPA -> "The entities";
            case SQL -> "The schema files in " + given.sqlDirectory();
            case SPRING_DATA_JDBC -> "The aggregates of Spring Data's mapping model";
            case COMMAND ->
                "The DDL that "
                        + (given.command().isBlank() ? "the main class " + given.mainClass() : given.command())
                        + " prints";
        };
    }

    /** How a message says to run the comparison again once the project is compiled. */
    private static final String COMPILE_AND_RUN = "mvn test";

    /**
     * The DDL the project's JPA provider writes for the entities of the class directories that hold the entity
     * packages (the provider writes it while the schema at head is read).
     */
    private EntityDdlSource jpaEntities() {
        List<Path> classDirectories = classDirectories();
        EntityDdl entities =
                new EntityDdl(classDirectories, settings.entityPackages(), null, settings.providerProperties());
        return EntityDdlSource.of(entities, classDirectories, major -> {
            List<String> ddl = entitiesDdl(entities, major);
            if (ddl.isEmpty()) {
                Assertions.fail("No JPA entities were found in " + classDirectories
                        + (settings.entityPackages().isEmpty()
                                ? ""
                                : " under the packages " + settings.entityPackages())
                        + ". Name their packages in @MigrationChain(entityPackages = ...).");
            }
            return ddl;
        });
    }

    /**
     * The class directory Spring Data's aggregates are read from: the first that holds the entity packages, else
     * {@code target/classes}, which the source's own message then names.
     */
    private Path entityClasses() {
        List<Path> roots = roots();
        return roots.isEmpty() ? Path.of("target/classes").toAbsolutePath() : roots.get(0);
    }

    /** The chain; a chain with no revision fails every check, naming where it was looked for. */
    private Migrator chain() {
        Migrator migrator = database.migrator();
        if (migrator.revisions().isEmpty()) {
            Assertions.fail(
                    "No migration was found in the packages " + settings.packages() + " on the test class path. Name "
                            + "the package of the migration classes in @MigrationChain(packages = ...).");
        }
        return migrator;
    }

    /**
     * Where the provider looks for entities: the class directories that hold the entity packages,
     * or without them the migration packages ({@code target/classes} in a Maven project).
     */
    private List<Path> classDirectories() {
        List<Path> roots = roots();
        if (roots.isEmpty()) {
            Assertions.fail("No class directory holds the packages " + entityOrMigrationPackages()
                    + ", so the entities cannot be found. "
                    + "Name the packages of the @Entity classes in @MigrationChain(entityPackages = ...).");
        }
        return roots;
    }

    private List<String> entityOrMigrationPackages() {
        return settings.entityPackages().isEmpty() ? settings.packages() : settings.entityPackages();
    }

    /** The class directories that hold the entity packages, or without them the migration packages; maybe none. */
    private List<Path> roots() {
        Set<Path> roots = new LinkedHashSet<>();
        for (String pkg : entityOrMigrationPackages()) {
            String resource = pkg.replace('.', '/');
            try {
                for (URL url : Collections.list(projectClasses.getResources(resource))) {
                    if (!"file".equals(url.getProtocol())) {
                        continue;
                    }
                    Path root = Path.of(url.toURI());
                    for (int i = 0; i < pkg.split("\\.").length && root != null; i++) {
                        root = root.getParent();
                    }
                    if (root != null && Files.isDirectory(root)) {
                        roots.add(root);
                    }
                }
            } catch (IOException | URISyntaxException e) {
                throw new MigrateException(
                        "Could not look for package " + pkg + " on the test class path: " + e.getMessage(), e);
            }
        }
        return List.copyOf(roots);
    }

    private SortedSet<String> objects() {
        return CatalogObjects.of(database.dataSource(), settings);
    }

    private interface Step<T> {
        T run();
    }

    /** Runs a step of the engine; its failure (which names the revision and the statement) fails the test. */
    private static <T> T run(Step<T> step) {
        try {
            return step.run();
        } catch (MigrateException e) {
            return Assertions.fail(e.getMessage(), e);
        }
    }

    private static void run(Runnable step) {
        try {
            step.run();
        } catch (MigrateException e) {
            Assertions.fail(e.getMessage(), e);
        }
    }

    /** The engine's progress lines, through {@code System.Logger} so the project's logging decides what shows. */
    /**
     * The entity DDL, from the JPA provider in a class loader of its own over the test class path, so
     * that its log lines go where {@link TestLog#provider()} sends them (DEBUG of dev.migrate.junit)
     * whatever logging library the project has, and the provider the project's own tests use keeps its
     * logging. Where the class path cannot be read (the bridge is not on it), the test's own loader.
     */
    private List<String> entitiesDdl(EntityDdl entities, int major) {
        URL[] classPath = classpath.stream().map(ChainChecks::url).toArray(URL[]::new);
        try (URLClassLoader own = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            if (own.getResource(EntityDdlBridge.class.getName().replace('.', '/') + ".class") == null
                    || own.getResource(EntityDdl.class.getName().replace('.', '/') + ".class") == null) {
                return entities.generate(projectClasses, major, TestLog.INSTANCE.provider());
            }
            return entities.generateInOwnLoader(own, major, TestLog.INSTANCE.provider());
        } catch (IOException e) {
            throw new MigrateException("Could not close the class loader of the JPA provider: " + e.getMessage(), e);
        }
    }

    /** The test class path, as the JVM was given it (Surefire gives it the project's). */
    private static List<Path> testClasspath() {
        return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(element -> !element.isBlank())
                .map(Path::of)
                .toList();
    }

    private static URL url(Path classPathElement) {
        try {
            return classPathElement.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new MigrateException("The test class path element " + classPathElement + " is not a path.", e);
        }
    }

    enum TestLog implements MigrationLog, AutogenerateLog {
        INSTANCE;

        private static final System.Logger LOGGER = System.getLogger("dev.migrate.junit");

        @Override
        public void info(String line) {
            LOGGER.log(System.Logger.Level.DEBUG, line);
        }

        @Override
        public void warn(String line) {
            LOGGER.log(System.Logger.Level.WARNING, line);
        }

        /**
         * The JPA provider's lines while it writes the entity DDL, at DEBUG of the same logger (its
         * errors at ERROR): its banner and its notice of no connection provider are noise in a test's
         * output, whatever logging library the project has.
         */
        ProviderLog provider() {
            return new ProviderLog() {
                @Override
                public boolean verbose() {
                    return LOGGER.isLoggable(System.Logger.Level.DEBUG);
                }

                @Override
                public void line(java.util.logging.Level level, String message) {
                    LOGGER.log(
                            level.intValue() >= java.util.logging.Level.SEVERE.intValue()
                                    ? System.Logger.Level.ERROR
                                    : System.Logger.Level.DEBUG,
                            message);
                }
            };
        }
    }
}
