package dev.migrate.autogen.drift;

import dev.migrate.Migrator;
import dev.migrate.catalog.read.Exclusions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Drift} compares: the chain, the schema it manages and what is left out of the comparison,
 * as {@code check} leaves it out.
 *
 * <pre>{@code
 * DriftRequest request = new DriftRequest(chain, "public", List.of("legacy_*"), "migrate_version", "migrate_history",
 *         Optional.of(Path.of("target/migrate/replay-cache")));
 * }</pre>
 *
 * @param chain the migrations; for one database, a migrator over that database (its version table says
 *     which revision to compare with)
 * @param managedSchema the schema the migrations build (for a fleet of schemas, each tenant's schema
 *     stands for it)
 * @param exclude name patterns left out on both sides, as {@code check}'s {@code exclude}
 * @param versionTable the version table, left out
 * @param historyTable the history table, left out
 * @param replayCache where the schema of each revision is kept between runs; empty: replayed every time
 */
public record DriftRequest(
        Migrator chain,
        String managedSchema,
        List<String> exclude,
        String versionTable,
        String historyTable,
        Optional<Path> replayCache) {
    public DriftRequest {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(managedSchema, "managedSchema");
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(versionTable, "versionTable");
        Objects.requireNonNull(historyTable, "historyTable");
        Objects.requireNonNull(replayCache, "replayCache");
    }

    /** Every pattern left out: the user's and the version tables. */
    List<String> excluded() {
        List<String> patterns = new ArrayList<>(exclude);
        patterns.addAll(Exclusions.ownTables(versionTable, historyTable));
        return patterns;
    }
}
