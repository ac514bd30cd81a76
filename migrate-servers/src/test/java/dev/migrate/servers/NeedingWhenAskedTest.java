package dev.migrate.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@link ComparisonDatabases#needingWhenAsked}: reading a chain's extensions records every migration, which a
 * comparison on the configured database alone never needs; they are read once, when a throwaway server is.
 */
class NeedingWhenAskedTest {
    private static final ComparisonDatabases.ThrowawayVersion V18 =
            new ComparisonDatabases.ThrowawayVersion("18.6.0", "180006", "embedded 18.6.0");

    /** Throwaway servers that say which extensions they were told to have, and start none. */
    private record Told(Set<String> extensions, List<Set<String>> asked) implements ComparisonDatabases {
        @Override
        public Optional<DataSource> configured() {
            return Optional.empty();
        }

        @Override
        public ThrowawayVersion defaultVersion() {
            return new ThrowawayVersion(V18.version(), V18.serverVersionNum(), "having " + extensions);
        }

        @Override
        public ThrowawayVersion version(int major) {
            return defaultVersion();
        }

        @Override
        public ThrowawayServer start(ThrowawayVersion version) {
            throw new UnsupportedOperationException("no server is started here");
        }

        @Override
        public ComparisonDatabases needing(Set<String> more) {
            asked.add(more);
            Set<String> all = new TreeSet<>(extensions);
            all.addAll(more);
            return new Told(all, asked);
        }
    }

    @Test
    void theExtensionsAreReadOnceAndOnlyWhenAThrowawayServerIsAskedFor() {
        AtomicInteger reads = new AtomicInteger();
        List<Set<String>> asked = new ArrayList<>();
        ComparisonDatabases databases = new Told(Set.of(), asked).needingWhenAsked(() -> {
            reads.incrementAndGet();
            return Set.of("vector");
        });

        assertThat(databases.configured()).isEmpty();
        assertThat(reads).as("the configured database alone reads nothing").hasValue(0);

        assertThat(databases.version(18).identity()).isEqualTo("having [vector]");
        assertThat(databases.defaultVersion().identity()).isEqualTo("having [vector]");
        assertThat(reads).hasValue(1);
        assertThat(asked).containsExactly(Set.of("vector"));
    }

    @Test
    void moreExtensionsJoinTheOnesReadWhenAsked() {
        AtomicInteger reads = new AtomicInteger();
        ComparisonDatabases databases = new Told(Set.of(), new ArrayList<>())
                .needingWhenAsked(() -> {
                    reads.incrementAndGet();
                    return Set.of("vector");
                })
                .needing(Set.of("postgis"));

        assertThat(reads).hasValue(0);
        assertThat(databases.defaultVersion().identity()).isEqualTo("having [postgis, vector]");
        assertThat(reads).hasValue(1);
    }
}
