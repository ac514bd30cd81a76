package dev.migrate.autogen.cache;

import dev.migrate.catalog.DatabaseSchema;
import java.io.Serializable;
import java.util.List;

/**
 * What a comparison needs of the database the migration chain builds, read once on a throwaway
 * server after replaying the chain, so that a later run with the same chain need not replay it.
 *
 * @param serverVersionNum the server's {@code server_version_num}, which keys the entity side
 * @param schema the managed schemas as the catalog reader read them (check expressions canonical)
 * @param existingSchemas which of the managed schemas exist on that database
 */
public record ReplayedSchema(String serverVersionNum, DatabaseSchema schema, List<String> existingSchemas)
        implements Serializable {
    public ReplayedSchema {
        existingSchemas = List.copyOf(existingSchemas);
    }
}
