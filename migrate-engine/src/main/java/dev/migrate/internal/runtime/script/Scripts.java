package dev.migrate.internal.runtime.script;

import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.online.OnlineScripts;
import dev.migrate.op.OnlineChange;
import dev.migrate.text.Fixes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The recorded upgrade scripts of one run, each recorded once, whether the checksum check
 * or the runner asks first. {@link #recordAhead} records them on a thread of its own in the order
 * the run will want them, so that loading, instantiating and recording the migrations overlaps
 * with connecting, taking the lock and waiting for the server, instead of adding to them.
 *
 * <p>Whichever thread asks for a script first records it; a thread asking for one being recorded
 * waits for it. A failure to record is kept and thrown to every thread that asks, exactly as if it
 * had recorded the script itself.
 *
 * <p>The online phases read the upgrades through {@link OnlineScripts}.
 */
public final class Scripts implements AutoCloseable, OnlineScripts {
    private final Map<String, DiscoveredMigration> migrations;
    private final boolean offline;
    private final RecordedUpgrades recorded;
    private final ScriptRecorder recorder = new ScriptRecorder();
    private final Map<String, FutureTask<Script>> upgrades = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** @param offline whether the scripts are written out rather than run ({@code Operations.isOffline()}) */
    public Scripts(Map<String, DiscoveredMigration> migrations, boolean offline) {
        this(migrations, offline, new RecordedUpgrades());
    }

    /** The scripts of a run on a database, its upgrades taken from {@code recorded} where another run recorded them. */
    public Scripts(Map<String, DiscoveredMigration> migrations, RecordedUpgrades recorded) {
        this(migrations, false, recorded);
    }

    private Scripts(Map<String, DiscoveredMigration> migrations, boolean offline, RecordedUpgrades recorded) {
        this.migrations = migrations;
        this.offline = offline;
        this.recorded = recorded;
    }

    /**
     * Starts recording the upgrade scripts of {@code revisions}, in that order, on a daemon thread
     * with the caller's context class loader (migrations may look up resources through it). One
     * thread is enough: it stays ahead of migrations that run one after the other behind the
     * server, and leaves the other processor to the server; a run that waits for checksums records
     * alongside it on its own thread, through {@link #upgrade}.
     */
    public Scripts recordAhead(List<String> revisions) {
        if (revisions.isEmpty()) {
            return this;
        }
        // A script the run's thread has started meanwhile is skipped, not waited for.
        Thread worker = new Thread(() -> recordAndRender(revisions));
        worker.setName("migrate-script-recorder");
        worker.setDaemon(true);
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        worker.start();
        return this;
    }

    private void recordAndRender(List<String> revisions) {
        for (String id : revisions) {
            if (closed) {
                return;
            }
            task(id).run();
        }
        // Then the SQL of the scripts the run has not reached yet, which only pending steps need.
        for (String id : revisions) {
            if (closed) {
                return;
            }
            renderAhead(Objects.requireNonNull(upgrades.get(id)));
        }
    }

    private static void renderAhead(FutureTask<Script> recorded) {
        try {
            recorded.get().parts();
        } catch (ExecutionException | RuntimeException e) {
            // the runner renders it again when it gets there, and reports the failure itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The script of one direction of a migration; upgrades are recorded once per run. */
    public Script script(DiscoveredMigration migration, Direction direction) {
        return direction == Direction.UPGRADE
                ? upgrade(migration.info().id())
                : recorded.downgrade(migration, offline, () -> recorder.record(migration, direction, offline));
    }

    /** The upgrade script of a revision: what its checksum covers. */
    public Script upgrade(String revision) {
        FutureTask<Script> task = task(revision);
        task.run(); // records it here unless another thread has started to
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the script of " + revision, e);
        }
    }

    @Override
    public boolean online(String revision) {
        return upgrade(revision).online();
    }

    @Override
    public List<OnlineChange> changes(String revision) {
        return upgrade(revision).changes();
    }

    @Override
    public boolean onlyOnlineChanges(String revision) {
        return upgrade(revision).onlyOnlineChanges();
    }

    @Override
    public List<String> rollback(String revision, Fixes fixes) {
        return upgrade(revision).rollback(fixes).statements();
    }

    @Override
    public List<String> complete(String revision, List<String> completedBefore) {
        List<Script> before = completedBefore.stream().map(this::upgrade).toList();
        return upgrade(revision).complete(before).statements();
    }

    private FutureTask<Script> task(String revision) {
        return upgrades.computeIfAbsent(
                revision,
                id -> new FutureTask<>(() -> recorded.recorded(
                        migration(id), offline, () -> recorder.record(migration(id), Direction.UPGRADE, offline))));
    }

    private DiscoveredMigration migration(String revision) {
        DiscoveredMigration migration = migrations.get(revision);
        if (migration == null) {
            throw new IllegalStateException("No class for revision " + revision);
        }
        return migration;
    }

    /** Stops recording ahead after the script in hand: a run that ended needs no more. */
    @Override
    public void close() {
        closed = true;
    }
}
