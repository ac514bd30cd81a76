package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.command.entity.ProviderClasses;
import dev.migrate.command.run.Durations;
import dev.migrate.command.run.ProjectClassLoader;
import dev.migrate.command.watch.WatchCommand;
import dev.migrate.command.watch.WatchSession;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

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
public class WatchMojo extends EntityMojo {

    /**
     * The one-line description of the new migration. It also names the class: the message
     * {@code add status column} gives {@code V20261122_101500_AddStatusColumn}.
     */
    @Parameter(property = "migrate.message")
    protected @Nullable String message;

    /** The source root the class is written to, below the first of {@code packages}. */
    @Parameter(property = "migrate.sourceDirectory", defaultValue = "${project.build.sourceDirectory}")
    protected File sourceDirectory;

    /**
     * Write changes to tables that already exist in their lock-safe form, so the tables stay readable
     * and writable while they change: {@code -Dmigrate.safe=true}. A new index is built with CREATE INDEX
     * CONCURRENTLY, a unique constraint takes over an index built that way, a foreign key or check is
     * added NOT VALID and validated afterwards, and SET NOT NULL follows a validated
     * {@code CHECK (col IS NOT NULL)}. Those steps go in a second migration with
     * {@code transactional = false} that revises the first, so two files are written (one when every
     * change is of that kind). Tables the migration creates keep the plain form. What has no automatic
     * lock-safe form (a type change that rewrites the table, a drop) keeps its note, which names the
     * migrate:lint rule. Without it, a configured database's large tables (at least
     * {@code largeTableRows} estimated rows) get the lock-safe form all the same, and small ones the
     * plain form.
     */
    @Parameter(property = "migrate.safe", defaultValue = "false")
    protected boolean safe;

    /**
     * Write the next migration as an online migration: {@code -Dmigrate.online=true}. A change of a column's
     * type or NOT NULL, and a rename or drop of a column or table, on a table that exists is written as an
     * online change ({@code op.online(OnlineChange...)}), whose expand phase {@code migrate:upgrade} runs
     * (the running application keeps the old shape; the new one reads and writes through the revision's
     * schema of views, such as public_20261126_090000) and whose contract phase {@code migrate:complete}
     * runs. The other changes take their lock-safe form in the same migration.
     */
    @Parameter(property = "migrate.online", defaultValue = "false")
    protected boolean online;

    /**
     * Write the migration after each change, as {@code migrate:autogenerate} does, instead of printing what
     * {@code migrate:check} says: {@code -Dmigrate.watch.write=true}. Without it, Enter pressed in the terminal
     * writes it once. The migration's message is {@code message}, {@code "schema changes"} when it is not set.
     */
    @Parameter(property = "migrate.watch.write", defaultValue = "false")
    protected boolean watchWrite;

    /**
     * Stop after this many comparisons, the first one at start included: {@code -Dmigrate.watch.cycles=1} compares
     * once and ends, as a script or a test wants, failing as check fails when the last one finds differences or an
     * error. 0, the default: until stopped (Ctrl+C).
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
    protected void checkSettings(DatabaseGoal database) {
        super.checkSettings(database);
        if (watchCycles < 0) {
            throw new MigrateException("watchCycles is " + watchCycles
                    + ": set it to 0 (watch until stopped) or to the number of comparisons to run.");
        }
        Durations.parse("watchDebounce", watchDebounce);
    }

    @Override
    protected void run(EntityGoal goal, ClassLoader projectClasses) {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        Duration debounce = Durations.parse("watchDebounce", watchDebounce);
        WatchCommand.Settings settings = new WatchCommand.Settings(
                watchWrite,
                message == null || message.isBlank() ? WatchCommand.Settings.DEFAULT_MESSAGE : message,
                goal.goal().sourceRoot(sourceDirectory),
                safe,
                online,
                watchCycles,
                debounce == null ? WatchCommand.Settings.DEFAULT_DEBOUNCE : debounce);
        try (ProviderClasses provider = ProviderClasses.of(classes, EntityOptions.classpath(goal.goal()));
                WatchSession session = new WatchCommand(goal.options().comparison(), settings)
                        .start(
                                List.of(
                                        classes,
                                        objectsDirectory.toPath(),
                                        dataDirectory.toPath(),
                                        sourceSqlDir.toPath()),
                                () -> cycle(goal.keeping(provider)),
                                goal.database().context(projectClasses))) {
            if (watchCycles == 0 && hasConsole()) {
                session.writeOnEachLineOf(System.in); // Enter writes the migration
            }
            session.run();
        }
    }

    @SuppressWarnings("SystemConsoleNull") // JDK 22 and later: a console without a terminal reads an ended input
    private static boolean hasConsole() {
        return System.console() != null;
    }

    /** One cycle: the project's classes in a class loader made for it, closed with it. */
    private static WatchCommand.Cycle cycle(EntityGoal goal) {
        ProjectClassLoader classes =
                ProjectClassLoader.open(goal.goal().classpathElements(), WatchMojo.class.getClassLoader());
        return new WatchCommand.Cycle(goal.database().context(classes.loader()), goal.compared(), classes);
    }
}
