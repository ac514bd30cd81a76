package dev.migrate.internal.discovery;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.graph.RevisionInfo;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A migration class found on the classpath, with what its {@code @Revision} says, or an instance
 * the caller gave (a container injects what the migration needs).
 *
 * <p>The scanner reads the annotation from the class file, so the class itself is loaded only when
 * {@link #type()} or {@link #newInstance()} is first called: commands that only look at the graph
 * or the version table never load the migrations.
 */
public final class DiscoveredMigration {
    private final RevisionInfo info;
    private final ClassLoader loader;
    private final @Nullable Migration instance;
    private final List<String> moduleDependsOn;
    /** Set once the class is loaded; read and written by the thread that prepares scripts ahead, too. */
    private volatile @Nullable Class<? extends Migration> type;

    /**
     * @param info the revision attributes, for the graph
     * @param type the class, checked to be a concrete {@link Migration} with a public no-argument
     *     constructor unless an instance is given
     * @param instance the instance to run, given by the caller, or {@code null} to create one from
     *     the class for each use
     */
    public DiscoveredMigration(RevisionInfo info, Class<? extends Migration> type, @Nullable Migration instance) {
        this(info, type.getClassLoader(), type, instance, List.of());
    }

    private DiscoveredMigration(
            RevisionInfo info,
            ClassLoader loader,
            @Nullable Class<? extends Migration> type,
            @Nullable Migration instance,
            List<String> moduleDependsOn) {
        this.info = info;
        this.loader = loader;
        this.type = type;
        this.instance = instance;
        this.moduleDependsOn = List.copyOf(moduleDependsOn);
    }

    /** A migration created from its class for each use. */
    public DiscoveredMigration(RevisionInfo info, Class<? extends Migration> type) {
        this(info, type, null);
    }

    /** A migration whose class, named by {@code info.source()}, was checked from its class file and is not loaded yet. */
    DiscoveredMigration(RevisionInfo info, ClassLoader loader) {
        this(info, loader, null, null, List.of());
    }

    /** This migration, run as {@code instance}: a container made it. */
    public DiscoveredMigration withInstance(Migration instance) {
        return new DiscoveredMigration(info, loader, type(), instance, moduleDependsOn);
    }

    /** This migration placed in its module: {@code placed} names it there, and the module depends on {@code modules}. */
    DiscoveredMigration inModule(RevisionInfo placed, List<String> modules) {
        return placed.equals(info) && modules.equals(moduleDependsOn)
                ? this
                : new DiscoveredMigration(placed, loader, type, instance, modules);
    }

    /**
     * The modules the module of this revision depends on, as its {@code @MigrationModule} or its jar's
     * {@code META-INF/migrate/module.properties} declares them: an upgrade applies theirs first.
     */
    public List<String> moduleDependsOn() {
        return moduleDependsOn;
    }

    /** The revision attributes, for the graph. */
    public RevisionInfo info() {
        return info;
    }

    /** The loader its class is (or is to be) loaded in. */
    public ClassLoader loader() {
        return loader;
    }

    /** The instance the caller gave, or {@code null} when one is created from the class for each use. */
    public @Nullable Migration instance() {
        return instance;
    }

    /**
     * The migration class, loaded (not initialised) on first use.
     *
     * @throws MigrateException naming the class when it cannot be loaded
     */
    public Class<? extends Migration> type() {
        Class<? extends Migration> loaded = type;
        if (loaded == null) {
            loaded = MigrationScanner.load(info.source(), loader).asSubclass(Migration.class);
            type = loaded;
        }
        return loaded;
    }

    /**
     * The given instance, or else a new instance of the migration.
     *
     * @throws MigrateException naming the class when its constructor fails or cannot be called
     */
    public Migration newInstance() {
        if (instance != null) {
            return instance;
        }
        Class<? extends Migration> migration = type();
        if (MigrationScanner.takesArguments(migration)) {
            throw new MigrationCreationException("Migration class " + migration.getName() + " (revision " + info.id()
                    + ") cannot be created here: its constructor takes arguments ("
                    + constructorParameters(migration)
                    + "), so only the application that supplies them can create "
                    + "it, as Spring does for a bean. Run what needs its code (upgrade, downgrade, verify, the "
                    + "replay of check, the chain tests) from the application, which gives its instance to the "
                    + "Migrator (the Spring Boot starter does so for a @Component migration), or give the class a "
                    + "public no-argument constructor and look up what it needs when it runs, through the "
                    + "connection of op.jdbc(...).");
        }
        try {
            return migration.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            Throwable cause = thrown == null ? e : thrown;
            throw new MigrationCreationException(
                    "The constructor of migration class " + migration.getName() + " (revision "
                            + info.id() + ") threw " + cause
                            + ". Keep migration constructors free of work that can fail; "
                            + "do it in upgrade or downgrade instead.",
                    cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new MigrationCreationException(
                    "Could not create migration class " + migration.getName() + " (revision " + info.id() + "): " + e
                            + ". Make it a public class with a public no-argument constructor.",
                    e);
        }
    }

    private static String constructorParameters(Class<?> type) {
        return Arrays.stream(type.getDeclaredConstructors()[0].getParameterTypes())
                .map(Class::getSimpleName)
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "DiscoveredMigration[" + info.id() + ", " + info.source() + "]";
    }
}
