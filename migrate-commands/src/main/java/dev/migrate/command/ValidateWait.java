package dev.migrate.command;

import dev.migrate.MigrationLog;
import dev.migrate.Migrator;
import dev.migrate.NotAtHeadException;
import java.time.Duration;
import java.util.List;

/**
 * Startup's validation (the starter's {@code migrate.mode=validate}, the Quarkus extension's
 * {@code quarkus.migrate.validate-at-start}) beside a migration that is running: while another migrate run holds the migration
 * lock of a database behind head, startup waits for it (at most {@code migrate.validate.wait-timeout}), checking
 * again every {@code poll}, and passes once the database is at head. A database behind head that no run is migrating
 * fails at once, as without a wait: nothing would bring it to head.
 *
 * <pre>{@code new ValidateWait(Duration.ofMinutes(5), "migrate.validate.wait-timeout", log).validate(migrator)}</pre>
 *
 * @param timeout how long to wait for a running migration; zero fails at once
 * @param setting the setting of {@code timeout} as the face spells it, which the messages name
 * @param poll how long between two checks
 * @param log where the wait is announced
 */
public record ValidateWait(Duration timeout, String setting, Duration poll, MigrationLog log) {
    /** How often startup checks again while another run migrates the database. */
    private static final Duration POLL = Duration.ofSeconds(1);

    /** How often the wait says it is still waiting. */
    private static final Duration ANNOUNCE = Duration.ofSeconds(10);

    /** A wait of at most {@code timeout}, checking every second, that announces itself to {@code log}. */
    public ValidateWait(Duration timeout, String setting, MigrationLog log) {
        this(timeout, setting, POLL, log);
    }

    /**
     * Returns once the database of {@code migrator} is at head (and has not drifted, when it validates drift).
     *
     * @throws NotAtHeadException when it is behind and no run migrates it, or the run did not finish in time
     */
    public void validate(Migrator migrator) {
        if (timeout.isZero() || timeout.isNegative()) {
            migrator.assertUpToDate();
            return;
        }
        long start = System.nanoTime();
        long nextAnnouncement = start;
        while (true) {
            NotAtHeadException behind;
            try {
                migrator.assertUpToDate();
                return;
            } catch (NotAtHeadException e) {
                behind = e;
            }
            List<String> running = DatabaseStatus.of(migrator).migrationLockHolders();
            if (running.isEmpty()) {
                // the run may have ended between the two reads: the database then is at head
                migrator.assertUpToDate();
                return;
            }
            long now = System.nanoTime();
            if (now - start >= timeout.toNanos()) {
                throw new NotAtHeadException(behind.getMessage() + " A migrate run (" + String.join("; ", running)
                        + ") still holds the migration lock after " + seconds(timeout) + " of waiting: raise "
                        + setting + " (" + seconds(timeout)
                        + " now) for a longer migration, or find why "
                        + "that run does not finish.");
            }
            if (now >= nextAnnouncement) {
                log.info("The database is behind head and a migrate run is migrating it (" + String.join("; ", running)
                        + "): waiting for it, at most " + seconds(timeout) + " (" + setting + ").");
                nextAnnouncement = now + ANNOUNCE.toNanos();
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotAtHeadException(behind.getMessage() + " Startup was interrupted while waiting for the "
                        + "migrate run that holds the migration lock.");
            }
        }
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
