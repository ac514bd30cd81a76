package dev.migrate.command.run;

import dev.migrate.MigrateException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Refuses to run migrations from class files older than their sources.
 *
 * <p>{@code mvn migrate:upgrade} alone does not compile; without this check an edited migration
 * would silently run in its previous form.
 *
 * @param sourceRoots the project's compile source roots ({@code src/main/java})
 * @param outputDirectory the project's class output ({@code target/classes})
 */
public record StaleClassCheck(List<Path> sourceRoots, Path outputDirectory) {

    /** Fails when a source in one of {@code packages} has no class file or a newer one than its class file. */
    public void verify(List<String> packages, String goal) {
        firstStale(packages).ifPresent(source -> {
            throw new MigrateException("The migration source " + source
                    + " is newer than its compiled class in " + outputDirectory
                    + " (or was never compiled). Run `mvn compile " + goal
                    + "` so the migrations that run are the ones you see.");
        });
    }

    /**
     * Fails when a source that may hold entities has no class file or a newer one: the sources of
     * {@code entityPackages}, or every source when none are configured. A goal that compares the
     * entities must not compare their previous form, nor find none before the first compile.
     */
    public void verifyEntities(@Nullable List<String> entityPackages, String goal) {
        List<String> packages =
                entityPackages == null || entityPackages.stream().allMatch(p -> p.isBlank())
                        ? List.of("")
                        : entityPackages;
        firstStale(packages).ifPresent(source -> {
            throw new MigrateException("The source " + source + " is newer than its compiled class in "
                    + outputDirectory + " (or was never compiled), so " + goal
                    + " would compare entities other than the ones you see. Run `mvn compile " + goal
                    + "`. Nothing was started.");
        });
    }

    private Optional<Path> firstStale(List<String> packages) {
        for (String pkg : packages) {
            String packagePath = pkg.trim().replace('.', '/');
            for (Path root : sourceRoots) {
                Optional<Path> stale = firstStale(root, root.resolve(packagePath));
                if (stale.isPresent()) {
                    return stale;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * java.io and plain names rather than Files.walk and Path arithmetic: every database goal runs
     * this over every migration source in a JVM that has just started, where the lighter calls take a
     * fraction of the time.
     */
    private Optional<Path> firstStale(Path root, Path packageDir) {
        File dir = packageDir.toFile();
        if (!dir.isDirectory()) {
            return Optional.empty();
        }
        List<Path> stale = new ArrayList<>();
        collectStale(dir, outputDirectory.resolve(root.relativize(packageDir)).toFile(), stale);
        return stale.stream().sorted().findFirst();
    }

    /** Compares the sources in {@code sources} with the class files in {@code classes}, the same package's output. */
    private static void collectStale(File sources, File classes, List<Path> stale) {
        String[] names = sources.list();
        if (names == null) {
            throw new UncheckedIOException(new IOException("Could not list the directory " + sources));
        }
        for (String name : names) {
            if (name.endsWith(".java")) {
                if (!name.equals("package-info.java") && isStale(sources, classes, name)) {
                    stale.add(new File(sources, name).toPath());
                }
            } else {
                File sub = new File(sources, name);
                if (sub.isDirectory()) {
                    collectStale(sub, new File(classes, name), stale);
                }
            }
        }
    }

    private static boolean isStale(File sources, File classes, String sourceName) {
        File compiled = new File(classes, sourceName.substring(0, sourceName.length() - ".java".length()) + ".class");
        long compiledTime = compiled.lastModified(); // 0 when there is no class file
        return compiledTime == 0 || new File(sources, sourceName).lastModified() > compiledTime;
    }
}
