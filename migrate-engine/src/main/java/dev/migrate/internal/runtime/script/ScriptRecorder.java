package dev.migrate.internal.runtime.script;

import dev.migrate.JdbcWork;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.Direction;
import dev.migrate.op.OnlineChange;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a migration's {@code upgrade} or {@code downgrade} against recording {@link Operations}.
 * Recording is side-effect free, so the same script serves a live run, an offline script and a
 * checksum; it is safe to do on another thread than the run's.
 */
final class ScriptRecorder {
    Script record(DiscoveredMigration migration, Direction direction, boolean offline) {
        Recording ops = new Recording(offline, direction == Direction.DOWNGRADE);
        Migration instance = migration.newInstance();
        try {
            if (direction == Direction.UPGRADE) {
                instance.upgrade(ops);
            } else {
                instance.downgrade(ops);
            }
        } catch (MigrateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MigrateException(
                    "Migration " + migration.info().id() + " ("
                            + migration.type().getName() + ") failed while " + "describing its "
                            + direction.name().toLowerCase(Locale.ROOT) + ": " + e.getMessage(),
                    e);
        }
        return new Script(migration.info().id(), ops.requests, ops.checksum.value());
    }

    private static final class Recording implements Operations {
        private final boolean offline;
        /** Whether online changes are made at once: a downgrade has no phases. */
        private final boolean whole;

        private final List<Script.Request> requests = new ArrayList<>();
        private final Checksum checksum = new Checksum();
        private final Map<String, OnlineChange> onlineColumns = new HashMap<>();

        Recording(boolean offline, boolean whole) {
            this.offline = offline;
            this.whole = whole;
        }

        @Override
        public void run(Op op) {
            if (op instanceof OnlineOp.Online online) {
                checkOnline(online.change());
            }
            checksum.add(op);
            if (whole && op instanceof OnlineOp.Online online) {
                online.whole().forEach(plain -> requests.add(new Script.Ask(plain)));
            } else {
                requests.add(new Script.Ask(op));
            }
        }

        /**
         * One online change per column, but a replacement and a rename together; every change names the
         * columns and tables as they are before the revision.
         */
        private void checkOnline(OnlineChange change) {
            for (String column : change.columns()) {
                String key = change.table() + "." + column;
                OnlineChange earlier = onlineColumns.putIfAbsent(key, change);
                boolean replacedAndRenamed = earlier != null
                        && earlier.getClass() != change.getClass()
                        && (earlier instanceof OnlineChange.AlterColumn || earlier instanceof OnlineChange.RenameColumn)
                        && (change instanceof OnlineChange.AlterColumn || change instanceof OnlineChange.RenameColumn);
                if (earlier != null && !replacedAndRenamed) {
                    throw new IllegalArgumentException("The column " + key + " has two online changes in one revision"
                            + " (" + earlier + " and " + change + "): make them one (OnlineChange.alterColumn(...)"
                            + " takes the type, NOT NULL and constraints together, and a rename may go with it), or"
                            + " put the second in a revision of its own.");
                }
            }
        }

        @Override
        public void jdbc(JdbcWork work) {
            checksum.addJdbc();
            requests.add(new Script.Jdbc(work));
        }

        @Override
        public boolean isOffline() {
            return offline;
        }
    }
}
