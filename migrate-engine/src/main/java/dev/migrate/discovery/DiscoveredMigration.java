package dev.migrate.discovery;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.graph.RevisionInfo;
import java.lang.reflect.InvocationTargetException;

/**
 * A migration class found on the classpath, with what its {@code @Revision} says.
 *
 * @param info the revision attributes, for the graph
 * @param type the class, checked to be a concrete {@link Migration} with a public no-argument constructor
 *     unless an instance is given
 * @param instance the instance to run, given by the caller (a container injects what it needs), or
 *     {@code null} to create one from the class for each use
 */
public record DiscoveredMigration(RevisionInfo info, Class<? extends Migration> type, Migration instance) {

    /** A migration created from its class for each use. */
    public DiscoveredMigration(RevisionInfo info, Class<? extends Migration> type) {
        this(info, type, null);
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
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new MigrateException("The constructor of migration class " + type.getName() + " (revision "
                    + info.id() + ") threw " + cause + ". Keep migration constructors free of work that can fail; "
                    + "do it in upgrade or downgrade instead.", cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new MigrateException("Could not create migration class " + type.getName() + " (revision " + info.id()
                    + "): " + e + ". Make it a public class with a public no-argument constructor.", e);
        }
    }
}
