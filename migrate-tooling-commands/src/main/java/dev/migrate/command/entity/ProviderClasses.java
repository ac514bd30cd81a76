package dev.migrate.command.entity;

import dev.migrate.MigrateException;
import dev.migrate.autogen.entity.EntityDdl;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The project's JPA provider and libraries, loaded once and kept across the cycles of {@code watch}: each cycle
 * loads only the project's own classes, in a child loader of this one made for it, so the provider's classes
 * stay loaded and compiled while nothing keeps an earlier cycle's entities.
 *
 * <p>Kept only for the class path it was made for: a cycle with another (a dependency changed) loads the
 * provider with the project's classes, as a plain run does.
 */
public final class ProviderClasses implements AutoCloseable {
    private final Path classes;
    private final List<Path> libraries;
    private final EntityClassLoader loader;
    /** The loader of the last run's project classes, weakly: nothing here may keep a cycle's classes. */
    private WeakReference<@Nullable ClassLoader> lastProjectLoader = new WeakReference<>(null);
    /** The model the provider last described with these libraries, for the next cycle's change. */
    private final DescribedModel described = new DescribedModel();

    private ProviderClasses(Path classes, List<Path> libraries, EntityClassLoader loader) {
        this.classes = classes;
        this.libraries = libraries;
        this.loader = loader;
    }

    /**
     * The libraries of {@code classpath} (every element but {@code classes}), loaded once with the bridge that asks
     * the provider for DDL.
     */
    public static ProviderClasses of(Path classes, List<Path> classpath) {
        List<Path> libraries =
                classpath.stream().filter(element -> !element.equals(classes)).toList();
        List<URL> urls = withEntityDdl(libraries);
        return new ProviderClasses(
                classes,
                libraries,
                new EntityClassLoader(
                        "migrate-provider", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader(), false));
    }

    /** Whether these libraries are those of {@code classpath}, with {@code classes} the project's own. */
    boolean serves(Path projectClasses, List<Path> classpath) {
        return classes.equals(projectClasses)
                && libraries.equals(classpath.stream()
                        .filter(element -> !element.equals(projectClasses))
                        .toList());
    }

    /** A loader of the project's classes alone, over the kept libraries; the caller closes it. */
    URLClassLoader projectLoader() {
        try {
            URLClassLoader projectLoader = new EntityClassLoader(
                    "migrate-entities", new URL[] {classes.toUri().toURL()}, loader, true);
            lastProjectLoader = new WeakReference<>(projectLoader);
            return projectLoader;
        } catch (MalformedURLException e) {
            throw new MigrateException(
                    "Could not load the project's classes from " + classes + ": " + e.getMessage(), e);
        }
    }

    /** The model the provider last described with these libraries and the class files it was described from. */
    DescribedModel described() {
        return described;
    }

    /**
     * The loader the last run loaded the project's classes in, while anything still holds it: a watch lets go of
     * it when its cycle ends, which a test of the watch's memory checks.
     */
    public Optional<ClassLoader> lastProjectLoader() {
        return Optional.ofNullable(lastProjectLoader.get());
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException e) {
            // jar handles only; the JVM ends soon after a watch does
        }
    }

    @Override
    public String toString() {
        return "the provider's classes of " + Objects.toString(libraries.size()) + " libraries";
    }

    /**
     * The URLs of {@code elements}, after the one that holds {@link EntityDdl}: what a loader of the
     * project's classes with its own JPA provider reads.
     */
    static List<URL> withEntityDdl(List<Path> elements) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(EntityDdl.class.getProtectionDomain().getCodeSource().getLocation());
            for (Path element : elements) {
                urls.add(element.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new MigrateException(
                    "Could not build the project's class path for the entities: " + e.getMessage(), e);
        }
        return urls;
    }
}
