package dev.migrate.command.run;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The project's runtime classpath as a class loader, installed as the thread's context class
 * loader until {@link #close()}.
 *
 * <p>The face's own loader (the plugin's) is the parent, so {@code dev.migrate.Migration} in a project class is
 * the very type the engine casts to, even when the project also depends on {@code migrate-engine}.
 */
public final class ProjectClassLoader implements AutoCloseable {
    private final URLClassLoader loader;
    private final @Nullable ClassLoader previousContextLoader;

    private ProjectClassLoader(URLClassLoader loader) {
        this.loader = loader;
        this.previousContextLoader = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
    }

    public static ProjectClassLoader open(List<String> classpathElements, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        for (String element : classpathElements) {
            try {
                urls.add(Path.of(element).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new MigrateException(
                        "The classpath element " + element + " is not a valid path; check the project's dependencies.",
                        e);
            }
        }
        return new ProjectClassLoader(new URLClassLoader("migrate-project", urls.toArray(URL[]::new), parent));
    }

    public ClassLoader loader() {
        return loader;
    }

    @Override
    public void close() {
        Thread.currentThread().setContextClassLoader(previousContextLoader);
        try {
            loader.close();
        } catch (IOException ignored) {
            // jar handles only; nothing a user could act on
        }
    }
}
