package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.SchemaComparison;
import dev.migrate.autogen.diff.DataMeasurements;
import dev.migrate.autogen.diff.MigrationScript;
import dev.migrate.autogen.diff.RenameDecider;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.entity.EntitySchemaCache;
import dev.migrate.autogen.entity.ReplayedSchemaCache;
import dev.migrate.autogen.schema.ObjectName;
import dev.migrate.autogen.write.ChangeNotes;
import dev.migrate.internal.MigratorInternals;
import java.io.Console;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that compares the project's JPA entities with a database schema: {@code autogenerate},
 * {@code check} and {@code verify}.
 */
abstract class AbstractAutogenMojo extends AbstractDatabaseMojo {

    /** Packages whose {@code @Entity} classes are compared (subpackages included). Empty: every entity in {@code target/classes}. */
    @Parameter(property = "migrate.entityPackages")
    protected List<String> entityPackages;

    /** A persistence unit from {@code META-INF/persistence.xml} to take the entities from, instead of scanning. */
    @Parameter(property = "migrate.persistenceUnit")
    protected String persistenceUnit;

    /** Hibernate's physical naming strategy class. A Spring Boot project gets Spring's naming without setting this. */
    @Parameter(property = "migrate.physicalNamingStrategy")
    protected String physicalNamingStrategy;

    /** Hibernate's implicit naming strategy class. A Spring Boot project gets Spring's naming without setting this. */
    @Parameter(property = "migrate.implicitNamingStrategy")
    protected String implicitNamingStrategy;

    /**
     * Further JPA provider properties, as in persistence.xml: in the plugin's configuration, an
     * element per property, such as {@code hibernate.default_schema} with the value {@code app}.
     */
    @Parameter
    protected Map<String, String> hibernateProperties;

    /**
     * Name patterns the comparison leaves alone on both sides ({@code *} and {@code ?} globs; with a
     * dot, matched against {@code schema.name}). The version tables are always left alone.
     */
    @Parameter(property = "migrate.exclude")
    protected List<String> exclude;

    /**
     * Renames to write instead of drop plus add: {@code old_table=new_table} or
     * {@code table.old_column=new_column}, comma-separated on the command line.
     */
    @Parameter(property = "migrate.renames")
    protected List<String> renames;

    /**
     * Tables ({@code old_table}) and columns ({@code table.old_column}) that look renamed but are
     * not: {@code autogenerate} in batch mode then writes their drop and the new one's add, instead of
     * stopping to ask for {@link #renames}.
     */
    @Parameter(property = "migrate.notRenamed")
    protected List<String> notRenamed;

    /**
     * Convert serial and bigserial columns that the entities map as identity columns
     * ({@code @GeneratedValue(strategy = IDENTITY)}): {@code -Dmigrate.serialToIdentity=true}. The two
     * number rows alike, so without it they are no difference. The conversion drops the column's
     * default, adds the identity, moves it past the column's largest value and the sequence's last one
     * (read when the migration runs, offline too) and drops the sequence; its downgrade gives the
     * column its sequence and default back, past what the identity handed out.
     */
    @Parameter(property = "migrate.serialToIdentity", defaultValue = "false")
    protected boolean serialToIdentity;

    /** What looked renamed in batch mode, where nobody can be asked: {@code old=new} as renames spells it. */
    private final List<String> suspectedRenames = new ArrayList<>();

    /** The schema the entities are compared with. Objects in other schemas are never touched. */
    @Parameter(property = "migrate.managedSchema", defaultValue = "public")
    protected String managedSchema;

    /**
     * Keep the entity side of the comparison in {@code target/migrate/entity-cache}, so that a run
     * with unchanged entities (same DDL, server version, schema and exclusions) skips building them
     * on the server.
     */
    @Parameter(property = "migrate.entityCache", defaultValue = "true")
    protected boolean entityCache;

    /**
     * Where the entity side of the comparison is built when a database is configured: {@code server}
     * (a scratch schema on that database, created and dropped by the goal; needs the CREATE
     * privilege on the database) or {@code embedded} (a throwaway embedded PostgreSQL of the
     * server's major version; the configured database is only read). Without a configured
     * database, everything runs on the embedded one anyway.
     */
    @Parameter(property = "migrate.comparisonDatabase", defaultValue = "server")
    protected String comparisonDatabase;

