package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.autogen.objects.DeclaredObjects;
import dev.migrate.command.entity.ProjectEntities;
import dev.migrate.command.entity.ProviderClasses;
import dev.migrate.command.entity.SpringJpaSettings;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * A goal that reads the schema the project declares: its JPA entities, through the project's own JPA provider,
 * and its objects beside tables. {@code autogenerate}, {@code check} and {@code verify}.
 */
abstract class AbstractEntityMojo extends AbstractDatabaseMojo {

    /** Packages whose {@code @Entity} classes are compared (subpackages included). Empty: every entity in {@code target/classes}. */
    @Parameter(property = "migrate.entityPackages")
    protected @Nullable List<String> entityPackages;

    /** A persistence unit from {@code META-INF/persistence.xml} to take the entities from, instead of scanning. */
    @Parameter(property = "migrate.persistenceUnit")
    protected @Nullable String persistenceUnit;

    /** Hibernate's physical naming strategy class. A Spring Boot project gets Spring's naming without setting this. */
    @Parameter(property = "migrate.physicalNamingStrategy")
    protected @Nullable String physicalNamingStrategy;

    /** Hibernate's implicit naming strategy class. A Spring Boot project gets Spring's naming without setting this. */
    @Parameter(property = "migrate.implicitNamingStrategy")
    protected @Nullable String implicitNamingStrategy;

    /**
     * Further JPA provider properties, as in persistence.xml: in the plugin's configuration, an
     * element per property, such as {@code hibernate.default_schema} with the value {@code app}.
     */
    @Parameter
    protected @Nullable Map<String, String> hibernateProperties;

    /**
     * Keep the entity side of the comparison in {@code target/migrate/entity-cache}, so that a run
     * with unchanged entities (same DDL, server version, schema and exclusions) skips building them
     * on the server.
     */
    @Parameter(property = "migrate.entityCache", defaultValue = "true")
    protected boolean entityCache;

    /**
     * The project's objects beside tables: {@code .sql} files (any number, any layout) whose views,
     * materialized views, functions, procedures, triggers, policies, row-level security, domains, types
     * and extensions are the desired state of those objects in the managed schemas, as the entities are
     * of the tables. When the directory exists, every such object of the database is compared, and one
     * no file declares is dropped (unless {@code exclude}d); without it, they are left as they are.
     */
    @Parameter(property = "migrate.objectsDirectory", defaultValue = "${project.basedir}/src/main/resources/db/objects")
    protected File objectsDirectory;

    /** The objects beside tables the project declares in {@link #objectsDirectory}. */
    protected final DeclaredObjects declaredObjects() {
        return DeclaredObjects.in(objectsDirectory.toPath(), displayed(objectsDirectory.toPath()));
    }

    @Override
    protected void checkSettings() {
        super.checkSettings();
        staleClassCheck().verify(packages, "migrate:" + goal()); // its own message for a migration
        staleClassCheck().verifyEntities(entityPackages, "migrate:" + goal());
    }

    /** What the project lacks to describe an entity model (the JPA API or a provider); empty when it has both. */
    protected final Optional<String> missingJpa() {
        return entities().missingJpa();
    }

    /**
     * The project's JPA provider loaded once for every run of the goal ({@code watch}), only the project's classes
     * loaded again each time; null: loaded with them each time.
     */
    protected @Nullable ProviderClasses keptProvider;

    /** The provider's DDL of the entities, keyed by the entity classes, their class path and the provider settings. */
    protected final EntityDdlSource entityDdl() {
        return entities().ddl(new MavenProviderLog(getLog()), getLog()::info, SPELLING.command(goal()), keptProvider);
    }

    private ProjectEntities entities() {
        return new ProjectEntities(
                Path.of(project.getBuild().getOutputDirectory()),
                entityClasspath(),
                trimmed(entityPackages),
                persistenceUnit,
                ProjectEntities.properties(
                        springJpaSettings().properties(),
                        hibernateProperties,
                        physicalNamingStrategy,
                        implicitNamingStrategy));
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

    /** Compile (with provided, where Jakarta EE projects keep the JPA API and provider) and runtime elements, in order. */
    protected final List<Path> entityClasspath() {
        try {
            Set<String> elements = new LinkedHashSet<>(project.getCompileClasspathElements());
            elements.addAll(project.getRuntimeClasspathElements());
            return elements.stream().map(Path::of).toList();
        } catch (DependencyResolutionRequiredException e) {
            throw new MigrateException(
                    "Could not build the project's class path for the entities: " + e.getMessage(), e);
        }
    }

    /** The values of a list parameter, trimmed, without the empty ones; none when it is not set. */
    protected static List<String> trimmed(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
