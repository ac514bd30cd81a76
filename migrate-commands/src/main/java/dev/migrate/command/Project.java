package dev.migrate.command;

import dev.migrate.command.run.MigrationSources;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a face knows of the project a command runs for: its directory, which paths in messages are shown relative
 * to, its source roots, where migration classes are found and written, and its build directory, where what a run
 * keeps goes ({@code target} in Maven; the command line has none).
 */
public record Project(MigrationSources sources, @Nullable Path buildDirectory) {

    /** A project in {@code directory} with these source roots and build directory. */
    public static Project in(Path directory, List<Path> sourceRoots, @Nullable Path buildDirectory) {
        return new Project(new MigrationSources(directory, sourceRoots), buildDirectory);
    }

    /** The source roots, where migration classes are found and written. */
    public List<Path> sourceRoots() {
        return sources.roots();
    }

    /** {@code path} as messages show it: relative to the project when it is inside it. */
    public String shown(Path path) {
        return sources.relative(path);
    }

    /** Where a migration class's source is, as the user finds it; its class name when it is not below a root. */
    public String source(String className) {
        return sources.shown(className);
    }

    /** The {@code .java} file of {@code className} below the source roots, if there is one. */
    public Optional<Path> sourceFile(String className) {
        return sources.find(className);
    }

    /** A path below the build directory's {@code migrate} directory, such as {@code target/migrate/fleet.json}. */
    public Optional<Path> kept(String first, String... more) {
        return Optional.ofNullable(buildDirectory).map(b -> b.resolve("migrate").resolve(Path.of(first, more)));
    }
}
