package dev.migrate.servers;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * {@link ComparisonDatabases#needingWhenAsked}: the configured database as it is, and the throwaway servers of
 * {@code databases} {@linkplain ComparisonDatabases#needing needing} what {@code extensions} gives, asked for on the
 * first use of one of them.
 */
final class NeedingWhenAsked implements ComparisonDatabases {
    private final ComparisonDatabases databases;
    private final Supplier<Set<String>> extensions;
    private @Nullable ComparisonDatabases needing;

    NeedingWhenAsked(ComparisonDatabases databases, Supplier<Set<String>> extensions) {
        this.databases = databases;
        this.extensions = extensions;
    }

    @Override
    public Optional<DataSource> configured() {
        return databases.configured();
    }

    @Override
    public ThrowawayVersion defaultVersion() {
        return needing().defaultVersion();
    }

    @Override
    public ThrowawayVersion version(int major) {
        return needing().version(major);
    }

    @Override
    public ThrowawayServer start(ThrowawayVersion version) {
        return needing().start(version);
    }

    @Override
    public ComparisonDatabases needing(Set<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        return new NeedingWhenAsked(databases, () -> {
            Set<String> all = new TreeSet<>(extensions.get());
            all.addAll(more);
            return all;
        });
    }

    private synchronized ComparisonDatabases needing() {
        ComparisonDatabases asked = needing;
        if (asked == null) {
            asked = databases.needing(extensions.get());
            needing = asked;
        }
        return asked;
    }
}
