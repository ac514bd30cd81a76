package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Refuses to run migrations from class files older than their sources.
 *
 * <p>{@code mvn migrate:upgrade} alone does not compile; without this check an edited migration
 * would silently run in its previous form.
 *
 * @param sourceRoots the project's compile source roots ({@code src/main/java})
 * @param outputDirectory the project's class output ({@code target/classes})
 */
record StaleClassCheck(List<Path> sourceRoots, Path outputDirectory) {

    /** Fails when a source in one of {@code packages} has no class file or a newer one than its class file. */
    void verify(List<String> packages, String goal) {
        for (String pkg : packages) {
            String packagePath = pkg.trim().replace('.', '/');
            for (Path root : sourceRoots) {
                firstStale(root, root.resolve(packagePath)).ifPresent(source -> {
                    throw new MigrateException("The migration source " + source
                            + " is newer than its compiled class in " + outputDirectory
                            + " (or was never compiled). Run `mvn compile " + goal
                            + "` so the migrations that run are the ones you see.");
                });
            }
        }
    }

    private Optional<Path> firstStale(Path root, Path packageDir) {
        if (!Files.isDirectory(packageDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(packageDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                    .filter(f -> isStale(root, f))
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isStale(Path root, Path source) {
        String relative = root.relativize(source).toString();
        Path compiled = outputDirectory.resolve(relative.substring(0, relative.length() - ".java".length()) + ".class");
        try {
            if (!Files.exists(compiled)) {
                return true;
            }
            FileTime sourceTime = Files.getLastModifiedTime(source);
            return sourceTime.compareTo(Files.getLastModifiedTime(compiled)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