    /**
     * Keep the schema the migrations build on the embedded default in
     * {@code target/migrate/replay-cache}, so that a run with the same migrations (same revisions and
     * checksums), the same embedded PostgreSQL, schemas and exclusions does not replay them. With the
     * entity side cached too ({@link #entityCache}), {@code check} and {@code autogenerate} start no
     * server at all. {@code verify} always replays: it tests the chain itself.
     */
    @Parameter(property = "migrate.replayCache", defaultValue = "true")
    protected boolean replayCache;

    /**
     * With a configured database, how long each read-only query that measures a risky change on its
     * rows may run ({@code 5s}, {@code 500ms}): a figure not taken in time says so, and the change
     * is guarded.
     */
    @Parameter(property = "migrate.measureTimeout", defaultValue = "5s")
    protected String measureTimeout;

    /**
     * With a configured database, the estimated rows ({@code pg_class}) from which a table counts as
     * large: autogenerate writes changes to a large table in the lock-safe form by itself, and the
     * plain form for a smaller one, whose lock is brief.
     */
    @Parameter(property = "migrate.largeTableRows", defaultValue = "100000")
    protected long largeTableRows;

    @Override
    protected void checkSettings() {
        super.checkSettings();
        Durations.parse("measureTimeout", measureTimeout);
        staleClassCheck().verify(packages, "migrate:" + goal()); // its own message for a migration
        staleClassCheck().verifyEntities(entityPackages, "migrate:" + goal());
    }

    /** What the last comparison measured on the configured database's rows; null on a throwaway one. */
    private DataMeasurements.Result measured;

    /**
     * Runs {@code action} with the differences between the entities and the schema at head: on the
     * configured database (which must be at head), or on the embedded default, from the caches when
     * they hold both sides, otherwise on a throwaway server with every migration replayed.
     */
    protected final void withDifferencesAtHead(
            ClassLoader projectClasses, BiConsumer<Migrator, MigrationScript> action) {
        entitiesOnEmbeddedServer(); // a misspelt comparisonDatabase fails with or without a URL
        if (isDatabaseConfigured() || !entityCache || !replayCache) {
            withComparisonDatabase(
                    projectClasses, (migrator, database) -> action.accept(migrator, compare(migrator, database)));
            return;
        }
        PostgresBinaries binaries = PostgresBinaries.forThisMachine(embeddedPostgresVersion);
        Migrator chain = offline(projectClasses);
        EntitySchemaCache entities = entitySchemaCache();
        ReplayedSchemaCache replayed = new ReplayedSchemaCache(
                cacheDirectory("replay-cache"), MigratorInternals.of(chain).chainFingerprint(), binaries.coordinates());
        SchemaComparison comparison = comparison(entities).withReplayCache(replayed);
        EntityInputs inputs = entityInputs();
        Optional<MigrationScript> cached =
                entities.findDdl(inputs.key(binaries.major())).flatMap(comparison::compareCached);
        int count = chain.revisions().size();
        if (cached.isPresent()) {
            getLog().info("The schema at head (" + count + " migration" + (count == 1 ? "" : "s") + " on PostgreSQL "
                    + binaries.version() + ") taken from the cache in " + displayed(replayed.directory())
                    + ", the entity schema from " + displayed(entities.directory())
                    + ": no PostgreSQL was started (-Dmigrate.replayCache=false replays the migrations anyway).");
            action.accept(chain, cached.get());
            return;
        }
        // the provider (seconds for a large model) writes the DDL while the server starts
        ExecutorService provider = Executors.newSingleThreadExecutor(r -> new Thread(r, "migrate-entity-ddl"));
        try {
            Future<List<String>> ddl = provider.submit(() -> entityDdl(inputs, binaries.major(), entities));
            withThrowawayDatabase(projectClasses, (migrator, database) -> {
                try (Connection c = database.getConnection()) {
                    List<String> entityDdl = result(ddl);
                    // an unchanged chain under changed entities: only the entity side is built, nothing replayed
                    Optional<MigrationScript> withoutReplay = comparison.compareCached(entityDdl, c);
                    MigrationScript diff;
                    if (withoutReplay.isPresent()) {
                        getLog().info("The schema at head (" + count + " migration" + (count == 1 ? "" : "s")
                                + ") taken from the cache in " + displayed(replayed.directory())
                                + ": the migrations were not replayed, only the entity side was built.");
                        diff = withoutReplay.get();
                    } else {
                        getLog().info(
                                        replayed.hits() == 0
                                                ? "The schema of these migrations on PostgreSQL " + binaries.version()
                                                        + " is not in " + displayed(replayed.directory())
                                                        + " yet: they are replayed, and it is kept for the next run."
                                                : "The schema at head is in " + displayed(replayed.directory())
                                                        + ", but this comparison needs "
                                                        + "the replayed database to answer (a column type change, or entity DDL other than tables, "
                                                        + "indexes, sequences, enum types and comments): the migrations are replayed.");
                        replay(migrator);
                        diff = comparison.compare(c, () -> entityDdl);
                    }
                    logCacheUse(entities);
                    action.accept(migrator, diff);
                } catch (SQLException e) {
                    throw new MigrateException(
                            "Could not connect to the throwaway database to compare it with the entities: "
                                    + e.getMessage(),
                            e);
                }
            });
        } finally {
            provider.shutdownNow();
        }
    }

