package dev.migrate.internal.runtime;

import dev.migrate.Imported;
import dev.migrate.TransactionMode;
import dev.migrate.internal.discovery.DiscoveredMigration;
import dev.migrate.internal.graph.Direction;
import dev.migrate.internal.graph.Step;
import dev.migrate.internal.lock.LockRetries;
import dev.migrate.internal.online.OnlineRunner;
import dev.migrate.internal.runtime.history.VersionTables;
import dev.migrate.internal.runtime.script.Script;
import dev.migrate.internal.runtime.script.Scripts;
import dev.migrate.internal.runtime.sink.ScriptSink;
import dev.migrate.op.CitusOp;
import dev.migrate.op.DataOp;
import dev.migrate.op.OnlineOp;
import dev.migrate.op.Op;
import dev.migrate.op.SqlOp;
import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import dev.migrate.text.Fixes;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which statements of a run go in which transaction. Each migration's statements and its version-table
 * update share a transaction of their own, or the whole run shares one ({@link TransactionMode#ALL});
 * migrations marked {@code transactional = false}, and the expand of an online revision, run outside any,
 * each statement committing alone (a {@code CREATE INDEX CONCURRENTLY} cannot run in a transaction). A
 * migration is planned when the run reaches it, since only then is it recorded: one whose code fails
 * fails in its turn, after the migrations before it.
 */
final class TransactionPlan {
    /** The first words of SQL as written that changes the schema only ({@link #schemaOnly}). */
    private static final Set<String> SCHEMA_WORDS = Set.of("create", "alter", "drop", "comment", "grant", "revoke");

    private final List<Step> steps;
    private final Map<String, DiscoveredMigration> migrations;
    private final Scripts scripts;
    private final Map<String, String> phases;
    private final OnlineRunner online;
    private final TransactionMode mode;
    private final LockRetries lockRetries;
    /** Whether a migration of several statements may go in one round trip too (a replay's runner). */
    private final boolean wholeSteps;

    private final Fixes fixes;
    /** For each step, whether it upgrades a revision built from nothing in this run ({@link #fromNothing(List)}). */
    private final boolean[] fromNothing;

    /**
     * @param phases the phase of each online revision the state table names: the downgrade of one in its
     *     expand phase undoes the expand
     */
    TransactionPlan(
            List<Step> steps,
            Map<String, DiscoveredMigration> migrations,
            Scripts scripts,
            Map<String, String> phases,
            OnlineRunner online,
            TransactionMode mode,
            LockRetries lockRetries,
            boolean wholeSteps,
            Fixes fixes) {
        this.steps = steps;
        this.migrations = migrations;
        this.scripts = scripts;
        this.phases = phases;
        this.online = online;
        this.mode = mode;
        this.lockRetries = lockRetries;
        this.wholeSteps = wholeSteps;
        this.fixes = fixes;
        this.fromNothing = fromNothing(steps);
    }

    /**
     * One migration of the run, as it runs.
     *
     * @param script what it runs: an online upgrade's expand, and for the downgrade of an online revision
     *     in its expand phase, the undoing of that expand
     * @param parts the script's statements and JDBC work, rendered
     * @param checksum what the version table records of an upgrade; null for a downgrade
     * @param transactional whether it runs in a transaction; one that does not commits the run's open
     *     transaction first
     * @param expand whether it is the expand phase of an online revision
     * @param oneRoundTrip whether its statements, bookkeeping and COMMIT go to the server together
     * @param commitsWithBookkeeping whether its bookkeeping commits its transaction, which is its own
     * @param stateRows the online state table's part of its bookkeeping
     * @param fromNothing whether it upgrades a revision this run built from nothing ({@link #fromNothing(List)})
     * @param completesOnTheWay whether the contract of its expand runs at once, after it
     * @param last whether it is the run's last, whose commit waits for the disk
     */
    record Planned(
            Step step,
            DiscoveredMigration migration,
            Script script,
            List<Script.Part> parts,
            @Nullable String checksum,
            boolean transactional,
            boolean expand,
            boolean oneRoundTrip,
            boolean commitsWithBookkeeping,
            List<String> stateRows,
            boolean fromNothing,
            boolean completesOnTheWay,
            boolean last) {
        String revision() {
            return step.revision().id();
        }

        /**
         * What goes to the server in one round trip for a step whose parts are SQL statements, none a guard: its
         * statements, its bookkeeping timed by the server and its state rows.
         */
        List<String> whole(VersionTables tables) {
            List<String> whole = new ArrayList<>(parts.size() + 3);
            for (Script.Part part : parts) {
                whole.add(((Script.Statement) part).sql());
            }
            whole.addAll(tables.bookkeepingTimedByServer(step, checksum));
            whole.addAll(stateRows);
            return whole;
        }
    }

    /** How many steps the run has. */
    int size() {
        return steps.size();
    }

    /**
     * Whether a planned step may go to the server in one round trip with the steps beside it, each in a transaction
     * of its own: an upgrade whose statements change the schema only ({@link #schemaOnly}) of a revision built from
     * nothing in this run (a run from base, a library's module new to the database), with no application running
     * on it, its tables empty, so no statement of it runs long. A migration that moves data, or runs SQL that may
     * take its time ({@code SELECT pg_sleep(5)}), goes alone, and the progress names its statement while it runs.
     * Its transaction commits before the next one begins, as when each goes alone.
     */
    boolean goesTogether(Planned planned) {
        Step step = planned.step();
        return mode == TransactionMode.PER_MIGRATION
                && planned.fromNothing()
                && step.revision().transactional()
                && !planned.expand()
                && planned.stateRows().isEmpty()
                && !step.insertVersions().isEmpty()
                && plainStatements(planned.parts())
                && planned.parts().stream().allMatch(p -> schemaOnly((Script.Statement) p));
    }

    /**
     * Whether a statement changes the schema only: a typed change of tables, columns, constraints, indexes, types,
     * sequences or objects, or SQL as written that starts with {@code CREATE}, {@code ALTER}, {@code DROP}, {@code
     * COMMENT}, {@code GRANT} or {@code REVOKE}. Rows written or read, online phases and Citus' distribution are not.
     */
    static boolean schemaOnly(Script.Statement statement) {
        Op op = statement.op();
        if (op instanceof DataOp || op instanceof OnlineOp || op instanceof CitusOp) {
            return false;
        }
        if (op != null && !(op instanceof SqlOp)) {
            return true;
        }
        return SqlLexer.firstToken(statement.sql())
                .filter(first -> first.kind() == SqlToken.Kind.WORD)
                .map(first -> SCHEMA_WORDS.contains(Objects.requireNonNull(first.name())))
                .orElse(false);
    }

    /** The {@code i}th step, not yet planned. */
    Step stepAt(int i) {
        return steps.get(i);
    }

    /** The {@code i}th step, planned for {@code sink}; records its migration. */
    Planned step(int i, ScriptSink sink) {
        Step step = steps.get(i);
        DiscoveredMigration migration =
                StepRunner.migration(migrations, step.revision().id());
        Script script = script(step, migration);
        List<Script.Part> parts = script.parts();
        boolean expand = step.direction() == Direction.UPGRADE && script.online();
        return new Planned(
                step,
                migration,
                script,
                parts,
                step.direction() == Direction.UPGRADE ? script.checksum() : null,
                step.revision().transactional() && !expand,
                expand,
                inOneRoundTrip(step, parts, sink),
                mode == TransactionMode.PER_MIGRATION,
                stateRows(step, script),
                fromNothing[i],
                expand && (wholeSteps || fromNothing[i] || upgradesLater(i)),
                i == steps.size() - 1);
    }

    /**
     * Whether the step downgrades a revision that a database may have recorded as applied without running its
     * changes: one whose guard can mark it ran, or one imported from another tool, whose move-in keeps what that
     * tool marked ran. An offline script tests it before running the downgrade.
     */
    boolean mayBeMarkedRan(Planned planned) {
        if (planned.step().direction() != Direction.DOWNGRADE) {
            return false;
        }
        if (planned.migration().type().getAnnotationsByType(Imported.class).length > 0) {
            return true;
        }
        return GuardCheck.guards(scripts.upgrade(planned.revision()).parts()).stream()
                .anyMatch(GuardCheck::mayRunNothing);
    }

    /**
     * Whether a migration in a transaction that failed on {@code lock_timeout} starts again from its first
     * statement, its locks released while it waits; in one transaction for the run, nothing can.
     */
    boolean retriesTransaction(Planned step, SQLException e, int attempt) {
        return step.transactional()
                && mode != TransactionMode.ALL
                && LockRetries.isLockTimeout(e)
                && attempt <= lockRetries.retries();
    }

    private Script script(Step step, DiscoveredMigration migration) {
        if (step.direction() == Direction.DOWNGRADE
                && OnlineRunner.inProgress(phases, step.revision().id())) {
            return scripts.upgrade(step.revision().id()).rollback(fixes);
        }
        return scripts.script(migration, step.direction());
    }

    /** The state table's part of a step's bookkeeping. */
    private List<String> stateRows(Step step, Script script) {
        String id = step.revision().id();
        if (step.direction() == Direction.UPGRADE) {
            return script.online() ? List.of(online.expand().expanded(id)) : List.of();
        }
        return phases.containsKey(id) ? List.of(online.forget(id)) : List.of();
    }

    /**
     * Whether a migration goes to the server in one round trip, its statement, its bookkeeping and
     * the COMMIT of its own transaction together: a transactional migration of one SQL statement, in a
     * transaction of its own, on a sink that takes it whole. A migration of several statements sends
     * them one by one, so that the progress of a long one names the statement that runs; a replay on
     * a throwaway database, which nobody follows statement by statement, sends them together too.
     */
    private boolean inOneRoundTrip(Step step, List<Script.Part> parts, ScriptSink sink) {
        return mode == TransactionMode.PER_MIGRATION
                && step.revision().transactional()
                && sink.takesStepsWhole()
                && (parts.size() == 1 || wholeSteps)
                && plainStatements(parts);
    }

    /** Whether {@code parts} are SQL statements, one at least, and none a guard. */
    private static boolean plainStatements(List<Script.Part> parts) {
        if (parts.isEmpty()) {
            return false;
        }
        for (Script.Part part : parts) {
            // a guard is evaluated before the statements, which then may not run at all
            if (!(part instanceof Script.Statement) || GuardCheck.isGuard(part)) {
                return false;
            }
        }
        return true;
    }

    /**
     * For each step, whether it upgrades a revision whose parents, and the revisions it depends on, this run built
     * from nothing before it, or that has none: what it changes is new, so no application can be running on it. In
     * a run from base every upgrade is; where a library's module is added to a database that runs the application,
     * the module's chain is and the application's own revisions after it are not, nor is a module's take of a table
     * another module hands over from a live chain, or what follows the take.
     */
    static boolean[] fromNothing(List<Step> steps) {
        boolean[] fromNothing = new boolean[steps.size()];
        Set<String> built = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step.direction() == Direction.UPGRADE
                    && built.containsAll(step.revision().revises())
                    && built.containsAll(step.revision().dependsOn())) {
                fromNothing[i] = true;
                built.add(step.revision().id());
                built.addAll(step.revision().replaces()); // a squash's children revise the last it replaces
            }
        }
        return fromNothing;
    }

    /** Whether a step after the {@code i}th upgrades a revision. */
    private boolean upgradesLater(int i) {
        return steps.subList(i + 1, steps.size()).stream().anyMatch(s -> s.direction() == Direction.UPGRADE);
    }
}
