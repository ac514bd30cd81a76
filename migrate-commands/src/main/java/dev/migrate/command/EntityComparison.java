package dev.migrate.command;

import dev.migrate.Migrator;
import dev.migrate.autogen.Autogenerate;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.autogen.AutogenerateResult;
import dev.migrate.autogen.ComparisonDatabase;
import dev.migrate.autogen.write.ChangeNotes;
import dev.migrate.catalog.diff.DefinitionDiff;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.command.output.CommandResult;
import dev.migrate.pictures.ChangeSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The comparison of the entities with the schema at head, the one pipeline behind {@code check},
 * {@code autogenerate} and the head of {@code verify}: on the configured database (which must be at head), or on
 * the face's default, from the caches when they hold both sides, otherwise on a throwaway server with the
 * migrations replayed. What it found is summarised in {@code changes.md} and {@code changes.json} before a
 * command acts on it.
 *
 * @param entitiesOn where the entity side is built when a database is configured
 * @param measureTimeout with a configured database, how long each query that measures a risky change may run
 * @param largeTableRows with a configured database, the estimated rows from which a table counts as large
 */
public record EntityComparison(ComparisonDatabase entitiesOn, Duration measureTimeout, long largeTableRows) {

    /** How long each query that measures a risky change may run where a face leaves it unset. */
    public static final Duration DEFAULT_MEASURE_TIMEOUT = Duration.ofSeconds(5);

    /** What a face gives the comparison besides what every command reading schemas gets. */
    public interface Face extends SchemaFace {
        /**
         * What is compared with {@code chain}'s schema: the entities, the managed schema, exclusions, renames, the
         * declared objects and the entity cache, as the face's settings say.
         */
        AutogenerateRequest.Builder request(Migrator chain);

        /** Where {@code changes.md} and {@code changes.json} are written. */
        Path summaryDirectory();

        /** A job summary the Markdown is appended to, such as GitHub's; empty: none. */
        Optional<Path> jobSummary();
    }

    /** What the comparison found, and the chain it compared. */
    public record AtHead(Migrator chain, AutogenerateResult result) {}

    public EntityComparison {
        Objects.requireNonNull(entitiesOn, "entitiesOn");
        Objects.requireNonNull(measureTimeout, "measureTimeout");
    }

    /**
     * The comparison on {@code entitiesOn} with the default measure timeout and large-table rows, as a face with
     * no settings of its own for them makes it: {@code EntityComparison.withDefaults(ComparisonDatabase.AUTO)}.
     */
    public static EntityComparison withDefaults(ComparisonDatabase entitiesOn) {
        return new EntityComparison(entitiesOn, DEFAULT_MEASURE_TIMEOUT, LintChain.DEFAULT_LARGE_TABLE_ROWS);
    }

    /**
     * Compares, and writes the summaries of what was found before the command acts on it.
     *
     * @param command the command, as the summaries name it ({@code check}, {@code autogenerate})
     * @param expectingNoDifference whether a difference is the exception ({@code check}), which lets a cold
     *     comparison try the schema at head read from the migrations' SQL before it starts a server
     */
    public AtHead run(String command, boolean expectingNoDifference, Face face) {
        Optional<? extends DataSource> configured = face.configuredDatabase();
        Migrator chain = configured.isPresent()
                ? face.migrations(true).dataSource(configured.get()).build()
                : face.migrations(false).build();
        AutogenerateRequest.Builder request =
                face.request(chain).entitiesOn(entitiesOn).expectingNoDifference(expectingNoDifference);
        if (configured.isPresent()) {
            request.measuringRows(measureTimeout, largeTableRows);
        } else {
            face.replayCache().ifPresent(request::replayCacheIn);
        }
        AutogenerateResult result =
                Autogenerate.run(request.build(), face.databases(configured.orElse(null)), ComparisonLog.of(face));
        summarise(command, result.script(), face);
        return new AtHead(chain, result);
    }

    /** The differences between the entities and the schema on {@code database}, a throwaway one at head, reported. */
    public static List<String> differencesOn(Migrator chain, DataSource database, Face face) {
        return report(
                Autogenerate.run(face.request(chain).build(), face.databases(database), ComparisonLog.of(face))
                        .script(),
                face);
    }

    /** Prints each warning and each change's notes; returns the changes' descriptions. */
    public static List<String> report(MigrationScript script, CommandFace face) {
        script.warnings().forEach(face::warn);
        List<String> lines = new ArrayList<>();
        script.changes().forEach(change -> {
            String text = change.description().text();
            // a changed definition says where it changes: the lines that differ, database first
            lines.add(DefinitionDiff.of(change.ops())
                    .map(diff -> text + " (- the database, + the project):\n      " + diff.replace("\n", "\n      "))
                    .orElse(text));
            ChangeNotes.of(change).forEach(note -> face.warn("  " + text + ": " + note));
        });
        return lines;
    }

    /** Each change of {@code script} as the JSON document lists it. */
    static List<CommandResult.Difference> differences(MigrationScript script) {
        return script.changes().stream()
                .map(change -> {
                    Description d = change.description();
                    return new CommandResult.Difference(
                            d.action().name().toLowerCase(Locale.ROOT), d.subject(), d.detail(), d.text());
                })
                .toList();
    }

    private static void summarise(String command, MigrationScript script, Face face) {
        Optional<Path> job = face.jobSummary();
        List<Path> written = ChangeSummary.of(command, script).write(face.summaryDirectory(), job.orElse(null));
        face.info("The changes are summarised in " + face.shown(written.get(0)) + " and " + face.shown(written.get(1))
                + job.map(file -> ", and appended to the job summary " + file).orElse("") + ".");
    }
}
