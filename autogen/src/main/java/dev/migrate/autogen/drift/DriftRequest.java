package dev.migrate.autogen.drift;

import dev.migrate.Migrator;
import dev.migrate.autogen.data.DeclaredTable;
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
 * @param rows the declared tables ({@code db/data/}) whose rows are compared too, by key, in the columns declared
 * @param rowLimit the most rows a declared table may hold
 */
public record DriftRequest(
        Migrator chain,
        String managedSchema,
        List<String> exclude,
        String versionTable,
        String historyTable,
        Optional<Path> replayCache,
        List<DeclaredTable> rows,
        int rowLimit) {
    /** A request that compares no table's rows. */
    public DriftRequest(
            Migrator chain,
            String managedSchema,
            List<String> exclude,
            String versionTable,
            String historyTable,
            Optional<Path> replayCache) {
        this(
                chain,
                managedSchema,
                exclude,
                versionTable,
                historyTable,
                replayCache,
                List.of(),
                dev.migrate.autogen.AutogenerateRequest.DEFAULT_ROW_LIMIT);
    }

    /** This request, comparing the rows of {@code tables} too. */
    public DriftRequest comparingRows(List<DeclaredTable> tables, int limit) {
        return new DriftRequest(chain, managedSchema, exclude, versionTable, historyTable, replayCache, tables, limit);
    }

    public DriftRequest {
        rows = List.copyOf(rows);
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
