package dev.migrate.cli;

import dev.migrate.command.database.ConnectingDataSource;
import dev.migrate.command.database.ConnectionSettings;
import dev.migrate.connection.DescribedDataSource;

/**
 * The database the command line connects to, named in the engine's messages by its server, as the command line
 * announces it ({@code PostgreSQL at db:5432, database app, user app}), never by its password.
 */
final class ServerDataSource extends ConnectingDataSource implements DescribedDataSource {
    private final ConnectionSettings settings;

    ServerDataSource(ConnectionSettings settings) {
        super(settings);
        this.settings = settings;
    }

    @Override
    public String description() {
        return "PostgreSQL at " + settings.describe();
    }
}
