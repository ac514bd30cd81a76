package dev.migrate.command;

import dev.migrate.tooling.MigratorTools;
import java.util.List;

/**
 * {@code import} with {@code retire}: drops the history table of the tool a database moved in from (Flyway's
 * {@code flyway_schema_history}, Liquibase's {@code databasechangelog} and its lock table) once that database has
 * moved in, after saying what it drops; as a dry run, only says it:
 * {@code new RetireCommand(false).run(face)}.
 *
 * @param drop false for the dry run
 */
public record RetireCommand(boolean drop) {
    /** Says what is dropped, and drops it unless this is the dry run. */
    public void run(CommandContext context) {
        context.onDatabase(builder -> {
            MigratorTools tools = MigratorTools.of(builder.build());
            List<String> statements = tools.retireOldHistory(false);
            if (statements.isEmpty()) {
                context.output().info("This database holds no Flyway or Liquibase history table: nothing to retire.");
                return;
            }
            context.output()
                    .info((drop ? "Dropping" : "Would drop (dry run)") + " the old tool's history, read for the last"
                            + " time when this database moved in:\n  " + String.join(";\n  ", statements) + ";");
            if (drop) {
                tools.retireOldHistory(true);
                context.output().info("Dropped. " + context.fixes().command("history") + " keeps the imported past.");
            } else {
                context.output()
                        .info("Run " + context.fixes().command("import") + " "
                                + context.fixes().setting("import.retire", "true") + " to drop it.");
            }
        });
    }
}
