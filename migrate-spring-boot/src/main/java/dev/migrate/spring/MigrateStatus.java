package dev.migrate.spring;

import dev.migrate.CurrentRevision;
import dev.migrate.Fleet;
import dev.migrate.HistoryRow;
import dev.migrate.Migrator;
import dev.migrate.command.DatabaseHealth;
import dev.migrate.command.DatabaseStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What an operator sees of the migrated database, read when asked: its revisions against the application's
 * heads, an online revision in its expand phase, the last drift check and the history's last steps, and for a
 * fleet each tenant's. The Actuator endpoint {@code /actuator/migrate} and the {@code migrate} health
 * indicator show it; neither writes anything nor takes the migration lock.
 *
 * <pre>{@code MigrateStatus.Database database = status.database();}</pre>
 */
public final class MigrateStatus {
    /** How many tenants the health indicator names, of those behind. */
    private static final int NAMED_TENANTS = 10;

    private final Migrator migrator;
    private final @Nullable Supplier<Fleet> fleet;
    private final MigrateProperties.Health settings;
    private final DatabaseHealth health;

    MigrateStatus(
            Migrator migrator,
            @Nullable Supplier<Fleet> fleet,
            boolean validateDrift,
            MigrateProperties.Health settings,
            Clock clock) {
        this.migrator = migrator;
        this.fleet = fleet;
        this.settings = settings;
        DatabaseHealth database = DatabaseHealth.of(migrator).on(clock);
        if (validateDrift && fleet == null) {
            database = database.validatingDrift(settings.getDriftInterval());
        }
        this.health = settings.isOutOfServiceDuringExpand() ? database.outOfServiceDuringExpand() : database;
    }

    /**
     * The database's state, as {@code /actuator/migrate} lists it.
     *
     * @param database host, port, database and user, never a password
     * @param current the version rows, each with its message and whether it is a head and in expand
     * @param heads the application's heads
     * @param pending the revisions an upgrade to head would apply, in the order it would
     * @param expand the online revision in its expand phase, or null
     * @param drift the last drift check, or null when migrate.validate-drift is off
     * @param history the history's last steps, the newest first
     * @param tenants the fleet's tenants, or null without a fleet
     */
    public record Database(
            String database,
            List<Row> current,
            List<String> heads,
            List<String> pending,
            @Nullable String expand,
            @Nullable Drift drift,
            List<HistoryRow> history,
            @Nullable Tenants tenants) {}

    /**
     * A version row.
     *
     * @param revision its id
     * @param message its message, empty for a revision this build does not define
     * @param head whether it is a head of this build
     * @param expand whether it is an online revision in its expand phase
     * @param known whether this build defines it (false: a newer build migrated the database)
     */
    public record Row(String revision, String message, boolean head, boolean expand, boolean known) {
        static Row of(CurrentRevision r) {
            return new Row(r.id(), r.message(), r.head(), r.inProgress(), r.known());
        }
    }

    /**
     * The last drift check (migrate.validate-drift).
     *
     * @param checkedAt when it ran
     * @param drifted whether the database differed from the schema of head
     * @param differences what differed, as the check names it; null when nothing did
     */
    public record Drift(
            Instant checkedAt, boolean drifted, @Nullable String differences) {}

    /**
     * One page of the fleet's tenants.
     *
     * @param page the page, from 0
     * @param size at most this many tenants a page
     * @param total how many tenants the fleet has
     * @param behind how many of them have revisions pending
     * @param tenants this page's tenants, in the fleet's order
     */
    public record Tenants(int page, int size, int total, int behind, List<Tenant> tenants) {}

    /**
     * A tenant.
     *
     * @param name its name (its schema, its database or both)
     * @param current its version rows
     * @param pending the revisions an upgrade to head would apply
     * @param expand an online revision in its expand phase, or null
     */
    public record Tenant(
            String name,
            List<String> current,
            List<String> pending,
            @Nullable String expand) {}

    /**
     * The health: UP, DOWN or OUT_OF_SERVICE, and why.
     *
     * @param status {@code UP}, {@code DOWN} or {@code OUT_OF_SERVICE}
     * @param details what the indicator shows: the revisions, and {@code reason} unless UP
     */
    public record Health(String status, Map<String, Object> details) {}

    /** The database, and the first page of the fleet's tenants (of {@code size}) when there is a fleet. */
    public Database database() {
        return database(0, 50);
    }

    /** The database, and page {@code page} of the fleet's tenants, {@code size} a page. */
    public Database database(int page, int size) {
        DatabaseStatus status = DatabaseStatus.of(migrator);
        List<CurrentRevision> rows = fleet == null ? migrator.current() : List.of();
        return new Database(
                fleet == null ? status.description() : "a fleet of tenants",
                rows.stream().map(Row::of).toList(),
                migrator.heads(),
                fleet == null ? status.pending(rows) : List.of(),
                expand(rows),
                drift(),
                fleet == null ? status.recentHistory(settings.getHistoryEntries()) : List.of(),
                fleet == null ? null : tenants(Math.max(0, page), Math.max(1, size)));
    }

    /** Whether the database is at the application's heads, has drifted, or is in an expand phase. */
    public Health health() {
        if (fleet != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("heads", migrator.heads());
            Tenants all = tenants(0, Integer.MAX_VALUE);
            List<String> behind = all.tenants().stream()
                    .filter(t -> !t.pending().isEmpty())
                    .map(Tenant::name)
                    .toList();
            details.put("tenants", all.total());
            details.put("behind", behind.size());
            if (!behind.isEmpty()) {
                details.put("tenantsBehind", behind.subList(0, Math.min(NAMED_TENANTS, behind.size())));
                details.put(
                        "reason",
                        behind.size() + " of " + all.total() + " tenants are behind the application's "
                                + "head, "
                                + String.join(", ", behind.subList(0, Math.min(NAMED_TENANTS, behind.size())))
                                + (behind.size() > NAMED_TENANTS ? " and others" : "")
                                + ". Upgrade the fleet to head.");
                return new Health("DOWN", details);
            }
            return new Health("UP", details);
        }
        DatabaseHealth.Verdict verdict = health.check();
        return new Health(verdict.status(), verdict.details());
    }

    /** Records the drift check startup ran, so the endpoint does not run it again at once. */
    void startupChecked() {
        health.startupChecked();
    }

    /** The last drift check, run again when it is older than migrate.health.drift-interval; null when off. */
    private @Nullable Drift drift() {
        DatabaseHealth.Drift drift = health.drift();
        return drift == null ? null : new Drift(drift.checkedAt(), drift.drifted(), drift.differences());
    }

    private Tenants tenants(int page, int size) {
        Supplier<Fleet> fleetOf = java.util.Objects.requireNonNull(fleet);
        Map<String, List<CurrentRevision>> current = fleetOf.get().current();
        DatabaseStatus status = DatabaseStatus.of(migrator);
        List<Tenant> all = new ArrayList<>();
        current.forEach((name, rows) -> all.add(
                new Tenant(name, rows.stream().map(CurrentRevision::id).toList(), status.pending(rows), expand(rows))));
        int behind = (int) all.stream().filter(t -> !t.pending().isEmpty()).count();
        long from = Math.min((long) page * size, all.size());
        long to = Math.min(from + size, all.size());
        return new Tenants(page, size, all.size(), behind, all.subList((int) from, (int) to));
    }

    private static @Nullable String expand(List<CurrentRevision> rows) {
        return DatabaseHealth.expand(rows);
    }
}
