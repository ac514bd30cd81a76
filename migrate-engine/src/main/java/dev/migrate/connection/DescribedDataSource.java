package dev.migrate.connection;

/**
 * A {@link javax.sql.DataSource} that names its server for messages itself, as a face that made it from a URL
 * can: {@code PostgreSQL at db:5432, database app, user app}. The engine's messages about a connection use this
 * description in place of the one it would guess from the DataSource.
 */
public interface DescribedDataSource {
    /** The server for messages, never with a password: {@code PostgreSQL at db:5432, database app, user app}. */
    String description();
}
