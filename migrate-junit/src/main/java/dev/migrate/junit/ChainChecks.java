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
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** The checks behind {@link MigrationChainTests}, each on a fresh database at base. */
final class ChainChecks {
    private final MigrationDatabase database;
    private final ChainSettings settings;
    private final ClassLoader projectClasses;

    /** Where a project without JPA keeps its schema as SQL files, as the plugin's {@code source.sql.dir} default. */
    static final Path SCHEMA_FILES = Path.of("src/main/resources/db/schema");

    private final Path schemaFiles;

    ChainChecks(MigrationDatabase database, ChainSettings settings, ClassLoader projectClasses) {
        this(database, settings, projectClasses, SCHEMA_FILES);
    }

    /** @param schemaFiles the SQL schema files compared when the class path has no JPA provider */
    ChainChecks(MigrationDatabase database, ChainSettings settings, ClassLoader projectClasses, Path schemaFiles) {
        this.database = database;
        this.settings = settings;
        this.projectClasses = projectClasses;
        this.schemaFiles = schemaFiles;
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
     * The comparison of {@code mvn migrate:check}: the DDL the project's JPA provider writes for the
     * entities, built in a scratch schema beside the schema the migrations built, read back and diffed
     * (the provider writes it while the schema at head is read).
     */
    void entitiesMatchSchemaAtHead() {
        Optional<String> missing = EntityDdl.missingJpa(projectClasses);
        if (missing.isPresent() && SqlSchemaFiles.present(schemaFiles)) {
            schemaFilesMatchSchemaAtHead();
            return;
        }
        Assumptions.assumeTrue(
                missing.isEmpty(),
                () -> "Skipped the comparison with the entities: the test class path has " + missing.orElseThrow()
                        + ". Migrations written by hand are checked by the round trips alone.");
        Migrator chain = chain();
        run(() -> database.upgrade("heads"));
        List<Path> classDirectories = classDirectories();
        EntityDdl entities =
                new EntityDdl(classDirectories, settings.entityPackages(), null, settings.providerProperties());
        EntityDdlSource entityDdl = EntityDdlSource.of(entities, classDirectories, major -> {
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
        AutogenerateRequest request = AutogenerateRequest.builder(chain, entityDdl)
                .managedSchema(settings.schema())
                .excluding(settings.exclude())
                .versionTables(settings.versionTable(), settings.historyTable())
                .build();
        MigrationScript diff = run(() -> Autogenerate.run(request, new TestServerDatabases(database), TestLog.INSTANCE))
                .script();
        diff.warnings().forEach(TestLog.INSTANCE::warn);
        List<String> differences = diff.descriptions();
        if (!differences.isEmpty()) {
            Assertions.fail("The entities differ from the schema at head (" + String.join(", ", chain.heads()) + ") in "
                    + differences.size() + " way" + (differences.size() == 1 ? "" : "s") + ":\n  - "
                    + String.join("\n  - ", differences)
                    + "\nWrite the migration with mvn compile migrate:autogenerate "
                    + "-Dmigrate.message=\"...\", or change the entities back.");
        }
    }

    /**
     * The comparison of {@code mvn migrate:check -Dmigrate.source=sql}: the project's SQL schema files, applied on a
     * new database and read back, against the schema the migrations build.
     */
    private void schemaFilesMatchSchemaAtHead() {
        Migrator chain = chain();
        run(() -> database.upgrade("heads"));
        SqlSchemaFiles files = SqlSchemaFiles.in(schemaFiles.toAbsolutePath(), schemaFiles.toString());
        AutogenerateRequest request = AutogenerateRequest.builder(chain, EntityDdlSource.none(files.key()))
                .managedSchema(settings.schema())
                .excluding(settings.exclude())
                .versionTables(settings.versionTable(), settings.historyTable())
                .renames(files.renames())
                .declaringObjects(files.with(DeclaredObjects.none()))
                .build();
        List<String> differences = run(() ->
                        Autogenerate.run(request, new TestServerDatabases(database), TestLog.INSTANCE))
                .script()
                .descriptions();
        if (!differences.isEmpty()) {
            Assertions.fail("The schema files in " + schemaFiles + " differ from the schema at head ("
                    + String.join(", ", chain.heads()) + ") in " + differences.size() + " way"
                    + (differences.size() == 1 ? "" : "s") + ":\n  - " + String.join("\n  - ", differences)
                    + "\nWrite the migration with mvn compile migrate:autogenerate -Dmigrate.source=sql "
                    + "-Dmigrate.message=\"...\", or change the files back.");
        }
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
        List<String> packages = settings.entityPackages().isEmpty() ? settings.packages() : settings.entityPackages();
        Set<Path> roots = new LinkedHashSet<>();
        for (String pkg : packages) {
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
        if (roots.isEmpty()) {
            Assertions.fail("No class directory holds the packages " + packages + ", so the entities cannot be found. "
                    + "Name the packages of the @Entity classes in @MigrationChain(entityPackages = ...).");
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
        URL[] classPath = Arrays.stream(
                        System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(element -> !element.isBlank())
                .map(ChainChecks::url)
                .toArray(URL[]::new);
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

    private static URL url(String classPathElement) {
        try {
            return Path.of(classPathElement).toUri().toURL();
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
