package dev.migrate.internal;

import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.runtime.ConnectionSource;
import dev.migrate.runtime.Engine;
import javax.sql.DataSource;

/**
 * The one way from a {@link Migrator} to its engine, for the lint module: {@code Migrator} keeps its
 * engine private and offers applications no replay, so it hands an opener to this class once, when
 * its class is initialized (the JDK's {@code SharedSecrets} pattern). Not API; see the package.
 */
public final class MigratorReplays {
    /** What {@link Migrator} registers: its engine and listener, given a migrator. */
    public interface Opener {
        /** The engine of {@code migrator}, in its configuration. */
        Engine engine(Migrator migrator);

        /** The listener {@code migrator} reports failures to. */
        MigrationListener listener(Migrator migrator);
    }

    // set once, by Migrator's static initializer, before any Migrator exists to be passed in here
    private static volatile Opener opener;

    private MigratorReplays() {}

    /** Called by {@link Migrator} alone; a second call fails, so nothing else can take its place. */
    public static void register(Opener migratorOpener) {
        synchronized (MigratorReplays.class) {
            if (opener != null) {
                throw new IllegalStateException("The Migrator opener is registered already.");
            }
            opener = migratorOpener;
        }
    }

    /**
     * The migrations and settings of {@code migrator}, pointed at {@code database} instead of its own.
     *
     * @param migrator a built migrator; its own database, if any, is not touched
     * @param database where the replay is to run
     * @return the replay
     */
    public static Replay on(Migrator migrator, DataSource database) {
        Opener o = opener;
        return new Replay(o.engine(migrator).on(ConnectionSource.of(database)), o.listener(migrator));
    }
}
