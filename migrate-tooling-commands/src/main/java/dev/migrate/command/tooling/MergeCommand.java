package dev.migrate.command.tooling;

import static dev.migrate.command.settings.SettingsTable.MESSAGE;
import static dev.migrate.command.settings.SettingsTable.REVISIONS;
import static dev.migrate.command.settings.SettingsTable.SOURCE_DIRECTORY;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.command.CommandContext;
import dev.migrate.command.settings.TakenSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code merge}: writes a migration that revises several heads, joining branches into one head again:
 * {@code new MergeCommand(List.of(), null, root).run(face)}.
 *
 * @param revisions the revisions to merge (full or unique-prefix ids); empty: every head
 * @param message the migration's message; null: {@code merge <a> and <b>}
 * @param sources where the class is written
 */
public record MergeCommand(List<String> revisions, @Nullable String message, SourceRoot sources) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.every("merge").and(MESSAGE, REVISIONS, SOURCE_DIRECTORY);

    public MergeCommand {
        revisions = NonBlank.of(revisions);
        Objects.requireNonNull(sources, "sources");
    }

    /** Writes the merge; returns its file. */
    public Path run(CommandContext context) {
        Migrator chain = context.migrations(false).build();
        List<String> parents = revisions.isEmpty() ? chain.heads() : resolve(chain);
        if (parents.size() < 2) {
            throw new MigrateException("A merge needs two or more revisions, but "
                    + (revisions.isEmpty()
                            ? "the graph has " + parents.size() + " head(s) " + parents + ". There is nothing to merge."
                            : "only " + parents + " was given. List them with "
                                    + context.fixes().setting("revisions", "a,b") + "."));
        }
        String text = message == null || message.isBlank() ? "merge " + String.join(" and ", parents) : message;
        return RevisionCommand.written(
                sources, NewMigration.merge(SourceRoot.nextId(chain, parents), parents, text), context);
    }

    private List<String> resolve(Migrator chain) {
        List<String> ids = new ArrayList<>();
        for (String revision : revisions) {
            ids.add(chain.revision(revision).id());
        }
        return ids.stream().distinct().toList();
    }
}
