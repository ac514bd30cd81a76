package dev.migrate.internal;

import dev.migrate.MigrationListener;
import dev.migrate.Migrator;
import dev.migrate.internal.runtime.Engine;
import dev.migrate.text.Fixes;
import org.jspecify.annotations.Nullable;

/**
 * The way from a {@link Migrator} to its engine, for {@code dev.migrate.tooling.MigratorTools} alone.
 * {@code Migrator} keeps its engine private and hands an opener to this class once, when its class is
 * initialized (the JDK's {@code SharedSecrets} pattern), so that applications see none of this.
 */
public final class MigratorAccess {
    /** What {@link Migrator} registers: its engine, given a migrator. */
    public interface Opener {
        /** The engine of {@code migrator}, whether or not it found migrations or has a database. */
        Engine engine(Migrator migrator);

        /** The engine of {@code migrator}, failing as its online methods do without migrations or a database. */
        Engine database(Migrator migrator);

        /** The engine of {@code migrator}, failing as its online methods do when it found no migration. */
        Engine migrations(Migrator migrator);

        /** Whether {@code migrator} was given a database. */
        boolean online(Migrator migrator);

        /** The listener {@code migrator} reports failures to. */
        MigrationListener listener(Migrator migrator);

        /** Has the messages of what {@code builder} builds name fixes as {@code fixes} spells them. */
        void fixes(Migrator.Builder builder, Fixes fixes);

        /**
         * Has the runs of what {@code builder} builds count as started by the coding agent {@code agent} when the
         * environment names none: its destructive runs need their consent token.
         */
        void startedByAgent(Migrator.Builder builder, String agent);
    }

    // set once, by Migrator's static initializer, before any Migrator exists to be passed in here
    private static volatile @Nullable Opener opener;

    private MigratorAccess() {}

    /** Called by {@link Migrator} alone; a second call fails, so nothing else can take its place. */
    public static void register(Opener migratorOpener) {
        synchronized (MigratorAccess.class) {
            if (opener != null) {
                throw new IllegalStateException("The Migrator opener is registered already.");
            }
            opener = migratorOpener;
        }
    }

    /** The registered opener; a built migrator has registered it (its class is initialized). */
    public static Opener opener() {
        Opener registered = opener;
        if (registered == null) {
            throw new IllegalStateException("Migrator has not registered its opener.");
        }
        return registered;
    }
}
