package dev.migrate.internal.fleet;

import dev.migrate.MigrateException;
import dev.migrate.internal.runtime.session.ConnectionSource;
import org.jspecify.annotations.Nullable;

/**
 * One member of a fleet.
 *
 * @param name how the summary names it: its schema, its database, or both
 * @param database the database it lives in
 * @param schema its schema, which holds its version tables and leads its {@code search_path}; null
 *     for a database of its own, whose tables stay where the settings put them
 */
public record Tenant(
        String name, Database database, @Nullable String schema) {
    /** Whether this tenant is a schema of a shared database rather than a database of its own. */
    public boolean isSchema() {
        return schema != null;
    }

    /**
     * A database of the fleet.
     *
     * @param name {@code host:port/database}, or the name the application gave its DataSource; never a password
     * @param connections how to reach it
     */
    public record Database(String name, @Nullable ConnectionSource connections) {
        /** How to reach it; only the stand-in of named tenants without a database, for offline SQL, has none. */
        public ConnectionSource online() {
            if (connections == null) {
                throw new MigrateException("The fleet has no database: give the migrator builder a DataSource or URL,"
                        + " or name the databases; only offline SQL runs without one.");
            }
            return connections;
        }
    }
}
