package dev.migrate;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Gives the user name and password of each new connection migrate opens from a URL, for credentials
 * that expire: an IAM token of a managed PostgreSQL (valid 15 minutes), a lease of a secrets store. A
 * fleet run of an hour opens connections all along, and each asks again, so a token is never older than
 * the connection it opened. Connections already open keep working when their token expires.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.builder()
 *         .url("jdbc:postgresql://db.example.com:5432/app", "deployer", null)
 *         .credentials(server -> new CredentialsProvider.Credentials(server.user(), System.getenv("DB_TOKEN")))
 *         .build();
 * }</pre>
 *
 * <p>The Maven plugin and the command line find one by its class name among the providers a jar
 * registers for {@link ServiceLoader} ({@code META-INF/services/dev.migrate.CredentialsProvider}):
 * {@link #load(String, ClassLoader)}. What it returns is never printed or logged.
 */
@FunctionalInterface
public interface CredentialsProvider {
    /**
     * The credentials of the connection about to be opened to {@code server}; called once per new
     * connection, from any thread.
     *
     * <pre>{@code String user = provider.credentials(server).user();}</pre>
     *
     * @param server where the connection goes, and the user configured for it
     * @return the user name and password to log in with
     * @throws RuntimeException when none can be had; its message must not hold a secret
     */
    Credentials credentials(Server server);

    /**
     * The server a connection goes to, as configured, never with a password:
     * {@code new CredentialsProvider.Server("db.example.com", 5432, "app", "deployer")}.
     *
     * @param host the host name, as the URL gives it
     * @param port the port
     * @param database the database name; empty when the URL leaves it to the driver
     * @param user the user configured (in the URL or apart), or null when none is
     */
    record Server(
            String host,
            int port,
            String database,
            @Nullable String user) {}

    /**
     * A user name and password; {@link #toString()} never shows the password:
     * {@code new CredentialsProvider.Credentials("deployer", token)}.
     *
     * @param user the user name
     * @param password the password or token
     */
    record Credentials(String user, String password) {
        /** Requires both: {@code new CredentialsProvider.Credentials("app", "secret")}. */
        public Credentials {
            if (user == null || user.isEmpty()) {
                throw new MigrateException("A CredentialsProvider gave no user name; give the user to log in as.");
            }
            if (password == null) {
                throw new MigrateException(
                        "A CredentialsProvider gave no password for user " + user + "; give its password or token.");
            }
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=(not shown)]";
        }
    }

    /**
     * The provider of class {@code className}: one that a jar on {@code loader}'s class path registers for
     * {@link ServiceLoader}, by its full or simple class name, else the class of that full name on the class
     * path, made with its public constructor without arguments.
     *
     * <pre>{@code CredentialsProvider provider = CredentialsProvider.load("dev.migrate.RdsIamCredentials", loader);}</pre>
     *
     * @param className the provider's class name, in full or (for a registered one) its simple name
     * @param loader where to look
     * @return a new instance of that provider
     * @throws MigrateException naming the class and the fix when it is not found, is no provider or cannot be
     *     made, and naming the registered providers found
     */
    static CredentialsProvider load(String className, ClassLoader loader) {
        List<String> found = new ArrayList<>();
        ServiceLoader<CredentialsProvider> providers = ServiceLoader.load(CredentialsProvider.class, loader);
        try {
            for (ServiceLoader.Provider<CredentialsProvider> provider :
                    providers.stream().toList()) {
                String name = provider.type().getName();
                if (name.equals(className) || provider.type().getSimpleName().equals(className)) {
                    return provider.get();
                }
                found.add(name);
            }
        } catch (ServiceConfigurationError e) {
            throw new MigrateException(
                    "The credentials provider " + className + " could not be loaded: "
                            + e.getMessage() + ". Check its entry in META-INF/services/dev.migrate.CredentialsProvider "
                            + "and that it has a public constructor without arguments.",
                    e);
        }
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MigrateException("No credentials provider named " + className + " is on the class path"
                    + (found.isEmpty() ? "" : " (found: " + String.join(", ", found) + ")")
                    + ". Check the spelling of its fully qualified class name, and add the jar or directory that "
                    + "holds it to the class path.");
        }
        if (!CredentialsProvider.class.isAssignableFrom(type)) {
            throw new MigrateException("The class " + className + " is not a credentials provider: make it implement "
                    + CredentialsProvider.class.getName() + ", or name the class that does.");
        }
        try {
            return (CredentialsProvider) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new MigrateException("The credentials provider " + className + " cannot be made: give it a public "
                    + "constructor without arguments (and make the class public and not abstract).");
        } catch (InstantiationException e) {
            throw new MigrateException("The credentials provider " + className + " cannot be made: it is abstract or "
                    + "an interface. Name a concrete class with a public constructor without arguments.");
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new MigrateException(
                    "The credentials provider " + className + " failed in its constructor: " + cause
                            + ". Check the provider's own configuration (its region, its role, its secret's path).",
                    cause);
        }
    }
}
