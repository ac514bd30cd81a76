package dev.migrate.autogen.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The names of the compiled classes in a project's class directories, within the packages asked for: what the
 * bridges that read an entity model in the project's class loader scan. JDK types only, as they run where the
 * project's libraries are and migrate's are not.
 */
final class ClassNames {
    private ClassNames() {}

    /** The classes under {@code directories} in {@code packages} (every class when empty), sorted per directory. */
    static List<String> in(List<String> directories, List<String> packages) {
        List<String> names = new ArrayList<>();
        for (String directory : directories) {
            Path root = Path.of(directory);
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
}
