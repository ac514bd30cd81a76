package dev.migrate.spi;

import java.sql.Connection;
import java.util.List;

/**
 * Whether a database at head still has the schema its chain builds there, as {@code
 * Migrator.assertUpToDate()} asks under {@code validateDrift}. The catalog reader that answers lives
 * in migrate-catalog, above this module, which provides it through {@link java.util.ServiceLoader}.
 */
public interface SchemaDriftCheck {
    /**
     * What a comparison found.
     *
     * @param differences each difference on a line of its own; empty when the database has the chain's schema
     * @param message the failure that names them and the fix; empty when the database has the chain's schema
     */
    record Drift(List<String> differences, String message) {
        public Drift {
            differences = List.copyOf(differences);
        }

        /** A database that has the chain's schema. */
        public static Drift none() {
            return new Drift(List.of(), "");
        }
    }

    /**
     * Compares {@code schema} on {@code live} with the chain's schema at {@code revision}.
     *
     * @param database the database as messages name it, never with a password
     * @param revision the head, several joined by {@code +} in order
     * @param versionTables the version and history tables, which are no part of the schema compared
     * @param resources where the application's classes are, which hold the chain's schema
     * @return the differences, and the message that fails the check with them
     * @throws dev.migrate.MigrateException naming why it could not compare
     */
    Drift compare(
            Connection live,
            String database,
            String schema,
            String revision,
            List<String> versionTables,
            ClassLoader resources);
}
