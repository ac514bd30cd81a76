package dev.migrate.cli;

import dev.migrate.MigrateException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * The class loader over {@code --classpath}: plain jars and directories as they are, and a Spring Boot
 * executable jar as the classes and libraries it nests ({@code BOOT-INF/classes} and
 * {@code BOOT-INF/lib/*.jar}), unpacked into a temporary directory that {@link #close()} deletes. The
 * loader's parent is the command line's own, which asks its parent first, so that a migration class
 * implements the very {@code dev.migrate.Migration} the engine casts it to.
 */
final class MigrationClasspath implements AutoCloseable {
    private static final String BOOT_CLASSES = "BOOT-INF/classes/";
    private static final String BOOT_LIB = "BOOT-INF/lib/";

    private final ClassLoader loader;
    private final @Nullable URLClassLoader opened;
    private final @Nullable Path unpacked;

    private MigrationClasspath(ClassLoader loader, @Nullable URLClassLoader opened, @Nullable Path unpacked) {
        this.loader = loader;
        this.opened = opened;
        this.unpacked = unpacked;
    }

    /**
     * The loader over {@code classpath} (entries separated by the platform's path separator), or
     * {@code parent} itself when no class path is given.
     */
    static MigrationClasspath open(@Nullable String classpath, ClassLoader parent) {
        if (classpath == null) {
            return new MigrationClasspath(parent, null, null);
        }
        List<URL> urls = new ArrayList<>();
        Path unpacked = null;
        try {
            for (String entry : classpath.split(Pattern.quote(File.pathSeparator), -1)) {
                if (entry.isBlank()) {
                    continue;
                }
                Path path = Path.of(entry.strip());
                if (!Files.exists(path)) {
                    throw new MigrateException("The --classpath entry " + path.toAbsolutePath() + " does not exist."
                            + " Name the application's jar, or the directory of its compiled classes.");
                }
                if (Files.isDirectory(path)) {
                    urls.add(url(path));
                } else if (isSpringBootJar(path)) {
                    if (unpacked == null) {
                        unpacked = Files.createTempDirectory("migrate-cli-");
                    }
                    urls.addAll(unpackSpringBootJar(path, unpacked.resolve(Integer.toString(urls.size()))));
                } else {
                    urls.add(url(path));
                }
            }
        } catch (IOException e) {
            delete(unpacked);
            throw new MigrateException(
                    "Could not read the --classpath " + classpath + ": " + e.getMessage()
                            + ". Check that each entry is a readable jar or directory, and that the temporary"
                            + " directory (java.io.tmpdir) is writable.",
                    e);
        } catch (RuntimeException e) {
            delete(unpacked);
            throw e;
        }
        URLClassLoader opened = new URLClassLoader(urls.toArray(URL[]::new), parent);
        return new MigrationClasspath(opened, opened, unpacked);
    }

    /** The loader to find the migrations with. */
    ClassLoader loader() {
        return loader;
    }

    @Override
    public void close() {
        try {
            if (opened != null) {
                opened.close();
            }
        } catch (IOException e) {
            // the jars are read; a failure to close one changes nothing the run did
        } finally {
            delete(unpacked);
        }
    }

    private static boolean isSpringBootJar(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(BOOT_CLASSES) != null
                    || zip.stream().anyMatch(e -> e.getName().startsWith(BOOT_CLASSES));
        }
    }

    /**
     * Unpacks the classes and the nested jars of a Spring Boot jar into {@code into}: the class loader
     * of the JDK reads neither a directory inside a jar nor a jar inside a jar.
     */
    private static List<URL> unpackSpringBootJar(Path jar, Path into) throws IOException {
        Path classes = into.resolve("classes");
        Path lib = into.resolve("lib");
        Files.createDirectories(classes);
        Files.createDirectories(lib);
        List<URL> urls = new ArrayList<>();
        urls.add(url(classes));
        List<Path> libraries = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                Path target;
                if (name.startsWith(BOOT_CLASSES)) {
                    target = inside(classes, name.substring(BOOT_CLASSES.length()), jar);
                } else if (name.startsWith(BOOT_LIB) && name.endsWith(".jar") && !entry.isDirectory()) {
                    target = inside(lib, name.substring(BOOT_LIB.length()), jar);
                    libraries.add(target);
                } else {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Path parent = target.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        // the order of BOOT-INF/classpath.idx would matter only for a class two libraries both hold
        libraries.sort(Comparator.naturalOrder());
        for (Path library : libraries) {
            urls.add(url(library));
        }
        return urls;
    }

    /** {@code name} under {@code root}, refusing an entry whose name climbs out of it. */
    private static Path inside(Path root, String name, Path jar) {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw new MigrateException("The jar " + jar + " has an entry named " + name
                    + " that points outside its directory, so it is not unpacked. Build the jar again.");
        }
        return target;
    }

    private static URL url(Path path) {
        try {
            return path.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(@Nullable Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is the system's to clean
        }
    }
}
