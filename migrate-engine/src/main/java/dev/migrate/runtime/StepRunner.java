package dev.migrate.runtime;

import dev.migrate.MigrateException;
import dev.migrate.MigrationLog;
import dev.migrate.TransactionMode;
import dev.migrate.discovery.DiscoveredMigration;
import dev.migrate.graph.Direction;
import dev.migrate.graph.Step;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Runs planned steps through a {@link ScriptSink}: the same code for a live database and for an
 * offline script. Each migration's statements and its version-table update share one transaction
 * (or the whole run shares one, in {@link TransactionMode#ALL}); migrations marked
 * {@code transactional = false} run in autocommit.
 */
final class StepRunner {
    private final Map<String, DiscoveredMigration> migrations;
    private final VersionTables tables;
    private final TransactionMode mode;
    private final MigrationLog log;
    private final ScriptRecorder recorder = new ScriptRecorder();

    StepRunner(Map<String, DiscoveredMigration> migrations, VersionTables tables, TransactionMode mode, MigrationLog log) {
        this.migrations = migrations;
        this.tables = tables;
        this.mode = mode;
        this.log = log;
    }

    /** The upgrade script of a migration, rendered without running anything: what its checksum covers. */
    Script upgradeScript(String revision) {
        return recorder.record(migration(revision), Direction.UPGRADE, true);
    }

    void run(List<Step> steps, ScriptSink sink) {
        boolean inTransaction = false;
        String statement = null;
        Step current = null;
        try {
            for (Step step : steps) {
                current = step;
                DiscoveredMigration migration = migration(step.revision().id());
                Script script = recorder.record(migration, step.direction(), sink.offline());
                String checksum = step.direction() == Direction.UPGRADE ? script.checksum() : null;
                boolean transactional = step.revision().transactional();
                if (!transactional && inTransaction) {
                    statement = "COMMIT";
                    sink.commit();
                    inTransaction = false;
                }
                sink.comment(describe(step));
                if (transactional && !inTransaction) {
                    statement = "BEGIN";
                    sink.begin();
                    inTransaction = true;
                }
                long start = System.nanoTime();
                for (Script.Part part : script.parts()) {
                    if (part instanceof Script.Statement s) {
                        statement = s.sql();
                        sink.execute(s.sql());
                    } else {
                        statement = "(JDBC code of the migration)";
                        sink.jdbc(((Script.Jdbc) part).work(), step.revision().id());
                    }
                }
                Long millis = sink.offline() ? null : (System.nanoTime() - start) / 1_000_000;
                statement = "(version table update)";
                sink.executeAll(tables.bookkeeping(step, checksum, millis));
                if (inTransaction && mode == TransactionMode.PER_MIGRATION) {
                    statement = "COMMIT";
                    sink.commit();
                    inTransaction = false;
                }
                if (!sink.offline()) {
                    long total = (System.nanoTime() - start) / 1_000_000;
                    log.info(describe(step) + " (" + total + " ms)");
                }
            }
            if (inTransaction) {
                statement = "COMMIT";
                sink.commit();
            }
        } catch (SQLException e) {
            sink.rollback();
            throw failure(current, statement, e);
        } catch (RuntimeException e) {
            sink.rollback();
            throw e;
        }
    }

    private DiscoveredMigration migration(String revision) {
        DiscoveredMigration migration = migrations.get(revision);
        if (migration == null) {
            throw new IllegalStateException("No class for revision " + revision);
        }
        return migration;
    }

    /** {@code Running upgrade a -> b, message}, as Alembic prints it. */
    static String describe(Step step) {
        String parents = step.revision().revises().isEmpty() ? "<base>" : String.join(", ", step.revision().revises());
        String id = step.revision().id();
        String arrow = step.direction() == Direction.UPGRADE ? parents + " -> " + id : id + " -> " + parents;
        String message = step.revision().message().isEmpty() ? "" : ", " + step.revision().message();
        return "Running " + step.direction().name().toLowerCase() + " " + arrow + message;
    }

    private MigrateException failure(Step step, String statement, SQLException e) {
        String what = step == null ? "The run" : "Migration " + step.revision().id()
                + (step.revision().message().isEmpty() ? "" : " (" + step.revision().message() + ")")
                + " failed during " + step.direction().name().toLowerCase();
        String outcome;
        if (step != null && !step.revision().transactional()) {
            outcome = "It runs outside a transaction (transactional = false), so statements before the failing one stay "
                    + "applied; its version was not recorded. Repair the database by hand, fix the migration and run again.";
        } else if (mode == TransactionMode.ALL) {
            outcome = "The transaction was rolled back: no migration of this run was applied or recorded. Fix the "
                    + "migration and run again.";
        } else {
            outcome = "Its transaction was rolled back and nothing was recorded for it. Fix the migration and run again.";
        }
        String state = e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]";
        return new MigrateException(what + ".\nStatement: " + statement + "\nError" + state + ": " + serverMessage(e)
                + "\n" + outcome, e);
    }

    private static String serverMessage(SQLException e) {
        String message = e.getMessage();
        if (e.getNextException() != null && e.getNextException() != e) {
            message = e.getNextException().getMessage();
        }
        return message;
    }
}
