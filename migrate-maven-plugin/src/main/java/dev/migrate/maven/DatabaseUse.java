package dev.migrate.maven;

import dev.migrate.command.database.RunDatabase;
import java.util.function.Predicate;

/**
 * How a goal uses its database beyond the parameters every such goal has, as {@link DatabaseMojo#use} says.
 *
 * @param connectsAhead whether the goal will run on the database: its connections to a configured database then
 *     open from the moment it starts, while it checks the classes and finds the migrations
 * @param checksumCache whether the migrators keep the checksums in {@code target/migrate/checksum-cache}
 * @param replayCache whether the goal keeps the schemas the migrations build in {@code target/migrate/replay-cache}
 * @param embeddedMayChange whether a goal that changes the database may change the embedded one (no URL configured)
 *     without a warning, and in CI: the embedded parameter
 */
record DatabaseUse(
        Predicate<RunDatabase> connectsAhead, boolean checksumCache, boolean replayCache, boolean embeddedMayChange) {

    /** A goal that verifies applied migrations against their code when {@code checksumCache} is set, and no more. */
    static DatabaseUse verifying(boolean checksumCache) {
        return new DatabaseUse(database -> false, checksumCache, false, false);
    }

    /** For a goal that runs on the database when {@code when} says so of it. */
    DatabaseUse connectingAhead(Predicate<RunDatabase> when) {
        return new DatabaseUse(when, checksumCache, replayCache, embeddedMayChange);
    }

    /** For a goal that runs no migration, so has no checksum to hold against the version table. */
    DatabaseUse withoutChecksums() {
        return new DatabaseUse(connectsAhead, false, replayCache, embeddedMayChange);
    }

    /** For a goal that keeps the schemas the migrations build when its replayCache is set. */
    DatabaseUse keepingReplayCache(boolean keep) {
        return new DatabaseUse(connectsAhead, checksumCache, keep, embeddedMayChange);
    }

    /** For a goal that changes the database, which may change the embedded one when {@code allowed}. */
    DatabaseUse embeddedChange(boolean allowed) {
        return new DatabaseUse(connectsAhead, checksumCache, replayCache, allowed);
    }
}
