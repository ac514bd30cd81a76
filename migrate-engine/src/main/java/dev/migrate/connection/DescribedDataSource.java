package dev.migrate.connection;

/**
 * A {@link javax.sql.DataSource} that names its server for messages itself, as a face that made it from a URL
 * can: {@code PostgreSQL at db:5432, database app, user app}. The engine's messages about a connection use this
 * description in place of the one it would guess from the DataSource.
 */
public interface DescribedDataSource {
    /** The server for messages, never with a password: {@code PostgreSQL at db:5432, database app, user app}. */
    String description();

    /**
     * Whether each connection this DataSource gives is a new session it opened itself, with nothing run on it since
     * the login: the engine may then bring a connection back to that state ({@code DISCARD ALL}) and use it again,
     * as a fleet does from one tenant to the next. A pool, or a DataSource that runs statements on a connection
     * when it opens it (a role set, an initialization query), answers false, the default: its connections are then
     * each taken and closed as it hands them out.
     */
    default boolean opensNewSessions() {
        return false;
    }
}
