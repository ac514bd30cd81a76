package dev.migrate.imports.tool;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the old tool would run, in its order: every migration it finds, with what it found but cannot be
 * imported named in {@code refusals} (file, id and the way out) rather than dropped.
 *
 * @param tool the tool
 * @param migrations versioned migrations (Flyway) or changesets (Liquibase) in the order the old tool applies
 *     them on an empty database, then Flyway's repeatable migrations in its order (by description)
 * @param table the old history table, as configured ({@code flyway.table}, {@code databaseChangeLogTableName})
 * @param schema the schema of that table, or {@code null} for the connection's first schema
 * @param baselineVersion Flyway's {@code baselineVersion} when configured, else {@code null}
 * @param refusals what the old tool would run and the import cannot keep, each a full sentence naming the file,
 *     the migration and the fix; an import with any refusal writes nothing
 * @param warnings what the import keeps in another form, each a full sentence
 */
public record OldChain(
        OldTool tool,
        List<OldMigration> migrations,
        String table,
        @Nullable String schema,
        @Nullable String baselineVersion,
        List<String> refusals,
        List<String> warnings) {
    public OldChain {
        Objects.requireNonNull(tool, "tool");
        migrations = List.copyOf(migrations);
        Objects.requireNonNull(table, "table");
        refusals = List.copyOf(refusals);
        warnings = List.copyOf(warnings);
    }
}
