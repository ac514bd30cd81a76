package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.command.SourceRoot;
import dev.migrate.command.entity.ProviderClasses;
import dev.migrate.command.run.Durations;
import dev.migrate.command.run.ProjectClassLoader;
import dev.migrate.command.watch.Watch;
import dev.migrate.command.watch.WatchSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Stays running and, after each change of the compiled classes ({@code target/classes}, what the IDE writes on
 * save) or of the declared objects, prints what {@code migrate:check} says; with {@code -Dmigrate.watch.write=true},
 * or Enter pressed in the terminal, writes the migration as {@code migrate:autogenerate} does:
 * {@code mvn compile migrate:watch}. One JVM serves every change: the JPA provider stays loaded and both caches
 * warm, and the project's classes are loaded afresh each time.
 */
@Mojo(
        name = "watch",
        configurator = SecretAwareConfigurator.HINT,
        threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class WatchMojo extends AutogenerateMojo {

    /**
     * Write the migration after each change, as {@code migrate:autogenerate} does, instead of printing what
     * {@code migrate:check} says: {@code -Dmigrate.watch.write=true}. Without it, Enter pressed in the terminal
     * writes it once. The migration's message is {@code message}, {@code "schema changes"} when it is not set.
     */
    @Parameter(property = "migrate.watch.write", defaultValue = "false")
    protected boolean watchWrite;

    /**
     * Stop after this many comparisons, the first one at start included: {@code -Dmigrate.watch.cycles=1} compares
     * once and ends, as a script or a test wants. 0, the default: until stopped (Ctrl+C).
     */
    @Parameter(property = "migrate.watch.cycles", defaultValue = "0")
    protected int watchCycles;

    /**
     * How long the watched files must stay unchanged before a change is compared, so that a compiler's burst of
     * class files counts as one change ({@code 150ms}, {@code 1s}).
     */
    @Parameter(property = "migrate.watch.debounce", defaultValue = "150ms")
    protected String watchDebounce;

    @Override
    protected void checkSettings() {
        super.checkSettings();
        if (watchCycles < 0) {
            throw new MigrateException("watchCycles is " + watchCycles
                    + ": set it to 0 (watch until stopped) or to the number of comparisons to run.");
        }
        Durations.parse("watchDebounce", watchDebounce);
    }

    @Override
    protected void run(ClassLoader projectClasses) {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        Duration debounce = Durations.parse("watchDebounce", watchDebounce);
        Watch.Settings settings = new Watch.Settings(
                watchWrite,
                message == null || message.isBlank() ? Watch.Settings.DEFAULT_MESSAGE : message,
                new SourceRoot(sourceDirectory.toPath(), packages.get(0)),
                safe,
                online,
                watchCycles,
                debounce == null ? Watch.Settings.DEFAULT_DEBOUNCE : debounce);
        try (ProviderClasses provider = ProviderClasses.of(classes, entityClasspath());
                WatchSession session = new Watch(comparison(), settings)
                        .start(new Face(List.of(classes, objectsDirectory.toPath())))) {
            keptProvider = provider;
            if (watchCycles == 0 && hasConsole()) {
                session.writeOnEachLineOf(System.in); // Enter writes the migration
            }
            session.run();
        } finally {
            keptProvider = null;
        }
    }

    @SuppressWarnings("SystemConsoleNull") // JDK 22 and later: a console without a terminal reads an ended input
    private static boolean hasConsole() {
        return System.console() != null;
    }

    /** The goal as the face of {@code watch}: each cycle over a class loader of the project's classes made for it. */
    private final class Face extends MojoFace implements Watch.Face {
        private final List<Path> watched;

        Face(List<Path> watched) {
            super(WatchMojo.this, WatchMojo.class.getClassLoader());
            this.watched = watched;
        }

        @Override
        public List<Path> watched() {
            return watched;
        }

        @Override
        public Watch.Cycle openCycle() {
            ProjectClassLoader classes = ProjectClassLoader.open(classpathElements, WatchMojo.class.getClassLoader());
            return new Cycle(classes);
        }
    }

    /** One cycle: {@code check}'s or {@code autogenerate}'s face, its class loader closed with it. */
    private final class Cycle extends AutogenFace implements Watch.Cycle {
        private final ProjectClassLoader classes;

        Cycle(ProjectClassLoader classes) {
            super(WatchMojo.this, classes.loader());
            this.classes = classes;
        }

        @Override
        public void close() {
            classes.close();
        }
    }
}
