package dev.migrate.autogen.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The names of the compiled classes in a project's class directories, within the packages asked for: what the
 * bridges that read an entity model in the project's class loader scan. JDK types only, as they run where the
 * project's libraries are and migrate's are not.
 */
final class ClassNames {
    private ClassNames() {}

    /**
     * The classes under {@code directories} (class directories, or the jars of libraries that ship a migration module)
     * in {@code packages} (every class when empty), sorted per directory.
     */
    static List<String> in(List<String> directories, List<String> packages) {
        List<String> names = new ArrayList<>();
        for (String directory : directories) {
            Path root = Path.of(directory);
            if (Files.isRegularFile(root) && root.getFileName().toString().endsWith(".jar")) {
                inJar(root).stream()
                        .filter(n -> packages.isEmpty() || packages.stream().anyMatch(p -> n.startsWith(p + ".")))
                        .forEach(names::add);
                continue;
            }
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".class")
                                && !f.getFileName().toString().contains("-"))
                        .map(f -> root.relativize(f)
                                .toString()
                                .replace(f.getFileSystem().getSeparator(), "."))
                        .map(n -> n.substring(0, n.length() - ".class".length()))
                        .filter(n -> packages.isEmpty() || packages.stream().anyMatch(p -> n.startsWith(p + ".")))
                        .sorted()
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not list the classes in " + root, e);
            }
        }
        return names;
    }

    /** The classes of {@code jar}, sorted; those of other Java versions' sections and the module's are left out. */
    private static List<String> inJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream()
                    .map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class")
                            && !n.startsWith("META-INF/")
                            && !n.substring(n.lastIndexOf('/') + 1).contains("-"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the classes in " + jar, e);
        }
    }

    /** The packages of the classes under {@code roots}, directories or jars, each once. */
    static List<String> packagesIn(List<String> roots) {
        return in(roots, List.of()).stream()
                .filter(n -> n.indexOf('.') > 0)
                .map(n -> n.substring(0, n.lastIndexOf('.')))
                .distinct()
                .toList();
    }
}