    /** The differences between the entities and the schema on {@code database}, which must be at head. */
    protected final MigrationScript compare(Migrator migrator, DataSource database) {
        // compare with the schema the migrations build, not one that is behind or ahead of them;
        // with no migration yet (the first one, or adopting an existing database) there is no head to be at
        if (!migrator.revisions().isEmpty()) {
            migrator.assertUpToDate();
        }
        boolean onEmbedded = entitiesOnEmbeddedServer();
        ExecutorService provider = Executors.newSingleThreadExecutor(r -> new Thread(r, "migrate-entity-ddl"));
        try (Connection c = database.getConnection()) {
            int major = SchemaComparison.serverMajorVersion(c);
            EntitySchemaCache cache = entityCache ? entitySchemaCache() : null;
            EntityInputs inputs = entityInputs();
            // the provider boots (seconds for a large model) while this thread reads the live catalog
            Future<List<String>> ddl = provider.submit(() -> entityDdl(inputs, major, cache));
            SchemaComparison comparison = comparison(cache);
            MigrationScript diff;
            if (onEmbedded) {
                try (ScratchServer scratch = new ScratchServer(major)) {
                    diff = comparison.compare(
                            c, scratch.binaries.serverVersionNum(), scratch::connection, () -> result(ddl));
                }
            } else {
                diff = comparison.compare(c, () -> result(ddl));
            }
            logCacheUse(cache);
            if (isDatabaseConfigured() && !diff.isEmpty()) {
                try (Connection measuring = database.getConnection()) {
                    measured = DataMeasurements.measure(
                            diff, measuring, Durations.parse("measureTimeout", measureTimeout), largeTableRows);
                }
                diff = measured.script();
            }
            return diff;
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not connect to the database to compare it with the entities: " + e.getMessage(), e);
        } finally {
            provider.shutdownNow();
        }
    }

    /**
     * The throwaway embedded server of {@code comparisonDatabase=embedded}, started when the
     * comparison first asks for it: with unchanged entities, the entity cache answers and it never starts.
     */
    private final class ScratchServer implements AutoCloseable {
        private final PostgresBinaries binaries;
        private EmbeddedDatabase server;
        private Connection connection;

        ScratchServer(int major) {
            this.binaries = PostgresBinaries.forThisMachine(Integer.toString(major));
        }

        Connection connection() {
            if (connection == null) {
                getLog().info("Building the entity side on a throwaway embedded PostgreSQL " + binaries.major()
                        + " (comparisonDatabase=embedded): the configured database is only read.");
                server = startThrowaway(binaries.version());
                try {
                    connection = server.dataSource().getConnection();
                } catch (SQLException e) {
                    throw new MigrateException(
                            "Could not connect to the throwaway embedded PostgreSQL: " + e.getMessage(), e);
                }
            }
            return connection;
        }

        @SuppressWarnings("try") // the try statement only closes both, and either may be null
        @Override
        public void close() {
            try (EmbeddedDatabase stopped = server;
                    Connection closed = connection) {
                // both closed, the connection first
            } catch (SQLException e) {
                getLog().debug("Could not close the connection to the throwaway embedded PostgreSQL: "
                        + e.getMessage());
            }
        }
    }

    private SchemaComparison comparison(EntitySchemaCache cache) {
        return SchemaComparison.of(managedSchema)
                .excluding(list(exclude), versionTable, historyTable)
                .withRenames(renameHints(), renameDecider())
                .withSerialToIdentity(serialToIdentity)
                .withCache(cache);
    }

    private EntitySchemaCache entitySchemaCache() {
        return new EntitySchemaCache(cacheDirectory("entity-cache"));
    }

    private Path cacheDirectory(String name) {
        return Path.of(project.getBuild().getDirectory(), "migrate", name);
    }

