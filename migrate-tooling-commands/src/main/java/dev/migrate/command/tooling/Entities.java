package dev.migrate.command.tooling;

import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.command.CommandContext;
import dev.migrate.command.entity.EntityOrigin;
import dev.migrate.tooling.MigratorTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The project's entities as the face prepared them (its JPA provider over the project's classes, the entity
 * settings), for the commands that compare them with a schema; or why there are none to compare.
 *
 * @param request what is compared with a chain's schema: the entities, the managed schema, exclusions, renames,
 *     the declared objects and the entity cache; null when {@code skipped} says why there is nothing
 * @param summaryDirectory where {@code changes.md} and {@code changes.json} are written
 * @param jobSummary a job summary the Markdown is appended to, such as GitHub's; null: none
 * @param skipped why the entities are not compared (a line completes "Skipped the comparison with the entities: ");
 *     null when they are
 * @param origin the provider and the classes that build the entity model, for differences that a new provider
 *     makes; null when no known provider's jar names it
 * @param module the module the project's classes declare ({@code @MigrationModule}), whose own chain a written
 *     revision continues; null for an application without modules, whose one chain it continues
 * @param others the build's other modules, which may have the entity of a table the module's chain owns (moved
 *     there)
 */
public record Entities(
        @Nullable Function<Migrator, AutogenerateRequest.Builder> request,
        Path summaryDirectory,
        @Nullable Path jobSummary,
        @Nullable String skipped,
        @Nullable EntityOrigin origin,
        @Nullable String module,
        OtherModules others) {

    public Entities {
        Objects.requireNonNull(summaryDirectory, "summaryDirectory");
        Objects.requireNonNull(others, "others");
        if ((request == null) == (skipped == null)) {
            throw new IllegalArgumentException("Entities are either compared or skipped, with the reason");
        }
    }

    /** The entities {@code request} gives, their summaries written in {@code summaryDirectory}. */
    public static Entities of(Function<Migrator, AutogenerateRequest.Builder> request, Path summaryDirectory) {
        return new Entities(request, summaryDirectory, null, null, null, null, OtherModules.UNSEEN);
    }

    /** No entities to compare, for the reason {@code why}. */
    public static Entities none(String why) {
        return new Entities(null, Path.of("."), null, why, null, null, OtherModules.UNSEEN);
    }

    /** These entities, the Markdown summary appended to {@code file} too; null: none. */
    public Entities appendingTo(@Nullable Path file) {
        return new Entities(request, summaryDirectory, file, skipped, origin, module, others);
    }

    /** These entities, their model built by {@code origin}'s provider; empty: not known. */
    public Entities builtBy(Optional<EntityOrigin> origin) {
        return new Entities(request, summaryDirectory, jobSummary, skipped, origin.orElse(null), module, others);
    }

    /**
     * These entities, those of module {@code module} (empty: of the application): a written revision continues that
     * module's own chain, whatever the heads of the modules it builds on.
     */
    public Entities ofModule(Optional<String> module) {
        return new Entities(request, summaryDirectory, jobSummary, skipped, origin, module.orElse(null), others);
    }

    /**
     * These entities beside the build's {@code others} modules: a table of their module's chain whose entity one of
     * those has now is handed over to it by {@code autogenerate}, not dropped.
     */
    public Entities beside(OtherModules others) {
        return new Entities(request, summaryDirectory, jobSummary, skipped, origin, module, others);
    }

    /**
     * The heads a new revision of these entities revises: the heads of their module's chain (the application's own
     * revisions for entities of no module), written as the module writes them (the id alone), none for its first.
     */
    List<String> parents(Migrator chain) {
        String own = module == null ? "" : module;
        return chain.heads().stream()
                .filter(h -> MigratorTools.moduleOf(h).equals(own))
                .map(h -> own.isEmpty() ? h : h.substring(own.length() + 1))
                .toList();
    }

    /** Keeps the origin of the model as that of one that matches the schema at head. */
    void matchHead(CommandContext context) {
        if (origin != null) {
            ProviderBaseline.agreed(context.project().kept(ProviderBaseline.FILE), origin);
        }
    }

    /** What {@code count} differences owe to a provider that changed since the model last matched; empty: nothing. */
    Optional<String> providerCause(CommandContext context, Migrator chain, int count) {
        if (origin == null) {
            return Optional.empty();
        }
        return ProviderBaseline.cause(
                context.project().kept(ProviderBaseline.FILE),
                headProvider(context, chain),
                context.fixes(),
                origin,
                count);
    }

    /** The provider the header of the chain's one head names, when autogenerate wrote it; empty otherwise. */
    private static Optional<String> headProvider(CommandContext context, Migrator chain) {
        List<String> heads = chain.heads();
        if (heads.size() != 1) {
            return Optional.empty();
        }
        return context.project()
                .sourceFile(chain.revision(heads.get(0)).migrationClass())
                .flatMap(file -> {
                    try {
                        return ProviderBaseline.named(Files.readString(file));
                    } catch (IOException e) {
                        return Optional.empty(); // an unreadable source names no provider
                    }
                });
    }
    /**
     * What is compared with {@code chain}'s schema: the tables another module's chain owns are left alone (a
     * library's, created by the revisions in its jar; one this module handed over).
     */
    AutogenerateRequest.Builder requestFor(Migrator chain) {
        if (request == null) {
            throw new IllegalStateException("The entities are skipped: " + skipped);
        }
        // the tables of other modules (a library's, one this module handed over) are theirs: read, never changed
        return request.apply(chain)
                .excludingAlso(MigratorTools.of(chain).tableOwners().ownedByOthers(module == null ? "" : module));
    }

    /** Why the entities are not compared; empty when they are. */
    Optional<String> skippedBecause() {
        return Optional.ofNullable(skipped);
    }
}
