package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.command.entity.ApplicationJpa;
import dev.migrate.command.entity.EntityOrigin;
import dev.migrate.command.entity.ProjectEntities;
import dev.migrate.command.entity.ProviderClasses;
import dev.migrate.command.entity.SchemaSource;
import dev.migrate.command.tooling.EntityRequest;
import dev.migrate.tooling.ModuleManifest;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.jspecify.annotations.Nullable;

/**
 * The schema a project declares, as a goal's parameters say where to read it: its JPA entities, through the
 * project's own JPA provider, and its objects beside tables in {@code objectsDirectory}.
 *
 * @param entityPackages the packages whose entities are compared, or null for every entity
 * @param persistenceUnit a persistence unit of persistence.xml to take the entities from, or null
 * @param hibernateProperties further JPA provider properties, or null
 */
record EntityOptions(
        @Nullable List<String> entityPackages,
        @Nullable String persistenceUnit,
        @Nullable String physicalNamingStrategy,
        @Nullable String implicitNamingStrategy,
        @Nullable Map<String, String> hibernateProperties) {

    /** Fails when the migrations or the entities are newer than their compiled classes. */
    void check(Goal goal) {
        goal.staleClassCheck().verify(goal.packages(), "migrate:" + goal.name()); // its own message for a migration
        goal.staleClassCheck().verifyEntities(entityPackages, "migrate:" + goal.name());
    }

    /**
     * What the sources of the desired schema may need of the project ({@code migrate.source}): the entities as JPA and
     * Spring Data read them, the class path looked at once for both, the project's directory and class path.
     *
     * @param keptProvider the project's JPA provider loaded once for every run of the goal ({@code watch}); null:
     *     loaded with the project's classes each time
     */
    SchemaSource.SourceInputs inputs(Goal goal, EntityRequest request, @Nullable ProviderClasses keptProvider) {
        String compileAndRun = Goal.FIXES.command(goal.name());
        SchemaSource.EntityModels models =
                entities(goal).models(new MavenProviderLog(goal.log()), goal.log()::info, compileAndRun, keptProvider);
        return request.inputs(models, classpath(goal), compileAndRun);
    }

    private ProjectEntities entities(Goal goal) {
        Path classes = Path.of(goal.project().getBuild().getOutputDirectory());
        ApplicationJpa application =
                ApplicationJpa.read(classes, EntityOptions.property(goal), System.getenv(), goal.log()::info);
        List<Path> classpath = classpath(goal);
        return new ProjectEntities(
                classes,
                classpath,
                application.packagesOr(ComparisonOptions.trimmed(entityPackages)),
                persistenceUnit,
                ProjectEntities.properties(
                        application.properties(), hibernateProperties, physicalNamingStrategy, implicitNamingStrategy),
                ModuleManifest.elementsShipping(classes, classpath));
    }

    /** The module the project's classes declare ({@code @MigrationModule}); empty for an application without. */
    Optional<String> module(Goal goal) {
        return ModuleManifest.nameIn(Path.of(goal.project().getBuild().getOutputDirectory()));
    }

    /**
     * The tables of the modules the project's module depends on, which its comparison reads and leaves alone; empty
     * without modules.
     */
    List<String> dependencyTables(Goal goal) {
        return entities(goal).dependencyTables(new MavenProviderLog(goal.log()));
    }

    /** The provider and classes that build the entity model, when a known provider's jar names it. */
    Optional<EntityOrigin> origin(Goal goal) {
        return EntityOrigin.of(List.of(Path.of(goal.project().getBuild().getOutputDirectory())), classpath(goal));
    }

    /** A property of the run: {@code -D} on Maven's command line, else the JVM's. */
    private static Function<String, @Nullable String> property(Goal goal) {
        return name -> goal.session()
                .getUserProperties()
                .getProperty(name, goal.session().getSystemProperties().getProperty(name));
    }

    /** Compile (with provided, where Jakarta EE projects keep the JPA API and provider) and runtime elements, in order. */
    static List<Path> classpath(Goal goal) {
        try {
            Set<String> elements = new LinkedHashSet<>(goal.project().getCompileClasspathElements());
            elements.addAll(goal.project().getRuntimeClasspathElements());
            return elements.stream().map(Path::of).toList();
        } catch (DependencyResolutionRequiredException e) {
            throw new MigrateException(
                    "Could not build the project's class path for the entities: " + e.getMessage(), e);
        }
    }
}
