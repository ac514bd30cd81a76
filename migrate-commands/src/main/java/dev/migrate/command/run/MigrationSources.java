package dev.migrate.command.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the project writes its migration classes: the source file of a class, found below the
 * project's source roots, and shown relative to the project as messages name it.
 */
public final class MigrationSources {
    private final Path baseDirectory;
    private final List<Path> roots;

    public MigrationSources(Path baseDirectory, List<Path> roots) {
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
        this.roots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    }

    /** The source roots, absolute. */
    public List<Path> roots() {
        return roots;
    }

    /** The {@code .java} file that declares {@code className} (a nested class: its top-level class), if there is one. */
    public Optional<Path> find(String className) {
        int nested = className.indexOf('$');
        String topLevel = nested < 0 ? className : className.substring(0, nested);
        String relative = topLevel.replace('.', '/') + ".java";
        return roots.stream()
                .map(root -> root.resolve(relative))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /** The source file of {@code className} relative to the project, or the class name when it has none here. */
    public String shown(String className) {
        return find(className).map(this::relative).orElse(className);
    }

    /** {@code path} relative to the project when it is inside it. */
    public String relative(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(baseDirectory)
                ? baseDirectory.relativize(absolute).toString()
                : absolute.toString();
    }
}
