package dev.migrate.command.tooling;

import static dev.migrate.command.settings.SettingsTable.BASELINE_DATA;
import static dev.migrate.command.settings.SettingsTable.DATA_DIRECTORY;
import static dev.migrate.command.settings.SettingsTable.DATA_ROW_LIMIT;
import static dev.migrate.command.settings.SettingsTable.MANAGED_SCHEMA;
import static dev.migrate.command.settings.SettingsTable.MESSAGE;
import static dev.migrate.command.settings.SettingsTable.SOURCE;
import static dev.migrate.command.settings.SettingsTable.SOURCE_DIRECTORY;
import static dev.migrate.command.settings.SettingsTable.SOURCE_SQL_DIRECTORY;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.RevisionDetails;
import dev.migrate.autogen.Autogenerate;
import dev.migrate.autogen.BaselineRows;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.command.CommandContext;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.text.Fixes;
import dev.migrate.tooling.ChainTables;
import dev.migrate.tooling.MigratorTools;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@code baseline}: adopts a live database, writing the first migration of a new chain from its schema, read in
 * one snapshot and never written to: {@code new BaselineCommand("baseline", "public", root).run(database, face)}.
 *
 * @param message the migration's message, which also names its class
 * @param managedSchema the schema the baseline describes
 * @param sources where the class is written
 * @param data the tables whose rows the baseline carries too ({@code countries}, {@code billing.plans}), each
 *     also written as a declared table's file in {@code dataDirectory} when it has none
 * @param rowLimit the most rows such a table may hold
 * @param dataDirectory where the declared tables' files are
 */
public record BaselineCommand(
        String message, String managedSchema, SourceRoot sources, List<String> data, int rowLimit, Path dataDirectory) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.database("baseline")
            .and(
                    MESSAGE,
                    SOURCE_DIRECTORY,
                    MANAGED_SCHEMA,
                    SOURCE,
                    SOURCE_SQL_DIRECTORY,
                    DATA_DIRECTORY,
                    DATA_ROW_LIMIT,
                    BASELINE_DATA);

    public BaselineCommand {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(managedSchema, "managedSchema");
        Objects.requireNonNull(sources, "sources");
        data = NonBlank.of(data);
    }

    /** A baseline of the schema alone, carrying no table's rows. */
    public BaselineCommand(String message, String managedSchema, SourceRoot sources) {
        this(message, managedSchema, sources, List.of(), 1, Path.of("src/main/resources/db/data"));
    }

    /** Fails, before anything is read, on a blank message. */
    public void checkSettings(Fixes fixes) {
        if (message.isBlank()) {
            throw new MigrateException(fixes.command("baseline") + " needs a message. Add "
                    + fixes.setting("message", "\"baseline\"") + ". Nothing was read or written.");
        }
    }

    /**
     * Writes the baseline of {@code database}'s schema, or nothing when it holds no table, sequence or type.
     *
     * @throws MigrateException when the chain has migrations already, naming them and the two ways on
     */
    public void run(DataSource database, CommandContext context) {
        checkSettings(context.fixes());
        Migrator chain = context.migrations(false).build();
        ChainTables settings = MigratorTools.of(chain).tables();
        List<RevisionDetails> revisions = chain.revisions();
        if (!revisions.isEmpty()) {
            throw new MigrateException(
                    context.fixes().command("baseline") + " writes the first migration of a chain, and "
                            + sources.packageName() + " already holds " + revisions.size() + " revision"
                            + (revisions.size() == 1 ? "" : "s") + ": " + listed(revisions) + ". To adopt a database "
                            + "this chain already describes, mark it as at the revision its schema matches ("
                            + context.fixes().command("stamp") + " "
                            + context.fixes().setting("target", "<id>") + ") and compare ("
                            + context.fixes().command("check")
                            + ") with its URL; to start the chain from this database instead, delete "
                            + "those migration classes first. Nothing was written.");
        }
        MigrationScript script;
        try (Connection c = database.getConnection()) {
            // one snapshot of the catalog, and nothing written to the database being adopted
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                script = Autogenerate.baseline(c, managedSchema, settings.versionTable(), settings.historyTable());
                if (!data.isEmpty()) {
                    BaselineRows rows = Autogenerate.baselineRows(c, managedSchema, data, rowLimit, dataDirectory);
                    script = script.followedBy(rows.script());
                    rows.written()
                            .forEach(file -> context.output()
                                    .info("Wrote " + context.shown(file)
                                            + ": its rows are declared now, compared by autogenerate, check and"
                                            + " drift."));
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the schema " + managedSchema + " of the database: " + e.getMessage(), e);
        }
        script.warnings().forEach(context.output()::warn);
        if (script.isEmpty()) {
            context.output()
                    .info("Schema " + managedSchema + " of the database holds no table, sequence or enum type, so "
                            + "there is no baseline to write. Nothing written: start the chain with "
                            + context.fixes().command("autogenerate") + " "
                            + context.fixes().setting("message", "\"...\"")
                            + " instead.");
            return;
        }
        String id = SourceRoot.nextId(chain, List.of());
        Path path = sources.write(NewMigration.baseline(id, message.strip(), script));
        long tables = script.changes().stream()
                .filter(c -> c.description().subject().startsWith("table "))
                .count();
        context.output()
                .info("Wrote " + path + " (revision " + id + ", " + tables + " table" + (tables == 1 ? "" : "s")
                        + " of schema " + managedSchema
                        + " with what they use and hold). Review it, then mark this database as"
                        + " at that revision without running it: "
                        + context.fixes().command("stamp") + " "
                        + context.fixes().setting("target", id)
                        + " with the same URL. A new database gets it with "
                        + context.fixes().command("upgrade") + ".");
    }

    /** The first revisions by id and message, enough to recognise the chain. */
    private static String listed(List<RevisionDetails> revisions) {
        String shown = revisions.stream()
                .limit(5)
                .map(r -> r.id() + (r.message().isEmpty() ? "" : " (" + r.message() + ")"))
                .collect(Collectors.joining(", "));
        return revisions.size() > 5 ? shown + " and " + (revisions.size() - 5) + " more" : shown;
    }
}
