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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The project's JPA entities, as its own JPA provider describes them: the provider version is the project's
 * (Hibernate 6.6 or 7.x), loaded with the project's classes apart from the face's, and only the JPA API is
 * shared with the bridge that asks it for DDL. A project with Spring Data JDBC or R2DBC and no JPA provider has its
 * aggregates read from Spring Data's mapping model instead ({@link SpringDataDdl}), in the same isolated loader.
 *
 * @param classes where the project's compiled classes are ({@code target/classes})
 * @param classpath the project's class path, compile (with provided, where Jakarta EE projects keep the JPA API
 *     and provider) and runtime elements, in order
 * @param packages the packages whose entities are compared; empty: every entity in {@code classes}
 * @param persistenceUnit a persistence unit of {@code META-INF/persistence.xml} to take the entities from
 *     instead of scanning; null to scan
 * @param properties the provider's properties, such as its naming strategies
 * @param dependencyModules the class directories of the modules the project depends on (in a reactor) and the jars
 *     on its class path that ship a migration module (a library's): their entities join the model, so that an
 *     association to one of them maps, but their tables are theirs, left alone by the comparison
 *     ({@link #dependencyTables}); empty for a project without modules
 */
public record ProjectEntities(
        Path classes,
        List<Path> classpath,
        List<String> packages,
        @Nullable String persistenceUnit,
        Map<String, String> properties,
        List<Path> dependencyModules) {

    /** A dependency module is read where it is: a class directory of the reactor, or a library's jar. */
    public ProjectEntities {
        dependencyModules = dependencyModules.stream()
                .filter(m -> Files.isDirectory(m) || m.getFileName().toString().endsWith(".jar"))
                .toList();
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
     * What the project's class path holds to describe its entities, read in one class loader.
     *
     * @param missingJpa what it lacks for JPA entities (the JPA API or a provider); empty when it has both
     * @param springData the Spring Data module whose mapping model it has (JDBC before R2DBC), if any
     */
    public record Libraries(Optional<String> missingJpa, Optional<SpringDataDdl.Module> springData) {
        /** What the project lacks to describe an entity model: nothing when JPA or Spring Data describes it. */
        public Optional<String> missingModel() {
            return springData.isPresent() ? Optional.empty() : missingJpa;
        }

        /** The Spring Data module the {@code jpa} source reads: where the class path has no JPA provider. */
        Optional<SpringDataDdl.Module> springDataWithoutJpa() {
            return missingJpa.isPresent() ? springData : Optional.empty();
        }
    }

    /** What the project's class path holds to describe its entities. */
    public Libraries libraries() {
        try (URLClassLoader loader = loader()) {
            return new Libraries(EntityDdl.missingJpa(loader), SpringDataDdl.module(loader));
        } catch (IOException e) {
            throw new MigrateException("Could not close the entity class loader: " + e.getMessage(), e);
        }
    }

    /**
     * The entities as the sources {@code jpa} and {@code spring-data-jdbc} read them, the class path looked at once
     * ({@link #libraries}) for all three, when the first of them is asked, never before: {@code jpa} is the JPA
     * provider's DDL, or Spring Data's mapping model where the class path has Spring Data JDBC or R2DBC and no JPA
     * provider; {@code spring-data-jdbc}, named, is Spring Data's mapping model even beside a JPA provider.
     *
     * @param log where the provider's own lines go
     * @param info where the line naming the provider goes
     * @param compileAndRun how the face tells the user to compile and run the goal again, for a project without
     *     entities: {@code mvn compile migrate:check}
     * @param provider the provider kept for this class path ({@code watch}), or null: loaded for each run
     */
    public SchemaSource.EntityModels models(
            ProviderLog log, Consumer<String> info, String compileAndRun, @Nullable ProviderClasses provider) {
        return models(info, compileAndRun, () -> jpa(log, info, compileAndRun, provider));
    }

    /**
     * As {@link #models(ProviderLog, Consumer, String, ProviderClasses)}, the JPA provider's DDL written as the face
     * writes it: the JUnit extension's, with the provider of the test class path and its log.
     *
     * <pre>{@code
     * SchemaSource.EntityModels models = entities.models(log::info, "mvn test", () -> providerDdl);
     * }</pre>
     *
     * @param jpaProvider the entities' DDL through the JPA provider, asked for only when the source reads it
     */
    public SchemaSource.EntityModels models(
            Consumer<String> info, String compileAndRun, Supplier<EntityDdlSource> jpaProvider) {
        Once<Libraries> libraries = new Once<>(this::libraries);
        EntityDdlSource jpa = deferred(() -> libraries
                .get()
                .springDataWithoutJpa()
                .map(module -> springData(module, info, compileAndRun))
                .orElseGet(jpaProvider));
        EntityDdlSource springData = deferred(() -> springData(
                libraries.get().springData().orElseThrow(ProjectEntities::noSpringData), info, compileAndRun));
        return new SchemaSource.EntityModels(
                jpa,
                springData,
                () -> libraries.get().missingModel(),
                () -> libraries.get().missingJpa());
    }

    /** Why the source spring-data-jdbc, named, has nothing to read. */
    private static MigrateException noSpringData() {
        return new MigrateException("migrate.source is " + SchemaSource.SPRING_DATA_JDBC.value() + ", but the project's"
                + " class path has neither Spring Data JDBC nor Spring Data R2DBC. Add spring-boot-starter-data-jdbc"
                + " (or spring-boot-starter-data-r2dbc) to the project's dependencies, or set migrate.source to jpa,"
                + " sql or command.");
    }

    /**
     * The provider's DDL, keyed by what it depends on: the entity classes, their class path and the provider
     * settings; Spring Data's mapping model without a JPA provider ({@link #models}).
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
        return models(log, info, compileAndRun, provider).jpa();
    }

    /** The DDL through the project's JPA provider. */
    private EntityDdlSource jpa(
            ProviderLog log, Consumer<String> info, String compileAndRun, @Nullable ProviderClasses provider) {
        List<Path> roots = new ArrayList<>(List.of(classes));
        roots.addAll(dependencyModules);
        // the entity packages name the project's own: the modules' entities join in their packages
        List<String> scanned = new ArrayList<>(packages);
        if (!packages.isEmpty()) {
            scanned.addAll(EntityDdl.packagesIn(dependencyModules));
        }
        EntityDdl entities = new EntityDdl(roots, scanned, persistenceUnit, properties);
        Unfinished unfinished = new Unfinished();
        return EntityDdlSource.of(
                entities,
                classpath,
                major -> generate(entities, major, log, info, compileAndRun, provider, unfinished),
                major -> describedAlone(entities, major, log, info, provider, unfinished),
                (major, ddl, unchanged) -> {
                    // a watch keeps the model the cache held as the one its classes describe, for the next change:
                    // the classes read now, if they are still those the model was found for
                    if (provider != null && provider.serves(classes, classpath)) {
                        Map<String, byte[]> files = provider.described().read(classes);
                        if (unchanged.getAsBoolean()) {
                            provider.described().remember(entities, major, files, ddl);
                        }
                    }
                });
    }

    /** The source {@code chosen} gives, chosen when its key or DDL is first asked for. */
    private static EntityDdlSource deferred(Supplier<EntityDdlSource> chosen) {
        Once<EntityDdlSource> source = new Once<>(chosen);
        return new EntityDdlSource() {
            @Override
            public String key(int serverMajorVersion) {
                return source.get().key(serverMajorVersion);
            }

            @Override
            public List<String> generate(int serverMajorVersion) {
                return source.get().generate(serverMajorVersion);
            }

            @Override
            public Optional<List<String>> describedAlone(int serverMajorVersion) {
                return source.get().describedAlone(serverMajorVersion);
            }

            @Override
            public void held(int serverMajorVersion, String key, List<String> ddl) {
                source.get().held(serverMajorVersion, key, ddl);
            }
        };
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

    /**
     * What {@link #describedAlone} left to {@link #generate} when the change could not be described alone: the class
     * files it read and the lines it held back, told only if the provider then describes the whole model (a stored
     * DDL may spare it that).
     */
    private static final class Unfinished {
        private @Nullable Map<String, byte[]> files;
        private int serverMajorVersion;
        private final List<String> lines = new ArrayList<>();
    }

    /**
     * The model's DDL after a change of a few entities, described alone by the provider kept for this class path
     * ({@code watch}; {@link DescribedModel#changed}); empty when there is none, or the change needs the whole model.
     */
    private Optional<List<String>> describedAlone(
            EntityDdl entities,
            int serverMajorVersion,
            ProviderLog log,
            Consumer<String> info,
            @Nullable ProviderClasses provider,
            Unfinished unfinished) {
        if (provider == null || !provider.serves(classes, classpath)) {
            return Optional.empty();
        }
        Map<String, byte[]> files = provider.described().read(classes);
        List<String> lines = new ArrayList<>();
        Optional<List<String>> changed;
        try (URLClassLoader loader = provider.projectLoader()) {
            lines.add(asking(loader));
            changed = provider.described().changed(entities, serverMajorVersion, files, loader, log, lines::add);
        } catch (IOException e) {
            throw new MigrateException("Could not close the entity class loader: " + e.getMessage(), e);
        }
        if (changed.isPresent()) {
            lines.forEach(info);
            provider.described().remember(entities, serverMajorVersion, files, changed.get());
        } else {
            unfinished.files = files;
            unfinished.serverMajorVersion = serverMajorVersion;
            unfinished.lines.addAll(lines);
        }
        return changed;
    }

    private static String asking(ClassLoader loader) {
        return "Asking the project's JPA provider for the entity DDL: " + EntityDdl.provider(loader) + ".";
    }

    private List<String> generate(
            EntityDdl entities,
            int serverMajorVersion,
            ProviderLog log,
            Consumer<String> info,
            String compileAndRun,
            @Nullable ProviderClasses provider,
            Unfinished unfinished) {
        ProviderClasses kept = provider != null && provider.serves(classes, classpath) ? provider : null;
        if (provider != null && kept == null) {
            info.accept("The project's class path changed since the provider was loaded: it is loaded again with"
                    + " the project's classes for this run.");
        }
        // a change that could not be described alone: its lines are told now, and the files it read described
        Map<String, byte[]> tried =
                kept != null && unfinished.serverMajorVersion == serverMajorVersion ? unfinished.files : null;
        unfinished.files = null;
        // the class files as this run describes them, read before the provider starts, for the next run's change
        Map<String, byte[]> files =
                tried != null ? tried : kept != null ? kept.described().read(classes) : Map.of();
        try (URLClassLoader loader = kept != null ? kept.projectLoader() : loader()) {
            if (tried != null) {
                unfinished.lines.forEach(info);
            } else {
                info.accept(asking(loader));
            }
            unfinished.lines.clear();
            Optional<List<String>> changed = kept != null && tried == null
                    ? kept.described().changed(entities, serverMajorVersion, files, loader, log, info)
                    : Optional.empty();
            // the entity loader is new for each run: the provider's lines reach the log alone
            List<String> ddl =
                    changed.isPresent() ? changed.get() : entities.generateInOwnLoader(loader, serverMajorVersion, log);
            if (kept != null && !ddl.isEmpty()) {
                kept.described().remember(entities, serverMajorVersion, files, ddl);
            }
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
