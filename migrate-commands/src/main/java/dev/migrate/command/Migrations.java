package dev.migrate.command;

import dev.migrate.ChecksumCache;
import dev.migrate.Migrator;
import dev.migrate.command.settings.ResolvedSettings;
import dev.migrate.tooling.MigratorTools;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The project's migrations as a run uses them: a fresh builder for each use, over what the face found (the
 * packages, the project's classes, its log; the starter's beans and DataSource), with the run's settings.
 *
 * @param found a builder over the migrations the face found, each time a new one
 * @param settings the run's settings, set on every builder
 * @param checksumCache where the checksums are kept between runs, for a run on a database; null: computed each run
 * @param database whether the builders already name their database (the starter's DataSource)
 */
public record Migrations(
        Supplier<Migrator.Builder> found,
        ResolvedSettings settings,
        @Nullable ChecksumCache checksumCache,
        boolean database) {

    /**
     * Refuses {@code migrator} as {@code upgrade} refuses it when it found no migration, naming where it looked
     * and what to check: a face that reads the graph of classes it was pointed at ({@link HeadsCommand},
     * {@link HistoryCommand}, ...) calls this first, since a jar without migrations, or a misspelt package, shows an
     * empty graph otherwise: {@code HeadsCommand heads = ...; heads.run(Migrations.requireFound(migrator), context)}.
     *
     * @return {@code migrator}
     */
    public static Migrator requireFound(Migrator migrator) {
        MigratorTools.of(migrator).requireMigrations();
        return migrator;
    }

    /** The migrations {@code found} gives, with {@code settings}, their database to come. */
    public static Migrations of(Supplier<Migrator.Builder> found, ResolvedSettings settings) {
        return new Migrations(found, settings, null, false);
    }

    /** These migrations, their checksums kept in {@code cache} on a database. */
    public Migrations keepingChecksumsIn(@Nullable ChecksumCache cache) {
        return new Migrations(found, settings, cache, database);
    }

    /** These migrations, whose builders already name their database. */
    public Migrations withTheirDatabase() {
        return new Migrations(found, settings, checksumCache, true);
    }

    /**
     * A builder with every setting of the run.
     *
     * @param online whether it will run on a database (rather than write SQL or only read the graph)
     */
    public Migrator.Builder builder(boolean online) {
        Migrator.Builder builder = settings.applyTo(found.get());
        if (online && checksumCache != null) {
            builder.checksumCache(checksumCache);
        }
        return builder;
    }
}
