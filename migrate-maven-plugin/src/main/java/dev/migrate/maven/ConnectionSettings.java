package dev.migrate.maven;

import dev.migrate.internal.connection.DatabaseUrl;

/**
 * Where and as whom to connect, after every source has been weighed.
 *
 * @param url the address, without credentials
 * @param user the user name, or null for the driver's default
 * @param password the password, or null; never printed
 * @param origin where the URL came from ({@code MIGRATE_DATABASE_URL}, {@code -Dmigrate.url}, ...)
 * @param serverId the settings.xml server that supplied credentials, or null
 */
record ConnectionSettings(DatabaseUrl url, String user, String password, String origin, String serverId) {

    /** A description for logs and error messages: host, port, database and user, never the password. */
    String describe() {
        String database = url.database().isEmpty() ? "" : ", database " + url.database();
        String as = user == null ? "" : ", user " + user;
        return url.hosts() + database + as;
    }

    /** The database as a goal's result names it, {@code host:port/database}, as a fleet names its databases. */
    String name() {
        return url.hosts() + "/" + url.database();
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + describe() + " from " + origin + "]";
    }
}
