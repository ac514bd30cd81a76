package dev.migrate.connection;

import dev.migrate.internal.connection.Privileges;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Why a connection to PostgreSQL failed, as one explanation every entry point shares (the Maven
 * plugin, the Spring Boot starter): the server (host, port, database, user), the reason, and the fix,
 * which names the setting the address or the password came from. Never the password.
 *
 * <pre>{@code
 * ConnectionFailure f = ConnectionFailure.of(sqlException, new ConnectionFailure.Target(
 *         url, "app", password, "-Dmigrate.url", "in the URL or <password>"));
 * throw new MigrateException(f.message());
 * }</pre>
 *
 * @param problem what failed, naming the server
 * @param fix what to do about it, naming the setting to change; empty when nothing more can be said
 */
public record ConnectionFailure(String problem, String fix) {

    /**
     * The connection that failed, as configured.
     *
     * @param url the address, without credentials
     * @param user the user name, or null for the driver's default
     * @param password the password, or null; used only to keep it out of the driver's message
     * @param origin where the address came from, e.g. {@code -Dmigrate.url} or
     *     {@code spring.datasource.url in class path resource [application.properties]}
     * @param passwordSetting where to fix the password, completing "Fix the password ...", e.g.
     *     {@code in the URL or <password>}
     */
    public record Target(
            DatabaseUrl url,
            @Nullable String user,
            @Nullable String password,
            String origin,
            String passwordSetting) {
        /** {@code PostgreSQL at localhost:5432, database app, user app}: host, port, database and user. */
        public String describe() {
            return "PostgreSQL at " + url.hosts()
                    + (url.database().isEmpty() ? "" : ", database " + url.database())
                    + (user == null ? "" : ", user " + user);
        }
    }

    /** The whole message: the problem, then the fix. */
    public String message() {
        return fix.isEmpty() ? problem : problem + " " + fix;
    }

    /** SQLSTATE {@code too_many_connections}: the server's, the role's or the database's limit is reached. */
    public static final String TOO_MANY_CONNECTIONS = "53300";

    /** What to do when no connection slot is free. */
    public static final String NO_FREE_SLOT = "Every connection the server allows is in use (max_connections, or a"
            + " CONNECTION LIMIT of the role or the database), so nothing was run. Close idle sessions (pg_stat_activity"
            + " lists them) or raise the limit, then run again; a run needs two connections.";

    /**
     * Why a credentials provider gave no credentials for {@code server}: its own message (which must hold no
     * secret), ended as a sentence, and where to look.
     *
     * @param provider the provider's class name
     */
    public static String providerFailed(String server, String provider, @Nullable String message) {
        String own = String.valueOf(message).strip();
        return "Could not get the credentials to connect to " + server + " from the credentials provider " + provider
                + ": " + own + (own.endsWith(".") ? "" : ".")
                + " Check the provider's own configuration (its region, its role, its secret's path).";
    }

    /** Explains the driver's failure to connect to {@code target}. */
    public static ConnectionFailure of(SQLException e, Target target) {
        String where = target.describe();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return new ConnectionFailure(
                    "PostgreSQL at " + target.url().hosts()
                            + (target.url().database().isEmpty()
                                    ? ""
                                    : ", database " + target.url().database())
                            + ", rejected the credentials of user " + target.user() + ".",
                    "Fix the password " + target.passwordSetting() + ", or the user name.");
        }
        if (state.equals("3D000")) {
            return new ConnectionFailure(
                    "The database " + target.url().database() + " does not exist on PostgreSQL at "
                            + target.url().hosts() + ".",
                    "Create it, or fix the name in the URL (it came from " + target.origin() + ").");
        }
        if (hasCause(e, UnknownHostException.class)) {
            return new ConnectionFailure(
                    "Could not connect to " + where + ": the host name " + unresolvedHost(e, target)
                            + " does not resolve.",
                    "Check its spelling in the URL (it came from " + target.origin() + "), or this machine's DNS.");
        }
        String reason = "Could not connect to " + where + ": " + safe(e.getMessage(), target);
        if (state.equals(TOO_MANY_CONNECTIONS)) {
            return new ConnectionFailure(reason, NO_FREE_SLOT);
        }
        if (state.equals("42501")) {
            return new ConnectionFailure(
                    reason, Privileges.explain(e, target.user()).strip());
        }
        if (hasCause(e, ConnectException.class) || state.startsWith("08")) {
            return new ConnectionFailure(
                    reason, "Start the server, or fix the URL (it came from " + target.origin() + ").");
        }
        return new ConnectionFailure(reason, "");
    }

    /**
     * Whether {@code e} is a failure to reach or log in to the server (SQLSTATE classes 08 and 28, a
     * database that does not exist, a host that does not resolve, a refused connection) rather than a
     * statement's failure.
     */
    public static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08")
                || state.startsWith("28")
                || state.equals("3D000")
                || hasCause(e, UnknownHostException.class)
                || hasCause(e, ConnectException.class);
    }

    private static String unresolvedHost(SQLException e, Target target) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException u && u.getMessage() != null) {
                return "'" + u.getMessage() + "'";
            }
        }
        return target.url().hosts();
    }

    private static String safe(@Nullable String text, Target target) {
        String result = text == null ? "" : text;
        if (target.password() != null && !target.password().isEmpty()) {
            result = result.replace(target.password(), "****");
        }
        return result;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
