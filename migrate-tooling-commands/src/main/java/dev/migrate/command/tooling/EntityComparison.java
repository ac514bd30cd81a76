package dev.migrate.command.tooling;

import static dev.migrate.command.settings.SettingsTable.COMPARISON_DATABASE;
import static dev.migrate.command.settings.SettingsTable.DATA_DIRECTORY;
import static dev.migrate.command.settings.SettingsTable.DATA_ROW_LIMIT;
import static dev.migrate.command.settings.SettingsTable.ENTITY_CACHE;
import static dev.migrate.command.settings.SettingsTable.ENTITY_PACKAGES;
import static dev.migrate.command.settings.SettingsTable.ENTITY_SNAPSHOT;
import static dev.migrate.command.settings.SettingsTable.EXCLUDE;
import static dev.migrate.command.settings.SettingsTable.HIBERNATE_PROPERTIES;
import static dev.migrate.command.settings.SettingsTable.IMPLICIT_NAMING_STRATEGY;
import static dev.migrate.command.settings.SettingsTable.LARGE_TABLE_ROWS;
import static dev.migrate.command.settings.SettingsTable.MANAGED_SCHEMA;
import static dev.migrate.command.settings.SettingsTable.MEASURE_TIMEOUT;
import static dev.migrate.command.settings.SettingsTable.NOT_RENAMED;
import static dev.migrate.command.settings.SettingsTable.OBJECTS_DIRECTORY;
import static dev.migrate.command.settings.SettingsTable.PERSISTENCE_UNIT;
import static dev.migrate.command.settings.SettingsTable.PHYSICAL_NAMING_STRATEGY;
import static dev.migrate.command.settings.SettingsTable.RENAMES;
import static dev.migrate.command.settings.SettingsTable.REPLAY_CACHE;
import static dev.migrate.command.settings.SettingsTable.SERIAL_TO_IDENTITY;
import static dev.migrate.command.settings.SettingsTable.SOURCE;
import static dev.migrate.command.settings.SettingsTable.SOURCE_COMMAND;
import static dev.migrate.command.settings.SettingsTable.SOURCE_MAIN_CLASS;
import static dev.migrate.command.settings.SettingsTable.SOURCE_SQL_DIRECTORY;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.Autogenerate;
import dev.migrate.autogen.AutogenerateRequest;
import dev.migrate.autogen.AutogenerateResult;
import dev.migrate.autogen.ComparisonDatabase;
import dev.migrate.autogen.EntityDdlSource;
import dev.migrate.autogen.cache.FileReads;
import dev.migrate.autogen.objects.DeclaredStatement;
import dev.migrate.autogen.write.ChangeNotes;
import dev.migrate.catalog.diff.DefinitionDiff;
import dev.migrate.catalog.diff.Description;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.command.CommandContext;
import dev.migrate.command.output.CommandResult;
import dev.migrate.command.settings.Setting;
import dev.migrate.pictures.ChangeSummary;
import dev.migrate.servers.ComparisonDatabases;
import dev.migrate.servers.NeededExtensions;
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
    /** The settings of the comparison of the entities with the schema at head, as the commands that compare take them. */
    public static final List<Setting<?>> ROWS = List.of(
            ENTITY_PACKAGES,
            PERSISTENCE_UNIT,
            PHYSICAL_NAMING_STRATEGY,
            IMPLICIT_NAMING_STRATEGY,
            HIBERNATE_PROPERTIES,
            EXCLUDE,
            RENAMES,
            NOT_RENAMED,
            SERIAL_TO_IDENTITY,
            MEASURE_TIMEOUT,
            LARGE_TABLE_ROWS,
            MANAGED_SCHEMA,
            COMPARISON_DATABASE,
            ENTITY_CACHE,
            ENTITY_SNAPSHOT,
            REPLAY_CACHE,
            SOURCE,
            SOURCE_SQL_DIRECTORY,
            SOURCE_COMMAND,
            SOURCE_MAIN_CLASS,
            OBJECTS_DIRECTORY,
            DATA_DIRECTORY,
            DATA_ROW_LIMIT);

    /**
     * The rows of {@link #ROWS} that say where the desired schema comes from: the entities, a source of it, the
     * declared objects and data. The commands of the command line that compare no entities do without them.
     */
    public static final List<Setting<?>> DESIRED_SCHEMA = List.of(
            ENTITY_PACKAGES,
            SOURCE,
            SOURCE_SQL_DIRECTORY,
            SOURCE_COMMAND,
            SOURCE_MAIN_CLASS,
            OBJECTS_DIRECTORY,
            DATA_DIRECTORY);

    /** How long each query that measures a risky change may run where a face leaves it unset. */
    public static final Duration DEFAULT_MEASURE_TIMEOUT = Duration.ofSeconds(5);

    /**
     * What the comparison found, and the chain it compared.
     *
     * @param compared the desired schema's source as the log names it ({@link EntityDdlSource#described}): {@code
     *     the entities}, {@code the SQL schema files in src/main/resources/db/schema}
     */
    public record AtHead(Migrator chain, AutogenerateResult result, String compared) {
        /** The line of a comparison that found nothing: the entities', as ever, or the source's it names. */
        public String noDifferences() {
            return compared.equals(EntityDdlSource.ENTITIES)
                    ? "No differences: the entities match the schema at head."
                    : "No differences between the schema at head and " + compared + ".";
        }

        /** The line of an {@code autogenerate} that found nothing to write, naming the source as {@link #noDifferences}. */
        public String noChanges() {
            return compared.equals(EntityDdlSource.ENTITIES)
                    ? "No changes detected: the entities match the schema at head. Nothing written."
                    : "No changes detected between the schema at head and " + compared + ". Nothing written.";
        }

        /** The start of the error of a comparison that found {@code count} differences. */
        public String differ(int count, boolean rows) {
            String ways = " in " + count + " way" + (count == 1 ? "" : "s");
            if (compared.equals(EntityDdlSource.ENTITIES)) {
                return (rows ? "The entities and declared rows differ" : "The entities differ")
                        + " from the schema at head" + ways;
            }
            return "The schema at head differs from " + compared + (rows ? " and the declared rows" : "") + ways;
        }
    }

    public EntityComparison {
        Objects.requireNonNull(entitiesOn, "entitiesOn");
        Objects.requireNonNull(measureTimeout, "measureTimeout");
    }

    /**
     * The comparison on {@code entitiesOn} with the default measure timeout and large-table rows, as a face with
     * no settings of its own for them makes it: {@code EntityComparison.withDefaults(ComparisonDatabase.AUTO)}.
     */
    public static EntityComparison withDefaults(ComparisonDatabase entitiesOn) {
        return new EntityComparison(entitiesOn, DEFAULT_MEASURE_TIMEOUT, LintCommand.DEFAULT_LARGE_TABLE_ROWS);
    }

    /**
     * Compares, and writes the summaries of what was found before the command acts on it.
     *
     * @param command the command, as the summaries name it ({@code check}, {@code autogenerate})
     * @param expectingNoDifference whether a difference is the exception ({@code check}), which lets a cold
     *     comparison try the schema at head read from the migrations' SQL before it starts a server
     */
    public AtHead run(String command, boolean expectingNoDifference, CommandContext context, Entities entities) {
        // the class files written since the last seconds (a compile's) are read once for every key and model
        FileReads.Scope reads = FileReads.scope();
        try {
            return context.keepingConnections(() -> compare(command, expectingNoDifference, context, entities));
        } finally {
            reads.close();
        }
    }

    private AtHead compare(String command, boolean expectingNoDifference, CommandContext context, Entities entities) {
        Prepared prepared = prepare(expectingNoDifference, context, entities, false);
        AutogenerateResult result =
                Autogenerate.run(prepared.request(), prepared.databases(), ComparisonLog.of(context));
        String compared = prepared.request().entityDdl().described();
        summarise(ChangeSummary.of(command, result.script()).comparedWith(compared), context, entities);
        return new AtHead(prepared.chain(), result, compared);
    }

    /**
     * Readies what the next comparison of a session whose throwaway servers are kept (a watch's) needs on the embedded
     * default, behind the last one ({@link AutogenerateRequest.Builder#readyingAhead()}): a chain the replay cache
     * does not hold yet (the last comparison read its SQL as text) is replayed on the throwaway server and kept there
     * with the entity side built beside it, and when the caches answered without a server (or there are no caches),
     * the server is started. The next comparison then finds the schema at head in the replay cache and its server up,
     * rather than waiting for them. Nothing is summarised, and nothing is done on a configured database; what it
     * logs goes to {@code context}'s output.
     *
     * @return whether anything was readied: false on a configured database
     * @throws MigrateException as the comparison would fail (the next one meets the same failure and reports it)
     */
    public boolean readyAhead(CommandContext context, Entities entities) {
        if (context.configuredDatabase().isPresent()) {
            return false;
        }
        FileReads.Scope reads = FileReads.scope();
        try {
            Prepared prepared = prepare(false, context, entities, true);
            AutogenerateRequest request = prepared.request();
            ComparisonDatabases databases = prepared.databases();
            // without both caches every comparison replays the chain on a server, and only the server can be readied
            if (request.replayCache().isPresent() && request.entityCache().isPresent()) {
                Autogenerate.run(request, databases, ComparisonLog.of(context));
            } else {
                databases.start(databases.defaultVersion()).close(); // kept: its use closed, the server stays up
            }
            return true;
        } finally {
            reads.close();
        }
    }

    /** The chain, the request and the databases of a comparison on {@code context}. */
    private record Prepared(Migrator chain, AutogenerateRequest request, ComparisonDatabases databases) {}

    private Prepared prepare(
            boolean expectingNoDifference, CommandContext context, Entities entities, boolean readyingAhead) {
        Optional<? extends DataSource> configured = context.configuredDatabase();
        Migrator.Builder migrations = configured.isPresent()
                ? context.migrations(true).dataSource(configured.get())
                : context.migrations(false);
        if (readyingAhead) {
            migrations.log(context.output().asMigrationLog()); // the chain's replay too says no more than the context
        }
        Migrator chain = migrations.build();
        AutogenerateRequest.Builder request =
                entities.requestFor(chain).entitiesOn(entitiesOn).expectingNoDifference(expectingNoDifference);
        if (readyingAhead) {
            request.readyingAhead();
        }
        if (configured.isPresent()) {
            request.measuringRows(measureTimeout, largeTableRows);
        } else {
            context.replayCache().ifPresent(request::replayCacheIn);
        }
        AutogenerateRequest built = request.build();
        // the extensions the declared objects create (pgvector, PostGIS) are needed where the entities are built
        List<String> declared = built.objects().statements().stream()
                .map(DeclaredStatement::sql)
                .toList();
        return new Prepared(
                chain, built, context.databases(configured.orElse(null), chain).needing(NeededExtensions.in(declared)));
    }

    /** The differences between the entities and the schema on {@code database}, a throwaway one at head, reported. */
    static List<String> differencesOn(Migrator chain, DataSource database, CommandContext context, Entities entities) {
        return report(
                Autogenerate.run(
                                entities.requestFor(chain).build(),
                                context.databases(database, chain),
                                ComparisonLog.of(context))
                        .script(),
                context);
    }

    /** Prints each warning and each change's notes; returns the changes' descriptions. */
    public static List<String> report(MigrationScript script, CommandContext context) {
        script.warnings().forEach(context.output()::warn);
        List<String> lines = new ArrayList<>();
        script.changes().forEach(change -> {
            String text = change.description().text();
            // a changed definition says where it changes: the lines that differ, database first
            lines.add(DefinitionDiff.of(change.ops())
                    .map(diff -> text + " (- the database, + the project):\n      " + diff.replace("\n", "\n      "))
                    .orElse(text));
            ChangeNotes.of(change).forEach(note -> context.output().warn("  " + text + ": " + note));
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

    private static void summarise(ChangeSummary summary, CommandContext context, Entities entities) {
        Optional<Path> job = Optional.ofNullable(entities.jobSummary());
        List<Path> written = summary.write(entities.summaryDirectory(), job.orElse(null));
        context.output()
                .info("The changes are summarised in " + context.shown(written.get(0)) + " and "
                        + context.shown(written.get(1))
                        + job.map(file -> ", and appended to the job summary " + file)
                                .orElse("") + ".");
    }
}
