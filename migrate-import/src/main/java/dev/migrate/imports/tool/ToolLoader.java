package dev.migrate.imports.tool;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The old tool in a class loader of its own: its jars, the PostgreSQL driver and this module's bridges, over the
 * platform loader only, so neither the tool's libraries nor ours meet. A bridge is a class of this module written
 * against the tool's API that takes and returns JDK types only ({@code Function<Map<String, Object>, Object>}).
 */
public final class ToolLoader implements AutoCloseable {
    private final OldTool tool;
    private final URLClassLoader loader;

    private ToolLoader(OldTool tool, URLClassLoader loader) {
        this.tool = tool;
        this.loader = loader;
    }

    /**
     * A loader over {@code jars} (the tool and what it needs, as the build resolved them).
     *
     * @throws MigrateException naming the tool when no jar is given
     */
    public static ToolLoader of(OldTool tool, List<Path> jars) {
        if (jars.isEmpty()) {
            throw new MigrateException("The import needs " + tool.displayName() + "'s own jars to read and replay its "
                    + "migrations, and none were given. Run the import through Maven (mvn migrate:import), which "
                    + "resolves them, or give their paths (--tool-path on the command line).");
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new MigrateException(
                        "The jar " + jar + " of " + tool.displayName() + " has no URL: " + e.getMessage(), e);
            }
        }
        // the tool's own jars first: a packaged migrate holds libraries of its own that the tool must not see
        urls.add(location(driver()));
        urls.add(location(ToolLoader.class));
        return new ToolLoader(
                tool,
                new URLClassLoader(
                        tool.displayName() + " for migrate import",
                        urls.toArray(URL[]::new),
                        ClassLoader.getPlatformClassLoader()));
    }

    /**
     * Calls the bridge {@code className} of this module, loaded in the tool's loader, with the thread's context
     * loader set to it (both tools find their services through it).
     */
    @SuppressWarnings("unchecked")
    public Object call(String className, Map<String, Object> request) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Function<Map<String, Object>, Object> bridge = Class.forName(className, true, loader)
                    .asSubclass(Function.class)
                    .getDeclaredConstructor()
                    .newInstance();
            return bridge.apply(request);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new MigrateException(
                    tool.displayName() + " could not be loaded from the jars given (" + e + "). Check that they hold "
                            + tool.displayName() + " and what it needs.",
                    e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** The PostgreSQL driver this module runs with, which the tool connects through too. */
    private static Class<?> driver() {
        try {
            return Class.forName("org.postgresql.Driver", false, ToolLoader.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The PostgreSQL driver is not on the import's class path", e);
        }
    }

    private static URL location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalStateException("No code source for " + type.getName());
        }
        try {
            return Path.of(source.getLocation().toURI()).toUri().toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalStateException("No location for " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            // the jars were only read: nothing is lost when one stays open until the JVM ends
        }
    }
}
