package dev.migrate.command.tooling;

import dev.migrate.MigrateException;
import dev.migrate.command.CommandContext;
import dev.migrate.connection.ConnectingDataSource;
import dev.migrate.servers.CitusReplay;
import dev.migrate.servers.ComparisonDatabases;
import javax.sql.DataSource;

/**
 * Where {@code drift}, {@code verify} and {@code lint} replay the chain for a database: in databases made on its
 * server when it is a Citus coordinator ({@link CitusReplay}), on the face's throwaway servers otherwise.
 */
final class CoordinatorReplay {
    private CoordinatorReplay() {}

    /** The databases to replay on for {@code database}, {@code throwaways} unless it is a Citus coordinator. */
    static ComparisonDatabases of(DataSource database, ComparisonDatabases throwaways, CommandContext context) {
        return CitusReplay.on(database, name -> onSameServer(database, name), throwaways, context.output()::info);
    }

    private static DataSource onSameServer(DataSource database, String name) {
        return ConnectingDataSource.onSameServer(database, name)
                .orElseThrow(() -> new MigrateException("The database is a Citus coordinator, and a chain that spreads"
                        + " tables is replayed in a database of its own on its server, but its data source ("
                        + database.getClass().getName()
                        + ") says nothing of how to reach another database there. Configure it with a URL"
                        + " (-Dmigrate.url=jdbc:postgresql://host:port/database)."));
    }
}
