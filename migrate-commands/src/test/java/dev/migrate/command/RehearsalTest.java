package dev.migrate.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The lock modes of a rehearsal, read from {@code pg_locks}, named as {@code LOCK TABLE} and the consent's plan name
 * them (the rehearsal itself runs in {@code McpServerTest}, on PostgreSQL).
 */
class RehearsalTest {
    @Test
    void eachLockModeIsNamedAsSqlNamesIt() {
        assertThat(Rehearsal.Lock.sqlMode("AccessExclusiveLock")).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(Rehearsal.Lock.sqlMode("ShareRowExclusiveLock")).isEqualTo("SHARE ROW EXCLUSIVE");
        assertThat(Rehearsal.Lock.sqlMode("ShareUpdateExclusiveLock")).isEqualTo("SHARE UPDATE EXCLUSIVE");
        assertThat(Rehearsal.Lock.sqlMode("RowExclusiveLock")).isEqualTo("ROW EXCLUSIVE");
        assertThat(Rehearsal.Lock.sqlMode("ShareLock")).isEqualTo("SHARE");
        assertThat(Rehearsal.Lock.sqlMode("AccessShareLock")).isEqualTo("ACCESS SHARE");
    }
}
