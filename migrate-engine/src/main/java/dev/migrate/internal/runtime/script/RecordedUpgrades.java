package dev.migrate.internal.runtime.script;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The upgrade scripts of one chain that hold operations only, recorded once and then shared by every run of the
 * engines on that chain: the tenants of a fleet, and the replays and checksums beside them, record each migration
 * once, not once a run. Recording is side-effect free and asks nothing of a database, so such a script is the same
 * for every run, its SQL rendered once too. A script with JDBC work is never kept: its code runs on each database
 * with the migration's instance of that run, as it always has.
 */
public final class RecordedUpgrades {
    private final Map<String, Script> kept = new ConcurrentHashMap<>();
    /** One lock per revision, so that runs asking at once for a revision not kept yet record it once between them. */
    private final Map<String, Object> recording = new ConcurrentHashMap<>();

    /** The script of {@code revision}: the one kept, or {@code record}'s, kept when it holds operations only. */
    Script recorded(String revision, Supplier<Script> record) {
        Script known = kept.get(revision);
        if (known != null) {
            return known;
        }
        synchronized (recording.computeIfAbsent(revision, r -> new Object())) {
            known = kept.get(revision);
            if (known != null) {
                return known;
            }
            Script script = record.get();
            if (script.operationsOnly()) {
                kept.put(revision, script);
            }
            return script;
        }
    }
}
