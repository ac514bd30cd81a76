package dev.migrate.internal.runtime.script;

import dev.migrate.internal.discovery.ClassClosure;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.Direction;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The upgrade scripts of one chain that hold operations only, recorded once and then shared by every run of the
 * engines on that chain: the tenants of a fleet, and the replays and checksums beside them, record each migration
 * once, not once a run. Recording is side-effect free and asks nothing of a database, so such a script is the same
 * for every run, its SQL rendered once too. A script with JDBC work is never kept: its code runs on each database
 * with the migration's instance of that run, as it always has.
 *
 * <p>While {@link #carry()} is open (a watch, whose every cycle loads the project's classes anew), a script is also
 * carried to the next chains of the process, under its revision, its direction and the sum of the project's classes
 * its migration reaches ({@link ClassClosure}): a chain whose migration runs the same code takes it instead of
 * recording it again, its downgrade as well ({@link #downgrade}), which the extensions a chain needs are read from.
 * The code could still read a resource that changed: the caller {@link #forgetCarried() forgets} them then.
 */
public final class RecordedUpgrades {
    /** More carried scripts than this are forgotten at once: a watch's chain and its few edited revisions fit. */
    private static final int CARRIED_KEPT = 50_000;

    private static final Map<String, Script> CARRIED = new ConcurrentHashMap<>();
    private static final AtomicInteger CARRYING = new AtomicInteger();

    private final Map<String, Script> kept = new ConcurrentHashMap<>();
    /** The closures of the migrations' classes, for their loader: its class path read once for the chain. */
    private volatile @Nullable ClassClosure closures;
    /** One lock per revision, so that runs asking at once for a revision not kept yet record it once between them. */
    private final Map<String, Object> recording = new ConcurrentHashMap<>();

    /** Carries the scripts recorded from now on to the next chains of this process, until {@link #endCarrying()}. */
    public static void carry() {
        CARRYING.incrementAndGet();
    }

    /** Ends one {@link #carry()}; the last forgets what was carried. */
    public static void endCarrying() {
        if (CARRYING.decrementAndGet() == 0) {
            CARRIED.clear();
        }
    }

    /** Forgets the scripts carried so far: what a migration might read besides its classes changed. */
    public static void forgetCarried() {
        CARRIED.clear();
    }

    /**
     * The upgrade of {@code migration}: the one kept, or carried, or {@code record}'s, kept when it holds operations
     * only.
     *
     * @param offline whether the script is written out rather than run, which its operations may ask
     */
    Script recorded(DiscoveredMigration migration, boolean offline, Supplier<Script> record) {
        String revision = migration.info().id();
        Script known = kept.get(revision);
        if (known != null) {
            return known;
        }
        synchronized (recording.computeIfAbsent(revision, r -> new Object())) {
            known = kept.get(revision);
            if (known != null) {
                return known;
            }
            Script script = carried(migration, Direction.UPGRADE, offline, record);
            if (script.operationsOnly()) {
                kept.put(revision, script);
            }
            return script;
        }
    }

    /**
     * The downgrade of {@code migration}: the one carried, or {@code record}'s, carried when it holds operations only.
     * A run asks for a downgrade once, so it is not kept for the chain.
     */
    Script downgrade(DiscoveredMigration migration, boolean offline, Supplier<Script> record) {
        return carried(migration, Direction.DOWNGRADE, offline, record);
    }

    /** The script carried for {@code direction} of {@code migration}, or {@code record}'s, then carried if it can be. */
    private Script carried(
            DiscoveredMigration migration, Direction direction, boolean offline, Supplier<Script> record) {
        Optional<String> carriedAs = carriedKey(migration, direction, offline);
        Script script = carriedAs.map(CARRIED::get).orElse(null);
        if (script == null) {
            script = record.get();
            if (script.operationsOnly() && carriedAs.isPresent()) {
                if (CARRIED.size() >= CARRIED_KEPT) {
                    CARRIED.clear();
                }
                CARRIED.put(carriedAs.get(), script);
            }
        }
        return script;
    }

    /** What a carried script of {@code migration} is found under; empty when none is carried. */
    private Optional<String> carriedKey(DiscoveredMigration migration, Direction direction, boolean offline) {
        if (CARRYING.get() == 0 || migration.instance() != null) {
            return Optional.empty(); // an instance given by an application may hold state of its own
        }
        ClassClosure closure = closures;
        if (closure == null || !closure.of(migration.loader())) {
            closure = ClassClosure.in(migration.loader());
            closures = closure;
        }
        String source = migration.info().source();
        return closure.digest(source)
                .map(code -> migration.info().id() + '\0' + direction + '\0' + offline + '\0' + source + '\0' + code);
    }
}
