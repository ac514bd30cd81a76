package dev.migrate.command.tooling;

import dev.migrate.MigrateException;
import dev.migrate.autogen.Autogenerate;
import dev.migrate.autogen.objects.SqlSchemaFiles;
import dev.migrate.catalog.diff.Change;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.command.CommandContext;
import dev.migrate.tooling.ChainTables;
import dev.migrate.tooling.MigratorTools;
import dev.migrate.tooling.OpSql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code baseline} with source {@code sql}: writes the managed schema of a live database as SQL schema files, so
 * that a team switches its source of truth to them: one file per table under {@code tables/} (with its indexes,
 * constraints and comments), {@code types.sql} for what the tables use (types, sequences, functions they call) and
 * {@code objects.sql} for the rest (views, functions, triggers). The files are what a migration of the baseline
 * would run, so {@code check} with source {@code sql} finds no difference right after. The database is only read.
 *
 * <pre>{@code
 * new SchemaFilesBaseline("public", project.resolve("src/main/resources/db/schema")).run(database, context);
 * }</pre>
 *
 * @param managedSchema the schema written
 * @param directory where the files go; it may hold no {@code .sql} file yet
 */
public record SchemaFilesBaseline(String managedSchema, Path directory) {
    static final String TYPES = "types.sql";
    static final String OBJECTS = "objects.sql";

    /** Writes the files of {@code database}'s schema; an error, with nothing written, when the directory has some. */
    public void run(DataSource database, CommandContext context) {
        String shown = context.shown(directory);
        if (SqlSchemaFiles.present(directory)) {
            throw new MigrateException(shown + " holds .sql files already, and the baseline does not write over"
                    + " them. Move them away, or write the baseline elsewhere with -Dmigrate.source.sql.dir=<dir>."
                    + " Nothing was written.");
        }
        ChainTables tables = MigratorTools.of(context.migrations(false).build()).tables();
        MigrationScript script;
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                script = Autogenerate.baseline(c, managedSchema, tables.versionTable(), tables.historyTable());
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new MigrateException(
                    "Could not read the schema " + managedSchema + " of the database: " + e.getMessage(), e);
        }
        script.warnings().forEach(context.output()::warn);
        Map<String, StringBuilder> files = files(script.changes());
        if (files.isEmpty()) {
            context.output()
                    .info("Schema " + managedSchema + " of the database holds nothing to write: no file written.");
            return;
        }
        try {
            for (Map.Entry<String, StringBuilder> file : files.entrySet()) {
                Path path = directory.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new MigrateException("Could not write the schema files in " + shown + ": " + e.getMessage(), e);
        }
        context.output()
                .info("Wrote " + files.size() + " schema file" + (files.size() == 1 ? "" : "s") + " of schema "
                        + managedSchema + " to " + shown + ". They are the desired schema now: "
                        + context.fixes().command("check") + " "
                        + context.fixes().setting("source", "sql")
                        + " compares them with the chain.");
    }

    /**
     * The text of each file by its path under the directory, in the order the baseline writes the changes: a table's
     * own change opens its file, and what names it ({@code index orders_customer on orders}) joins it.
     */
    static Map<String, StringBuilder> files(List<Change> changes) {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        Map<String, String> tableFiles = new LinkedHashMap<>();
        boolean tablesSeen = false;
        for (Change change : changes) {
            String subject = change.description().subject();
            String file;
            if (subject.startsWith("table ")) {
                String table = unqualified(subject.substring("table ".length()));
                file = "tables/" + table + ".sql";
                tableFiles.put(table, file);
                tablesSeen = true;
            } else {
                int on = subject.lastIndexOf(" on ");
                String owner =
                        on < 0 ? null : unqualified(subject.substring(on + 4).strip());
                file = owner != null && tableFiles.containsKey(owner)
                        ? tableFiles.get(owner)
                        : tablesSeen ? OBJECTS : TYPES;
            }
            StringBuilder text = files.computeIfAbsent(
                    file,
                    f -> new StringBuilder(
                            "-- The desired schema (migrate.source=sql), first written by migrate:baseline.\n"));
            text.append("\n-- ").append(subject).append('\n');
            for (String sql : OpSql.renderAll(change.ops())) {
                text.append(sql.strip()).append(sql.strip().endsWith(";") ? "\n" : ";\n");
            }
        }
        return files;
    }

    private static String unqualified(String name) {
        String first = name.split("\\s+", -1)[0];
        return first.substring(first.lastIndexOf('.') + 1).replace("\"", "");
    }
}
