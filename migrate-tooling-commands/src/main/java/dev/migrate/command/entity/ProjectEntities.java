package dev.migrate.command.entity;

import dev.migrate.MigrateException;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.autogen.entity.EntityDdl;
import dev.migrate.autogen.entity.ProviderLog;
import dev.migrate.autogen.entity.SpringDataDdl;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The project's JPA entities, as its own JPA provider describes them: the provider version is the project's
 * (Hibernate 6.6 or 7.x), loaded with the project's classes apart from the face's, and only the JPA API is
 * shared with the bridge that asks it for DDL. A project with Spring Data JDBC or R2DBC and no JPA provider has its
 * aggregates read from Spring Data's mapping model instead ({@link SpringDataDdl}), in the same isolated loader.
 *
 * <p>One instance is one request: it decides once, with one class loader, which model describes the entities.
 */
public final class ProjectEntities {
    private final Path classes;
    private final List<Path> classpath;
    private final List<String> packages;
    private final @Nullable String persistenceUnit;
    private final Map<String, String> properties;
    private final List<Path> dependencyModules;
    /** What describes the entities, decided once for this request: its class loader is opened once for it. */
    private volatile @Nullable Describer describer;

    /**
     * The entities of a project; a dependency's class directory is read only when it is one: a jar's entities are
     * mapped by its own build.
     *
     * @param classes where the project's compiled classes are ({@code target/classes})
     * @param classpath the project's class path, compile (with provided, where Jakarta EE projects keep the JPA API
     *     and provider) and runtime elements, in order
     * @param packages the packages whose entities are compared; empty: every entity in {@code classes}
     * @param persistenceUnit a persistence unit of {@code META-INF/persistence.xml} to take the entities from
     *     instead of scanning; null to scan
     * @param properties the provider's properties, such as its naming strategies
     * @param dependencyModules the class directories of the modules the project's module depends on (in a reactor):
     *     their entities join the model, so that an association to one of them maps, but their tables are theirs, left
     *     alone by the comparison ({@link #dependencyTables}); empty for a project without modules
     */
    public ProjectEntities(
            Path classes,
            List<Path> classpath,
            List<String> packages,
            @Nullable String persistenceUnit,
            Map<String, String> properties,
            List<Path> dependencyModules) {
        this.classes = classes;
        this.classpath = classpath;
        this.packages = packages;
        this.persistenceUnit = persistenceUnit;
        this.properties = properties;
        this.dependencyModules =
                dependencyModules.stream().filter(Files::isDirectory).toList();
    }

    /** The entities of a project without modules. */
    public ProjectEntities(
            Path classes,
            List<Path> classpath,
            List<String> packages,
            @Nullable String persistenceUnit,
            Map<String, String> properties) {
        this(classes, classpath, packages, persistenceUnit, properties, List.of());
    }

    /**
     * What describes the project's entities, read from its class path once: what it lacks for JPA, and the Spring
     * Data module that describes them instead when it has no JPA provider.
     */
    private record Describer(Optional<String> missingJpa, Optional<SpringDataDdl.Module> springData) {}

