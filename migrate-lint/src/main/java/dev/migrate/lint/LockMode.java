package dev.migrate.lint;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** PostgreSQL's table lock modes, weakest first, named as {@code pg_locks} names them. */
enum LockMode {
    AccessShareLock,
    RowShareLock,
    RowExclusiveLock,
    ShareUpdateExclusiveLock,
    ShareLock,
    ShareRowExclusiveLock,
    ExclusiveLock,
    AccessExclusiveLock;

    /** Whether other sessions' writes (INSERT, UPDATE, DELETE) wait while it is held. */
    boolean blocksWrites() {
        return compareTo(ShareLock) >= 0;
    }

    /** Whether other sessions' reads wait while it is held. */
    boolean blocksReads() {
        return this == AccessExclusiveLock;
    }

    static @Nullable LockMode named(String mode) {
        return Arrays.stream(values())
                .filter(m -> m.name().equals(mode))
                .findFirst()
                .orElse(null);
    }
}