    private void logCacheUse(EntitySchemaCache cache) {
        if (cache != null && cache.ddlHits() > 0) {
            getLog().info("Entity DDL" + (cache.hits() > 0 ? " and schema" : "") + " taken from the cache in "
                    + displayed(cache.directory())
                    + " (the entity classes, their class path and settings are unchanged).");
        } else if (cache != null && cache.hits() > 0) {
            getLog().info("Entity schema taken from the cache in " + displayed(cache.directory())
                    + " (the entities are unchanged).");
        }
    }

    /** What the provider's thread returned, or its failure as thrown there. */
    private static List<String> result(Future<List<String>> ddl) {
        try {
            return ddl.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new MigrateException(
                    "The JPA provider could not write the entity DDL: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException("Interrupted while the JPA provider wrote the entity DDL.", e);
        }
    }

    /** Whether the entity side goes to its own embedded server, away from the configured database. */
    private boolean entitiesOnEmbeddedServer() {
        String mode = comparisonDatabase == null
                ? "server"
                : comparisonDatabase.trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "server" -> false;
            case "embedded" -> isDatabaseConfigured(); // without one, the comparison already runs on an embedded server
            default ->
                throw new MigrateException(
                        "The comparisonDatabase '" + comparisonDatabase + "' is not known. Use server "
                                + "(build the entity side in a scratch schema on the configured database) or embedded (on a throwaway "
                                + "embedded PostgreSQL).");
        };
    }

    /** What the project lacks to describe an entity model (the JPA API or a provider); empty when it has both. */
    protected final Optional<String> missingJpa() {
        try (URLClassLoader loader = entityLoader(entityClasspath())) {
            return EntityDdl.missingJpa(loader);
        } catch (IOException e) {
            throw new MigrateException("Could not close the entity class loader: " + e.getMessage(), e);
        }
    }

    /**
     * The tables that take the lock-safe form by their size on the configured database; none when
     * nothing was measured (the embedded default holds no data).
     */
    protected final Predicate<ObjectName> largeTables() {
        return measured == null ? table -> false : measured.largeTables(largeTableRows);
    }

    /** Logs each difference and warning; returns the differences' descriptions. */
    protected final List<String> report(MigrationScript script) {
        script.warnings().forEach(getLog()::warn);
        List<String> lines = new ArrayList<>();
        script.changes().forEach(change -> {
            String text = change.description().text();
            lines.add(text);
            ChangeNotes.of(change).forEach(note -> getLog().warn("  " + text + ": " + note));
        });
        return lines;
    }

    /** What the provider's DDL depends on: the entity classes, their class path and the provider settings. */
    private record EntityInputs(EntityDdl entities, List<Path> classpath) {
        String key(int serverMajorVersion) {
            return entities.inputKey(classpath, serverMajorVersion);
        }
    }

    private EntityInputs entityInputs() {
        // lowest first: the application's own Spring Boot settings, then the plugin's configuration
        Map<String, String> properties = new HashMap<>(springJpaSettings().properties());
        if (hibernateProperties != null) {
            properties.putAll(hibernateProperties);
        }
        if (physicalNamingStrategy != null) {
            properties.put("hibernate.physical_naming_strategy", physicalNamingStrategy);
        }
        if (implicitNamingStrategy != null) {
            properties.put("hibernate.implicit_naming_strategy", implicitNamingStrategy);
        }
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        return new EntityInputs(
                new EntityDdl(List.of(classes), list(entityPackages), persistenceUnit, properties), entityClasspath());
    }

    /** The entity DDL: from the cache when nothing it depends on changed, otherwise from the provider. */
    private List<String> entityDdl(EntityInputs inputs, int serverMajorVersion, EntitySchemaCache cache) {
        return cache == null
                ? providerDdl(inputs.entities(), inputs.classpath(), serverMajorVersion)
                : cache.ddl(
                        inputs.key(serverMajorVersion),
                        () -> providerDdl(inputs.entities(), inputs.classpath(), serverMajorVersion));
    }

    private List<String> providerDdl(EntityDdl entities, List<Path> classpath, int serverMajorVersion) {
        Path classes = entities.classDirectories().get(0);
        try (URLClassLoader loader = entityLoader(classpath)) {
            getLog().info("Asking the project's JPA provider for the entity DDL: " + EntityDdl.provider(loader) + ".");
            // the entity loader is new for each run: the provider's lines reach the build log alone
            List<String> ddl = entities.generateInOwnLoader(loader, serverMajorVersion, new MavenProviderLog(getLog()));
            if (ddl.isEmpty()) {
                throw new MigrateException("No JPA entities were found in " + classes
                        + (list(entityPackages).isEmpty() ? "" : " under the packages " + entityPackages)
                        + ". Compile the project first (mvn compile migrate:" + goal() + ") and check entityPackages.");
            }
            return ddl;
        } catch (IOException e) {
            throw new MigrateException("Could not close the entity class loader: " + e.getMessage(), e);
        }
    }

