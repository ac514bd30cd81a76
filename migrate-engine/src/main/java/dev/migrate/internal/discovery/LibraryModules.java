package dev.migrate.internal.discovery;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * The modules that jars on the class path ship, each declared by the jar's {@code META-INF/migrate/module.properties}:
 *
 * <pre>
 * name=outbox
 * package=dev.outbox.migrations
 * dependsOn=core
 * </pre>
 *
 * <p>An application that has such a jar applies its revisions without configuring its package: the scanner adds the
 * package to those it looks in.
 */
final class LibraryModules {
    /** Where a jar declares the module it ships. */
    static final String RESOURCE = "META-INF/migrate/module.properties";

    /** One jar's module and the packages that hold its revisions. */
    record Shipped(ModuleDeclaration module, List<String> packages) {
        Shipped {
            packages = List.copyOf(packages);
        }
    }

    private LibraryModules() {}

    /**
     * Every module the loader's jars and directories declare, in the loader's order.
     *
     * @throws MigrateException naming the file when it cannot be read or lacks {@code name} or {@code package}
     */
    static List<Shipped> read(ClassLoader loader) {
        List<URL> urls;
        try {
            urls = Collections.list(loader.getResources(RESOURCE));
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not list the " + RESOURCE + " files of the class path: " + e.getMessage(), e);
        }
        List<Shipped> shipped = new ArrayList<>(urls.size());
        for (URL url : urls) {
            shipped.add(read(url));
        }
        return shipped;
    }

    /**
     * The module {@code url} (a {@code module.properties}) declares.
     *
     * @throws MigrateException naming the file when it cannot be read or lacks {@code name} or {@code package}
     */
    static Shipped read(URL url) {
        Properties properties = new Properties();
        try {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false); // do not hold the jar open after the scan
            try (InputStream in = connection.getInputStream()) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new MigrateException("Could not read " + url + ": " + e.getMessage(), e);
        }
        String name = properties.getProperty("name", "").strip();
        List<String> packages = list(properties.getProperty("package", ""));
        if (name.isEmpty() || packages.isEmpty()) {
            throw new MigrateException(url + " declares no module " + (name.isEmpty() ? "name" : "package")
                    + ": a jar that ships migrations says which module they belong to and where they are, as "
                    + "name=outbox and package=dev.outbox.migrations (and dependsOn=core where it needs another "
                    + "module's tables). Add the missing line, or remove the file.");
        }
        return new Shipped(
                ModuleDeclaration.checked(name, list(properties.getProperty("dependsOn", "")), url.toString()),
                packages);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",", -1))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
