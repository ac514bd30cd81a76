package dev.migrate.command;

import dev.migrate.Migrator;
import dev.migrate.autogen.AutogenerateRequest;
import java.nio.file.Path;
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
 */
public record Entities(
        @Nullable Function<Migrator, AutogenerateRequest.Builder> request,
        Path summaryDirectory,
        @Nullable Path jobSummary,
        @Nullable String skipped) {

    public Entities {
        Objects.requireNonNull(summaryDirectory, "summaryDirectory");
        if ((request == null) == (skipped == null)) {
            throw new IllegalArgumentException("Entities are either compared or skipped, with the reason");
        }
    }

    /** The entities {@code request} gives, their summaries written in {@code summaryDirectory}. */
    public static Entities of(Function<Migrator, AutogenerateRequest.Builder> request, Path summaryDirectory) {
        return new Entities(request, summaryDirectory, null, null);
    }

    /** No entities to compare, for the reason {@code why}. */
    public static Entities none(String why) {
        return new Entities(null, Path.of("."), null, why);
    }

    /** These entities, the Markdown summary appended to {@code file} too; null: none. */
    public Entities appendingTo(@Nullable Path file) {
        return new Entities(request, summaryDirectory, file, skipped);
    }

    /** What is compared with {@code chain}'s schema. */
    AutogenerateRequest.Builder requestFor(Migrator chain) {
        if (request == null) {
            throw new IllegalStateException("The entities are skipped: " + skipped);
        }
        return request.apply(chain);
    }

    /** Why the entities are not compared; empty when they are. */
    Optional<String> skippedBecause() {
        return Optional.ofNullable(skipped);
    }
}
