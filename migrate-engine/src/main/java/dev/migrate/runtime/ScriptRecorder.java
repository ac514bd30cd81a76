package dev.migrate.runtime;

import dev.migrate.JdbcWork;
import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.discovery.DiscoveredMigration;
import dev.migrate.graph.Direction;
import dev.migrate.op.Op;
import dev.migrate.sql.PostgresDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a migration's {@code upgrade} or {@code downgrade} against recording {@link Operations} and
 * renders what it asked for. Recording is side-effect free, so the same script serves a live run,
 * an offline script and a checksum.
 */
final class ScriptRecorder {
    private final PostgresDialect dialect = new PostgresDialect();

    Script record(DiscoveredMigration migration, Direction direction, boolean offline) {
        Recording ops = new Recording(offline);
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
            throw new MigrateException("Migration " + migration.info().id() + " (" + migration.type().getName() + ") failed while "
                    + "describing its " + direction.name().toLowerCase() + ": " + e.getMessage(), e);
        }
        return new Script(ops.parts, ops.checksum.value());
    }

    private final class Recording implements Operations {
        private final boolean offline;
        private final List<Script.Part> parts = new ArrayList<>();
        private final Checksum checksum = new Checksum();

        Recording(boolean offline) {
            this.offline = offline;
        }

        @Override public void run(Op op) {
            checksum.add(op);
            for (String sql : dialect.render(op)) {
                parts.add(new Script.Statement(sql));
            }
        }

        @Override public void jdbc(JdbcWork work) {
            checksum.addJdbc();
            parts.add(new Script.Jdbc(work));
        }

        @Override public boolean isOffline() {
            return offline;
        }
    }
}
