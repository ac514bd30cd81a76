package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.autogen.ComparisonDatabase;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.catalog.diff.RenameDecider;
import dev.migrate.command.EntityComparison;
import dev.migrate.internal.Durations;
import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
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
     * The project's objects beside tables: {@code .sql} files (any number, any layout) whose views,
     * materialized views, functions, procedures, triggers, policies, row-level security, domains, types
     * and extensions are the desired state of those objects in the managed schemas, as the entities are
     * of the tables. When the directory exists, every such object of the database is compared, and one
     * no file declares is dropped (unless {@link #exclude}d); without it, they are left as they are.
     */
    @Parameter(property = "migrate.objectsDirectory", defaultValue = "${project.basedir}/src/main/resources/db/objects")
    protected File objectsDirectory;

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
     * privilege on the database), {@code embedded} (a throwaway embedded PostgreSQL of the
     * server's major version; the configured database is only read) or {@code auto} (the default:
     * {@code server} when the role may create there, {@code embedded} on a standby, in a read-only
     * session or for a role without CREATE). Without a configured database, everything runs on the
     * embedded one anyway.
     */
    @Parameter(property = "migrate.comparisonDatabase", defaultValue = "auto")
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

    @Override
    protected void checkSettings() {
        super.checkSettings();
        Durations.parse("measureTimeout", measureTimeout);
        staleClassCheck().verify(packages, "migrate:" + goal()); // its own message for a migration
        staleClassCheck().verifyEntities(entityPackages, "migrate:" + goal());
    }

    /** How this goal compares the entities with the schema at head, as its parameters say. */
    protected final EntityComparison comparison() {
        Duration timeout = Durations.parse("measureTimeout", measureTimeout);
        return new EntityComparison(
                ComparisonDatabase.of(comparisonDatabase), // misspelt: fails with or without a URL
                timeout == null ? Duration.ofSeconds(5) : timeout,
                largeTableRows);
    }

    @Override
    protected boolean keepsReplayCache() {
        return replayCache;
    }

    /** This goal as the face of the commands that compare the entities: the project's entities, caches and log. */
    protected class AutogenFace extends SchemaMojoFace implements EntityComparison.Face {
        protected AutogenFace(ClassLoader projectClasses) {
            super(projectClasses);
        }

        @Override
        public AutogenerateRequest.Builder request(Migrator chain) {
            return AbstractAutogenMojo.this.request(chain);
        }

        @Override
        public Path summaryDirectory() {
            return Path.of(project.getBuild().getDirectory(), "migrate");
        }

        @Override
        public Optional<Path> jobSummary() {
            String stepSummary = System.getenv("GITHUB_STEP_SUMMARY");
            return stepSummary == null || stepSummary.isBlank() ? Optional.empty() : Optional.of(Path.of(stepSummary));
        }
    }

    private AutogenerateRequest.Builder request(Migrator chain) {
        AutogenerateRequest.Builder request = AutogenerateRequest.builder(chain, entityDdl())
                .managedSchema(managedSchema)
                .excluding(list(exclude))
                .versionTables(versionTable, historyTable)
                .renames(renameHints())
                .notRenamed(list(notRenamed))
                .convertingSerialToIdentity(serialToIdentity)
                .declaringObjects(DeclaredObjects.in(objectsDirectory.toPath(), displayed(objectsDirectory.toPath())));
        interactiveRenames().ifPresent(request::askingAboutRenames);
        if (entityCache) {
            request.entityCacheIn(cacheDirectory("entity-cache"));
        }
        return request;
    }

    private Path cacheDirectory(String name) {
        return Path.of(project.getBuild().getDirectory(), "migrate", name);
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
     * The provider's DDL, keyed by what it depends on: the entity classes, their class path and the
     * provider settings.
     */
    private EntityDdlSource entityDdl() {
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
        EntityDdl entities = new EntityDdl(List.of(classes), list(entityPackages), persistenceUnit, properties);
        List<Path> classpath = entityClasspath();
        return EntityDdlSource.of(entities, classpath, major -> providerDdl(entities, classpath, major));
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
     * renamed is reported, unless {@code notRenamed} names it, and written as drop plus add.
     */
    // JDK 22 and later return a console without a terminal too; Console.isTerminal() that tells them
    // apart is not in the Java 17 API this is built for, and batch mode is checked first
    @SuppressWarnings("SystemConsoleNull")
    private Optional<RenameDecider> interactiveRenames() {
        Console console = System.console();
        if (!session.getRequest().isInteractiveMode() || console == null) {
            return Optional.empty();
        }
        return Optional.of((kind, owner, from, to) -> {
            String question =
                    "Was " + kind + " " + (owner == null ? "" : owner + ".") + from + " renamed to " + to + "? [y/N] ";
            String answer = console.readLine("%s", question);
            return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
        });
    }

    private static List<String> list(List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
