package dev.migrate.autogen.internal.cache;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.MigrationScript;
import java.io.Serializable;
import java.util.List;

/**
 * What a comparison needs of the database the migration chain builds, read once on a throwaway
 * server after replaying the chain, so that a later run with the same chain need not replay it.
 *
 * @param serverVersionNum the server's {@code server_version_num}, which keys the entity side
 * @param schema the managed schemas as the catalog reader read them (check expressions canonical)
 * @param existingSchemas which of the managed schemas exist on that database
 * @param unread what those schemas hold that migrate does not read yet ({@code UnreadObjects}), each
 *     named with its kind, for a comparison to name rather than pass over in silence
 */
public record ReplayedSchema(
        String serverVersionNum, DatabaseSchema schema, List<String> existingSchemas, List<String> unread)
        implements Serializable {
    public ReplayedSchema {
        existingSchemas = List.copyOf(existingSchemas);
        unread = List.copyOf(unread);
    }

    /** A schema in which nothing was left unread, or in which nobody looked. */
    public ReplayedSchema(String serverVersionNum, DatabaseSchema schema, List<String> existingSchemas) {
        this(serverVersionNum, schema, existingSchemas, List.of());
    }

    /**
     * {@code script} with a warning naming what was not read, when anything was: it is compared neither
     * way, so nothing is written for it.
     */
    public MigrationScript namingUnread(MigrationScript script) {
        if (unread.isEmpty()) {
            return script;
        }
        return script.withLast(
                List.of(),
                List.of("Not compared, since migrate does not read them yet: " + String.join(", ", unread)
                        + ". Nothing is written for them; a change to them needs op.execute(...) in a migration."));
    }
}
