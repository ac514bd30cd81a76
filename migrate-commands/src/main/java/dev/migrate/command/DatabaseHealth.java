package dev.migrate.command;

import dev.migrate.CurrentRevision;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.NotAtHeadException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The health of one migrated database, as the starter's health indicator and the Quarkus extension's readiness check
 * report it: DOWN while it is behind the application's head or has drifted from the schema of head (checked again
 * once the last check is older than the interval), OUT_OF_SERVICE while an online revision is in its expand phase
 * when asked, else UP; the reason in the details. Reads only: no lock, no write.
 *
 * <pre>{@code DatabaseHealth.of(migrator).validatingDrift(Duration.ofMinutes(10)).check().status()}</pre>
 */
public final class DatabaseHealth {
    private final Migrator migrator;
    private final boolean validateDrift;
    private final Duration driftInterval;
    private final boolean outOfServiceDuringExpand;
    private final Clock clock;
    private volatile @Nullable Drift lastDrift;

    private DatabaseHealth(
            Migrator migrator,
            boolean validateDrift,
            Duration driftInterval,
            boolean outOfServiceDuringExpand,
            Clock clock) {
        this.migrator = migrator;
        this.validateDrift = validateDrift;
        this.driftInterval = driftInterval;
        this.outOfServiceDuringExpand = outOfServiceDuringExpand;
        this.clock = clock;
    }

    /** The health of the database of {@code migrator}, drift left out, an expand phase UP. */
    public static DatabaseHealth of(Migrator migrator) {
        return new DatabaseHealth(migrator, false, Duration.ZERO, false, Clock.systemUTC());
    }

    /** The same, checking drift too, again once the last check is older than {@code interval} (zero: never again). */
    public DatabaseHealth validatingDrift(Duration interval) {
        return new DatabaseHealth(migrator, true, interval, outOfServiceDuringExpand, clock);
    }

    /** The same, OUT_OF_SERVICE while an online revision is in its expand phase. */
    public DatabaseHealth outOfServiceDuringExpand() {
        return new DatabaseHealth(migrator, validateDrift, driftInterval, true, clock);
    }

    /** The same, on {@code clock}'s time. */
    public DatabaseHealth on(Clock clock) {
        return new DatabaseHealth(migrator, validateDrift, driftInterval, outOfServiceDuringExpand, clock);
    }

    /**
     * A health.
     *
     * @param status {@code UP}, {@code DOWN} or {@code OUT_OF_SERVICE}
     * @param details the revisions (heads, current, pending), the drift check's time, the expand revision, and
     *     {@code reason} unless UP
     */
    public record Verdict(String status, Map<String, Object> details) {
        /** Whether the status is UP. */
        public boolean up() {
            return "UP".equals(status);
        }
    }

    /**
     * A drift check.
     *
     * @param checkedAt when it ran
     * @param drifted whether the database differed from the schema of head
     * @param differences what differed, as the check names it; null when nothing did
     */
    public record Drift(
            Instant checkedAt, boolean drifted, @Nullable String differences) {}

    /** Reads the database and says how it is. */
    public Verdict check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("heads", migrator.heads());
        List<CurrentRevision> rows = migrator.current();
        List<String> pending = DatabaseStatus.of(migrator).pending(rows);
        details.put("current", rows.stream().map(CurrentRevision::id).toList());
        details.put("pending", pending);
        if (!pending.isEmpty()) {
            details.put(
                    "reason",
                    "The database is behind the application's head: " + pending.size()
                            + (pending.size() == 1 ? " revision is" : " revisions are") + " pending ("
                            + String.join(", ", pending)
                            + "). Upgrade it to head.");
            return new Verdict("DOWN", details);
        }
        Drift drift = drift();
        if (drift != null) {
            details.put("driftCheckedAt", drift.checkedAt().toString());
            if (drift.drifted()) {
                details.put("reason", "The database has drifted from the schema of its head: " + drift.differences());
                return new Verdict("DOWN", details);
            }
        }
        String expand = expand(rows);
        if (expand != null) {
            details.put("expand", expand);
            if (outOfServiceDuringExpand) {
                details.put(
                        "reason",
                        "The online revision " + expand + " is in its expand phase; complete it (mvn "
                                + "migrate:complete) to bring the instance back into service.");
                return new Verdict("OUT_OF_SERVICE", details);
            }
        }
        return new Verdict("UP", details);
    }

    /** Records that startup checked drift and passed, so the next check does not run it again at once. */
    public void startupChecked() {
        if (validateDrift) {
            lastDrift = new Drift(clock.instant(), false, null);
        }
    }

    /** The last drift check, run again when older than the interval; null when drift is not validated. */
    public @Nullable Drift drift() {
        if (!validateDrift) {
            return null;
        }
        Drift last = lastDrift;
        boolean stale = last == null
                || (!driftInterval.isZero()
                        && last.checkedAt().plus(driftInterval).isBefore(clock.instant()));
        if (!stale) {
            return last;
        }
        Drift checked;
        try {
            migrator.assertUpToDate();
            checked = new Drift(clock.instant(), false, null);
        } catch (NotAtHeadException behind) {
            return last; // the schema of head is no measure of a database behind it
        } catch (MigrateException differs) {
            checked = new Drift(clock.instant(), true, differs.getMessage());
        }
        lastDrift = checked;
        return checked;
    }

    /** The online revision in its expand phase among {@code rows}, or null. */
    public static @Nullable String expand(List<CurrentRevision> rows) {
        return rows.stream()
                .filter(CurrentRevision::inProgress)
                .map(CurrentRevision::id)
                .findFirst()
                .orElse(null);
    }
}