    /** The server major version the dialect is pinned to for the names of tables alone, which no version changes. */
    private static final int NAMES_MAJOR = 15;

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)^\\s*create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?\"?([\\w.\"]+?)\"?\\s*\\(");

    /**
     * The tables the entities of {@link #dependencyModules} map to, as patterns the comparison leaves alone: they
     * belong to those modules' chains, read by this module's and never changed by it. Empty without modules.
     */
    public List<String> dependencyTables(ProviderLog log) {
        if (dependencyModules.isEmpty()) {
            return List.of();
        }
        EntityDdl theirs = new EntityDdl(dependencyModules, List.of(), null, properties);
        try (URLClassLoader loader = loader()) {
            List<String> tables = new ArrayList<>();
            for (String statement : theirs.generateInOwnLoader(loader, NAMES_MAJOR, log)) {
                Matcher table = CREATE_TABLE.matcher(statement);
                if (table.find()) {
                    tables.add(table.group(1).replace("\"", ""));
                }
            }
            return List.copyOf(tables);
        } catch (IOException e) {
            throw new MigrateException("Could not close the entity class loader: " + e.getMessage(), e);
        }
    }

    /**
     * The provider's properties, lowest first: the application's own (a Spring Boot project's {@code spring.jpa.*}
     * settings), then the face's, then the naming strategies it names.
     */
    public static Map<String, String> properties(
            Map<String, String> application,
            @Nullable Map<String, String> configured,
            @Nullable String physicalNamingStrategy,
            @Nullable String implicitNamingStrategy) {
        Map<String, String> properties = new HashMap<>(application);
        if (configured != null) {
            properties.putAll(configured);
        }
        if (physicalNamingStrategy != null) {
            properties.put("hibernate.physical_naming_strategy", physicalNamingStrategy);
        }
        if (implicitNamingStrategy != null) {
            properties.put("hibernate.implicit_naming_strategy", implicitNamingStrategy);
        }
        return properties;
    }

    /**
     * What the project lacks to describe an entity model (the JPA API or a provider); empty when it has both, or when
     * its model is Spring Data's ({@link #springData}).
     */
    public Optional<String> missingJpa() {
        Describer decided = describer();
        return decided.springData().isPresent() ? Optional.empty() : decided.missingJpa();
    }

    /**
     * The Spring Data module whose mapping model describes the project's entities: Spring Data JDBC or R2DBC when its
     * class path has one and no JPA provider (a JPA provider, when there is one, describes them); empty otherwise.
     * The one place that chooses between the two sources.
     */
    public Optional<SpringDataDdl.Module> springData() {
        return describer().springData();
    }

    /** The describer of the entities, decided on the first question this request is asked. */
    private Describer describer() {
        Describer decided = describer;
        if (decided == null) {
            try (URLClassLoader loader = loader()) {
                Optional<String> missing = EntityDdl.missingJpa(loader);
                decided = new Describer(missing, missing.isPresent() ? SpringDataDdl.module(loader) : Optional.empty());
            } catch (IOException e) {
                throw new MigrateException("Could not close the entity class loader: " + e.getMessage(), e);
            }
            describer = decided;
        }
        return decided;
    }

    /**
     * The provider's DDL, keyed by what it depends on: the entity classes, their class path and the provider
     * settings.
     *
     * @param log where the provider's own lines go
     * @param info where the line naming the provider goes
     * @param compileAndRun how the face tells the user to compile and run the goal again, for a project without
     *     entities: {@code mvn compile migrate:check}
     */
    public EntityDdlSource ddl(ProviderLog log, Consumer<String> info, String compileAndRun) {
        return ddl(log, info, compileAndRun, null);
    }

    /**
     * As {@link #ddl(ProviderLog, Consumer, String)}, the provider taken from {@code provider} when it is kept for
     * this class path ({@code watch}): only the project's classes are then loaded for the run.
     */
    public EntityDdlSource ddl(
            ProviderLog log, Consumer<String> info, String compileAndRun, @Nullable ProviderClasses provider) {
        Optional<SpringDataDdl.Module> springData = springData();
        if (springData.isPresent()) {
            return springData(springData.get(), info, compileAndRun);
        }
        List<Path> roots = new ArrayList<>(List.of(classes));
        roots.addAll(dependencyModules);
        EntityDdl entities = new EntityDdl(roots, packages, persistenceUnit, properties);
        return EntityDdlSource.of(
                entities, classpath, major -> generate(entities, major, log, info, compileAndRun, provider));
    }

    /** The DDL of the aggregates in Spring Data's mapping model, keyed as the provider's DDL is, with the source. */
    private EntityDdlSource springData(SpringDataDdl.Module module, Consumer<String> info, String compileAndRun) {
        SpringDataDdl aggregates = new SpringDataDdl(List.of(classes), packages);
        EntityDdl key =
                new EntityDdl(List.of(classes), packages, null, Map.of(SpringDataDdl.SOURCE_PROPERTY, module.name()));
        return EntityDdlSource.of(key, classpath, major -> {
            try (URLClassLoader loader = loader()) {
                info.accept("Reading the entities from " + module.title() + "'s mapping model.");
                List<String> ddl = aggregates.generate(loader);
                if (ddl.isEmpty()) {
                    throw new MigrateException("No " + module.title() + " aggregates (classes annotated @Table, or the"
                            + " domain types of repositories) were found in " + classes
                            + (packages.isEmpty() ? "" : " under the packages " + packages)
                            + ". Compile the project first (" + compileAndRun + ") and check entityPackages.");
                }
                return ddl;
            } catch (IOException e) {
                throw new MigrateException("Could not close the entity class loader: " + e.getMessage(), e);
            }
        });
    }

    private List<String> generate(
            EntityDdl entities,
            int serverMajorVersion,
            ProviderLog log,
            Consumer<String> info,
            String compileAndRun,
            @Nullable ProviderClasses provider) {
        ProviderClasses kept = provider != null && provider.serves(classes, classpath) ? provider : null;
        if (provider != null && kept == null) {
            info.accept("The project's class path changed since the provider was loaded: it is loaded again with"
                    + " the project's classes for this run.");
        }
        try (URLClassLoader loader = kept != null ? kept.projectLoader() : loader()) {
            info.accept("Asking the project's JPA provider for the entity DDL: " + EntityDdl.provider(loader) + ".");
            // the entity loader is new for each run: the provider's lines reach the log alone
            List<String> ddl = entities.generateInOwnLoader(loader, serverMajorVersion, log);
            if (ddl.isEmpty()) {
                throw new MigrateException("No JPA entities were found in " + classes
                        + (packages.isEmpty() ? "" : " under the packages " + packages)
                        + ". Compile the project first (" + compileAndRun + ") and check entityPackages.");
            }
            return ddl;
        } catch (IOException e) {
            throw new MigrateException("Could not close the entity class loader: " + e.getMessage(), e);
        }
    }

    /** The project's classes and its own JPA provider, isolated from the face's classes. */
    private URLClassLoader loader() {
        List<URL> urls = ProviderClasses.withEntityDdl(classpath);
        return new EntityClassLoader(
                "migrate-entities", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader(), true);
    }
}