    /** The {@code spring.jpa.*} settings of a Spring Boot project, announced in the log; none elsewhere. */
    private SpringJpaSettings springJpaSettings() {
        String profiles = session.getUserProperties()
                .getProperty(
                        "spring.profiles.active", session.getSystemProperties().getProperty("spring.profiles.active"));
        SpringJpaSettings spring =
                SpringJpaSettings.read(Path.of(project.getBuild().getOutputDirectory()), profiles, System.getenv());
        if (!spring.properties().isEmpty()) {
            getLog().info("Using the Spring Boot JPA settings of " + String.join(", ", spring.sources())
                    + (spring.profiles().isEmpty() ? "" : " (profiles " + String.join(", ", spring.profiles()) + ")")
                    + ": "
                    + String.join(", ", new TreeSet<>(spring.properties().keySet()))
                    + ". The plugin's own settings win over them.");
        }
        return spring;
    }

    /**
     * The project's classes and its own JPA provider, isolated from the plugin's classes: the
     * provider version is the project's (Hibernate 6.6 or 7.x), and only the JPA API is shared with
     * the bridge that asks it for DDL.
     */
    private static URLClassLoader entityLoader(List<Path> classpath) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(EntityDdl.class.getProtectionDomain().getCodeSource().getLocation());
            for (Path element : classpath) {
                urls.add(element.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new MigrateException(
                    "Could not build the project's class path for the entities: " + e.getMessage(), e);
        }
        return new URLClassLoader("migrate-entities", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** Compile (with provided, where Jakarta EE projects keep the JPA API and provider) and runtime elements, in order. */
    private List<Path> entityClasspath() {
        try {
            Set<String> elements = new LinkedHashSet<>(project.getCompileClasspathElements());
            elements.addAll(project.getRuntimeClasspathElements());
            return elements.stream().map(Path::of).toList();
        } catch (DependencyResolutionRequiredException e) {
            throw new MigrateException(
                    "Could not build the project's class path for the entities: " + e.getMessage(), e);
        }
    }

    private Map<String, String> renameHints() {
        Map<String, String> hints = new LinkedHashMap<>();
        for (String entry : list(renames)) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new MigrateException("The rename '" + entry + "' is not of the form old_table=new_table or "
                        + "table.old_column=new_column.");
            }
            hints.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return hints;
    }

    /**
     * Asks at the console when Maven is interactive. In batch mode nobody can be asked: what looks
     * renamed is noted ({@link #suspectedRenames()}), unless {@code notRenamed} names it, and
     * written as drop plus add.
     */
    // JDK 22 and later return a console without a terminal too; Console.isTerminal() that tells them
    // apart is not in the Java 17 API this is built for, and batch mode is checked first
    @SuppressWarnings("SystemConsoleNull")
    private RenameDecider renameDecider() {
        Console console = System.console();
        if (!session.getRequest().isInteractiveMode() || console == null) {
            Set<String> accepted = Set.copyOf(list(notRenamed));
            return (kind, owner, from, to) -> {
                String key = owner == null ? unqualified(from) : unqualified(owner) + "." + from;
                if (!accepted.contains(key)) {
                    suspectedRenames.add(key + "=" + (owner == null ? unqualified(to) : to));
                }
                return false;
            };
        }
        return (kind, owner, from, to) -> {
            String question =
                    "Was " + kind + " " + (owner == null ? "" : owner + ".") + from + " renamed to " + to + "? [y/N] ";
            String answer = console.readLine("%s", question);
            return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
        };
    }

    /** What looked renamed in the last comparison in batch mode, as {@code old=new}; empty when asked or told. */
    protected final List<String> suspectedRenames() {
        return List.copyOf(suspectedRenames);
    }

    private static String unqualified(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The path relative to the project's base directory when it is inside it, as {@code target/migrate/entity-cache}. */
    private String displayed(Path path) {
        Path base = project.getBasedir() == null
                ? null
                : project.getBasedir().toPath().toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return base != null && absolute.startsWith(base)
                ? base.relativize(absolute).toString()
                : path.toString();
    }

    private static List<String> list(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
