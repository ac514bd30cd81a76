package dev.migrate.autogen.entity;

import dev.migrate.MigrateException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The DDL the project's JPA provider writes for its entities, for PostgreSQL of a given major version.
 *
 * @param classDirectories where the project's compiled classes are ({@code target/classes})
 * @param packages entity packages to include; empty for all
 * @param persistenceUnit a persistence unit from {@code META-INF/persistence.xml}, or {@code null} to scan
 * @param properties provider properties (naming strategies and other {@code hibernate.*} settings)
 */
public record EntityDdl(
        List<Path> classDirectories,
        List<String> packages,
        @Nullable String persistenceUnit,
        Map<String, String> properties) {

    public EntityDdl {
        classDirectories = List.copyOf(classDirectories);
        packages = List.copyOf(packages);
        properties = Map.copyOf(properties);
    }

    /**
     * Runs the provider inside {@code projectLoader}, which must see the project's classes, its JPA
     * provider, and this module's {@link EntityDdlBridge}.
     *
     * @param serverMajorVersion the PostgreSQL major version the dialect is pinned to
     */
    public List<String> generate(ClassLoader projectLoader, int serverMajorVersion) {
        return generate(projectLoader, serverMajorVersion, ProviderLog.QUIET);
    }

    /**
     * As {@link #generate(ClassLoader, int)}, with the provider's log lines, when it logs through
     * {@code java.util.logging} (as it does when the project has no logging backend, and always in the
     * Maven plugin), sent to {@code providerLog}: only its errors unless that log is verbose.
     */
    public List<String> generate(ClassLoader projectLoader, int serverMajorVersion, ProviderLog providerLog) {
        Map<String, String> props = new HashMap<>();
        props.put("jakarta.persistence.database-product-name", "PostgreSQL");
        props.put("jakarta.persistence.database-major-version", Integer.toString(serverMajorVersion));
        props.put("jakarta.persistence.database-minor-version", "0");
        props.putAll(properties);
        Map<String, Object> request = new HashMap<>();
        request.put(
                EntityDdlBridge.CLASS_DIRECTORIES,
                classDirectories.stream().map(Path::toString).toList());
        request.put(EntityDdlBridge.PACKAGES, packages);
        request.put(EntityDdlBridge.PERSISTENCE_UNIT, persistenceUnit);
        request.put(EntityDdlBridge.PROPERTIES, props);

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(projectLoader);
        Logger julLogger = Logger.getLogger("org.hibernate");
        Level previousLevel = julLogger.getLevel();
        boolean previousParents = julLogger.getUseParentHandlers();
        Handler forward = new Handler() {
            private final SimpleFormatter format = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    providerLog.line(record.getLevel(), format.formatMessage(record));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        julLogger.setLevel(providerLog.verbose() ? Level.ALL : Level.SEVERE);
        julLogger.setUseParentHandlers(false);
        julLogger.addHandler(forward);
        try {
            Optional<String> missing = missingJpa(projectLoader);
            if (missing.isPresent()) {
                throw new MigrateException("The entities cannot be described: the project has " + missing.get()
                        + ". Add jakarta.persistence-api and a JPA provider such as org.hibernate.orm:hibernate-core"
                        + " as dependencies.");
            }
            return bridge(projectLoader).apply(request);
        } catch (MigrateException e) {
            throw e; // says what is missing: no mapping is at fault
        } catch (MissingResourceException e) {
            throw new MigrateException(
                    String.valueOf(e.getMessage()), e); // a mapped class needs a class the classpath lacks
        } catch (RuntimeException | LinkageError e) {
            throw new MigrateException(
                    "The JPA provider (" + provider(projectLoader) + ") could not build the entity model: "
                            + rootMessage(e) + " Fix the mapping (the message names the entity) and run again.",
                    e);
        } finally {
            julLogger.removeHandler(forward);
            julLogger.setUseParentHandlers(previousParents);
            julLogger.setLevel(previousLevel);
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * As {@link #generate(ClassLoader, int, ProviderLog)}, in a class loader made for this one run, whose
     * copy of the provider's logging (JBoss Logging) has not started yet: it then logs through
     * {@code java.util.logging} whatever logging library the class path has (Logback and Log4j in a Spring
     * Boot project), so {@code providerLog} alone decides what shows. The choice ends with the loader;
     * other loaders in the JVM keep theirs.
     */
    public List<String> generateInOwnLoader(ClassLoader freshLoader, int serverMajorVersion, ProviderLog providerLog) {
        String property = "org.jboss.logging.provider";
        boolean set = System.getProperty(property) == null;
        if (set) {
            System.setProperty(property, "jdk");
        }
        try {
            return generate(freshLoader, serverMajorVersion, providerLog);
        } finally {
            if (set) {
                System.clearProperty(property);
            }
        }
    }

    /**
     * The JPA provider the project's loader offers, with its version, for the build log:
     * {@code org.hibernate.jpa.HibernatePersistenceProvider 7.4.6.Final}.
     */
    public static String provider(ClassLoader projectLoader) {
        try (var in =
                projectLoader.getResourceAsStream("META-INF/services/jakarta.persistence.spi.PersistenceProvider")) {
            if (in == null) {
                return "no JPA provider";
            }
            String name = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .findFirst()
                    .orElse("unknown provider");
            Package pkg = Class.forName(name, false, projectLoader).getPackage();
            String version = pkg == null ? null : pkg.getImplementationVersion();
            return version == null ? name : name + " " + version;
        } catch (java.io.IOException | ClassNotFoundException | LinkageError e) {
            return "an unreadable JPA provider (" + e + ")";
        }
    }

    /**
     * Why the project's loader cannot describe an entity model, for goals that can do without one:
     * empty when it has the JPA API and a provider, otherwise what is missing.
     */
    public static Optional<String> missingJpa(ClassLoader projectLoader) {
        try {
            Class.forName("jakarta.persistence.Entity", false, projectLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("no JPA API (jakarta.persistence) on its classpath");
        }
        if (projectLoader.getResource("META-INF/services/jakarta.persistence.spi.PersistenceProvider") == null) {
            return Optional.of("no JPA provider (such as org.hibernate.orm:hibernate-core) on its classpath");
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Function<Map<String, Object>, List<String>> bridge(ClassLoader loader) {
        try {
            // loaded from the project's loader so that it links against the project's JPA API
            return (Function<Map<String, Object>, List<String>>)
                    Class.forName(EntityDdlBridge.class.getName(), true, loader)
                            .asSubclass(Function.class)
                            .getConstructor()
                            .newInstance();
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new MigrateException(
                    "The project has no JPA API on its classpath (jakarta.persistence). Add "
                            + "jakarta.persistence-api and a provider such as org.hibernate.orm:hibernate-core, or configure "
                            + "the entities to compare.",
                    e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not start the entity DDL bridge", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
        return message.endsWith(".") ? message : message + ".";
    }
}
