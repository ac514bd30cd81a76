package dev.migrate.maven;

import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.command.entity.ProviderClasses;
import dev.migrate.command.entity.Renames;
import dev.migrate.command.entity.SchemaSource;
import dev.migrate.command.tooling.Entities;
import dev.migrate.command.tooling.EntityRequest;
import dev.migrate.command.tooling.OtherModules;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A goal that compares the project's entities with a schema ({@code autogenerate}, {@code check}, {@code verify},
 * {@code watch}): its database, the schema the project declares, and how the two are compared.
 *
 * @param keptProvider the project's JPA provider loaded once for every run of the goal ({@code watch}); null:
 *     loaded with the project's classes each time
 */
record EntityGoal(
        DatabaseGoal database,
        EntityOptions entities,
        ComparisonOptions options,
        @Nullable ProviderClasses keptProvider) {

    Goal goal() {
        return database.goal();
    }

    /** This goal, with the project's JPA provider loaded once for all its runs. */
    EntityGoal keeping(ProviderClasses provider) {
        return new EntityGoal(database, entities, options, provider);
    }

    /**
     * The project's entities as the comparing commands take them: summaries in {@code target/migrate}, the Markdown
     * appended to GitHub's job summary when the build runs there.
     */
    Entities compared() {
        String stepSummary = System.getenv("GITHUB_STEP_SUMMARY");
        return Entities.of(this::request, goal().inTarget("migrate"))
                .builtBy(entities.origin(goal()))
                .ofModule(entities.module(goal()))
                .beside(entities.module(goal()).isPresent() ? ReactorModules.of(goal()) : OtherModules.UNSEEN)
                .appendingTo(stepSummary == null || stepSummary.isBlank() ? null : Path.of(stepSummary));
    }

    /**
     * What the project lacks to describe its desired schema, when its source is JPA entities and the class path
     * lacks the JPA API or a provider; empty for the other sources, which need neither.
     */
    Optional<String> missingJpaSource() {
        EntityRequest given = given();
        SchemaSource.SourceInputs inputs = entities.inputs(goal(), given, keptProvider);
        return given.source(inputs) == SchemaSource.JPA
                ? inputs.entities().missingJpa().get()
                : Optional.empty();
    }

    private EntityRequest given() {
        return EntityRequest.of(
                database.settings(),
                goal().name(),
                goal().project().getBasedir().toPath(),
                goal()::displayed);
    }

    /**
     * What is compared with {@code chain}'s schema: the entities, the managed schema, exclusions, renames, the
     * declared objects and the entity cache, as the parameters say.
     */
    AutogenerateRequest.Builder request(Migrator chain) {
        EntityRequest given = given();
        AutogenerateRequest.Builder request = given.builder(
                chain, entities.inputs(goal(), given, keptProvider), goal().inTarget("migrate", "entity-cache"));
        // a module's comparison reads the tables of the modules it depends on and leaves them to their chains
        request.excludingAlso(entities.dependencyTables(goal()));
        Renames.askingAtConsole(goal().session().getRequest().isInteractiveMode())
                .ifPresent(request::askingAboutRenames);
        return request;
    }
}
