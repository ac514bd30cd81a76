package dev.migrate.maven;

import dev.migrate.MigrateException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /**
     * java.io rather than Files.walk and file attribute views: every database goal runs this over
     * every migration source in a JVM that has just started, where it takes a third of the time.
     */
    private Optional<Path> firstStale(Path root, Path packageDir) {
        File dir = packageDir.toFile();
        if (!dir.isDirectory()) {
            return Optional.empty();
        }
        List<Path> stale = new ArrayList<>();
        collectStale(root, dir, stale);
        return stale.stream().sorted().findFirst();
    }

    private void collectStale(Path root, File dir, List<Path> stale) {
        File[] files = dir.listFiles();
        if (files == null) {
            throw new UncheckedIOException(new IOException("Could not list the directory " + dir));
        }
        for (File file : files) {
            String name = file.getName();
            if (name.endsWith(".java") && !name.equals("package-info.java")) {
                if (isStale(root, file)) {
                    stale.add(file.toPath());
                }
            } else if (file.isDirectory()) {
                collectStale(root, file, stale);
            }
        }
    }

    private boolean isStale(Path root, File source) {
        String relative = root.relativize(source.toPath()).toString();
        File compiled = outputDirectory
                .resolve(relative.substring(0, relative.length() - ".java".length()) + ".class")
                .toFile();
        long compiledTime = compiled.lastModified(); // 0 when there is no class file
        return compiledTime == 0 || source.lastModified() > compiledTime;
    }
}
