package dev.migrate.maven;

import dev.migrate.autogen.ComparisonDatabase;
import dev.migrate.command.run.Durations;
import dev.migrate.command.tooling.EntityComparison;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a goal's parameters say the entities are compared with a schema: where the entity side is built and how risky
 * changes are measured (what is compared is the settings table's: {@link dev.migrate.command.tooling.EntityRequest}).
 *
 * @param comparisonDatabase {@code server}, {@code embedded} or {@code auto}
 * @param replayCache whether the schema the migrations build is kept in {@code target/migrate/replay-cache}
 * @param measureTimeout how long a query that measures a risky change may run, such as {@code 5s}
 * @param largeTableRows the estimated rows from which a table counts as large
 */
record ComparisonOptions(String comparisonDatabase, boolean replayCache, String measureTimeout, long largeTableRows) {

    /** Fails on a misspelt measureTimeout, before anything runs. */
    void check() {
        Durations.parse("measureTimeout", measureTimeout);
    }

    /** How the entities are compared with the schema at head. */
    EntityComparison comparison() {
        Duration timeout = Durations.parse("measureTimeout", measureTimeout);
        return new EntityComparison(
                ComparisonDatabase.of(comparisonDatabase), // misspelt: fails with or without a URL
                timeout == null ? EntityComparison.DEFAULT_MEASURE_TIMEOUT : timeout,
                largeTableRows);
    }

    /** The values of a list parameter, trimmed, without the empty ones; none when it is not set. */
    static List<String> trimmed(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
