/**
 * Connections as migrate's faces resolve them: database URLs in the forms users bring ({@link
 * dev.migrate.connection.DatabaseUrl}), the one explanation of a failure to connect ({@link
 * dev.migrate.connection.ConnectionFailure}), the one data source made from a URL, by the engine and every face
 * ({@link dev.migrate.connection.ConnectingDataSource}), a DataSource that names its server ({@link
 * dev.migrate.connection.DescribedDataSource}) and whether a server takes writes ({@link
 * dev.migrate.connection.WritableServer}).
 *
 * <p>Published for migrate's own modules (the commands, the command line, the starter, autogen); an
 * application gives {@link dev.migrate.Migrator} a URL or a DataSource instead.
 */
@NullMarked
package dev.migrate.connection;

import org.jspecify.annotations.NullMarked;
