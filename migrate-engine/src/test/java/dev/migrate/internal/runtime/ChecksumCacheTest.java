package dev.migrate.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.ChecksumCache;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.testing.TestPostgres;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With checksums kept from the same code, a run verifies applied migrations without recording
 * them again; a kept value the database disagrees with is computed afresh, never trusted.
 */
class ChecksumCacheTest {

    @Revision(id = "c1", message = "counted")
    public static class Counted implements Migration {
        static final AtomicInteger RECORDED = new AtomicInteger();

        @Override
        public void upgrade(Operations op) {
            RECORDED.incrementAndGet();
            op.execute("CREATE TABLE counted (id int)");
        }

        @Override
        public void downgrade(Operations op) {
            op.execute("DROP TABLE counted");
        }
    }

    /** A cache in memory. */
    static final class Kept implements ChecksumCache {
        final Map<String, String> values = new HashMap<>();
        int stores;

        @Override
        public Map<String, String> checksums() {
            return Map.copyOf(values);
        }

        @Override
        public void store(Map<String, String> checksums) {
            stores++;
            values.clear();
            values.putAll(checksums);
        }
    }

    private DataSource db;
    private final Kept cache = new Kept();

    @BeforeEach
    void applied() {
        db = TestPostgres.freshDatabase("checksum_cache");
        migrator().upgrade("head");
        assertThat(cache.values).containsOnlyKeys("c1");
        assertThat(cache.values.get("c1")).startsWith("v2:");
    }

    private Migrator migrator() {
        return Migrator.builder()
                .dataSource(db)
                .migrations(Counted.class)
                .log(new Fixtures.RecordingLog())
                .checksumCache(cache)
                .build();
    }

    @Test
    void aRunWithTheChecksumsKeptDoesNotRecordTheAppliedMigrations() {
        Counted.RECORDED.set(0);
        int stores = cache.stores;
        migrator().upgrade("head");
        assertThat(Counted.RECORDED).as("upgrade() was not called to verify c1").hasValue(0);
        assertThat(cache.stores).as("nothing new to keep, nothing written").isEqualTo(stores);

        Migrator.builder()
                .dataSource(db)
                .migrations(Counted.class)
                .log(new Fixtures.RecordingLog())
                .build()
                .upgrade("head");
        assertThat(Counted.RECORDED).as("without the cache it is").hasValue(1);
    }

    @Test
    void aKeptValueTheDatabaseDisagreesWithIsComputedAgain() {
        String right = cache.values.get("c1");
        cache.values.put("c1", "v2:not-what-the-code-gives");
        Counted.RECORDED.set(0);
        migrator().upgrade("head");
        assertThat(Counted.RECORDED).hasValue(1);
        assertThat(cache.values).containsEntry("c1", right);
    }
}
