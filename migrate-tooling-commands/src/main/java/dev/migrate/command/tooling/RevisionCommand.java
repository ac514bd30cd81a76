package dev.migrate.command.tooling;

import static dev.migrate.command.settings.SettingsTable.HEAD;
import static dev.migrate.command.settings.SettingsTable.MESSAGE;
import static dev.migrate.command.settings.SettingsTable.SOURCE_DIRECTORY;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.command.CommandContext;
import dev.migrate.command.settings.TakenSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code revision}: writes an empty migration on the head, for a change written by hand:
 * {@code new RevisionCommand("add status column", null, root).run(face)}.
 *
 * @param message the migration's one-line description, which also names its class
 * @param head the head it revises when the chain has several (a full or unique-prefix id); null: the one head
 * @param sources where the class is written
 */
public record RevisionCommand(String message, @Nullable String head, SourceRoot sources) {
    /** The settings it takes, rows of the settings table. */
    public static final TakenSettings SETTINGS = TakenSettings.every("revision").and(MESSAGE, HEAD, SOURCE_DIRECTORY);

    public RevisionCommand {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sources, "sources");
    }

    /** Writes the migration; returns its file. */
    public Path run(CommandContext context) {
        if (message.isBlank()) {
            throw new MigrateException(context.fixes().command("revision") + " needs a message. Add "
                    + context.fixes().setting("message", "\"what the migration does\"") + ".");
        }
        Migrator chain = context.migrations(false).build();
        List<String> parents = parent(chain.heads(), context);
        return written(sources, NewMigration.empty(SourceRoot.nextId(chain, parents), parents, message), context);
    }

    private List<String> parent(List<String> heads, CommandContext context) {
        if (head != null && !head.isBlank()) {
            List<String> matches =
                    heads.stream().filter(h -> h.startsWith(head.strip())).toList();
            if (matches.size() != 1) {
                throw new MigrateException("The head '" + head + "' "
                        + (matches.isEmpty() ? "is not a head" : "matches several heads " + matches)
                        + "; the heads are " + heads + ". Give one of them with "
                        + context.fixes().setting("head", "<id>")
                        + ".");
            }
            return matches;
        }
        if (heads.size() > 1) {
            throw new MigrateException("The revision graph has " + heads.size() + " heads " + heads
                    + ", so a new revision has no single parent. Join them with "
                    + context.fixes().command("merge")
                    + ", or choose one with " + context.fixes().setting("head", "<id>") + ".");
        }
        return heads;
    }

    /** Writes {@code migration} below {@code sources} and says where. */
    static Path written(SourceRoot sources, NewMigration migration, CommandContext context) {
        Path path = sources.write(migration);
        context.output().info("Wrote " + path + " (revision " + migration.id() + ").");
        return path;
    }
}
